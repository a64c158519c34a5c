// Readers for the NER corpora in ../shared/datasets/ner, turned into what the
// pipeline sees: raw text plus gold character spans. Training (tools/train-ner.ts)
// and evaluation (eval/ner.ts) both use these, so the model is trained on the
// project tokenizer's tokens, exactly as it will be run.
import { readFileSync } from 'node:fs';

export type GoldType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export interface GoldSpan {
  start: number;
  end: number;
  type: GoldType;
  /** HIPE: the Wikidata id of the entity (NEL-LIT column), "NIL" when it has none; absent elsewhere. */
  link?: string;
}
export interface GoldDoc {
  id: string;
  text: string;
  spans: GoldSpan[];
}

interface Tok {
  form: string;
  label: string;
  spaceAfter: boolean;
  link?: string;
}

/** HIPE coarse types → ours; `time` is left to the DATE rules, so it is not a model label. */
const HIPE_TYPES: Record<string, GoldType | undefined> = { pers: 'PER', org: 'ORG', loc: 'LOC', prod: 'MISC' };

function toGoldType(raw: string): GoldType | undefined {
  if (raw === 'PER' || raw === 'ORG' || raw === 'LOC' || raw === 'MISC') return raw;
  return HIPE_TYPES[raw];
}

/** Join tokens into text (one space unless `spaceAfter` is false) and turn IOB labels into spans. */
function buildDoc(id: string, sentences: Tok[][], sentenceSeparator: string): GoldDoc {
  let text = '';
  const spans: GoldSpan[] = [];
  for (const sentence of sentences) {
    if (text !== '') text += sentenceSeparator;
    let open: GoldSpan | null = null;
    let needSpace = false;
    for (const t of sentence) {
      if (needSpace) text += ' ';
      const dash = t.label.indexOf('-');
      const prefix = dash > 0 ? t.label.slice(0, dash) : 'O';
      const type = dash > 0 ? toGoldType(t.label.slice(dash + 1)) : undefined;
      // IOB1 (Europeana) starts entities with I-; IOB2 with B-. Both close on a type change.
      const continues = open !== null && type === open.type && prefix === 'I';
      if (!continues) {
        if (open) spans.push(open);
        open = type ? { start: text.length, end: text.length, type, ...(t.link ? { link: t.link } : {}) } : null;
      }
      text += t.form;
      if (open) open.end = text.length;
      needSpace = t.spaceAfter;
    }
    if (open) spans.push(open);
  }
  return { id, text, spans };
}

/**
 * CoNLL columns as WikiNEuRal distributes them (`index<TAB>form<TAB>label`, IOB2, blank line
 * between sentences): each sentence to `sentence`, each `-DOCSTART-` line to `docStart`.
 */
function readColumns(path: string, sentence: (toks: Tok[]) => void, docStart: () => void): void {
  let current: Tok[] = [];
  const flush = () => {
    if (current.length) sentence(current);
    current = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const cells = line.split('\t');
    if (cells.length < 3) continue;
    if (cells[1] === '-DOCSTART-') {
      flush();
      docStart();
      continue;
    }
    current.push({ form: cells[1]!, label: cells[2]!.trim(), spaceAfter: true });
  }
  flush();
}

/** Collects sentences into documents (sentences on separate lines). */
function documents(): { docs: GoldDoc[]; sentences: Tok[][]; flush: () => void } {
  const d = {
    docs: [] as GoldDoc[],
    sentences: [] as Tok[][],
    flush: () => {
      if (d.sentences.length) d.docs.push(buildDoc(`${d.docs.length}`, d.sentences, '\n'));
      d.sentences = [];
    },
  };
  return d;
}

/** WikiNEuRal: `perDoc` sentences per document. */
export function readWikineural(path: string, perDoc = 40): GoldDoc[] {
  const d = documents();
  readColumns(
    path,
    (s) => {
      d.sentences.push(s);
      if (d.sentences.length >= perDoc) d.flush();
    },
    () => {},
  );
  d.flush();
  return d.docs;
}

/** CoNLL-2003 (as distributed with WikiNEuRal): one document per `-DOCSTART-` (a Reuters story). */
export function readConll(path: string): GoldDoc[] {
  const d = documents();
  readColumns(path, (s) => d.sentences.push(s), d.flush);
  d.flush();
  return d.docs;
}

/**
 * HIPE-2020 TSV: one document per `# document_id`, NE-COARSE-LIT labels, `NoSpaceAfter` in MISC.
 * With `bySentence`, one document per sentence (`PySBDSegment` marks) instead, for training.
 */
export function readHipe(path: string, bySentence = false): GoldDoc[] {
  const docs: GoldDoc[] = [];
  let id = '';
  let toks: Tok[] = [];
  const flush = () => {
    if (toks.length) docs.push(buildDoc(id, [toks], '\n'));
    toks = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# document_id')) {
      flush();
      id = line.slice(line.indexOf('=') + 1).trim();
      continue;
    }
    if (line.startsWith('#') || line.startsWith('TOKEN\t') || line.trim() === '') continue;
    const cells = line.split('\t');
    if (cells.length < 10) continue;
    const misc = cells[9]!;
    const link = cells[7]!;
    toks.push({ form: cells[0]!, label: cells[1]!, spaceAfter: !misc.includes('NoSpaceAfter'), ...(link && link !== '_' ? { link } : {}) });
    // An entity never spans a segment mark in practice; cut only outside entities to be safe.
    if (bySentence && misc.includes('PySBDSegment') && cells[1] === 'O') flush();
  }
  flush();
  return docs;
}

/** Sentence-final forms: Europeana has no sentence breaks, so examples are cut after these. */
const SENTENCE_END = new Set(['.', '!', '?']);

/** Europeana newspapers (`form LABEL` per line, IOB1, no sentence breaks): one document per sentence. */
export function readEuropeana(path: string): GoldDoc[] {
  const docs: GoldDoc[] = [];
  let toks: Tok[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const sp = line.lastIndexOf(' ');
    if (sp <= 0) continue;
    const form = line.slice(0, sp);
    const label = line.slice(sp + 1).trim();
    toks.push({ form, label, spaceAfter: true });
    if (SENTENCE_END.has(form) && label === 'O') {
      docs.push(buildDoc(`${docs.length}`, [toks], '\n'));
      toks = [];
    }
  }
  if (toks.length) docs.push(buildDoc(`${docs.length}`, [toks], '\n'));
  return docs;
}
