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
