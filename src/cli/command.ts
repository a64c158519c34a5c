// A CLI subcommand. `run` returns the exit code: 0 ok, 1 some inputs failed, 2 usage.
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** The command prints its own help (e.g. per subcommand) instead of `usage` on --help. */
  handlesHelp?: boolean;
  run(args: string[], io: CliIO): Promise<number>;
}

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  debug: boolean;
}
