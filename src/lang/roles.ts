// The one loader of lang/<code>/roles.tsv: head nouns of source noun phrases and
// what they denote (noun, kind, gender, office; see the file's header). The
// attribution lexicon reads every row (and derives plurals); the entities layer
// reads the person nouns as titles before a name. Rows are validated with zod.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { LANG_ROOT, readTsv } from './files.js';
import { cached, hasLanguage, langPath } from './resources.js';

export const ROLE_KINDS = ['person', 'org', 'media', 'document', 'group'] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

/** One row: noun, kind, gender (m, f, or - for either), office (- or absent for a description). */
const RoleRowSchema = z.tuple([z.string().min(1), z.enum(ROLE_KINDS), z.enum(['m', 'f', '-']), z.string().min(1).optional()]);

export interface RoleRow {
  readonly kind: RoleKind;
  readonly gender: 'm' | 'f' | null;
  /** The office a person noun names ("édile" → "maire"), null for a description ("l'économiste"). */
  readonly office: string | null;
}

/** noun → its row, in file order (a repeated noun keeps its first place and its last row); empty without the file. */
export function rolesOf(language: string): ReadonlyMap<string, RoleRow> {
  if (!hasLanguage(language)) return new Map();
  return cached(language, 'roles', (code) => {
    const path = langPath(code, 'roles.tsv');
    const roles = new Map<string, RoleRow>();
    if (!existsSync(path)) return roles;
    for (const row of readTsv(path)) {
      const parsed = RoleRowSchema.safeParse(row);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`${path.slice(LANG_ROOT.length + 1)}: "${row.join('\t')}": ${issue.message} (column ${Number(issue.path[0]) + 1})`);
      }
      const [noun, kind, gender, office] = parsed.data;
      roles.set(noun, { kind, gender: gender === '-' ? null : gender, office: office && office !== '-' ? office : null });
    }
    return roles;
  });
}
