// Building DOM safely. Article text only ever becomes Text nodes; attributes
// are set one by one (never from a string of HTML); links accept only http(s)
// URLs or the app's own "#/" routes. Nothing here uses innerHTML.
import { safeHttpUrl } from '../../src/present/html-escape.js';

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'href') {
      const href = safeHref(String(v));
      if (href) el.setAttribute('href', href);
      continue;
    }
    if (k.startsWith('on')) throw new Error('event handlers are attached with addEventListener');
    el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, ...children);
  return el;
}

export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** An in-app route ("#/…"), a path on this server ("/api/…"), or an absolute http(s) URL; anything else (javascript:, data:, "//host"…) is refused. */
export function safeHref(href: string): string | null {
  if (/^#\/[^\s]*$/.test(href) || /^\/[^/\\\s][^\s]*$/.test(href)) return href;
  return safeHttpUrl(href);
}

/** An external link that opens in a new tab without giving it access to this one. */
export function extLink(url: string | null | undefined, text: string): HTMLElement {
  const href = safeHttpUrl(url);
  return href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow' }, text) : h('span', {}, text);
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}
