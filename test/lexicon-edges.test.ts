// Every word the French lexicons react to, placed at the very start or end of a
// text, or alone: rules look at neighbours (i - 1, i + 2…), and the edges of the
// text are where a missing bounds check throws. A random fuzz rarely draws a
// text that opens with an infinitive cue; this walks every generated form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeDoc } from '../src/pipeline/analyze.js';
import { langPath } from '../src/lang/resources.js';

/** First column of a generated TSV (comment lines start with #). */
function forms(file: string): string[] {
  return [
    ...new Set(
      readFileSync(langPath('fr', file), 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => l.split('\t')[0]!),
    ),
  ];
}

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

test('no verb form of the lexicons throws at the edges of a text', () => {
  const words = forms('verb-forms.generated.tsv');
  assert.ok(words.length > 1000, 'the generated verb forms are there');
  const failures: string[] = [];
  for (const w of words) {
    // Alone; opening a sentence with a que-clause; after a quotation, ending the text; inverted with a clitic.
    for (const text of [w, `${capital(w)} que la digue a cédé.`, `« La digue a cédé », ${w}`, `${capital(w)}-t-il`]) {
      try {
        analyzeDoc(text, { raw: true });
      } catch (e) {
        failures.push(`${JSON.stringify(text)}: ${(e as Error).message}`);
      }
    }
  }
  assert.deepEqual(failures.slice(0, 10), []);
});
