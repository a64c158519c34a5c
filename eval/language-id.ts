// Language identification accuracy: recoupe's function-word identifier
// (src/meta/language.ts) against franc-min and tinyld (both restricted to the
// same six languages), on short sentences (one clause) and long texts.
//   npm run eval:language-id
// Texts: eval/gold/language-id.json (written for recoupe: de, es, it, pt, fr, en), the DEV briefs of
// eval/gold/language-id-dev.json (one to three sentences, written for recoupe),
// plus, when ../shared is present, 300 OrangeSum articles (fr) and 300 CoNLL-2003
// train stories (en), each whole ("long") and as its first body sentence ("short").
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { franc } from 'franc-min';
import { detect as tinyld } from 'tinyld';
import { detectLanguage } from '../src/meta/language.js';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { SHARED } from '../test/helpers/shared.js';
import { readConllStories } from './conll-text.js';

interface Sample {
  lang: string;
  set: string;
  text: string;
}

const samples: Sample[] = [];
const own = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'eval', 'gold', 'language-id.json'), 'utf8')) as {
  texts: Record<string, { short: string[]; long: string[] }>;
};
for (const [lang, v] of Object.entries(own.texts)) {
  for (const text of v.short) samples.push({ lang, set: 'written, short', text });
  for (const text of v.long) samples.push({ lang, set: 'written, long', text });
}
// DEV: briefs of one to three sentences (eval/gold/language-id-dev.json), what the identifier's choices are tuned on.
const dev = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'eval', 'gold', 'language-id-dev.json'), 'utf8')) as { texts: Record<string, string[]> };
for (const [lang, texts] of Object.entries(dev.texts)) for (const text of texts) samples.push({ lang, set: 'DEV brief', text });
const firstSentence = (t: string) => t.split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0]!;
const orangesum = join(SHARED, 'datasets', 'orangesum', 'orangesum_sample2000.jsonl');
if (existsSync(orangesum)) {
  const rows = readFileSync(orangesum, 'utf8').split('\n').filter(Boolean).slice(0, 300);
  for (const r of rows.map((l) => JSON.parse(l) as { body?: string; text?: string })) {
    const text = r.body ?? r.text ?? '';
    samples.push({ lang: 'fr', set: 'OrangeSum, long', text });
    samples.push({ lang: 'fr', set: 'OrangeSum, short', text: firstSentence(text) });
  }
}
const conll = join(SHARED, 'datasets', 'ner', 'conll2003-en', 'train.conllu');
if (existsSync(conll)) {
  for (const s of readConllStories(conll).slice(0, 300)) {
    samples.push({ lang: 'en', set: 'CoNLL, long', text: s.text });
    samples.push({ lang: 'en', set: 'CoNLL, short', text: firstSentence(s.text.split('\n\n').pop()!) });
  }
}

const ISO3: Record<string, string> = { fra: 'fr', eng: 'en', deu: 'de', spa: 'es', ita: 'it', por: 'pt' };
const SIX = Object.values(ISO3);
const identifiers: Record<string, (t: string) => string> = {
  recoupe: detectLanguage,
  'franc-min': (t) => ISO3[franc(t, { only: Object.keys(ISO3), minLength: 3 })] ?? 'und',
  tinyld: (t) => tinyld(t, { only: SIX }) || 'und',
};

const sets = [...new Set(samples.map((s) => `${s.lang} ${s.set}`))];
console.log(['identifier', 'ms/text', ...sets].join(' | '));
for (const [name, id] of Object.entries(identifiers)) {
  const right = new Map<string, [number, number]>();
  const t0 = performance.now();
  for (const s of samples) {
    const k = `${s.lang} ${s.set}`;
    const r = right.get(k) ?? [0, 0];
    if (id(s.text) === s.lang) r[0]++;
    r[1]++;
    right.set(k, r);
  }
  const ms = (performance.now() - t0) / samples.length;
  const total = [...right.values()].reduce((a, [ok, n]) => [a[0] + ok, a[1] + n], [0, 0]);
  console.log(
    [name, ms.toFixed(3), ...sets.map((k) => `${right.get(k)![0]}/${right.get(k)![1]}`), `all ${((100 * total[0]) / total[1]).toFixed(1)}%`].join(' | '),
  );
}
