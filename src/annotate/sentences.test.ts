import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokens.js';
import { splitSentences } from './sentences.js';

const split = (s: string) => splitSentences(s, tokenize(s)).map((x) => s.slice(x.start, x.end));

test('abbreviations and initials do not end sentences', () => {
  assert.deepEqual(split("M. Dupont est arrivé. Mme Durand l'attendait. J. Smith aussi."), ['M. Dupont est arrivé.', "Mme Durand l'attendait.", 'J. Smith aussi.']);
  assert.deepEqual(split('Il est né en 52 av. J.-C. à Rome.'), ['Il est né en 52 av. J.-C. à Rome.']);
});

test('quotes closing after the final stop stay with the sentence', () => {
  assert.deepEqual(split('« Nous partirons. », a-t-il dit. Puis il est parti.'), ['« Nous partirons. », a-t-il dit.', 'Puis il est parti.']);
  assert.deepEqual(split('Il a dit : « Nous partirons. » Puis il est parti.'), ['Il a dit : « Nous partirons. »', 'Puis il est parti.']);
});

test('ellipses, questions and omission marks', () => {
  assert.deepEqual(split('Et puis… rien. Pourquoi ? Personne ne sait.'), ['Et puis… rien.', 'Pourquoi ?', 'Personne ne sait.']);
  assert.deepEqual(split('« Les armes (…) arrivent », dit-il.'), ['« Les armes (…) arrivent », dit-il.']);
});

test('line breaks: broken lines continue, headings and list items end', () => {
  assert.deepEqual(split('Les miliciens de\nDaesh fuient vers Raqqa.'), ['Les miliciens de\nDaesh fuient vers Raqqa.']);
  assert.deepEqual(split('Un titre sans point\n\nLe texte commence ici.'), ['Un titre sans point', 'Le texte commence ici.']);
  assert.deepEqual(split('Points clés :\n- premier point\n- second point'), ['Points clés :', '- premier point', '- second point']);
});
