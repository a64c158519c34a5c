// DOM → text blocks. A block is what a reader sees as one paragraph (a <p>, a
// heading, a list item, a cell…); inline elements run together, <br> breaks a
// line. Each block keeps its links (label offsets + href) and how much of its
// text is link text, which the extractor and the boilerplate filter use.

/** Elements whose content is never text to read. */
export const NON_TEXT = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'BUTTON',
  'SELECT',
  'OPTION',
  'INPUT',
  'TEXTAREA',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'OBJECT',
  'EMBED',
  'MAP',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'MATH',
]);

export const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'TD',
  'TH',
  'FIGURE',
  'FIGCAPTION',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'HR',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
  'FORM',
  'FIELDSET',
  'CAPTION',
  'BODY',
  'CENTER',
]);

export interface BlockLink {
  /** offsets in the block text */
  start: number;
  end: number;
  href: string;
}

export interface Block {
  text: string;
  /** tag of the nearest block element */
  tag: string;
  /** the nearest block element */
  el: Element;
  linkChars: number;
  links: BlockLink[];
  /** inside a <figure>/<figcaption> */
  caption: boolean;
}

/** Decide for an element: undefined = walk into it; a string = drop it with that reason. */
export type Skip = (el: Element) => string | undefined;

export interface Dropped {
  text: string;
  reason: string;
  /** how many blocks of the same walk came before it (its place among them) */
  at?: number;
  /** above, inside or below the article text */
  zone?: 'head' | 'body' | 'tail';
  /** the dropped subtree's own blocks (their texts joined make `text`) */
  parts?: string[];
}

/** Soft hyphens and zero-width characters are invisible: a reader never sees them, a search never matches them. */
/**
 * Deeper than this, a subtree is read as flat text (textContent is iterative):
 * hostile or broken pages nest elements thousands deep, and recursion would
 * overflow the stack.
 */
export const MAX_DEPTH = 400;

const collapse = (s: string) => s.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ');

export function blocksOf(root: Element, skip: Skip = () => undefined, dropped: Dropped[] = []): Block[] {
  const out: Block[] = [];
  let buf = '';
  let links: BlockLink[] = [];
  let linkChars = 0;
  let owner: Element = root;
  let caption = 0;

  const flush = () => {
    // Trim while shifting link offsets.
    const lead = buf.length - buf.trimStart().length;
    const text = buf.trim();
    if (text) {
      const ls = links
        .map((l) => ({ start: Math.max(0, l.start - lead), end: Math.min(text.length, l.end - lead), href: l.href }))
        .filter((l) => l.end > l.start);
      out.push({ text, tag: owner.tagName, el: owner, linkChars, links: ls, caption: caption > 0 });
    }
    buf = '';
    links = [];
    linkChars = 0;
  };
  const append = (s: string) => {
    const t = collapse(s);
    if (!t) return;
    if ((buf === '' || buf.endsWith(' ') || buf.endsWith('\n')) && t.startsWith(' ')) buf += t.slice(1);
    else buf += t;
  };

  const walk = (node: Node, inLink: boolean, depth: number) => {
    if (depth > MAX_DEPTH) {
      append(node.textContent ?? '');
      return;
    }
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const before = buf.length;
        append(child.textContent ?? '');
        if (inLink) linkChars += buf.length - before;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.tagName;
      if (NON_TEXT.has(tag)) continue;
      const reason = skip(el);
      if (reason) {
        // The dropped subtree's own blocks, so that its lines do not run together.
        const parts = blocksOf(el).map((b) => b.text);
        if (parts.length) dropped.push({ text: parts.join(' | '), reason, at: out.length, parts });
        continue;
      }
      if (tag === 'BR') {
        buf = buf.trimEnd() + '\n';
        continue;
      }
      if (tag === 'IMG') continue;
      const isBlock = BLOCK.has(tag);
      const isCaption = tag === 'FIGCAPTION' || tag === 'FIGURE';
      if (isBlock) {
        flush();
        owner = el;
      }
      if (isCaption) caption++;
      if (tag === 'A' && !inLink) {
        const start = buf.length;
        walk(el, true, depth + 1);
        const href = el.getAttribute('href') ?? '';
        const s = buf.slice(start);
        const lead = s.length - s.trimStart().length;
        if (href && buf.length > start + lead) links.push({ start: start + lead, end: buf.trimEnd().length, href });
      } else walk(el, inLink, depth + 1);
      if (isCaption) caption--;
      if (isBlock) {
        flush();
        owner = (el.parentElement as Element | null) ?? root;
      }
    }
  };
  walk(root, false, 0);
  flush();
  return out;
}
