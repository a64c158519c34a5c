// What the page-layout stage hands on: every block of the input labelled with
// its role on the page and the reason for it, plus the metadata the page
// declares in its markup (HTML <meta>, JSON-LD, <time>, by-line elements).
// `clean` keeps the body blocks; `meta` reads the labelled blocks and the
// declared fields. Neither folder imports the other.
import type { InputFormat } from '../doc/schema.js';
import type { Line } from './text/blocks.js';
import type { BlockLink } from './html/blocks.js';

/** A metadata candidate: its field, value, the rule that found it and the input text it was read from. */
export interface MetaHint {
  field: string;
  value: string;
  rule: string;
  /** the input text the value was read from, when it differs from `value` */
  text?: string;
}

/**
 * Where a block sits on the page. Roles are coarse and language-free; the
 * block's `reason` keeps the precise rule (a boilerplate reason of
 * lang/<xx>/boilerplate.tsv, "first heading", "crawl date"…).
 */
export const ROLES = [
  'site header',
  'navigation',
  'title',
  'standfirst',
  'by-line',
  'date line',
  'body',
  'caption',
  'credit',
  'share bar',
  'related links',
  'comments',
  'signature',
  'origin notice',
  'author bio',
  'advertising',
  'newsletter',
  'legal notice',
  'sidebar',
  'form',
  'hidden',
  'footer',
] as const;
export type Role = (typeof ROLES)[number];

/** Where a block lies relative to the article body. */
export type Zone = 'head' | 'body' | 'tail';

export interface LabelledBlock {
  text: string;
  role: Role;
  /** why: the rule or boilerplate reason that gave the role ("body" for article text) */
  reason: string;
  /** the block is article text and goes to the clean body */
  kept: boolean;
  zone: Zone;
  /** input offsets, when known (text and Markdown inputs) */
  start?: number;
  end?: number;
  /** the rule that recognised a block carrying metadata ("first heading", "date line", "announced date line") */
  rule?: string;
  /** a boilerplate rule of lang/<xx>/boilerplate.tsv named it before the zone rules ran */
  boilerplate?: boolean;
  /** text and Markdown inputs: the block's lines with their input offsets */
  lines?: Line[];
  /** HTML inputs: links in the block text */
  links?: BlockLink[];
}

export interface PageLayout {
  format: InputFormat;
  /** every block of the input, article text and furniture */
  blocks: LabelledBlock[];
  /** metadata the page's markup declares (HTML <meta>, JSON-LD, <time>, by-line elements), most reliable first */
  declared: MetaHint[];
  notes: string[];
}
