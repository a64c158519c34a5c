// What a corpus report says, accumulated one article at a time so that a
// report over many articles keeps only small per-document rows in memory.
import type { Analysis } from '../doc/schema.js';
import { documentSummary, type ClaimGroupSummary, type DocumentSummary } from '../server/corpus-port.js';

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

export class CorpusSummary {
  readonly documents: ReportedDocument[] = [];
  private readonly sources = new Map<string, SourceTally & { lastDoc: string }>();
  groups: ClaimGroupSummary[] = [];
  /** Claim group id → its ClaimReview draft file, relative to the corpus report. */
  readonly claimReviewFiles = new Map<string, string>();

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
      const key = name.toLowerCase();
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

  totals() {
    const sum = (k: 'attributions' | 'anonymous' | 'hedged' | 'claims') => this.documents.reduce((s, d) => s + d[k], 0);
    return { documents: this.documents.length, attributions: sum('attributions'), anonymous: sum('anonymous'), hedged: sum('hedged'), claims: sum('claims') };
  }
}
