import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../lang/resources.js';
import { analyze } from '../../pipeline/analyze.js';
import { tokenize } from '../tokens.js';
import { prepare } from './features.js';
import { hipeMentions } from './mentions.js';
import type { TokenSpan } from './spans.js';
import { loadModel, type ModelType } from './model.js';

/** Run hipeMentions over `text` with the given tagger spans (surface text + type, first occurrence). */
function widen(text: string, tagged: Array<[string, ModelType]>): string[] {
  const tokens = tokenize(text, 'fr');
  const { forms } = prepare(text, tokens, null);
  const spans: TokenSpan[] = tagged.map(([surface, type]) => {
    const start = text.indexOf(surface);
    const end = start + surface.length;
    const first = tokens.findIndex((t) => t.start === start);
    const last = tokens.findIndex((t) => t.end === end);
    assert.ok(start >= 0 && first >= 0 && last >= first, `no token span for "${surface}"`);
    return { start, end, type, first, last };
  });
  return hipeMentions(spans, forms, tokens, text, 'fr').map((s) => `${s.type} ${text.slice(s.start, s.end)}`);
}

test('titles and qualifiers before a name join the person mention, the determiner does not', () => {
  assert.deepEqual(widen('Hier, le jeune colonel Arnaud Berthier est arrivé.', [['Arnaud Berthier', 'PER']]), ['PER jeune colonel Arnaud Berthier']);
  assert.deepEqual(widen('On attend le baron de Vauclair demain.', [['Vauclair', 'PER']]), ['PER baron de Vauclair']);
  assert.deepEqual(widen('Le général en chef Tarvel recule.', [['Tarvel', 'PER']]), ['PER général en chef Tarvel']);
  // A particle only links a title to a bare surname: "père de" is a relation here.
  assert.deepEqual(widen('Il parle au père de Mme Lenoir.', [['Mme Lenoir', 'PER']]), ['PER Mme Lenoir']);
});

test('a civility whose period OCR read as another sign joins the mention; a longer title before a comma does not', () => {
  assert.deepEqual(widen('La commission est composée de MM, Emile Schaeffer.', [['Emile Schaeffer', 'PER']]), ['PER MM, Emile Schaeffer']);
  assert.deepEqual(widen('Aux dires de M » Ramsay Mac Donald, il pleut.', [['Ramsay Mac Donald', 'PER']]), ['PER M » Ramsay Mac Donald']);
  assert.deepEqual(widen('Il a vu le ministre, Arnaud Berthier.', [['Arnaud Berthier', 'PER']]), ['PER Arnaud Berthier']);
});

test('a civility before a determiner and a title heads the mention; a determiner without a civility does not join', () => {
  assert.deepEqual(widen('On attend M. le ministre Berthier demain.', [['Berthier', 'PER']]), ['PER M. le ministre Berthier']);
  assert.deepEqual(widen("Les mémoires de M. l'abbé Vauclair paraissent.", [['Vauclair', 'PER']]), ["PER M. l'abbé Vauclair"]);
  assert.deepEqual(widen('Il salue le ministre Berthier.', [['Berthier', 'PER']]), ['PER ministre Berthier']);
});

test('an apposition led by a title joins the mention up to the next punctuation, with the places in it', () => {
  assert.deepEqual(
    widen("Mme Lenoir, ancienne directrice de l'école de Sorvenne, a parlé.", [
      ['Mme Lenoir', 'PER'],
      ['Sorvenne', 'LOC'],
    ]),
    ["PER Mme Lenoir, ancienne directrice de l'école de Sorvenne"],
  );
  assert.deepEqual(widen('Selon le trésorier du club, Marc Vidal, tout va bien.', [['Marc Vidal', 'PER']]), ['PER trésorier du club, Marc Vidal']);
  assert.deepEqual(widen('M. Roux, le pianiste qui joue ce soir, arrive.', [['M. Roux', 'PER']]), ['PER M. Roux, le pianiste']);
});

test('no apposition when the words after the comma are a clause, another person or no title', () => {
  assert.deepEqual(widen('Paul Roux, le maire a dit non.', [['Paul Roux', 'PER']]), ['PER Paul Roux']);
  assert.deepEqual(
    widen('Jean Morel, le président Luc Garnier et moi.', [
      ['Jean Morel', 'PER'],
      ['Luc Garnier', 'PER'],
    ]),
    ['PER Jean Morel', 'PER président Luc Garnier'],
  );
  assert.deepEqual(widen('Paul Roux, hier soir, est parti.', [['Paul Roux', 'PER']]), ['PER Paul Roux']);
  // A line break ends a mention.
  assert.deepEqual(widen('le colonel\nArnaud Berthier', [['Arnaud Berthier', 'PER']]), ['PER Arnaud Berthier']);
});

