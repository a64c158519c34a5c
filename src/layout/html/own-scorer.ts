// Our own main-content candidate: "good text" per element (characters of text
// outside links, outside furniture subtrees), then a descent from <body> into
// the child that holds most of it while that child holds ≥ DESCEND_SHARE of
// its parent's. Robust where Readability's paragraph scoring fails: live blogs
// made of <div>s, old table layouts, pages whose best-scored node is a form.
import { MAX_DEPTH, NON_TEXT } from './blocks.js';
import { classHint } from './class-hints.js';

const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'HEADER', 'FORM']);
const DESCEND_SHARE = 0.7;

function goodTextMap(root: Element): Map<Element, number> {
  const good = new Map<Element, number>();
  const visit = (el: Element, inLink: boolean, depth: number): number => {
    if (depth > MAX_DEPTH) {
      const n = inLink ? 0 : (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
      good.set(el, n);
      return n;
    }
    if (NON_TEXT.has(el.tagName) || FURNITURE_TAGS.has(el.tagName) || (!SCAFFOLD.has(el.tagName) && classHint(el))) {
      good.set(el, 0);
      return 0;
    }
    const link = inLink || el.tagName === 'A';
    let n = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        if (!link) n += (c.textContent ?? '').replace(/\s+/g, ' ').trim().length;
      } else if (c.nodeType === 1) n += visit(c as Element, link, depth + 1);
    }
    good.set(el, n);
    return n;
  };
  visit(root, false, 0);
  return good;
}

/** Element names that are page scaffolding, never furniture to skip whatever their class. */
const SCAFFOLD = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

/** The container the descent ends in, or null when it cannot leave <body> (no dominant branch). */
export function ownRoot(top: Element): Element | null {
  const good = goodTextMap(top);
  let node = top;
  for (;;) {
    const total = good.get(node) ?? 0;
    let best: Element | null = null;
    let bestN = 0;
    for (const c of Array.from(node.children)) {
      const n = good.get(c) ?? 0;
      if (n > bestN) {
        best = c;
        bestN = n;
      }
    }
    if (!best || bestN < DESCEND_SHARE * total) return node.tagName === 'BODY' || node.tagName === 'HTML' ? null : node;
    node = best;
  }
}
