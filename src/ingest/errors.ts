// An input that cannot be analysed. The CLI prints `path: reason` and goes on.
export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    /** The unexpected error behind it, if any (its stack is shown with --debug). */
    override readonly cause?: Error,
  ) {
    super(`${printable(path)}: ${reason}`);
    this.name = 'InputError';
  }
}

/** A usage error: bad flags or arguments (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError';
  /** The command whose `--help` the one-line hint points to ("corpus search"); the top-level command when unset. */
  command?: string;
}

/** A path fit for a one-line message: control characters (a newline in a file name) escaped. */
export function printable(path: string): string {
  return path.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** A file-system or stream error as a reason a person can act on (`what`: the format of a .gz file). */
export function readFailure(e: unknown, what = ''): string {
  const err = e as NodeJS.ErrnoException;
  const code = err.code;
  if (code === 'Z_BUF_ERROR') return `truncated ${what}.gz file (the compressed data ends early)`;
  if (code?.startsWith('Z_')) return `not a ${what}.gz file (${err.message})`;
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read: permission denied';
  if (code === 'EISDIR') return 'cannot read: is a directory';
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'ELOOP') return 'cannot read: too many levels of symbolic links (a symlink loop)';
  if (code === 'ENAMETOOLONG') return 'file name too long';
  return `cannot read: ${code ?? err.message ?? String(e)}`;
}
