// Opens a corpus database for the server. The SQLite store lives on the
// `corpus` branch (src/corpus/store.ts); until it is merged there is no
// store to adapt, and --db is refused with a clear message.
import type { CorpusPort } from './corpus-port.js';

export function openCorpus(path: string): CorpusPort {
  throw new Error(`cannot open ${path}: this build has no corpus store`);
}
