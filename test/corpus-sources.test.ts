// `corpus sources` lists one actor under the key claim grouping gives it: an
// acronym met beside its long form in one article (« L'AP-HP a indiqué que …
// de l'Assistance publique-Hôpitaux de Paris ») is the long form where another
// article quotes the long form alone (src/corpus/source-keys.ts, claim-keys.ts).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { judgeNearDuplicates } from '../src/corpus/minhash.js';
import { openStore } from '../src/corpus/open.js';
import { actors, keyCanon } from '../src/corpus/source-keys.js';
import { claimTable } from '../src/corpus/claim-table.js';
import { graphOf } from '../src/corpus/index.js';
import { article, attribution, entity } from './corpus-suite.js';

const LONG = 'Assistance publique-Hôpitaux de Paris';
const FIRST = `L'AP-HP a indiqué mardi que quinze services d'urgence de l'${LONG} étaient touchés par la grève.`;
const CONTENT = "La grève touchait désormais 20 services d'urgence dans les hôpitaux de la capitale";
const SECOND = `${CONTENT}, a affirmé mercredi l'${LONG}.`;

test('corpus sources and the graph: an acronym and its long form are one actor, under the key claim grouping gives it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-sources-'));
  const store = await openStore(join(dir, 'corpus.db'));
  try {
    await store.addBatch(
      [
        article(FIRST, { outlet: 'Le Quotidien', published: '2019-03-05', title: 'urgences' }, (a) => ({
          entities: [entity(a, LONG, 'ORG', 'org:assistance-publique-hopitaux-de-paris')],
          attributions: [
            attribution(
              a,
              `quinze services d'urgence de l'${LONG} étaient touchés par la grève`,
              { text: "L'AP-HP", resolved: null, anonymous: false, key: 'org:aphp' },
              false,
            ),
          ],
        })),
        article(SECOND, { outlet: 'Le Relais', published: '2019-03-06', title: 'greve' }, (a) => ({
          attributions: [attribution(a, CONTENT, { text: LONG, resolved: null, anonymous: false, key: 'org:assistancepubliquehopitauxdeparis' }, false)],
        })),
      ],
      judgeNearDuplicates,
    );
    const speakers = [];
    for await (const s of actors(store.sources(), store.claimFeatures())) if (s.kind === 'speaker') speakers.push([s.key, s.count, s.documents]);
    assert.deepEqual(speakers, [['org:assistance-publique-hopitaux-de-paris', 2, 2]]);
    // Claim grouping names the same actor by the same key.
    const t = await claimTable(store.claimFeatures());
    const canon = keyCanon(t.sourceKeys, t.longForms);
    assert.deepEqual([canon('org:aphp'), canon('org:assistancepubliquehopitauxdeparis')], [speakers[0]![0], speakers[0]![0]]);
    // The citation graph: one speaker node, quoted by both outlets.
    const graph = await graphOf(store);
    assert.deepEqual(
      graph.nodes.filter((n) => n.kind === 'speaker').map((n) => [n.id, n.documents]),
      [['speaker:org:assistance-publique-hopitaux-de-paris', 2]],
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
