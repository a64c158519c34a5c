// Versioned schema migrations, the same scheme for every backend: a
// `schema_migrations` table records each applied version; opening a corpus
// applies the missing ones in order, each in its own transaction, so
// re-running is a no-op and an interrupted upgrade resumes where it stopped.
// A migration is never edited once released: a schema change is a new version.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS_TABLE = 'schema_migrations';

/** The migrations not yet applied, in order; refuses a corpus written by a newer recoupe. */
export function pendingMigrations(all: readonly Migration[], applied: readonly number[], location: string): Migration[] {
  const latest = all.at(-1)?.version ?? 0;
  const newest = Math.max(0, ...applied);
  if (newest > latest) throw new Error(`${location} was written by a newer recoupe (corpus schema ${newest}, this one knows ${latest})`);
  const done = new Set(applied);
  return all.filter((m) => !done.has(m.version));
}
