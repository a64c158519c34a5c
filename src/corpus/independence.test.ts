// Independence verdicts, one rule per test (invented mentions).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFamilies, declaredCopies, independence, NO_COPIES, type CopyFamilies } from './independence.js';
import { keyCanon } from './source-keys.js';
import type { ClaimWithDocument } from './store.js';

function mention(
  documentId: string,
  outlet: string | null,
  speaker: { text: string; key: string | null; anonymous?: boolean } | null,
  extra: Partial<ClaimWithDocument> = {},
): ClaimWithDocument {
  return {
    documentId,
    index: 0,
    start: 0,
    end: 10,
    text: 'Le barrage de Lunel a cédé',
    attribution: speaker ? 0 : null,
    hedged: false,
    candidate: false,
    speaker: speaker?.text ?? null,
    anonymous: speaker ? (speaker.anonymous ?? false) : null,
    via: [],
    entityKeys: [],
    numbers: [],
    predicate: [],
    speakerKey: speaker?.key ?? null,
    proposition: { predicate: ['ced'], figures: [], subject: [], arguments: [], time: [], negated: false, viaKeys: [] },
    inputPath: null,
    outlet,
    published: '2024-03-02',
    language: 'fr',
    origin: [],
    ...extra,
  };
}

const marin = { text: 'Paul Marin', key: 'per:paul-marin' };
const roux = { text: 'Claire Roux', key: 'per:claire-roux' };

