// The "seen already" state of `recoupe watch` for a PostgreSQL corpus: the
// same table as the SQLite one, in the corpus database, so that several
// machines watching into one server share what they have stored.
import pg from 'pg';
import type { FeedEntry } from './feeds-xml.js';
import type { SeenState } from './feeds-seen.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS watched_feed_items (
  feed       text NOT NULL,        -- the feed or sitemap URL as given to recoupe watch
  item       text NOT NULL,        -- the entry's guid / Atom id, else its URL
  url        text NOT NULL,        -- the article URL the entry links to
  first_seen timestamptz NOT NULL, -- when it was stored
  PRIMARY KEY (feed, item)
)`;

export class PostgresSeenState implements SeenState {
  private readonly pool: pg.Pool;
  private ready: Promise<unknown> | null = null;

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 2, application_name: 'recoupe watch' });
    this.pool.on('error', () => {});
  }

  private table(): Promise<unknown> {
    return (this.ready ??= this.pool.query(SCHEMA));
  }

  async unseen(feed: string, keys: string[]): Promise<Set<string>> {
    await this.table();
    const { rows } = await this.pool.query<{ item: string }>('SELECT item FROM watched_feed_items WHERE feed = $1 AND item = ANY($2::text[])', [feed, keys]);
    const seen = new Set(rows.map((r) => r.item));
    return new Set(keys.filter((k) => !seen.has(k)));
  }

  async markSeen(feed: string, entries: FeedEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.table();
    await this.pool.query(
      `INSERT INTO watched_feed_items (feed, item, url, first_seen)
       SELECT $1, e.item, e.url, now() FROM unnest($2::text[], $3::text[]) AS e(item, url)
       ON CONFLICT DO NOTHING`,
      [feed, entries.map((e) => e.key), entries.map((e) => e.url)],
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
