// The scored pair model of claim grouping: how likely two claims are one proposition, from what they share (a
// logistic model over the pair features `Matcher.compare` gives). The hand rules of claim-groups.ts (`matchRule`)
// are one of its inputs; the model weighs them against softer evidence (shared rare wording, entities, a figure, the
// subject) that no single rule holds. Guards stay rules (`guarded`): another figure for one unit, another day,
// a denial, an intent and the act, the same predicate said of another person are never one proposition, whatever
// the score. The weights are data (models/claim-pairs.json, its card models/claim-pairs.md), fitted by
// `npm run train:claim-pairs` on the DEV claim gold with cross-validation by story.
//
// Hand-written logistic regression (a dot product and a sigmoid at run time; a few Newton steps to fit): the model
// has a dozen weights, and a machine-learning library would bring far more than it needs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../lang/resources.js';
import type { PairFeatures } from './claim-groups.js';

/** The features, by name, in the order of the model's weights. */
export const PAIR_FEATURES = [
  'rule',
  'wordsShared',
  'wordsJaccard',
  'wordsContainment',
  'entitiesCommon',
  'entitiesJaccard',
  'entitiesContainment',
  'entitiesShared',
  'sharedVerb',
  'predicates',
  'sameFigure',
  'sharedNumbers',
  'entityless',
  'sameSubject',
  'peopleDiffer',
  'verbAndWords',
  'verbAndEntities',
  'verbAndShared',
  'titleEither',
  'titleBoth',
  'sameSpeaker',
  'sameDay',
  'verbsJaccard',
] as const;

export type PairFeatureName = (typeof PAIR_FEATURES)[number];

/** The numeric features of a pair (`rule`: whether a hand rule of `matchRule` holds the pair). */
export function pairVector(p: PairFeatures, rule: boolean): Float64Array {
  const w = p.words;
  const e = p.entities;
  const v: Record<PairFeatureName, number> = {
    rule: rule ? 1 : 0,
    wordsShared: Math.log1p(w.shared),
    wordsJaccard: w.jaccard,
    wordsContainment: w.containment,
    entitiesCommon: Math.min(e.common, 3) / 3,
    entitiesJaccard: e.jaccard,
    entitiesContainment: e.containment,
    entitiesShared: Math.log1p(e.shared),
    sharedVerb: p.sharedVerb ? 1 : 0,
    predicates: p.predicates ? 1 : 0,
    sameFigure: p.sameFigure ? 1 : 0,
    sharedNumbers: p.sharedFigure ? 1 : 0,
    entityless: p.entityless ? 1 : 0,
    sameSubject: p.subject.same ? 1 : 0,
    peopleDiffer: e.peopleDiffer ? 1 : 0,
    verbAndWords: p.sharedVerb ? w.containment : 0,
    verbAndEntities: p.sharedVerb ? Math.log1p(e.shared) : 0,
    verbAndShared: p.sharedVerb ? Math.log1p(w.shared) : 0,
    titleEither: p.titles > 0 ? 1 : 0,
    titleBoth: p.titles > 1 ? 1 : 0,
    sameSpeaker: p.sameSpeaker ? 1 : 0,
    sameDay: p.daysApart < 1 ? 1 : 0,
    verbsJaccard: p.verbs,
  };
  const x = new Float64Array(PAIR_FEATURES.length);
  for (let i = 0; i < PAIR_FEATURES.length; i++) x[i] = v[PAIR_FEATURES[i]!];
  return x;
}

/**
 * Pairs no score makes one proposition: far apart in time, a headline naming a topic, another figure for one unit or
 * other numbers, another day of the week, an intent and the act, the same predicate negated (a denial) or said of
 * another person.
 */
export function guarded(p: PairFeatures): boolean {
  return (
    !p.near || p.topicTitle || p.figuresDisagree || p.daysDiffer || p.modalDiffer || (p.negation && p.sharedVerb) || (p.sharedVerb && p.subject.peopleDiffer)
  );
}

const ModelFile = z.object({
  about: z.string(),
  features: z.array(z.string()),
  /** Each feature's mean and standard deviation on the training pairs (features are standardised before the weights). */
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
  /** Two claims are one proposition when the model's probability reaches this … */
  threshold: z.number(),
  /** … or, when true, when a hand rule of `matchRule` holds the pair (the model adds pairs to the rules'). */
  orRules: z.boolean().default(false),
  trained: z.record(z.string(), z.unknown()).optional(),
});

export type PairModelFile = z.input<typeof ModelFile>;

/** A fitted pair model: `probability` of one proposition, `agrees` at the model's threshold. */
export class PairModel {
  readonly threshold: number;
  readonly orRules: boolean;

  constructor(readonly file: PairModelFile) {
    if (file.features.join(',') !== PAIR_FEATURES.join(','))
      throw new Error(`claim pair model: features ${file.features.join(',')} are not this version's ${PAIR_FEATURES.join(',')}`);
    for (const k of ['mean', 'scale', 'weights'] as const)
      if (file[k].length !== PAIR_FEATURES.length) throw new Error(`claim pair model: ${k} has ${file[k].length} values, not ${PAIR_FEATURES.length}`);
    this.threshold = file.threshold;
    this.orRules = file.orRules ?? false;
  }

  /** The log-odds of one proposition (guards not applied). */
  logit(x: Float64Array): number {
    const f = this.file;
    let z = f.bias;
    for (let i = 0; i < x.length; i++) z += (f.weights[i]! * (x[i]! - f.mean[i]!)) / f.scale[i]!;
    return z;
  }

  probability(x: Float64Array): number {
    return 1 / (1 + Math.exp(-this.logit(x)));
  }
}

/** The shipped model (models/claim-pairs.json), or the file RECOUPE_CLAIM_PAIR_MODEL names; null when there is none. */
export const DEFAULT_PAIR_MODEL = join(PACKAGE_ROOT, 'models', 'claim-pairs.json');

let loaded: { path: string; model: PairModel | null } | null = null;

export function loadPairModel(path = process.env.RECOUPE_CLAIM_PAIR_MODEL || DEFAULT_PAIR_MODEL): PairModel | null {
  if (loaded?.path === path) return loaded.model;
  let model: PairModel | null = null;
  if (existsSync(path)) {
    const parsed = ModelFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`claim pair model ${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    model = new PairModel(parsed.data);
  }
  loaded = { path, model };
  return model;
}
