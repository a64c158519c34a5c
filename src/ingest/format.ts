// Which kind of document the input is: HTML, Markdown or plain text.
import type { InputFormat } from '../doc/schema.js';

// A gzip-compressed file keeps its inner extension (page.html.gz is HTML).
const HTML_EXT = /\.(html?|xhtml)(\.gz)?$/i;
const MD_EXT = /\.(md|markdown)(\.gz)?$/i;

export function detectFormat(text: string, path?: string | null): InputFormat {
  if (path && HTML_EXT.test(path)) return 'html';
  if (path && MD_EXT.test(path)) return 'markdown';
  const head = text.slice(0, 2048).trimStart();
  if (/^(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(head)) return 'html';
  if (path) return 'text';
  // Unknown origin (stdin, JSONL "text"): Markdown when it uses Markdown's block syntax.
  if (/^#{1,6} \S/m.test(head) || /^\s*[-*] \S.*\n\s*[-*] \S/m.test(head)) return 'markdown';
  return 'text';
}
