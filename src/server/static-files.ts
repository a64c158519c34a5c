// The web app's static files. The folder is read once at start-up into a map
// from URL path to bytes, so a request can only ever get one of those files:
// no path from the client ever reaches the file system (no traversal, no
// symlink escape, nothing outside the folder).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { createHash } from 'node:crypto';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
}

export class StaticFiles {
  private readonly files = new Map<string, StaticFile>();

  constructor(readonly root: string | null) {
    if (root && existsSync(root)) this.load(root, '');
  }

  get size(): number {
    return this.files.size;
  }

  private load(dir: string, prefix: string): void {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      const url = `${prefix}/${e.name}`;
      if (e.isDirectory()) this.load(full, url);
      else if (e.isFile() && TYPES[extname(e.name)]) {
        const body = readFileSync(full);
        this.files.set(url, { body, type: TYPES[extname(e.name)]!, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` });
      }
    }
  }

  /** The file for a URL path ("/" is index.html), or null. */
  get(pathname: string): StaticFile | null {
    const key = pathname === '/' ? '/index.html' : pathname;
    return this.files.get(key) ?? null;
  }
}
