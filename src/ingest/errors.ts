// An input that cannot be analysed. The CLI prints `path: reason` and goes on.
export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    /** The unexpected error behind it, if any (its stack is shown with --debug). */
    override readonly cause?: Error,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'InputError';
  }
}

/** A usage error: bad flags or arguments (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}
