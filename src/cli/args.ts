// Argument parsing on node:util parseArgs, with usage errors as UsageError.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../ingest/errors.js';

/** Seconds one document's analysis may take in the CLI commands (`--budget`). */
export const DEFAULT_BUDGET_SECONDS = 60;

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<T extends Options>(
  args: string[],
  options: T,
  allowPositionals = true,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: boolean; strict: true }>> {
  try {
    return parseArgs({ args: withNegativeValues(args, options), allowPositionals, options, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^.*?: /, ''));
  }
}

/**
 * `--budget -5`: a value option followed by a negative number takes it as its value (`--budget=-5`), so the option's
 * own check says what is wrong ("--budget must be a positive number") instead of parseArgs' three-line guess.
 */
function withNegativeValues(args: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!.startsWith('--') ? args[i]!.slice(2) : null;
    const next = args[i + 1];
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(args[i]!);
  }
  return out;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

export function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive integer (got "${value}")`);
  return n;
}

export const BUDGET_HELP = `  --budget S   seconds one document's analysis may take (default ${DEFAULT_BUDGET_SECONDS}); a document
               over it is reported as failed, the run goes on`;

/** `--budget S`: a positive number of seconds. */
export function budgetSeconds(value: string | undefined): number {
  if (value === undefined) return DEFAULT_BUDGET_SECONDS;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--budget must be a positive number of seconds (got "${value}")`);
  return n;
}
