import { test } from 'node:test';
import assert from 'node:assert/strict';
import snowball from 'snowball-stemmers';
import { fold } from '../text/fold.js';
import { readJson, langPath } from './resources.js';
import { wordTools } from './stems.js';

test('the fast French stemmer gives the stems of snowball-stemmers, diaeresis words included', () => {
  const data = readJson<{ stemmer: string; fastStemmer?: string }>(langPath('fr', 'corpus.json'));
  assert.ok(data.fastStemmer, 'lang/fr/corpus.json names a fast stemmer');
  const reference = snowball.newStemmer(data.stemmer);
  const stem = wordTools('fr').stem;
  // Inflections and derivations of every suffix class the algorithm handles, and words with a diaeresis, whose stems
  // Snowball 2 changed (« héroïque »: héroïqu before, héro after) and which must keep the older stem.
  const words = [
    'livrées',
    'livraison',
    'arrêté',
    'interpellation',
    'gouvernementales',
    'rapidement',
    'évidemment',
    'couramment',
    'nationalité',
    'explosive',
    'chevaux',
    'journaux',
    'heureuse',
    'établissement',
    'finissaient',
    'logique',
    'sociologie',
    'conclusion',
    'pertinence',
    'accusatrices',
    'criminologues',
    'yeux',
    'payer',
    'aïeul',
    'héroïque',
    'égoïsme',
    'laïcité',
    'canoë',
    'noëlle',
    'aiguës',
    'ambiguïté',
    'mosaïque',
    'ça',
    'où',
    'œuvre',
  ];
  for (const w of words) assert.equal(stem(w), fold(reference.stem(w)), w);
});
