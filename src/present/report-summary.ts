// What a corpus report says, accumulated one article at a time so that a
// report over many articles keeps only small per-document rows in memory.
import type { Analysis } from '../doc/schema.js';
import { documentSummary, type ClaimGroupSummary, type DocumentSummary } from '../server/corpus-port.js';
import { renderGroupReason, type GroupReason } from './reasons.js';
import { translator, verdictShortKey, type UiLang } from './html-i18n.js';

export interface ReportedDocument extends DocumentSummary {
  /** The per-article report file, relative to the corpus report. */
  file: string;
  anonymous: number;
  hedged: number;
}

export interface SourceTally {
  name: string;
  anonymous: boolean;
  mentions: number;
  documents: number;
}

/** An anonymous key without its document scope (anon:<document>:sources@police → anon:sources@police), as `corpus sources` groups them. */
const anonymousWhat = (key: string | null) => (key === null ? null : key.replace(/^anon:[0-9a-f]+:/, 'anon:'));

export class CorpusSummary {
  readonly documents: ReportedDocument[] = [];
  private readonly sources = new Map<string, SourceTally & { lastDoc: string }>();
  groups: ClaimGroupSummary[] = [];
  /** Claim group id → its ClaimReview draft file, relative to the corpus report. */
  readonly claimReviewFiles = new Map<string, string>();
  /** Claim group id → why its verdict is what it is (the group's first reason). */
  readonly verdictReasons = new Map<string, GroupReason>();
  /** Claim group id → the mentions elsewhere stating the opposite (« démenti par l'intéressé, … »), printed after the verdict's reason. */
  readonly contradictions = new Map<string, GroupReason[]>();

  add(a: Analysis, file: string): void {
    const withSource = a.attributions.filter((x) => x.source);
    this.documents.push({
      ...documentSummary(a),
      file,
      anonymous: withSource.filter((x) => x.source!.anonymous).length,
      hedged: a.attributions.filter((x) => x.hedged).length,
    });
    for (const x of withSource) {
      const name = x.source!.resolved ?? x.source!.text;
      // Sources as actors: by their key (every name of one actor together, anonymous ones by what they are); a
      // pronoun with no referent or a function word has no key and is no source. Analyses written before keys: the name.
      const key = x.source!.key === undefined ? `name:${name.toLowerCase()}` : anonymousWhat(x.source!.key);
      if (key === null) continue;
      const t = this.sources.get(key) ?? { name, anonymous: x.source!.anonymous, mentions: 0, documents: 0, lastDoc: '' };
      t.mentions++;
      if (t.lastDoc !== a.id) {
        t.documents++;
        t.lastDoc = a.id;
      }
      this.sources.set(key, t);
    }
  }

  topSources(n: number): SourceTally[] {
    return [...this.sources.values()]
      .sort((x, y) => y.mentions - x.mentions || x.name.localeCompare(y.name))
      .slice(0, n)
      .map(({ lastDoc: _d, ...t }) => t);
  }

  /** A group's verdict in `lang` as the reports print it: its short label, and why (the group's first reason) when known. */
  verdictOf(g: ClaimGroupSummary, lang: UiLang): { label: string; why: string | null } {
    const reasons = [this.verdictReasons.get(g.id), ...(this.contradictions.get(g.id) ?? [])].filter((r) => r !== undefined);
    return { label: translator(lang)(verdictShortKey(g.verdict)), why: reasons.length ? reasons.map((r) => renderGroupReason(r, lang)).join(' · ') : null };
  }

  totals() {
    const sum = (k: 'attributions' | 'anonymous' | 'hedged' | 'claims') => this.documents.reduce((s, d) => s + d[k], 0);
    return { documents: this.documents.length, attributions: sum('attributions'), anonymous: sum('anonymous'), hedged: sum('hedged'), claims: sum('claims') };
  }
}
