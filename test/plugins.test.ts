// The stage contract: plugins add layers, and a pipeline out of order fails
// when it is built, naming the stage and the layer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { analyze, analyzeDoc, analysisJsonSchema, checkStages, defaultStages, defineLayer, stagesFor, StageOrderError, type Stage } from '../src/index.js';
import { speakerCountsLayer, speakerCountsStage } from '../docs/examples/speaker-counts-plugin.js';

const article = '« Nous partirons demain », a déclaré Paul Roux. Il a ajouté que la route était coupée. Selon la préfecture, le pont serait fermé.';

test('the example plugin adds its layer through analyze(), and the output validates against the generated JSON Schema', () => {
  const a = analyze(article, { raw: true, stages: [...defaultStages(), speakerCountsStage] }) as Record<string, unknown>;
  assert.deepEqual(a.speakerCounts, [
    { speaker: 'Paul Roux', anonymous: false, attributions: 2 },
    { speaker: 'la préfecture', anonymous: false, attributions: 1 },
  ]);
  const schema = analysisJsonSchema() as { properties: Record<string, unknown> };
  assert.ok(schema.properties.speakerCounts, 'the registered layer is in the JSON Schema');
  const validate = new Ajv2020({ strict: false }).compile(schema);
  assert.ok(validate(JSON.parse(JSON.stringify(a))), JSON.stringify(validate.errors));
  assert.ok(!validate({ ...a, speakerCounts: [{ speaker: 'x', anonymous: false, attributions: 0 }] }), 'the layer schema is enforced');
});

test('the plugin layer is typed on the Doc and absent from a run without the plugin', () => {
  const doc = analyzeDoc(article, { raw: true, stages: [...defaultStages(), speakerCountsStage] });
  assert.equal(doc.get(speakerCountsLayer)?.[0]?.speaker, 'Paul Roux');
  const plain = analyze(article, { raw: true }) as Record<string, unknown>;
  assert.equal('speakerCounts' in plain, false);
});

test('a stage placed before the layer it requires is an error naming both', () => {
  const stages = [speakerCountsStage, ...defaultStages()];
  assert.throws(
    () => analyze(article, { stages }),
    (e: Error) => {
      assert.ok(e instanceof StageOrderError);
      assert.match(e.message, /stage "speaker-counts" requires "attributions", which stage "attributions" provides only after it/);
      return true;
    },
  );
});

test('a requirement nobody provides, a layer provided twice and an undeclared stage are errors', () => {
  const orphan: Stage = { name: 'orphan', requires: ['parse-tree'], provides: ['x'], run() {} };
  assert.throws(() => checkStages([...defaultStages(), orphan]), /stage "orphan" requires "parse-tree", which no stage provides/);
  const twice: Stage = { name: 'my-tokens', requires: [], provides: ['tokens'], run() {} };
  assert.throws(() => checkStages([...defaultStages(), twice]), /layer "tokens" is provided twice: by stage "tokens" and by stage "my-tokens"/);
  const input: Stage = { name: 'my-clean', requires: [], provides: ['text'], run() {} };
  assert.throws(() => checkStages([input]), /layer "text" is provided twice: by the input stages and by stage "my-clean"/);
  const old = { name: 'old', run() {} } as unknown as Stage;
  assert.throws(() => checkStages([old]), /stage "old" must declare "requires" and "provides"/);
  // Without the syntax stage, attributions cannot run: said at once, not as a wrong result.
  assert.throws(() => checkStages(defaultStages().filter((s) => s.name !== 'syntax')), /stage "attributions" requires "syntax"/);
});

test('layer names are unique and may not shadow the analysis fields', () => {
  assert.throws(() => defineLayer('speakerCounts', { schema: null }), /already registered/);
  assert.throws(() => defineLayer('text', { schema: null }), /field of every analysis/);
});

test('stagesFor keeps the stages a layer needs, in order', () => {
  assert.deepEqual(
    stagesFor(['sentences'], defaultStages()).map((s) => s.name),
    ['tokens', 'sentences'],
  );
  assert.deepEqual(
    stagesFor(['claims'], defaultStages()).map((s) => s.name),
    ['tokens', 'sentences', 'entities', 'quotes', 'syntax', 'attributions', 'claims'],
  );
  const doc = analyzeDoc(article, { raw: true, stages: stagesFor(['sentences'], defaultStages()) });
  assert.equal(doc.sentences.length, 3);
  assert.equal(doc.attributions.length, 0);
});
