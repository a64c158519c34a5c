// The corpus integration suite on the embedded SQLite store (a temporary file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/corpus/open.js';
import { corpusSuite } from './corpus-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'recoupe-corpus-'));
const file = join(dir, 'corpus.db');

corpusSuite('sqlite', {
  create: () => openStore(file),
  async reopen(store) {
    await store.close();
    return openStore(file);
  },
  async dispose() {
    rmSync(dir, { recursive: true, force: true });
  },
});
