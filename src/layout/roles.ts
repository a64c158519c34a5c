// The role of a block from the reason a rule gave it. Reasons are the
// language-free names used in lang/<xx>/boilerplate.tsv and
// boilerplate-html.tsv (column "reason") and by the layout rules themselves.
import type { Role, Zone } from './types.js';

const BY_REASON: Record<string, Role> = {
  body: 'body',
  title: 'title',
  standfirst: 'standfirst',
  byline: 'by-line',
  dateline: 'date line',
  'crawl date': 'date line',
  caption: 'caption',
  credits: 'credit',
  share: 'share bar',
  related: 'related links',
  promo: 'related links',
  archive: 'related links',
  tags: 'navigation',
  links: 'navigation',
  navigation: 'navigation',
  slug: 'navigation',
  url: 'navigation',
  comments: 'comments',
  signature: 'signature',
  origin: 'origin notice',
  'author bio': 'author bio',
  about: 'author bio',
  advertising: 'advertising',
  newsletter: 'newsletter',
  popup: 'newsletter',
  disclaimer: 'legal notice',
  cookies: 'legal notice',
  copyright: 'legal notice',
  contact: 'footer',
  footer: 'footer',
  sidebar: 'sidebar',
  form: 'form',
  hidden: 'hidden',
};

/** The role for a reason; page chrome and text outside the chosen content are the site's header above the body, its footer below. */
export function roleOf(reason: string, zone: Zone): Role {
  return BY_REASON[reason] ?? (zone === 'tail' ? 'footer' : zone === 'head' ? 'site header' : 'navigation');
}
