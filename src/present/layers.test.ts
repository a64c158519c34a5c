import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline/analyze.js';
import { Analysis } from '../doc/schema.js';
import { ALL_LAYERS, DEFAULT_LAYERS, parseLayers, selectLayers } from './layers.js';
import { UsageError } from '../ingest/errors.js';

test('parseLayers: default, all, none, an exact list, additions, unknown names', () => {
  assert.equal(parseLayers(undefined), DEFAULT_LAYERS);
  assert.ok(!DEFAULT_LAYERS.has('tokens'));
  assert.equal(parseLayers('all'), ALL_LAYERS);
  assert.deepEqual([...parseLayers('none')], []);
  assert.deepEqual([...parseLayers('tokens,quotes')].sort(), ['quotes', 'tokens']);
  assert.deepEqual([...parseLayers('+tokens')].sort(), [...DEFAULT_LAYERS, 'tokens'].sort());
  assert.throws(
    () => parseLayers('tokens,entites'),
    (e: Error) => e instanceof UsageError && /unknown layer "entites"/.test(e.message),
  );
});

test('selectLayers keeps the contract fields and drops the optional layers not chosen', () => {
  const a = analyze("« Nous partirons demain », a déclaré le maire, cité par l'AFP.", { raw: true });
  assert.ok(a.tokens && a.tokens.length > 0);
  const d = selectLayers(a, DEFAULT_LAYERS);
  assert.equal(d.tokens, undefined);
  assert.deepEqual(d.quotes, a.quotes);
  assert.ok(a.tokens, 'the input is not changed');
  const none = selectLayers(a, parseLayers('none'));
  for (const k of ['tokens', 'quotes', 'links', 'notes', 'provenance']) assert.ok(!(k in none), k);
  // Still a valid recoupe/analysis@1 object.
  assert.equal(Analysis.safeParse(none).success, true);
  assert.equal(selectLayers(a, ALL_LAYERS), a);
});
