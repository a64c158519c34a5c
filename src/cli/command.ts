// A CLI subcommand. `run` returns the exit code: 0 ok, 1 some inputs failed, 2 usage.
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** The command prints its own help (e.g. per subcommand) instead of `usage` on --help. */
  handlesHelp?: boolean;
  run(args: string[], io: CliIO): Promise<number>;
}

/** What a command module holds: the rest (name, summary) is in the registry, read without loading it. */
export type CommandBody = Omit<Command, 'name' | 'summary'>;

/** A top-level command, loaded only when it runs: `recoupe analyze` does not load the corpus or the server. */
export interface LazyCommand {
  name: string;
  summary: string;
  load(): Promise<CommandBody>;
}

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  debug: boolean;
}
