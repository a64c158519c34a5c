// Turns the input stream into analyses, one at a time (constant memory);
// per-input failures come out as errors beside the results, never thrown.
import type { Analysis } from '../doc/schema.js';
import { analyze, type AnalyzeOptions } from '../pipeline/analyze.js';
import { DecodeError } from './decode.js';
import { InputError } from './errors.js';
import { itemWhere, type InputItem } from './inputs.js';

export type ItemResult = { ok: true; analysis: Analysis } | { ok: false; error: InputError };

export function analyzeItem(item: InputItem, options: AnalyzeOptions = {}): ItemResult {
  if (item.kind === 'error') return { ok: false, error: item.error };
  const where = itemWhere(item);
  try {
    const analysis =
      item.kind === 'bytes'
        ? analyze(item, options)
        : analyze(
            {
              text: item.text,
              path: item.path,
              line: item.line,
              known: item.known,
              provenance: item.provenance,
              ...(item.html ? { format: 'html' as const } : {}),
            },
            options,
          );
    if (analysis.text.trim() === '') return { ok: false, error: new InputError(where, 'no article text left after cleaning') };
    return { ok: true, analysis };
  } catch (e) {
    if (e instanceof DecodeError) return { ok: false, error: new InputError(where, e.message) };
    // A bug met on one input must not lose the others: report it as this input's failure.
    const err = e instanceof Error ? e : new Error(String(e));
    return { ok: false, error: new InputError(where, `internal error: ${err.message}`, err) };
  }
}
