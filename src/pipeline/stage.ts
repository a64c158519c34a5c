// A stage adds layers to a Doc (unified-style plugin). Stages are pure with
// respect to `doc.text`: they read it and never rewrite it. Each stage says
// which layers it reads (`requires`) and which it adds (`provides`); a pipeline
// checks the order once, so a stage placed before what it needs, or two stages
// providing one layer, is an error when the pipeline is built instead of a
// silently wrong result.
import type { Doc } from '../doc/doc.js';

export interface Stage<T = Doc> {
  /** The stage's name, used in error messages and to select stages (e.g. "sentences"). */
  readonly name: string;
  /** Layers (or facts such as `text` and `meta`) that must exist before it runs. */
  readonly requires: readonly string[];
  /** Layers it adds; each layer has exactly one provider in a pipeline. */
  readonly provides: readonly string[];
  run(target: T): void;
}

/** A pipeline whose stages are out of order, or where two stages provide one layer. */
export class StageOrderError extends Error {
  override name = 'StageOrderError';
}

/**
 * Check that every stage finds what it requires among `available` (what the
 * input stages made) and what earlier stages provide, and that no layer is
 * provided twice. Returns every name available after the last stage.
 */
export function checkStageOrder(stages: readonly Stage<never>[], available: Iterable<string> = []): Set<string> {
  const have = new Set(available);
  const providedBy = new Map<string, string>();
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.name)) throw new StageOrderError(`two stages are named "${stage.name}"`);
    names.add(stage.name);
    if (!Array.isArray(stage.requires) || !Array.isArray(stage.provides)) {
      throw new StageOrderError(`stage "${stage.name}" must declare "requires" and "provides" (arrays of layer names)`);
    }
    for (const need of stage.requires) {
      if (have.has(need)) continue;
      const later = stages.find((s) => s.provides.includes(need));
      throw new StageOrderError(
        later
          ? `stage "${stage.name}" requires "${need}", which stage "${later.name}" provides only after it: move "${later.name}" before "${stage.name}"`
          : `stage "${stage.name}" requires "${need}", which no stage provides`,
      );
    }
    for (const layer of stage.provides) {
      const other = providedBy.get(layer) ?? (have.has(layer) ? 'the input stages' : undefined);
      if (other)
        throw new StageOrderError(
          `layer "${layer}" is provided twice: by ${other === 'the input stages' ? other : `stage "${other}"`} and by stage "${stage.name}"`,
        );
      providedBy.set(layer, stage.name);
      have.add(layer);
    }
  }
  return have;
}

/**
 * The stages, in their order, needed to provide the `wanted` layers: those
 * that provide them and, transitively, what they require. Names not provided
 * by any stage are left to the input stages (and to the order check).
 */
export function stagesFor<S extends Stage<never>>(wanted: Iterable<string>, stages: readonly S[]): S[] {
  const need = new Set(wanted);
  const keep = new Set<S>();
  for (let i = stages.length - 1; i >= 0; i--) {
    const stage = stages[i]!;
    if (!stage.provides.some((layer) => need.has(layer))) continue;
    keep.add(stage);
    for (const r of stage.requires) need.add(r);
  }
  return stages.filter((s) => keep.has(s));
}