test('two named speakers in two outlets: independent, with the sources named', () => {
  const r = independence([mention('d1', 'Le Courrier', marin), mention('d2', 'Radio Sud', roux)], NO_COPIES);
  assert.equal(r.verdict, 'independent');
  assert.equal(r.distinctSources, 2);
  assert.match(r.reasons[0]!, /^independent: 2 distinct named upstream sources \(.*Paul Marin.*Claire Roux|Claire Roux.*Paul Marin/);
});

test('outlets relaying the same speaker: a single upstream', () => {
  const r = independence([mention('d1', 'Le Courrier', marin), mention('d2', 'Radio Sud', { text: 'M. Marin', key: 'per:paul-marin' })], NO_COPIES);
  assert.equal(r.verdict, 'single-upstream');
  assert.equal(r.distinctSources, 1);
});

test('one document quoting two people is never independent: it is one account, a single upstream', () => {
  const r = independence([mention('d1', 'Le Courrier', marin), { ...mention('d1', 'Le Courrier', roux), index: 1 }], NO_COPIES);
  assert.equal(r.verdict, 'single-upstream');
  assert.equal(r.distinctSources, 1);
  assert.match(r.reasons[0]!, /one document/);
});

test('one wire in its own voice and relaying one named speaker, in two documents: a single upstream', () => {
  const afp = { origin: ['Orange avec AFP'] };
  const r = independence([mention('d1', 'Orange', marin, afp), mention('d2', 'Orange', null, afp)], NO_COPIES);
  assert.equal(r.verdict, 'single-upstream');
  assert.match(r.reasons[0]!, /one outlet or wire.*relaying Paul Marin/);
});

test('one wire relaying two named speakers, or an anonymous one besides its voice: not a single upstream', () => {
  const afp = { origin: ['Orange avec AFP'] };
  assert.equal(independence([mention('d1', 'Orange', marin, afp), mention('d2', 'Orange', roux, afp)], NO_COPIES).verdict, 'undetermined');
  const anon = { text: 'une source proche du dossier', key: 'anon:d10000000000:source@proche-dossier', anonymous: true };
  assert.equal(independence([mention('d1', 'Orange', anon, afp), mention('d2', 'Orange', null, afp)], NO_COPIES).verdict, 'undetermined');
});

test('one outlet and its republication: the copy counts once', () => {
  const copies: CopyFamilies = { familyOf: (id) => (id === 'd2' ? 'd1' : id) };
  const r = independence([mention('d1', 'Le Courrier', null), mention('d2', 'Le Relais', null)], copies);
  assert.equal(r.verdict, 'single-upstream');
});

test('rewritten wire copy counts as the wire', () => {
  const wire = mention('d1', 'Agence France-Presse', null);
  const rewrite = mention('d2', 'Le Courrier', null, { origin: ['Le Courrier avec AFP'] });
  const r = independence([wire, rewrite], NO_COPIES);
  assert.equal(r.verdict, 'single-upstream');
  assert.equal(r.sources.length, 1);
});

test('outlets in their own voice, or anonymous sources in two outlets, cannot be told apart: undetermined', () => {
  assert.equal(independence([mention('d1', 'Le Courrier', null), mention('d2', 'Radio Sud', null)], NO_COPIES).verdict, 'undetermined');
  const anon = (d: string) => ({ text: 'une source proche du dossier', key: `anon:${d.padEnd(12, '0')}:source@proche-dossier`, anonymous: true });
  const r = independence([mention('d1', 'Le Courrier', anon('d1')), mention('d2', 'Radio Sud', anon('d2'))], NO_COPIES);
  assert.equal(r.verdict, 'undetermined');
  assert.ok(r.sources.every((s) => s.anonymous));
  // How many stand behind it cannot be told: 0, never « 1 » (read as one origin repeated).
  assert.equal(r.distinctSources, 0);
  const oneNamed = independence([mention('d1', 'Le Courrier', marin), mention('d2', 'Radio Sud', anon('d2'))], NO_COPIES);
  assert.deepEqual([oneNamed.verdict, oneNamed.distinctSources], ['undetermined', 0]);
});

test('an anonymous speaker relayed by a named medium traces to that medium', () => {
  const relayed = mention(
    'd1',
    'Le Courrier',
    { text: 'des sources', key: 'anon:d10000000000:sources', anonymous: true },
    { via: ['Reuters'], proposition: { predicate: [], figures: [], subject: [], arguments: [], time: [], negated: false, viaKeys: ['org:reuters'] } },
  );
  const r = independence([relayed, mention('d2', 'Radio Sud', { text: 'Reuters', key: 'org:reuters' })], NO_COPIES);
  assert.equal(r.verdict, 'single-upstream');
});

test('corpus keys: a full name is no lone surname: it does not take the key of a span that swallowed a word before it', () => {
  const canon = keyCanon(['per:sante-olivier-veran', 'per:olivier-veran', 'per:veran']);
  assert.equal(canon('per:olivier-veran'), 'per:olivier-veran');
  assert.equal(canon('per:sante-olivier-veran'), 'per:sante-olivier-veran');
});

test('corpus keys: a lone surname is the one full name ending in it; two candidates keep it apart; person and body readings of a name meet', () => {
  const canon = keyCanon(['per:hamed-al-zameli', 'per:al-zameli', 'per:le-pen', 'per:marine-le-pen', 'per:jean-marie-le-pen', 'org:closer', 'per:closer']);
  assert.equal(canon('per:al-zameli'), 'per:hamed-al-zameli');
  assert.equal(canon('per:le-pen'), 'per:le-pen');
  assert.equal(canon('org:closer'), canon('per:closer'));
  assert.equal(canon('Q40464'), 'Q40464');
});

test('coordinated speakers (« selon Mediapart et Le Monde ») are two upstream sources; alone in one document, still one account', () => {
  const both = (doc: string, outlet: string) =>
    mention(
      doc,
      outlet,
      { text: 'Mediapart', key: 'org:mediapart' },
      {
        proposition: {
          predicate: ['ced'],
          figures: [],
          subject: [],
          arguments: [],
          time: [],
          negated: false,
          viaKeys: [],
          coSources: [{ name: 'Le Monde', key: 'Q12461' }],
        },
      },
    );
  // Another outlet relays Mediapart alone: Le Monde, named beside it in the first article, is a second source.
  const r = independence([both('d1', 'Le Courrier'), mention('d2', 'Radio Sud', { text: 'Mediapart', key: 'org:mediapart' })], NO_COPIES);
  assert.equal(r.verdict, 'independent');
  assert.equal(r.distinctSources, 2);
  assert.deepEqual(r.sources.map((s) => s.key).sort(), ['Q12461', 'org:mediapart']);
  // Two sources of one mention, not two names of one source.
  assert.match(r.reasons[1]!, /→ Mediapart; Le Monde$/);
  assert.equal(independence([both('d1', 'Le Courrier')], NO_COPIES).verdict, 'single-upstream');
  // One wire names both outlets in one dispatch and relays Mediapart alone in another: two newsrooms may relay one
  // unnamed source, and one publisher names them, so nothing says they found out apart.
  const afp = { origin: ['AFP'] };
  const oneWire = independence([{ ...both('d1', 'Orange'), ...afp }, mention('d2', 'Orange', { text: 'Mediapart', key: 'org:mediapart' }, afp)], NO_COPIES);
  assert.notEqual(oneWire.verdict, 'independent');
});

test('speakers named together as the source of one mention (« selon la préfecture et les pompiers ») confirm each other, across documents of one wire', () => {
  const afp = { origin: ['AFP'] };
  const prefecture = { text: 'la préfecture du Gard', key: 'org:prefecturedugard' };
  const coordinated = (doc: string) =>
    mention(doc, 'Orange', prefecture, {
      ...afp,
      proposition: { ...mention(doc, null, null).proposition!, coSources: [{ name: 'les pompiers du Gard', key: 'org:sdis30' }] },
    });
  const r = independence([coordinated('d1'), mention('d2', 'Orange', prefecture, afp)], NO_COPIES);
  assert.equal(r.verdict, 'independent');
  assert.match(r.reasons[0]!, /^independent: 2 distinct named upstream sources, named together as the source of one mention/);
  // The préfecture alone in both dispatches: one upstream.
  assert.equal(independence([mention('d1', 'Orange', prefecture, afp), mention('d2', 'Orange', prefecture, afp)], NO_COPIES).verdict, 'single-upstream');
  // Both in one dispatch only: one account.
  assert.notEqual(independence([coordinated('d1')], NO_COPIES).verdict, 'independent');
});

test('one wire quoting two named actors directly in one dispatch, each attested in another: two upstream sources, the wire only relays them', () => {
  // The hospitals and the police to AFP, in one dispatch; the hospitals again in another AFP dispatch, the police in a third.
  const afp = { origin: ['AFP'] };
  const hospitals = { text: "L'AP-HP", key: 'org:ap-hp' };
  const police = { text: 'La préfecture de police', key: 'org:prefecture-de-police' };
  const byPolice = { ...afp, text: 'Selon la préfecture, le barrage de Lunel a bien cédé' };
  const group = [
    mention('d1', 'Orange', hospitals, afp),
    { ...mention('d1', 'Orange', police, byPolice), index: 1 },
    mention('d2', 'Orange', hospitals, afp),
    mention('d3', 'Orange', police, byPolice),
  ];
  // The police in that one dispatch only: two institutions named apart, one of them attested in another dispatch, are
  // still two accounts (a body is no spokesman of another).
  assert.equal(independence(group.slice(0, 3), NO_COPIES).verdict, 'independent');
  // Two people, or a person and a body, in one dispatch, one of them attested nowhere else: they may be one account
  // (the minister and « la garde des Sceaux », the company and its chief executive).
  const people = [mention('d1', 'Orange', marin, afp), { ...mention('d1', 'Orange', roux, byPolice), index: 1 }, mention('d2', 'Orange', marin, afp)];
  assert.notEqual(independence(people, NO_COPIES).verdict, 'independent');
  const personAndBody = [
    mention('d1', 'Orange', hospitals, afp),
    { ...mention('d1', 'Orange', roux, byPolice), index: 1 },
    mention('d2', 'Orange', hospitals, afp),
  ];
  assert.notEqual(independence(personAndBody, NO_COPIES).verdict, 'independent');
  // An institution writing on its own social network account is still quoted directly; through an outlet it is relayed.
  const onTwitter = (c: ClaimWithDocument, via: string) => ({ ...c, via: [via], proposition: { ...c.proposition!, viaKeys: [null] } });
  assert.equal(independence([onTwitter(group[0]!, 'son compte Twitter'), ...group.slice(1, 3)], NO_COPIES).verdict, 'independent');
  assert.notEqual(independence([onTwitter(group[0]!, 'le quotidien'), ...group.slice(1, 3)], NO_COPIES).verdict, 'independent');
  // Neither institution attested elsewhere: one account.
  assert.notEqual(independence([group[0]!, group[1]!, mention('d2', 'Orange', null, afp)], NO_COPIES).verdict, 'independent');
  const r = independence(group, NO_COPIES);
  assert.equal(r.verdict, 'independent');
  assert.equal(r.distinctSources, 2);
  assert.match(r.reasons[0]!, /^independent: 2 distinct named upstream sources, each quoted directly by one publisher that only relays them/);
  // The same words credited to two actors are one statement quoted twice, not two actors agreeing.
  const sameQuote = [group[0]!, { ...group[1]!, text: group[0]!.text }, group[2]!, group[3]!];
  assert.notEqual(independence(sameQuote, NO_COPIES).verdict, 'independent');
  // Through a named intermediary (« selon Le Parisien, la préfecture… »): a relay, not a direct statement.
  const relayed = { ...group[1]!, proposition: { ...group[1]!.proposition!, viaKeys: ['org:le-parisien'] } };
  assert.notEqual(independence([group[0]!, relayed, group[2]!, group[3]!], NO_COPIES).verdict, 'independent');
  // An unnamed voice beside a named actor confirms nothing.
  const anonymous = { ...group[1]!, speaker: 'une source policière', anonymous: true, speakerKey: 'anon:d1:source' };
  assert.notEqual(independence([group[0]!, anonymous, group[2]!, group[3]!], NO_COPIES).verdict, 'independent');
  // Two documents of one wire quoting two actors each once: not inside one document, not counted.
  const apart = [
    mention('d1', 'Orange', hospitals, afp),
    mention('d2', 'Orange', police, { ...afp, text: 'Selon la préfecture, le barrage de Lunel a bien cédé' }),
  ];
  assert.notEqual(independence(apart, NO_COPIES).verdict, 'independent');
});

test('one person under two transliterations of a surname is one upstream, whatever the keys', () => {
  const a = { text: 'Volodymyr Zelenskiy', key: 'per:volodymyr-zelenskiy' };
  const b = { text: 'Ukrainian President Volodymyr Zelensky', key: 'per:ukrainian-president-volodymyr-zelensky' };
  const r = independence([mention('d1', 'Le Courrier', a), mention('d2', 'Radio Sud', b)], NO_COPIES);
  assert.notEqual(r.verdict, 'independent');
  assert.equal(r.sources.length, 1);
});

test('one person spelt as French and English transliterate the name is one upstream; another given name is another person', () => {
  for (const [x, y] of [
    ['Mouammar Kadhafi', 'Muammar Gaddafi'],
    ['Vladimir Poutine', 'Vladimir Putin'],
    ['Abou Bakr al-Baghdadi', 'Abu Bakr al-Baghdadi'],
  ] as const)
    for (const [p, q] of [
      [x, y],
      [y, x],
    ] as [string, string][]) {
      const key = (n: string) => `per:${n.toLowerCase().replace(/ /g, '-')}`;
      const r = independence([mention('d1', 'Le Courrier', { text: p, key: key(p) }), mention('d2', 'Radio Sud', { text: q, key: key(q) })], NO_COPIES);
      assert.equal(r.verdict, 'single-upstream', `${p} / ${q}`);
      assert.equal(r.sources.length, 1);
    }
  const bachar = { text: 'Bachar al-Assad', key: 'per:bachar-al-assad' };
  const hafez = { text: 'Hafez al-Assad', key: 'per:hafez-al-assad' };
  assert.equal(independence([mention('d1', 'Le Courrier', bachar), mention('d2', 'Radio Sud', hafez)], NO_COPIES).sources.length, 2);
});

test('one wire quoting two outlets in one dispatch: their reporting relayed, not two actors, even for outlets the tagger reads as people', () => {
  const afp = { origin: ['AFP'] };
  // « Sud Ouest » and « La Voix du Nord » are outlets of the knowledge base's outlet lists only (no mention entry).
  const south = { text: 'Sud Ouest', key: 'per:sud-ouest' };
  const north = { text: 'La Voix du Nord', key: 'org:voixdunord' };
  const group = [
    mention('d1', 'Orange', south, afp),
    { ...mention('d1', 'Orange', north, { ...afp, text: 'Selon La Voix du Nord, le barrage de Lunel a bien cédé' }), index: 1 },
    mention('d2', 'Orange', south, afp),
  ];
  assert.notEqual(independence(group, NO_COPIES).verdict, 'independent');
});

test("an intermediary that relays a named speaker is that speaker's upstream, not a confirmation of it (« X via RTL » and RTL's own report)", () => {
  const marceau = { text: 'Sophie Marceau', key: 'per:sophie-marceau' };
  const rtl = { text: 'RTL', key: 'org:rtl' };
  const via = (extra: Partial<ClaimWithDocument> = {}) => ({
    via: ['RTL'],
    proposition: { predicate: ['ced'], figures: [], subject: [], arguments: [], time: [], negated: false, viaKeys: ['org:rtl'] },
    ...extra,
  });
  const group = [
    mention('d1', 'Orange', marceau, { origin: ['AFP'], ...via() }),
    { ...mention('d1', 'Orange', rtl, { origin: ['AFP'] }), index: 1 },
    mention('d2', 'Le Courrier', marceau, { origin: ['6Medias'] }),
  ];
  const r = independence(group, NO_COPIES);
  assert.notEqual(r.verdict, 'independent');
  assert.equal(r.sources.filter((s) => !s.anonymous).length, 1);
  // Without the relay, RTL reporting it and Sophie Marceau quoted by another publisher are two named sources.
  const apart = [{ ...group[0]!, via: [], proposition: { ...group[0]!.proposition!, viaKeys: [] } }, group[1]!, group[2]!];
  assert.equal(independence(apart, NO_COPIES).verdict, 'independent');
});

test('one quotation in nearly the same words credited to two named speakers is one upstream, however each copy cuts it', () => {
  const quoted = (text: string) => ({ text, proposition: { ...mention('d', null, null).proposition!, quoted: true } });
  const a = mention('d1', 'Le Courrier', marin, quoted('Vers midi, il m’a demandé la clé du hangar, je la lui ai donnée'));
  const b = mention('d2', 'Radio Sud', roux, quoted('Il m’a demandé la clé du hangar'));
  const r = independence([a, b], NO_COPIES);
  assert.equal(r.verdict, 'single-upstream');
  assert.equal(r.sources.length, 1);
  // The same words outside quotation marks (the outlets' own wording of what each said): two speakers who agree.
  const said = (c: ClaimWithDocument) => ({ ...c, proposition: { ...c.proposition!, quoted: false } });
  assert.equal(independence([said(a), said(b)], NO_COPIES).verdict, 'independent');
});

test('a named actor and a description in one document, each attested nowhere else in the group, are one account', () => {
  // « la ministre de la Justice » and « Claire Roux » quoted in d1; only Paul Marin in d2 agrees with neither directly.
  const minister = { text: 'La garde des Sceaux', key: 'org:sceaux' };
  const group = [mention('d1', 'Le Courrier', minister), { ...mention('d1', 'Le Courrier', roux), index: 1 }, mention('d2', 'Radio Sud', null)];
  assert.notEqual(independence(group, NO_COPIES).verdict, 'independent');
});

test('a denial is no confirmation: one speaker denying what another states does not make them agree', () => {
  const denied = (c: ClaimWithDocument) => ({ ...c, text: "Le barrage de Lunel n'a pas cédé", proposition: { ...c.proposition!, negated: true } });
  const r = independence([mention('d1', 'Le Courrier', marin), denied(mention('d2', 'Radio Sud', roux))], NO_COPIES);
  assert.notEqual(r.verdict, 'independent');
  // Both denying, each in their words: they agree.
  const other = { ...denied(mention('d2', 'Radio Sud', roux)), text: 'La digue a tenu, elle n’a jamais cédé' };
  assert.equal(independence([denied(mention('d1', 'Le Courrier', marin)), other], NO_COPIES).verdict, 'independent');
});

test('a mention stating the opposite of the group confirms nothing, even with no verb in common to tell it a denial', () => {
  // "There is no plan to withdraw the troops" among mentions of "a plan to withdraw the troops": no shared predicate.
  const opposite = (c: ClaimWithDocument) => ({ ...c, proposition: { ...c.proposition!, predicate: [], negated: true } });
  const r = independence([mention('d1', 'Le Courrier', marin), opposite(mention('d2', 'Radio Sud', roux))], NO_COPIES);
  assert.notEqual(r.verdict, 'independent');
  // The same two speakers both asserting it are two independent sources.
  assert.equal(independence([mention('d1', 'Le Courrier', marin), mention('d2', 'Radio Sud', roux)], NO_COPIES).verdict, 'independent');
});

test('one quotation in the same words credited to two named speakers in two publishers is one statement: one upstream', () => {
  const quote = { text: 'Depuis le 11 mars 2011, je vis l’enfer de cette calomnie, a-t-il dit' };
  const r = independence([mention('d1', 'Le Courrier', marin, quote), mention('d2', 'Radio Sud', roux, quote)], NO_COPIES);
  assert.equal(r.verdict, 'single-upstream');
  assert.match(r.sources[0]!.label, /Paul Marin = Claire Roux|Claire Roux = Paul Marin/);
  // Other words: two speakers who agree.
  const other = { text: 'Le barrage de Lunel a cédé dans la nuit de lundi à mardi, sous la pression' };
  assert.equal(independence([mention('d1', 'Le Courrier', marin, quote), mention('d2', 'Radio Sud', roux, other)], NO_COPIES).verdict, 'independent');
});

test('an unnamed speaker pointing back (« il », « le maire ») is the one named speaker its article quotes in the group; an indefinite one is not', () => {
  const afp = { origin: ['AFP'] };
  const he = { text: 'il', key: null, anonymous: true };
  const one = [mention('d1', 'Orange', marin, afp), { ...mention('d1', 'Orange', he, afp), index: 1 }, mention('d2', 'Orange', he, afp)];
  // « il » in d1 is Paul Marin (quoted in d1); « il » in d2 may be anyone.
  const r = independence(one, NO_COPIES);
  assert.equal(r.verdict, 'undetermined');
  assert.match(r.sources.map((s) => s.label).join(' | '), /Paul Marin = il/);
  // In one wire relaying one named speaker, the anaphor of his own dispatch is him: a single upstream.
  assert.equal(independence(one.slice(0, 2).concat(mention('d2', 'Orange', marin, afp)), NO_COPIES).verdict, 'single-upstream');
  // « un responsable » (indefinite) beside him is another, unknown source.
  const official = { text: 'un responsable', key: 'anon:d1:responsable', anonymous: true };
  const two = [mention('d1', 'Orange', marin, afp), { ...mention('d1', 'Orange', official, afp), index: 1 }, mention('d2', 'Orange', marin, afp)];
  assert.equal(independence(two, NO_COPIES).verdict, 'undetermined');
  // « l'entourage de Paul Marin » in another dispatch names him: his.
  const entourage = { text: "l'entourage de Paul Marin", key: 'anon:d3:entourage@paul-marin', anonymous: true };
  assert.equal(independence([mention('d1', 'Orange', marin, afp), mention('d3', 'Orange', entourage, afp)], NO_COPIES).verdict, 'single-upstream');
  // « l'ancien député » in a dispatch whose own mention of the group names Paul Marin (its title, in the wire's voice) is him.
  const deputy = { text: "l'ancien député", key: 'anon:d4:ancien@depute', anonymous: true };
  const titled = [mention('d1', 'Orange', marin, afp), mention('d4', 'Orange', deputy, afp), { ...mention('d4', 'Orange', null, afp), index: 1 }];
  assert.equal(independence(titled, NO_COPIES).verdict, 'undetermined');
  titled[2] = { ...titled[2]!, entityKeys: ['per:paul-marin'] };
  assert.equal(independence(titled, NO_COPIES).verdict, 'single-upstream');
});

test('a named speaker reaching the publisher through an unnamed intermediary, or an outlet an outlet noun introduces, is not quoted directly', () => {
  const afp = { origin: ['AFP'] };
  const leila = { text: 'Leïla', key: 'per:leila' };
  const site = { text: 'Le site Reporterre', key: 'org:reporterre' };
  const group = [
    { ...mention('d1', 'Orange', leila, { ...afp, via: ['le quotidien'] }), proposition: { ...mention('d1', null, null).proposition!, viaKeys: [null] } },
    { ...mention('d1', 'Orange', site, { ...afp, text: 'Selon le site, le barrage de Lunel a bien cédé' }), index: 1 },
    mention('d2', 'Orange', null, afp),
  ];
  assert.notEqual(independence(group, NO_COPIES).verdict, 'independent');
});

test('an outlet credited with a statement that itself reports someone (« X a confirmé …, rapporte Ouest-France ») relays it: no confirmation', () => {
  const outlet = { text: 'Ouest-France', key: 'org:ouestfrance' };
  const nested = { origin: ['AFP'], text: 'Le principal intéressé a confirmé avoir été contacté' };
  const group = [
    mention('d1', 'Orange', outlet, nested),
    mention('d2', 'Le Courrier', marin, { text: 'avoir été contacté pour le poste', origin: ['6Medias'] }),
  ];
  const r = independence(group, NO_COPIES);
  assert.notEqual(r.verdict, 'independent');
  assert.match(r.reasons[1]!, /relayed by Ouest-France/);
  // The outlet's own statement (no reporting verb in it) still confirms.
  const own = [{ ...group[0]!, text: 'Paul Marin a été contacté pour le poste' }, group[1]!];
  assert.equal(independence(own, NO_COPIES).verdict, 'independent');
});

test('a translation or republication declared by its origin is a copy of its original: one account, whatever each names', () => {
  const anon = (d: string) => ({ text: 'une source proche du dossier', key: `anon:${d.padEnd(12, '0')}:source@proche-dossier`, anonymous: true });
  const original = mention('d1', 'The Guardian', anon('d1'), { language: 'en', published: '2024-03-01' });
  const translated = mention('d2', 'Le Courrier', anon('d2'), { origin: ['The Guardian'], published: '2024-03-02' });
  // Two outlets' anonymous sources cannot be told apart; the translation's are the original's.
  assert.equal(independence([original, mention('d2', 'Le Courrier', anon('d2'), { published: '2024-03-02' })], NO_COPIES).verdict, 'undetermined');
  const r = independence([original, translated], NO_COPIES);
  assert.equal(r.verdict, 'single-upstream');
  assert.match(r.reasons[0]!, /^single upstream: every mention traces back to une source proche du dossier/);
  // An original published after the copy is not where the copy was taken from.
  assert.equal(independence([{ ...original, published: '2024-03-05' }, translated], NO_COPIES).verdict, 'undetermined');
  // Two named speakers, one in the original and one in its translation: one account, never two confirmations.
  const named = [mention('d1', 'The Guardian', marin, { published: '2024-03-01' }), mention('d2', 'Le Courrier', roux, { origin: ['The Guardian'] })];
  const n = independence(named, NO_COPIES);
  assert.equal(n.verdict, 'single-upstream');
  assert.match(n.reasons[0]!, /one document and its copies/);
});

test('declared copies: an origin giving the URL of a corpus document links the two; an outlet name or an unknown URL links none', () => {
  const docs = [
    { id: 'a', url: 'https://www.theguardian.com/world/2024/mar/01/dam/', origin: [] },
    { id: 'b', url: 'https://lecourrier.fr/barrage', origin: ['http://theguardian.com/world/2024/mar/01/dam#top'] },
    { id: 'c', url: null, origin: ['The Guardian', 'https://example.org/elsewhere'] },
  ];
  assert.deepEqual(declaredCopies(docs), [{ documentId: 'b', duplicateOf: 'a' }]);
  const families = copyFamilies([], declaredCopies(docs));
  assert.equal(families.familyOf('a'), families.familyOf('b'));
  assert.notEqual(families.familyOf('a'), families.familyOf('c'));
});

test('two officials of one body in two outlets are one upstream, the body; officials of two bodies stay two', () => {
  const office = (speakerOffice: string) => ({
    proposition: { predicate: ['ced'], figures: [], subject: [], arguments: [], time: [], negated: false, viaKeys: [], speakerOffice },
  });
  // « le ministre de la Défense, Karim Oubaid » in one outlet, « le porte-parole du ministère de la Défense, Ali Nasser » in another.
  const minister = mention('d1', 'Le Courrier', { text: 'Karim Oubaid', key: 'per:karim-oubaid' }, office('role:ministre@defense'));
  const spokesman = mention('d2', 'Radio Sud', { text: 'Ali Nasser', key: 'per:ali-nasser' }, office('role:porte-parole@ministere-defense'));
  const r = independence([minister, spokesman], NO_COPIES);
  assert.equal(r.verdict, 'single-upstream');
  assert.equal(r.sources.length, 1);
  // The unnamed spokesman too.
  const unnamed = mention('d2', 'Radio Sud', { text: 'le porte-parole du ministère de la Défense', key: 'role:porte-parole@ministere-defense' });
  assert.equal(independence([minister, unnamed], NO_COPIES).verdict, 'single-upstream');
  // The minister of the Interior is another body: two named upstreams.
  const interior = mention('d2', 'Radio Sud', { text: 'Ali Nasser', key: 'per:ali-nasser' }, office('role:ministre@interieur'));
  assert.equal(independence([minister, interior], NO_COPIES).verdict, 'independent');
});

test('a definite description keyed as a name (« le Marseillais de 42 ans ») is no named source of its own', () => {
  const description = { text: 'le Marseillais de 42 ans', key: 'org:marseillais' };
  const r = independence([mention('d1', 'Le Courrier', marin), mention('d2', 'Radio Sud', description)], NO_COPIES);
  assert.notEqual(r.verdict, 'independent', JSON.stringify(r.sources));
  // Its article quoting Paul Marin in the group too: the description is Paul Marin, one upstream.
  const same = independence(
    [mention('d1', 'Le Courrier', marin), mention('d2', 'Radio Sud', description), { ...mention('d2', 'Radio Sud', marin), index: 1 }],
    NO_COPIES,
  );
  assert.equal(same.verdict, 'single-upstream', JSON.stringify(same.sources));
  // A body the knowledge base knows keeps its name: two named sources.
  const body = independence([mention('d1', 'Le Courrier', marin), mention('d2', 'Radio Sud', { text: "l'Unicef", key: 'org:unicef' })], NO_COPIES);
  assert.equal(body.verdict, 'independent', JSON.stringify(body.sources));
  // A capitalised noun of a body (roles.tsv kind `org`), with its complement, is that body speaking, not a person described.
  const prefecture = { text: 'La Préfecture de police (PP)', key: 'org:pp' };
  const two = independence([mention('d1', 'Le Courrier', marin), mention('d2', 'Radio Sud', prefecture)], NO_COPIES);
  assert.equal(two.verdict, 'independent', JSON.stringify(two.sources));
});

test('a mention crediting an outlet whose article is in the group relays that article: one upstream', () => {
  const r = independence([mention('d1', 'Le Parisien', marin), mention('d2', 'Radio Sud', { text: 'Le Parisien', key: 'org:le-parisien' })], NO_COPIES);
  assert.equal(r.verdict, 'single-upstream', JSON.stringify(r.sources));
  assert.ok(!r.sources.some((s) => s.label.includes(' = ')), JSON.stringify(r.sources));
});

test("an outlet's headline above its article's sourced mention leads to that source: a relay chain is a single upstream", () => {
  // Le Courrier quotes Paul Marin; Radio Sud and La Gazette relay him, each with a headline in its own voice.
  const headline = (id: string, outlet: string) => ({ ...mention(id, outlet, null), index: 1, text: 'Lunel : le barrage a cédé' });
  const relayed = (id: string, outlet: string) => mention(id, outlet, { text: 'M. Marin', key: 'per:paul-marin' }, { via: ['Le Courrier'] });
  const group = [
    mention('d1', 'Le Courrier', marin),
    headline('d2', 'Radio Sud'),
    relayed('d2', 'Radio Sud'),
    headline('d3', 'La Gazette'),
    relayed('d3', 'La Gazette'),
  ];
  const r = independence(group, NO_COPIES);
  assert.equal(r.verdict, 'single-upstream');
  assert.ok(r.reasons.some((x) => /own voice of Radio Sud, 2024-03-02, which its article sources to M\. Marin/.test(x)));
  // A headline with no sourced mention in its article stays its outlet's unsourced voice.
  assert.equal(independence([mention('d1', 'Le Courrier', marin), headline('d2', 'Radio Sud')], NO_COPIES).verdict, 'undetermined');
  // The voice confirms nothing: a headline above Radio Sud's own quote of Paul Marin adds no source beside him.
  const r2 = independence([mention('d1', 'Le Courrier', marin), headline('d2', 'Radio Sud'), mention('d2', 'Radio Sud', marin)], NO_COPIES);
  assert.notEqual(r2.verdict, 'independent');
});

test('a reporter of the publisher is its own reporting, a reporter of another outlet that outlet relayed: never an anonymous source', () => {
  const afp = { origin: ['AFP'] };
  // « …, rapporte une journaliste de l'agence de presse » in a wire's dispatch, and the wire's voice elsewhere: one wire.
  const reporter = { text: "une journaliste de l'agence de presse", key: 'anon:0123456789ab:journaliste@agence-presse', anonymous: true };
  const r = independence([mention('d1', 'Orange', reporter, afp), mention('d2', 'Orange', null, afp)], NO_COPIES);
  assert.equal(r.verdict, 'single-upstream', JSON.stringify(r.sources));
  // Any other anonymous speaker beside the wire's voice cannot be told from it: undetermined, as before.
  const source = { text: 'une source proche du dossier', key: 'anon:0123456789ab:source@proche-dossier', anonymous: true };
  assert.equal(independence([mention('d1', 'Orange', source, afp), mention('d2', 'Orange', null, afp)], NO_COPIES).verdict, 'undetermined');
  // « un journaliste de l'AFP » quoted by Le Courrier relays the AFP: one upstream with the AFP's own dispatch.
  const afpReporter = { text: "un journaliste de l'AFP", key: 'anon:0123456789ab:journaliste@Q40464', anonymous: true };
  const relayed = independence([mention('d1', 'Le Courrier', afpReporter), mention('d2', 'Orange', null, afp)], NO_COPIES);
  assert.equal(relayed.verdict, 'single-upstream', JSON.stringify(relayed.sources));
});

test('a mention stating the opposite is listed as contradicting, and as denied by the subject when its speaker is the claim’s subject', () => {
  // « Paul Marin aurait touché 30 000 euros » (des documents via Le Courrier), « Paul Marin dément … » (Paul Marin), and
  // « … n'a rien touché » said by Claire Roux: the first denial is the person concerned's, the second someone else's.
  const about = (c: ClaimWithDocument) => ({ ...c, proposition: { ...c.proposition!, subject: ['per:paul-marin'] } });
  const accusation = about(mention('d1', 'Le Courrier', { text: 'des documents', key: 'anon:d1:documents', anonymous: true }));
  const denial = (speaker: { text: string; key: string }) => ({
    ...mention('d2', 'Radio Sud', speaker),
    proposition: { ...accusation.proposition!, negated: true, denied: true },
  });
  const r = independence([accusation], NO_COPIES, undefined, undefined, [denial(marin), { ...denial(roux), index: 1 }]);
  assert.deepEqual(
    r.contradictedBy.map((x) => [x.speaker, x.bySubject]),
    [
      ['Paul Marin', true],
      ['Claire Roux', false],
    ],
  );
  // Listed after the mentions, never as an upstream source.
  assert.deepEqual(
    r.reasonMessages.filter((m) => m.id === 'contradicted').map((m) => m.id === 'contradicted' && m.bySubject),
    [true, false],
  );
  assert.ok(
    r.sources.every((s) => s.key !== 'per:paul-marin' && s.key !== 'per:claire-roux'),
    JSON.stringify(r.sources),
  );
  // One person keyed with a title before the name (« le député Paul Marin ») is still the subject.
  const titled = independence([accusation], NO_COPIES, undefined, undefined, [denial({ text: 'le député Paul Marin', key: 'per:depute-paul-marin' })]);
  assert.equal(titled.contradictedBy[0]!.bySubject, true);
});
