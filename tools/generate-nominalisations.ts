// Generates lang/fr/nominalisations.generated.tsv: French action nouns and the
// verb they nominalise (« effondrement » → « effondrer », « révocation » →
// « révoquer »), so that a claim told with the noun (« l'effondrement de trois
// immeubles ») gets the verb's predicate (src/annotate/propositions.ts).
//
// Method: the regular suffixes of French action nouns (Riegel, Pellat & Rioul,
// Grammaire méthodique du français, dérivation suffixale: -ement, -ation,
// -age, -issement, -ition, -sion, -ssion, -ction) applied to every verb of
// french-verbs-lefff (Apache-2.0 packaging of the Lefff conjugations,
// LGPL-LR), each candidate kept only when it is a French word of
// an-array-of-french-words (MIT word list); plus the irregular pairs of
// IRREGULAR below. Nouns that name a body or a thing far more often than an act
// (« gouvernement », « parlement ») are left out (EXCLUDED). No word list text
// is copied: only noun–verb pairs that both lists attest.
//
// Regenerate: `npx tsx tools/generate-nominalisations.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { langPath } from '../src/lang/resources.js';

const require = createRequire(import.meta.url);
const conjugations = require('french-verbs-lefff/dist/conjugations.json') as Record<string, unknown>;
const words = new Set<string>(JSON.parse(readFileSync(require.resolve('an-array-of-french-words/index.json'), 'utf8')) as string[]);

/** Action nouns not built by a regular suffix (general French usage; the verb and its derived action noun). */
const IRREGULAR: Record<string, string> = {
  arrestation: 'arrêter',
  ouverture: 'ouvrir',
  fermeture: 'fermer',
  mort: 'mourir',
  décès: 'décéder',
  meurtre: 'tuer',
  destruction: 'détruire',
  démission: 'démissionner',
  départ: 'partir',
  arrivée: 'arriver',
  chute: 'chuter',
  baisse: 'baisser',
  hausse: 'hausser',
  reprise: 'reprendre',
  prise: 'prendre',
  vente: 'vendre',
  perte: 'perdre',
  défaite: 'perdre',
  victoire: 'gagner',
  fuite: 'fuir',
  attaque: 'attaquer',
  menace: 'menacer',
  accusation: 'accuser',
  plainte: 'plaindre',
  enquête: 'enquêter',
  annonce: 'annoncer',
  demande: 'demander',
  refus: 'refuser',
  aide: 'aider',
  soutien: 'soutenir',
  appui: 'appuyer',
  livraison: 'livrer',
  inhumation: 'inhumer',
  condamnation: 'condamner',
  libération: 'libérer',
  élection: 'élire',
  nomination: 'nommer',
  extradition: 'extrader',
  expulsion: 'expulser',
  agression: 'agresser',
  explosion: 'exploser',
  collision: 'heurter',
  évasion: 'évader',
  interdiction: 'interdire',
  réduction: 'réduire',
  construction: 'construire',
  découverte: 'découvrir',
  saisie: 'saisir',
  venue: 'venir',
  visite: 'visiter',
  rencontre: 'rencontrer',
  entretien: 'entretenir',
  retrait: 'retirer',
  recul: 'reculer',
  vol: 'voler',
  viol: 'violer',
  tir: 'tirer',
  tirs: 'tirer',
  coup: 'frapper',
};

/** Nouns of a regular form that name a body, a place or a thing far more often than the act in news prose. */
const EXCLUDED = new Set([
  'gouvernement',
  'parlement',
  'établissement',
  'logement',
  'département',
  'appartement',
  'enseignement',
  'bâtiment',
  'équipement',
  'environnement',
  'mouvement',
  'document',
  'monument',
  'argument',
  'élément',
  'moment',
  'station',
  'nation',
  'population',
  'fondation',
  'association',
  'organisation',
  'administration',
  'direction',
  'section',
  'région',
  'fraction',
  'passage',
  'village',
  'visage',
  'message',
  'image',
  'page',
  'âge',
  'plage',
  'étage',
  'garage',
  'fromage',
  'ménage',
  'personnage',
  'voyage',
  'courage',
  'avantage',
  'dommage',
  'témoignage',
  'mariage',
  'bagage',
  'paysage',
  'potage',
  'tirage',
  'formation',
  'information',
  'position',
  'condition',
  'édition',
  'tradition',
  'version',
  'vision',
  'télévision',
  'mission',
  'commission',
  'émission',
  'session',
  'impression',
  'occasion',
  'raison',
  'saison',
  'maison',
  'question',
  'opinion',
  'union',
  'million',
  'avion',
  'pension',
  'tension',
  'dimension',
  'relation',
  'situation',
  'opération',
  'génération',
  'relations',
  'fonction',
  'action',
  'nation',
  'production',
  'entourage',
]);

type Rule = [verbEnding: string, nounEnding: string];
/** Verb ending → noun ending (the longest verb ending that applies first). */
const RULES: Rule[] = [
  ['quer', 'cation'],
  ['guer', 'gage'],
  ['cer', 'cement'],
  ['ger', 'gement'],
  ['er', 'ement'],
  ['er', 'ation'],
  ['er', 'age'],
  ['er', 'ion'],
  ['ir', 'issement'],
  ['ir', 'ition'],
  ['ndre', 'nsion'],
  ['mettre', 'mission'],
  ['uire', 'uction'],
  ['primer', 'pression'],
];

const pairs = new Map<string, string>();
for (const verb of Object.keys(conjugations)) {
  if (!/^\p{Ll}[\p{Ll}-]*$/u.test(verb)) continue;
  for (const [v, n] of RULES) {
    if (!verb.endsWith(v) || verb.length - v.length < 2) continue;
    const noun = verb.slice(0, -v.length) + n;
    if (words.has(noun) && !EXCLUDED.has(noun) && !pairs.has(noun) && !conjugations[noun]) pairs.set(noun, verb);
  }
}
for (const [noun, verb] of Object.entries(IRREGULAR)) pairs.set(noun, verb);

const header = [
  '# GENERATED by tools/generate-nominalisations.ts: French action nouns and the verb they nominalise, from the regular',
  '# suffixes of action nouns applied to french-verbs-lefff (Apache-2.0 / LGPL-LR), kept when an-array-of-french-words (MIT)',
  '# attests the noun, plus hand-written irregular pairs. Do not edit: change the script and run',
  '# `npx tsx tools/generate-nominalisations.ts`.',
  '# noun\tverb',
];
const rows = [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([n, v]) => `${n}\t${v}`);
writeFileSync(langPath('fr', 'nominalisations.generated.tsv'), `${[...header, ...rows].join('\n')}\n`);
console.log(`lang/fr/nominalisations.generated.tsv: ${rows.length} nouns`);
