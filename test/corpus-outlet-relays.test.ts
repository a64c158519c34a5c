// A mention crediting an outlet whose own article is in the group (« Selon La Voix du Nord, … », "…, The Guardian
// reported") relays that article: it traces back to the article's own sources, never a second source beside them.
// Through the real CLI, in French and in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupsOf } from './helpers/corpus-groups.js';

test('« selon <outlet> » when the outlet’s own article cites a study is the study relayed, not a second source', () => {
  const groups = groupsOf([
    {
      outlet: 'La Voix du Nord',
      published: '2019-05-14',
      title: 'Environnement',
      text: "La nappe phréatique de la plaine de la Lys a baissé de 3 mètres en dix ans, selon une étude du Bureau de recherches géologiques et minières publiée lundi. Les agriculteurs s'inquiètent.",
    },
    {
      outlet: 'Nord Éclair',
      published: '2019-05-15',
      title: 'Sécheresse',
      text: 'Selon La Voix du Nord, la nappe phréatique de la plaine de la Lys a baissé de 3 mètres en dix ans. La préfecture réunit les maires jeudi.',
    },
  ]);
  const group = groups.find((g) => g.label.includes('3 mètres') || g.label.includes('nappe'));
  assert.ok(group, JSON.stringify(groups.map((g) => g.label)));
  assert.notEqual(group.verdict, 'independent', JSON.stringify(group.upstream_sources));
  // No « X = Y » between the outlet relayed and the study it cites.
  assert.ok(!group.upstream_sources.some((s) => s.label.includes(' = ')), JSON.stringify(group.upstream_sources));
});

test('"The Guardian reported" when the Guardian’s article quotes a named person is that person relayed', () => {
  const groups = groupsOf([
    {
      outlet: 'The Guardian',
      published: '2019-06-03',
      title: 'Rivers',
      text: 'The river Wye has lost 90% of its salmon population since 1990, ecologist Martin Hale said on Sunday. Anglers have called for action.',
    },
    {
      outlet: 'The Independent',
      published: '2019-06-04',
      title: 'Salmon decline',
      text: 'The river Wye has lost 90% of its salmon since 1990, The Guardian reported. The Environment Agency will publish a plan in July.',
    },
  ]);
  const group = groups.find((g) => g.label.includes('90'));
  assert.ok(group, JSON.stringify(groups.map((g) => g.label)));
  assert.notEqual(group.verdict, 'independent', JSON.stringify(group.upstream_sources));
  assert.ok(!group.upstream_sources.some((s) => s.label.includes(' = ')), JSON.stringify(group.upstream_sources));
});
