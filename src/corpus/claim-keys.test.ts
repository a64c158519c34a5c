import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AcronymFinder, PersonSpellings, personKeyTrimmer, personNameKey } from './claim-keys.js';
import { claimTable, keysOf } from './claim-table.js';
import { keyCanon } from './source-keys.js';
import type { ClaimFeatures } from './store.js';

/** A claim row naming entities, with its speaker. */
const claimRow = (documentId: string, published: string, entityKeys: string[], speakerKey: string | null = null): ClaimFeatures => ({
  documentId,
  index: 0,
  published,
  language: 'fr',
  entityKeys,
  numbers: [],
  predicate: [],
  speakerKey,
  proposition: null,
  outlet: null,
  title: false,
});

test('a person key with words swallowed before the name is the name the corpus gives alone', () => {
  const trim = personKeyTrimmer(
    new Set([
      'per:apres-emmanuel-macron',
      'per:emmanuel-macron',
      'per:etat-marlene-schiappa',
      'per:marlene-schiappa',
      'per:nouri-al-maliki',
      'per:al-maliki',
      'per:marion-marechal-le-pen',
      'per:le-pen',
      'per:interieur-gerard-collomb',
    ]),
  );
  assert.equal(trim('per:apres-emmanuel-macron'), 'per:emmanuel-macron');
  assert.equal(trim('per:etat-marlene-schiappa'), 'per:marlene-schiappa');
  // « Al » is a given name and a part of surnames; a key starting with a given name keeps its words.
  assert.equal(trim('per:nouri-al-maliki'), 'per:nouri-al-maliki');
  assert.equal(trim('per:marion-marechal-le-pen'), 'per:marion-marechal-le-pen');
  // The corpus never names Gérard Collomb alone: nothing to say the rest is his key.
  assert.equal(trim('per:interieur-gerard-collomb'), 'per:interieur-gerard-collomb');
  assert.equal(trim('org:apres-emmanuel-macron'), 'org:apres-emmanuel-macron');
});

test('claims naming one person with and without swallowed words name the same person; speakers too', async () => {
  const row = (documentId: string, entityKeys: string[]) => claimRow(documentId, '2018-11-05', entityKeys);
  const t = await claimTable([row('a', ['per:apres-emmanuel-macron', 'per:emmanuel-macron']), row('b', ['per:emmanuel-macron'])]);
  assert.deepEqual(keysOf(t.people, 0), ['name:emmanuel-macron']);
  assert.deepEqual(keysOf(t.entities, 1), ['name:emmanuel-macron']);
  const canon = keyCanon(['per:alors-qu-emmanuel-macron', 'per:emmanuel-macron', 'per:macron']);
  assert.equal(canon('per:alors-qu-emmanuel-macron'), 'per:emmanuel-macron');
  assert.equal(canon('per:macron'), 'per:emmanuel-macron');
});

test('an acronym beside its long form in a document is the long form, in entity and speaker keys', async () => {
  const fw = () => new Set(['la', 'le', 'des']);
  const finder = new AcronymFinder(fw);
  finder.add(['org:aphp', 'org:assistance-publique-hopitaux-de-paris', 'loc:paris'], 'fr');
  // « PP » beside two long forms spelling it in two documents: no way to tell which.
  finder.add(['org:pp', 'org:prefecture-de-police'], 'fr');
  finder.add(['org:pp', 'org:parti-pirate'], 'fr');
  // A short name with no long form spelling it in its document stays a name.
  finder.add(['org:unef', 'org:assistance-publique-hopitaux-de-paris'], 'fr');
  assert.deepEqual([...finder.longForms()], [['aphp', 'org:assistance-publique-hopitaux-de-paris']]);
  const row = (documentId: string, entityKeys: string[], speakerKey: string | null) => claimRow(documentId, '2018-04-20', entityKeys, speakerKey);
  const t = await claimTable([
    row('a', ['org:assistance-publique-hopitaux-de-paris'], 'org:aphp'),
    row('b', ['org:ap-hp'], 'org:assistancepubliquehopitauxdeparis'),
  ]);
  assert.deepEqual(keysOf(t.entities, 1), ['name:assistance-publique-hopitaux-de-paris']);
  const canon = keyCanon(t.sourceKeys, t.longForms);
  assert.equal(canon('org:aphp'), canon('org:assistancepubliquehopitauxdeparis'));
  assert.notEqual(keyCanon(t.sourceKeys)('org:aphp'), keyCanon(t.sourceKeys)('org:assistancepubliquehopitauxdeparis'));
});

