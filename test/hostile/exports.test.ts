// Hostile text in exports (issue 20, items 7 and 8): every CSV the product
// writes defuses spreadsheet formulas, and the GEXF graph stays well-formed XML
// whatever characters names hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { gexf, type Graph } from '../../src/corpus/graph.js';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'recoupe-hostile-exports-'));
const FORMULAS = ['=HYPERLINK("http://evil.example","x")', '@SUM(1+1)', '+1+2', '-3+4', '\t=1', '\r=1'];
/** A cell a spreadsheet would run: starts (after an optional opening quote) with a formula character. */
const LIVE = /^"?[=+\-@\t\r]/;

function cells(csv: string): string[] {
  // Good enough for the check: split rows and cells outside quotes.
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of csv) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === ',' || ch === '\n')) {
      out.push(cur.replace(/\r$/, ''));
      cur = '';
    } else cur += ch;
  }
  return out.filter((c) => c !== '');
}

test('corpus search, sources and graph CSVs and report CSVs defuse formulas', { timeout: 120_000 }, async () => {
  const db = join(dir, 'c.db');
  const jsonl = join(dir, 'in.jsonl');
  const lines = FORMULAS.map((f, i) =>
    JSON.stringify({
      title: `${f} titre ${i}`,
      outlet: `${f} outlet`,
      published: '2024-01-0' + (i + 1),
      text: `Le budget ${i} de la ville a été voté hier soir. Selon ${f.replace(/["\t\r]/g, '')} Martin, « le conseil municipal ${i} votera un audit indépendant ». ${f} Le maire a déclaré que la mesure ${i} serait appliquée.`,
    }),
  );
  writeFileSync(jsonl, lines.join('\n') + '\n');
  const add = await cli(['corpus', 'add', jsonl, '--db', db, '--jobs', '1']);
  assert.equal(add.code, 0, add.stderr);
  const outputs: Record<string, string> = {};
  for (const args of [['search', 'budget'], ['sources'], ['graph']]) {
    const r = await cli(['corpus', ...args, '--db', db, '--format', 'csv']);
    assert.equal(r.code, 0, r.stderr);
    outputs[args[0]!] = r.stdout;
  }
  const reportDir = join(dir, 'report');
  const rep = await cli(['report', jsonl, '--out', reportDir]);
  assert.ok(rep.code === 0, rep.stderr);
  for (const f of readdirSync(join(reportDir, 'csv'))) outputs[`report ${f}`] = readFileSync(join(reportDir, 'csv', f), 'utf8');
  assert.match(outputs.search!, /'=HYPERLINK/, 'the hostile titles are exported, defused');
  assert.match(outputs.sources! + outputs.graph!, /'[=@+-]/, 'hostile names are exported, defused');
  for (const [name, csv] of Object.entries(outputs)) {
    const live = cells(csv).filter((c) => LIVE.test(c) && !/^-?\d+(\.\d+)?$/.test(c));
    assert.deepEqual(live, [], `${name}: formula cells left live`);
  }
});

test('GEXF stays well-formed XML with U+FFFE, U+FFFF, controls and lone surrogates in names', () => {
  const bad = ['a\uFFFEb', 'c\uFFFFd', 'e\u0001f\u001f', 'g\uD800h', 'i\uDC00j', '<&"\'>', 'tab\tnl\ncr\r', 'ok 😀'];
  const g: Graph = {
    nodes: bad.map((b, i) => ({ id: `speaker:${b}`, label: b, kind: 'speaker' as const, documents: i + 1 })),
    edges: bad
      .slice(1)
      .map((b, i) => ({ source: `speaker:${bad[0]}`, target: `speaker:${b}`, kind: 'quotes' as const, count: i + 1, first: '2024-01-01', last: null })),
  } as unknown as Graph;
  const xml = [...gexf(g)].join('');
  assert.equal(XMLValidator.validate(xml), true);
  // XML 1.0 Char production: nothing outside it may appear.
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  assert.match(xml, /label="ok 😀"/);
  assert.match(xml, /label="ab"/);
});
