// What the corpus derives from an analysis before storing it. Runs in the
// analysis workers, so the single writer thread only writes.
import { createHash } from 'node:crypto';
import type { Analysis } from '../doc/schema.js';
import type { InputItem } from '../ingest/inputs.js';
import { claimRows } from './claim-features.js';
import { lshBuckets, minhash } from './minhash.js';
import type { PreparedDocument } from './store.js';
import { indexStems } from '../lang/stems.js';

export function prepareDocument(analysis: Analysis, inputKey: string | null): PreparedDocument {
  const sig = minhash(analysis.text);
  // Stored: everything but the tokens; the text has a column of its own.
  const { tokens: _tokens, text, ...rest } = analysis;
  const stems = indexStems(`${analysis.meta.title ?? ''}\n${text}`, analysis.meta.language);
  const { id, input, meta, entities, attributions } = analysis;
  return {
    analysis: { id, input, meta, text, entities, attributions },
    analysisJson: JSON.stringify(rest),
    inputKey,
    stems,
    wordCount: stems === '' ? 0 : stems.split(' ').length,
    minhash: sig,
    bands: lshBuckets(sig),
    claims: claimRows(analysis),
  };
}

/** A stable key for a raw input: where it came from and its exact content. Stdin has none (nothing to resume). */
export function inputKey(item: InputItem): string | null {
  if (item.kind === 'error' || item.path === null) return null;
  const h = createHash('sha256').update(item.path).update('\0');
  if (item.kind === 'record') h.update(String(item.line)).update('\0').update(item.text).update(JSON.stringify(item.known));
  else h.update(item.bytes);
  return h.digest('hex');
}
