// A mention whose speaker denies the claim (« X a démenti les informations selon lesquelles … », "X denied reports
// that …") contradicts it: it never counts as a confirmation, through the real CLI, in French and in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupsOf } from './helpers/corpus-groups.js';
import { analyze } from '../src/index.js';
import { deniedByCue } from '../src/annotate/claims/denial.js';

test('a denial (« a démenti les informations selon lesquelles … ») never confirms the claim it denies', () => {
  const groups = groupsOf([
    {
      outlet: 'Le Républicain lorrain',
      published: '2019-03-04',
      title: 'Metz',
      text: 'Le maire de Metz, François Grosdidier, aurait démissionné dimanche soir, a affirmé lundi le conseiller municipal Marc Thiry.',
    },
    {
      outlet: 'L’Est Républicain',
      published: '2019-03-05',
      title: 'Mairie de Metz',
      text: 'La mairie de Metz a démenti mardi les informations selon lesquelles le maire François Grosdidier aurait démissionné dimanche soir. « Il est à son bureau », a précisé son cabinet.',
    },
  ]);
  // The denial is kept apart from what it denies (no group of the two), or listed in its group as denying: never a source
  // counting towards independence.
  for (const g of groups.filter((x) => x.upstream_sources.some((u) => /mairie/i.test(u.label)))) {
    assert.notEqual(g.verdict, 'independent', JSON.stringify(g.upstream_sources));
    assert.ok(
      g.upstream_sources.filter((u) => /mairie/i.test(u.label)).every((u) => u.denies === true),
      JSON.stringify(g.upstream_sources),
    );
  }
});

test('"X denied reports that …" never confirms the claim it denies', () => {
  const groups = groupsOf([
    {
      outlet: 'Daily Mirror',
      published: '2019-03-04',
      title: 'Council',
      text: 'The mayor of Leeds, James Lewis, resigned on Sunday night, councillor Mark Dobson said on Monday.',
    },
    {
      outlet: 'Yorkshire Post',
      published: '2019-03-05',
      title: 'Leeds council',
      text: 'Leeds City Council denied on Tuesday reports that the mayor James Lewis resigned on Sunday night. "He is at his desk," a spokesman added.',
    },
  ]);
  const group = groups.find((g) => g.label.includes('resigned'));
  assert.ok(group, JSON.stringify(groups.map((g) => g.label)));
  assert.notEqual(group.verdict, 'independent', JSON.stringify(group.upstream_sources));
  const council = group.upstream_sources.find((s) => /council/i.test(s.label) && !/councillor/i.test(s.label));
  assert.ok(!council || council.denies === true, JSON.stringify(group.upstream_sources));
});

test('an accusation its subject denies in another outlet, headline included, is shown as denied by the subject, never confirmed', () => {
  const groups = groupsOf([
    {
      outlet: 'Le Courrier de l’Ouest',
      published: '2025-02-10',
      title: 'Le maire de Saumur aurait touché 30 000 euros de la société Batiloire',
      text: 'Le maire de Saumur, Jackie Goulet, aurait touché 30 000 euros de la société Batiloire en 2022, selon des documents consultés par Le Courrier de l’Ouest.',
    },
    {
      outlet: 'Ouest-France',
      published: '2025-02-11',
      title: 'Le maire de Saumur dément avoir touché 30 000 euros',
      text: 'Le maire de Saumur, Jackie Goulet, dément avoir touché 30 000 euros de la société Batiloire en 2022. Il annonce une plainte.',
    },
  ]);
  const accusation = groups.find((g) => g.label.includes('aurait touché'));
  assert.ok(accusation, JSON.stringify(groups.map((g) => g.label)));
  // The denial, headline included, is no mention of the accusation: it contradicts it, by the person concerned.
  assert.ok(!accusation.claims.some((c) => /dément/.test(c.text)), JSON.stringify(accusation.claims));
  assert.ok(!accusation.upstream_sources.some((u) => /Goulet/.test(u.label)), JSON.stringify(accusation.upstream_sources));
  assert.notEqual(accusation.verdict, 'independent');
  assert.ok(
    accusation.contradicted_by.length > 0 && accusation.contradicted_by.every((x) => x.bySubject && /Goulet/.test(x.speaker ?? '')),
    JSON.stringify(accusation),
  );
  assert.ok(
    accusation.reasons.some((r) => /^contradicted: .*denied by the subject, Jackie Goulet/.test(r)),
    accusation.reasons.join('\n'),
  );
});

test('a cue of denial marks its claim denied; a negated one (« n’a pas démenti ») and other cues do not', () => {
  const denied = (text: string, language = 'fr') => {
    const a = analyze({ text, known: { language } }, { raw: true });
    return a.claims.map((c) => deniedByCue(a.attributions, c.attribution, language));
  };
  assert.deepEqual(denied('Le ministère a démenti que 300 postes seraient supprimés à Lyon.'), [true]);
  assert.deepEqual(denied('Le ministère a confirmé que 300 postes seraient supprimés à Lyon.'), [false]);
  assert.deepEqual(denied("Le ministère n'a pas démenti que 300 postes seraient supprimés à Lyon."), [false]);
  assert.deepEqual(denied('The ministry denied that 300 jobs would be cut in Leeds.', 'en'), [true]);
});
