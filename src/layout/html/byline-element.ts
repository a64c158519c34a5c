// The by-line element of an HTML page: the first element after the main
// heading whose class/id names a by-line or an author ("byline", "auteur",
// "signature", "article__author"…, lang/*/authors.tsv), or that is marked
// rel="author" / itemprop="author", or a <dt>/<th> label "Auteur" with its
// value, outside the page furniture. Authors of
// comments, teasers and portraits are left out by their class words.
import type { MetaHint } from '../types.js';
import { authorLexicon } from '../lexicon/author-lexicon.js';
import { inFurniture, type PageLayout } from './page.js';

/** Longer elements hold the lead or a bio, not a by-line. */
const MAX_BYLINE = 200;
/** Deeper or larger markup inside one by-line is not read. */
const MAX_DEPTH = 12;
const MAX_NODES = 200;

export function bylineHints({ all, heading }: PageLayout): MetaHint[] {
  let before: MetaHint | undefined;
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    const labelled = labelledCredit(el);
    if (!labelled && !isBylineElement(el)) continue;
    const text = (labelled ?? spacedText(el)).replace(/\s+/g, ' ').trim();
    if (text.length < 2 || text.length > MAX_BYLINE || inFurniture(el)) continue;
    const hint: MetaHint = { field: 'author', value: text, rule: 'byline element', text };
    if (i >= heading) return [hint];
    before ??= hint;
  }
  return before ? [before] : [];
}

/** A credit laid out as a label and a value (<dt>Auteur</dt><dd>Jeanne Dupont</dd>, a table row): both read as one line. */
function labelledCredit(el: Element): string | undefined {
  if (el.tagName !== 'DT' && el.tagName !== 'TH') return undefined;
  const value = el.nextElementSibling;
  const label = spacedText(el).replace(/\s+/g, ' ').trim();
  if (!value || !label || label.length > MAX_LABEL || !isCreditLabel(label)) return undefined;
  return `${label} ${spacedText(value)}`;
}

const MAX_LABEL = 40;

/** The whole label is a by-line prefix ("Auteur", "Texte :", "Written by"). */
function isCreditLabel(label: string): boolean {
  const re = authorLexicon().prefix;
  re.lastIndex = 0;
  const m = re.exec(`${label} `);
  return !!m && m.index === 0 && m[0].length === label.length + 1;
}

/** Class strings repeat across a page and across pages: memoise their verdicts (bounded). */
const memo = new Map<string, boolean>();
const MEMO_MAX = 50_000;

function isBylineElement(el: Element): boolean {
  if (/(?:^|\s)author(?:\s|$)/i.test(el.getAttribute('rel') ?? '') || el.getAttribute('itemprop') === 'author') return true;
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (raw.length < 3) return false;
  let verdict = memo.get(raw);
  if (verdict === undefined) {
    verdict = judgeClass(raw);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(raw, verdict);
  }
  return verdict;
}

/** "article__author", "ArticlePage-authorName", "signature": by-line words and no word of comments, photos or teasers. */
function judgeClass(raw: string): boolean {
  const lex = authorLexicon();
  const ws = raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_:-]+/);
  return ws.some((w) => lex.classWords.has(w)) && !ws.some((w) => lex.classNot.has(w));
}

/**
 * Text with a space between elements ("Jeanne Dupont<span>Reporter</span>"
 * reads as two words). Reading stops past MAX_BYLINE characters or MAX_NODES
 * nodes, so nested candidates never cost more than their opening.
 */
function spacedText(el: Element): string {
  const budget = { nodes: MAX_NODES, text: '' };
  collect(el, 0, budget);
  return budget.text;
}

function collect(el: Element, depth: number, budget: { nodes: number; text: string }): void {
  if (depth > MAX_DEPTH) return;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (--budget.nodes < 0 || budget.text.length > MAX_BYLINE) return;
    if (n.nodeType === 3) budget.text += n.textContent ?? '';
    else if (n.nodeType === 1 && !/^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test((n as Element).tagName)) {
      budget.text += ' ';
      collect(n as Element, depth + 1, budget);
      budget.text += ' ';
    }
  }
}
