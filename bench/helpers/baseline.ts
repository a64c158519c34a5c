// The speed baseline every text bench reports against: Intl.Segmenter word
// segmentation of the same texts, run in the same process.
const segmenter = new Intl.Segmenter('fr', { granularity: 'word' });

/** Words as Intl.Segmenter counts them (isWordLike): the unit of every words/s figure. */
export function segmenterWords(texts: readonly string[]): number {
  let n = 0;
  for (const t of texts) for (const s of segmenter.segment(t)) if (s.isWordLike) n++;
  return n;
}
