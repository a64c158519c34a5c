// Where each metadata value of an analysis came from, for a reader: the
// evidence lines of one field, and whether the value was declared by the page
// (its machine-readable markup) or guessed from the text (a date line, the
// URL, a by-line, the lead paragraph…), which a fact-checker must check before
// quoting it. The rule names are those written by src/meta and src/layout.
import type { Meta } from '../doc/schema.js';

export type Provenance = 'declared' | 'guessed' | 'unrecorded';

/**
 * Rules that read a value the page states in its markup (JSON-LD, <meta>, microdata, a datetime attribute, the
 * canonical link) or a Markdown file in its YAML front matter (`date: 2024-03-02` is declared, not guessed).
 */
const DECLARED = [/^json-ld\b/, /^meta /, /^microdata\b/, / datetime$/, /^canonical$/, /^input url$/, /^title element$/, /^byline element$/, /^front matter$/];

export interface FieldEvidence {
  field: string;
  provenance: Provenance;
  lines: { rule: string; text: string }[];
}

/** The evidence field names use "authors" and "author" alike. */
const fieldOf = (f: string) => (f === 'author' ? 'authors' : f);

/** One entry per metadata field that has a value: its evidence and whether it is declared, guessed or of unknown origin (given with the input, older analyses). */
export function metaEvidence(m: Meta): Map<string, FieldEvidence> {
  const out = new Map<string, FieldEvidence>();
  for (const e of m.evidence ?? []) {
    const field = fieldOf(e.field);
    const entry = out.get(field) ?? out.set(field, { field, provenance: 'declared', lines: [] }).get(field)!;
    entry.lines.push({ rule: e.rule, text: e.text });
  }
  for (const entry of out.values()) {
    // Declared when every rule behind the value reads the page's markup; one guess makes the value a guess.
    entry.provenance = entry.lines.every((l) => DECLARED.some((re) => re.test(l.rule))) ? 'declared' : 'guessed';
  }
  return out;
}

export function provenanceOf(evidence: Map<string, FieldEvidence>, field: string): Provenance {
  return evidence.get(field)?.provenance ?? 'unrecorded';
}