test('a place mention takes in the noun that designates the place', () => {
  assert.deepEqual(
    widen('Il habite la ville de Sorvenne et le quartier de la Brève.', [
      ['Sorvenne', 'LOC'],
      ['Brève', 'LOC'],
    ]),
    ['LOC ville de Sorvenne', 'LOC quartier de la Brève'],
  );
  assert.deepEqual(widen('Le maire de Sorvenne parle.', [['Sorvenne', 'LOC']]), ['LOC Sorvenne']);
});

test('the pipeline uses the mention style its model declares: HIPE for the historical model, names for the default', () => {
  const text = 'Hier, le conseiller fédéral Arnaud Berthier, ancien maire de Sorvenne, a visité la région.';
  const persons = () =>
    analyze(text, { raw: true })
      .entities.filter((e) => e.type === 'PER')
      .map((e) => e.text);
  const prev = process.env.RECOUPE_NER_MODEL;
  try {
    process.env.RECOUPE_NER_MODEL = join(PACKAGE_ROOT, 'models', 'ner-fr-historical.bin');
    assert.equal(loadModel('fr')?.header.mentionStyle, 'hipe');
    assert.deepEqual(persons(), ['conseiller fédéral Arnaud Berthier, ancien maire de Sorvenne']);
    delete process.env.RECOUPE_NER_MODEL;
    assert.notEqual(loadModel('fr')?.header.mentionStyle, 'hipe');
    assert.deepEqual(persons(), ['Arnaud Berthier']);
  } finally {
    if (prev === undefined) delete process.env.RECOUPE_NER_MODEL;
    else process.env.RECOUPE_NER_MODEL = prev;
  }
});

test('a place or organisation name right after a lowercase title word is a person; a regnal number joins the name', () => {
  assert.deepEqual(widen("Il l'a dit à la reine Victoria hier.", [['Victoria', 'LOC']]), ['PER reine Victoria']);
  assert.deepEqual(
    widen("On a arrêté l'amiral Bryon à Varna.", [
      ['Bryon', 'ORG'],
      ['Varna', 'LOC'],
    ]),
    ['PER amiral Bryon', 'LOC Varna'],
  );
  // Not after a capitalised title word, nor after a title and a preposition.
  assert.deepEqual(widen('Il visite Saint Gall demain.', [['Gall', 'LOC']]), ['LOC Gall']);
  assert.deepEqual(widen('Le consul de France est parti.', [['France', 'LOC']]), ['LOC France']);
  assert.deepEqual(widen('Sa Majesté le roi Georges V a parlé.', [['Georges', 'PER']]), ['PER roi Georges V']);
  assert.deepEqual(widen('Le pape Pie XI est mort.', [['Pie', 'PER']]), ['PER pape Pie XI']);
  // "I" is left out: OCR reads it for an exclamation mark.
  assert.deepEqual(widen('Bravo Dupont I La suite demain.', [['Dupont', 'PER']]), ['PER Dupont']);
});

test('a title of a place before a name joins the person mention, the place with it', () => {
  assert.deepEqual(
    widen('La jeune reine de Portugal, Maria da Gloria, arrive.', [
      ['Portugal', 'LOC'],
      ['Maria da Gloria', 'PER'],
    ]),
    ['PER jeune reine de Portugal, Maria da Gloria'],
  );
  // The place the tagger left out, and a complement after it.
  assert.deepEqual(widen('La championne de France de ski nautique, Sylvie Maurial, arrive.', [['Sylvie Maurial', 'PER']]), [
    'PER championne de France de ski nautique, Sylvie Maurial',
  ]);
  // No name after it, or a verb between: the place stays a place.
  assert.deepEqual(
    widen('Le roi de Prusse a reçu M. Dupont.', [
      ['Prusse', 'LOC'],
      ['Dupont', 'PER'],
    ]),
    ['LOC Prusse', 'PER M. Dupont'],
  );
  assert.deepEqual(widen('La reine de Hongrie, arrivera.', [['Hongrie', 'LOC']]), ['LOC Hongrie']);
});
