import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderGroupReason, renderMatchReason, type GroupReason, type MatchReason } from './reasons.js';

const roux = { names: [{ name: 'Claire Roux' }], documents: 1 };
const anon = { names: [{ name: 'une source proche du dossier', in: 'Info Express' }], documents: 2 };
const mention = (kind: 'speaker' | 'relay' | 'anonymous' | 'agency' | 'outlet'): GroupReason => ({
  id: 'mention',
  text: 'Le barrage a cédé',
  kind,
  speaker: kind === 'agency' || kind === 'outlet' ? null : 'Paul Marin',
  via: kind === 'speaker' ? ['AFP'] : [],
  ...(kind === 'relay' || kind === 'agency' ? { relay: 'AFP' } : {}),
  where: 'Le Courrier',
  published: '2024-03-02',
  source: kind === 'anonymous' ? anon : roux,
});
const ALL: GroupReason[] = [
  ...(['speaker', 'relay', 'anonymous', 'agency', 'outlet'] as const).map(mention),
  { id: 'single-source', source: anon },
  { id: 'single-document', sources: [roux, anon] },
  { id: 'single-outlet', voice: anon, relaying: roux },
  { id: 'independent', sources: [roux, roux], publishers: 3 },
  { id: 'undetermined', oneOutlet: true, confirmed: 1, uncorroborated: [roux], indistinct: [anon] },
  { id: 'contradicted', text: 'Le barrage n’a pas cédé', speaker: 'Paul Marin', where: 'Radio Sud', published: '2024-03-03', bySubject: true },
  { id: 'contradicted', text: 'Le barrage n’a pas cédé', speaker: 'Paul Marin', where: 'Radio Sud', published: null, bySubject: false },
];
const MATCH: MatchReason = {
  id: 'match',
  a: 'Le barrage a cédé',
  b: 'le barrage aurait cédé',
  rule: 'predicate and figure',
  verbs: ['céd'],
  shared: 1.5,
  jaccard: 0.25,
  containment: 0.5,
  figures: ['2 ~person'],
  subject: ['loc:lunel'],
  entities: ['loc:lunel'],
  weekday: 1,
};

test('the English rendering is the wording the reports and the API have always written', () => {
  assert.equal(renderGroupReason(mention('speaker'), 'en'), '«Le barrage a cédé» — Paul Marin via AFP in Le Courrier, 2024-03-02 → Claire Roux');
  assert.equal(
    renderGroupReason({ id: 'single-source', source: anon }, 'en'),
    'single upstream: every mention traces back to une source proche du dossier (anonymous, in Info Express)',
  );
  assert.equal(
    renderGroupReason(ALL[8]!, 'en'),
    'independent: 2 distinct named upstream sources whose own mentions agree across publishers (Claire Roux: 1 document(s); Claire Roux: 1 document(s)) in 3 publishers',
  );
  assert.equal(renderGroupReason(ALL[10]!, 'en'), 'contradicted: «Le barrage n’a pas cédé» — denied by the subject, Paul Marin, in Radio Sud, 2024-03-03');
  assert.equal(renderGroupReason(ALL[11]!, 'en'), 'contradicted: «Le barrage n’a pas cédé» — Paul Marin states the opposite in Radio Sud');
  assert.equal(
    renderGroupReason(ALL[10]!, 'fr'),
    'contredit\u202f: «Le barrage n’a pas cédé» — démenti par l’intéressé, Paul Marin, dans Radio Sud, 2024-03-03',
  );
  assert.equal(
    renderMatchReason(MATCH, 'en'),
    '«Le barrage a cédé» = «le barrage aurait cédé»: predicate and figure: predicate céd; wording (shared weight 1.50 rare words, jaccard 0.25, containment 0.50); figures 2 ~person; subject loc:lunel; entities loc:lunel; the same day (Monday)',
  );
});

test('every reason and match reads in French in the French interface: no English word of the templates is left', () => {
  const english =
    /\b(?:single upstream|independent|undetermined|every mention|own voice|taken from|relayed by|no source given|unnamed source|anonymous|in Le|in Info|via AFP in|document\(s\)|publishers?|wording|predicate|figures|entities|subject|the same day|Monday|shared weight|containment)\b/;
  for (const r of ALL) {
    const fr = renderGroupReason(r, 'fr');
    assert.doesNotMatch(fr, english, fr);
    assert.notEqual(fr, renderGroupReason(r, 'en'));
  }
  const fr = renderMatchReason(MATCH, 'fr');
  assert.doesNotMatch(fr, english, fr);
  assert.match(fr, /prédicat et chiffre\u202f: .*Jaccard 0,25.*le même jour \(lundi\)$/);
});
