import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marksOf, segments, segmentClasses, labelsEndingAt, type Highlightable } from './html-marks.js';

const text = 'Selon Paul Marin, le barrage a cédé.';
const span = (needle: string) => {
  const start = text.indexOf(needle);
  return { start, end: start + needle.length, text: needle };
};

function doc(extra: Partial<Highlightable> = {}): Highlightable {
  return {
    text,
    attributions: [
      {
        cue: span('Selon'),
        source: { ...span('Paul Marin'), resolved: null, anonymous: false },
        content: span('le barrage a cédé'),
        kind: 'according',
        via: [],
        hedged: true,
        parent: null,
      },
    ],
    entities: [{ ...span('Paul Marin'), type: 'PER', subtype: null, key: 'paul marin' }],
    claims: [],
    ...extra,
  };
}

test('segments cover the text exactly, each with the marks over it', () => {
  const marks = marksOf(doc());
  const segs = segments(text.length, marks);
  assert.equal(segs.map((s) => text.slice(s.start, s.end)).join(''), text);
  const marin = segs.find((s) => text.slice(s.start, s.end) === 'Paul Marin')!;
  assert.deepEqual(segmentClasses(marin, marks).sort(), ['m-ent', 'm-ent-PER', 'm-source']);
  const content = segs.find((s) => text.slice(s.start, s.end) === 'le barrage a cédé')!;
  assert.deepEqual(segmentClasses(content, marks).sort(), ['m-content', 'm-hedged', 'm-k-according']);
  assert.deepEqual(
    labelsEndingAt(marin, marks)
      .map((m) => m.label ?? m.entityType)
      .sort(),
    ['PER', 'speaker'],
  );
});

test('crossing spans are cut where they cross; outermost marks come first', () => {
  const cross = doc({ claims: [{ ...span('Marin, le barrage'), attribution: null, hedged: false }] });
  const marks = marksOf(cross);
  const segs = segments(text.length, marks);
  assert.deepEqual(
    segs.filter((s) => s.marks.length).map((s) => text.slice(s.start, s.end)),
    ['Selon', 'Paul ', 'Marin', ', ', 'le barrage', ' a cédé'],
  );
  const le = segs.find((s) => text.slice(s.start, s.end) === 'le barrage')!;
  assert.equal(marks[le.marks[0]!]!.role, 'claim', 'the longer span first');
});

test('spans out of range, empty, reversed or not integers are dropped, and unknown kinds tamed', () => {
  const bad = doc({
    entities: [
      { start: -1, end: 3, text: 'x', type: 'PER', subtype: null, key: 'x' },
      { start: 5, end: 5, text: '', type: 'PER', subtype: null, key: 'x' },
      { start: 9, end: 2, text: 'x', type: 'PER', subtype: null, key: 'x' },
      { start: 0, end: 9999, text: 'x', type: 'PER', subtype: null, key: 'x' },
      { start: 0.5, end: 3, text: 'x', type: 'PER', subtype: null, key: 'x' },
      { start: 0, end: 5, text: 'Selon', type: '<b>' as 'PER', subtype: null, key: 'x' },
    ],
  });
  const marks = marksOf(bad);
  const ents = marks.filter((m) => m.role === 'entity');
  assert.equal(ents.length, 1);
  assert.deepEqual(ents[0]!.classes, ['m-ent', 'm-ent-MISC']);
});