test('a given name spelt with one other letter in the same week is one person, in entity and speaker keys', async () => {
  const spellings = new PersonSpellings();
  spellings.add(['per:alexandre-benalla', 'per:gerald-darmanin'], '2018-07-24');
  spellings.add(['per:alexandre-benalla', 'per:alexandra-benalla'], '2018-07-25');
  spellings.add(['per:alexandre-benalla', 'per:louis-martin'], '2018-07-26');
  // Months apart: nothing says « Gérard » is a misspelt « Gérald ».
  spellings.add(['per:gerard-darmanin'], '2018-12-01');
  // One letter apart in the surname, or a given name of another length (« Louise »): other people.
  spellings.add(['per:alexandre-benallo', 'per:louise-martin'], '2018-07-25');
  assert.deepEqual([...spellings.variants()], [['per:alexandra-benalla', 'per:alexandre-benalla']]);
  const t = await claimTable([
    claimRow('a', '2018-07-24', ['per:alexandre-benalla'], 'per:alexandre-benalla'),
    claimRow('b', '2018-07-25', ['per:alexandre-benalla']),
    claimRow('c', '2018-07-27', ['per:alexandra-benalla', 'loc:paris'], 'per:alexandra-benalla'),
  ]);
  assert.deepEqual(keysOf(t.people, 2), ['name:alexandre-benalla']);
  assert.deepEqual(keysOf(t.entities, 2), ['name:alexandre-benalla', 'name:paris']);
  const canon = keyCanon(t.sourceKeys, t.longForms, t.personVariants);
  assert.equal(canon('per:alexandra-benalla'), 'per:alexandre-benalla');
  assert.equal(keyCanon(t.sourceKeys)('per:alexandra-benalla'), 'per:alexandra-benalla');
});

test('a surname spelt as another transliteration, with one given name, is one person; title words count for nothing', () => {
  assert.equal(personNameKey('per:volodymyr-zelenskiy'), personNameKey('per:ukrainian-president-volodymyr-zelensky'));
  assert.equal(personNameKey('per:alexei-navalny'), personNameKey('per:alexei-navalnyy'));
  // Another letter than a transliteration's, another given name, a given name before the name, a short surname: no.
  assert.notEqual(personNameKey('per:alexandre-benalla'), personNameKey('per:alexandre-benallo'));
  assert.notEqual(personNameKey('per:olena-zelenska'), personNameKey('per:volodymyr-zelensky'));
  assert.equal(personNameKey('per:jean-marc-ayrault'), undefined);
  assert.equal(personNameKey('per:marine-le-pen'), undefined);
  const spellings = new PersonSpellings();
  spellings.add(['per:volodymyr-zelenskiy'], '2022-03-01');
  spellings.add(['per:ukrainian-president-volodymyr-zelensky', 'per:volodymyr-zelenski'], '2022-03-02');
  // Undated articles cannot be told from the same story.
  spellings.add(['per:alexei-navalnyy'], null);
  spellings.add(['per:alexei-navalny'], null);
  // Months apart: another story.
  spellings.add(['per:sergei-shoygu'], '2022-03-01');
  spellings.add(['per:sergei-shoigu'], '2022-09-01');
  assert.deepEqual([...spellings.variants()].sort(), [
    ['per:alexei-navalnyy', 'per:alexei-navalny'],
    ['per:ukrainian-president-volodymyr-zelensky', 'per:volodymyr-zelenski'],
    ['per:volodymyr-zelenskiy', 'per:volodymyr-zelenski'],
  ]);
});

test('one name as French, English and German transliterate it is one name key; other given names, other people, are not', () => {
  const same = (a: string, b: string) => {
    assert.notEqual(personNameKey(`per:${a}`), undefined, a);
    assert.equal(personNameKey(`per:${a}`), personNameKey(`per:${b}`), `${a} / ${b}`);
    assert.equal(personNameKey(`per:${b}`), personNameKey(`per:${a}`), `${b} / ${a}`);
  };
  same('mouammar-kadhafi', 'muammar-gaddafi');
  same('mouammar-kadhafi', 'mouammar-khadafi');
  same('moammar-qaddafi', 'muammar-gaddafi');
  same('vladimir-poutine', 'vladimir-putin');
  same('wladimir-putin', 'vladimir-putin');
  same('abou-bakr-al-baghdadi', 'abu-bakr-al-baghdadi');
  same('abou-bakr-el-baghdadi', 'abu-bakr-baghdadi');
  same('sergguei-lavrov', 'sergei-lavrov');
  same('bachar-al-assad', 'bashar-al-assad');
  same('mahmoud-abbas', 'mahmud-abbas');
  const apart = (a: string, b: string) => {
    assert.notEqual(personNameKey(`per:${a}`), personNameKey(`per:${b}`), `${a} / ${b}`);
    assert.notEqual(personNameKey(`per:${b}`), personNameKey(`per:${a}`), `${b} / ${a}`);
  };
  // Father and son, two brothers, a woman and a man: the given names differ.
  apart('bachar-al-assad', 'hafez-al-assad');
  apart('martine-aubry', 'martin-aubry');
  apart('mouammar-kadhafi', 'seif-al-islam-kadhafi');
  apart('vladimir-putin', 'lyudmila-putina');
  assert.equal(personNameKey('per:kim-jong-il'), undefined);
  assert.equal(personNameKey('per:kim-jong-un'), undefined);
});
