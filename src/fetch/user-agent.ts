// The User-Agent recoupe sends: product/version plus where a site operator can
// learn what the crawler is (package.json "homepage", when set).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../lang/resources.js';

/** The token robots.txt groups are matched against. */
export const ROBOTS_TOKEN = 'recoupe';

export function defaultUserAgent(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; homepage?: string };
  const about = pkg.homepage ? `+${pkg.homepage}` : 'news sourcing analysis for fact-checkers';
  return `${ROBOTS_TOKEN}/${pkg.version} (${about})`;
}
