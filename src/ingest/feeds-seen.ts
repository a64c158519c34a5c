// Which feed entries `recoupe watch` has already stored, kept in the corpus
// itself (table watched_feed_items) so the corpus stays one file or one database.
import Database from 'better-sqlite3';
import type { FeedEntry } from './feeds-xml.js';

/** The "seen already" state of `recoupe watch`. */
export interface SeenState {
  /** The keys among `keys` not seen yet for this feed. */
  unseen(feed: string, keys: string[]): Promise<Set<string>>;
  markSeen(feed: string, entries: FeedEntry[]): Promise<void>;
  close(): Promise<void>;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS watched_feed_items (
  feed       TEXT NOT NULL, -- the feed or sitemap URL as given to recoupe watch
  item       TEXT NOT NULL, -- the entry's guid / Atom id, else its URL
  url        TEXT NOT NULL, -- the article URL the entry links to
  first_seen TEXT NOT NULL, -- ISO 8601 time it was stored
  PRIMARY KEY (feed, item)
) WITHOUT ROWID;`;

export class SqliteSeenState implements SeenState {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  async unseen(feed: string, keys: string[]): Promise<Set<string>> {
    const has = this.db.prepare('SELECT 1 FROM watched_feed_items WHERE feed = ? AND item = ?');
    return new Set(keys.filter((k) => !has.get(feed, k)));
  }

  async markSeen(feed: string, entries: FeedEntry[]): Promise<void> {
    const put = this.db.prepare('INSERT OR IGNORE INTO watched_feed_items (feed, item, url, first_seen) VALUES (?, ?, ?, ?)');
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const e of entries) put.run(feed, e.key, e.url, now);
    })();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
