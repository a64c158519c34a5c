// Compares recoupe's metadata and clean text with ../shared/gold/metadata.json
// (hand-made gold for the seed articles). Used by eval/metadata.ts and by
// test/meta-seeds.test.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { analyzeDoc } from '../src/pipeline/analyze.js';
import { sharedPath } from '../test/helpers/shared.js';

interface GoldDoc {
  title: string;
  outlet: string[];
  origin: string[];
  authors: string[];
  published: string | null;
  published_inferred?: string;
  language: string;
  boilerplate: string[];
  body_start: string;
  body_end: string;
}

export interface Check {
  doc: string;
  field: string;
  ok: boolean;
  got: string;
  want: string;
}

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').replace(/[’]/g, "'").trim().toLowerCase();
const sameAny = (got: string, accepted: string[]) => accepted.some((a) => norm(a) === norm(got));
/** How far from the start/end of the text the gold body bounds may sit. */
const EDGE = 3;

export function checkSeeds(): Check[] {
  const gold = JSON.parse(readFileSync(sharedPath('gold', 'metadata.json'), 'utf8')) as { docs: Record<string, GoldDoc> };
  const files = readdirSync(sharedPath('seeds'));
  const checks: Check[] = [];
  for (const [id, g] of Object.entries(gold.docs)) {
    const file = files.find((f) => f.startsWith(`${id}_`));
    if (!file) continue;
    const path = sharedPath('seeds', file);
    const doc = analyzeDoc({ bytes: readFileSync(path), path });
    const m = doc.meta;
    const add = (field: string, ok: boolean, got: unknown, want: unknown) =>
      checks.push({ doc: id, field, ok, got: JSON.stringify(got), want: JSON.stringify(want) });
    add('title', norm(m.title ?? '') === norm(g.title), m.title, g.title);
    add('outlet', !!m.outlet && sameAny(m.outlet, g.outlet), m.outlet, g.outlet);
    add('origin', g.origin.length ? m.origin.length > 0 && m.origin.every((o) => sameAny(o, g.origin)) : m.origin.length === 0, m.origin, g.origin);
    add('authors', g.authors.length ? m.authors.length > 0 && m.authors.every((a) => sameAny(a, g.authors)) : m.authors.length === 0, m.authors, g.authors);
    add(
      'published',
      m.published === g.published || (!!g.published_inferred && m.published === g.published_inferred),
      m.published,
      g.published ?? `null or ${g.published_inferred}`,
    );
    add('language', m.language === g.language, m.language, g.language);
    const text = norm(doc.text);
    const paras = doc.text.split(/\n\n+/);
    const startAt = paras.findIndex((p) => norm(p).includes(norm(g.body_start)));
    const endAt = paras.findIndex((p) => norm(p).includes(norm(g.body_end)));
    add('body_start', startAt >= 0 && startAt < EDGE, paras[0]?.slice(0, 60), g.body_start);
    add('body_end', endAt >= 0 && endAt >= paras.length - EDGE, paras[paras.length - 1]?.slice(-60), g.body_end);
    for (const b of g.boilerplate) {
      const inText = text.includes(norm(b));
      const inRemoved = doc.removed.some((r) => norm(r.text).includes(norm(b)));
      add(`removed "${b}"`, !inText && inRemoved, inText ? 'still in text' : inRemoved ? 'removed' : 'missing', 'removed');
    }
  }
  return checks;
}
