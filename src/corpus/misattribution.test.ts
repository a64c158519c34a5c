// One quotation credited to different people across documents (invented quotations).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QuotationIndex, quotationWords } from './misattribution.js';
import type { AttributionRow } from './store.js';

function quote(documentId: string, index: number, content: string, source: string, sourceKey: string | null, kind = 'direct'): AttributionRow {
  return {
    documentId,
    index,
    kind,
    cue: 'a déclaré',
    source,
    sourceResolved: null,
    sourceKey,
    coSources: [],
    anonymous: sourceKey === null ? null : false,
    via: [],
    content,
    contentStart: 0,
    contentEnd: content.length,
    hedged: false,
    parent: null,
  };
}

const words = 'Nous ne céderons jamais devant les menaces du cartel';

test('quotation words: case, accents and punctuation folded; short quotations are not compared', () => {
  assert.equal(quotationWords('« Nous ne céderons JAMAIS, devant les menaces du cartel ! »'), quotationWords(words));
  assert.equal(quotationWords("C'est totalement faux"), null);
});

test('the same quotation credited to two people in two documents: each sees the other', async () => {
  const index = await QuotationIndex.build([
    quote('d1', 0, words, 'Paul Marin', 'per:paul-marin'),
    quote('d2', 3, `${words}.`, 'Claire Roux', 'per:claire-roux'),
    quote('d3', 1, 'Une autre phrase qui ne dit pas du tout la même chose', 'Claire Roux', 'per:claire-roux'),
  ]);
  assert.deepEqual(index.othersThan('d1', 0), [{ speaker: 'Claire Roux', speakerKey: 'per:claire-roux', documents: ['d2'] }]);
  assert.deepEqual(index.othersThan('d2', 3), [{ speaker: 'Paul Marin', speakerKey: 'per:paul-marin', documents: ['d1'] }]);
  assert.deepEqual(index.othersThan('d3', 1), []);
  assert.deepEqual(index.othersThan('d1', null), []);
});

test('one person under two keys, a body, an anonymous source or an indirect report is no conflict', async () => {
  const index = await QuotationIndex.build([
    quote('d1', 0, words, 'Paul Marin', 'per:paul-marin'),
    // « M. Marin » in an article that never gives the full name: the corpus's one Paul Marin.
    quote('d2', 0, words, 'M. Marin', 'per:marin'),
    quote('d3', 0, words, 'la préfecture', 'org:prefecture'),
    quote('d4', 0, words, 'une source proche du dossier', 'anon:0123456789ab:source@proche-dossier'),
    quote('d5', 0, words, 'Claire Roux', 'per:claire-roux', 'indirect'),
    // One letter of the surname spelt otherwise in one article; a role keyed as a person by mistake.
    quote('d6', 0, words, 'Paul Marim', 'per:paul-marim'),
    quote('d7', 0, words, 'le Premier ministre', 'per:premier'),
    // Words before the name that the speaker's span swallowed (« le procureur de Paris Paul Marin »).
    quote('d8', 0, words, 'Paris Paul Marin', 'per:paris-paul-marin'),
  ]);
  assert.deepEqual(index.othersThan('d1', 0), []);
  assert.deepEqual(index.othersThan('d2', 0), []);
});
