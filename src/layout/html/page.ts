// Where things sit on an HTML page: the elements of <body> in document order,
// the main heading among them, and whether an element belongs to the page's
// furniture (footer, sidebar, menu, widgets of other articles). Dates and
// by-lines are read near the main heading and outside the furniture.
import { classHint } from './class-hints.js';

export interface PageLayout {
  /** every element of <body>, in document order */
  all: Element[];
  /** index in `all` of the main heading (the <h1> repeating the title), 0 without one */
  heading: number;
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Every element under `root`, in document order, by an iterative walk: linear on any tree, where
 * `querySelectorAll('body *')` tests each element's ancestors (quadratic on 100k nested tags) and a
 * recursive walk overflows the stack.
 */
export function descendants(root: Element | null | undefined): Element[] {
  const out: Element[] = [];
  if (!root) return out;
  const stack: Element[] = [];
  for (let c = root.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  while (stack.length > 0) {
    const el = stack.pop()!;
    out.push(el);
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return out;
}

export function pageLayout(document: Document): PageLayout {
  const all = descendants(document.body);
  const titleText = squash(document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? document.querySelector('title')?.textContent ?? '');
  const h1s = all.filter((e) => e.tagName === 'H1');
  const h1 = h1s.find((e) => titleText.includes(squash(e.textContent ?? '')) && squash(e.textContent ?? '').length > 8) ?? h1s[0];
  return { all, heading: h1 ? all.indexOf(h1) : 0 };
}

/** Class-hint reasons that name parts of the article itself (its date line, by-line, captions, deck). */
const ARTICLE_PARTS = new Set(['dateline', 'byline', 'caption', 'hidden', 'standfirst']);

const POST_FOOTER_MAX = 400;

/** Inside a footer, sidebar, menu or a widget of other articles. */
export function inFurniture(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const hint =
      e.tagName === 'FOOTER'
        ? 'footer'
        : e.tagName === 'ASIDE'
          ? 'sidebar'
          : e.tagName === 'NAV'
            ? 'navigation'
            : e.tagName !== 'BODY' && e.tagName !== 'HTML'
              ? classHint(e)
              : undefined;
    if (!hint || ARTICLE_PARTS.has(hint)) continue;
    // A post's own footer line (date, tags) is short; the page footer is not.
    if (hint === 'footer' && (e.textContent ?? '').length < POST_FOOTER_MAX) continue;
    return true;
  }
  return false;
}
