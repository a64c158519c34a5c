import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from './helpers/cli.js';
import { main } from '../src/cli/main.js';
import { commands } from '../src/cli/commands/index.js';
import type { Command } from '../src/cli/command.js';

const dir = mkdtempSync(join(tmpdir(), 'recoupe-cli-'));
const good = join(dir, 'good.txt');
writeFileSync(good, 'Le maire a déclaré que le pont serait rouvert lundi.\n');

test('usage errors exit 2 with a message and no stack trace', () => {
  for (const args of [['analyze'], ['analyze', good, '--format', 'xml'], ['analyze', good, '--nope'], ['frobnicate']]) {
    const r = runCli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /recoupe/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test('bad inputs: one line each naming the path, the others still written, exit 1', () => {
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const binary = join(dir, 'image.html');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
  const invalid = join(dir, 'invalid.txt');
  writeFileSync(invalid, Buffer.from([0x41, 0x81, 0x42, 0x8d, 0x43]));
  const emptyDir = join(dir, 'nothing');
  mkdirSync(emptyDir);
  writeFileSync(join(emptyDir, 'notes.pdf'), 'x');
  const missing = join(dir, 'missing.txt');
  // A page of menus only has no article: its <nav> is navigation, however much of the page it is.
  const menus = join(dir, 'menus.html');
  writeFileSync(menus, '<html><body><nav>Accueil | Politique</nav><footer>(c) 2018</footer></body></html>');
  const r = runCli(['analyze', empty, good, binary, invalid, emptyDir, missing, menus]);
  assert.equal(r.code, 1);
  const out = r.stdout.trim().split('\n');
  assert.equal(out.length, 1);
  assert.match(JSON.parse(out[0]!).text, /pont/);
  const errs = r.stderr.trim().split('\n');
  assert.equal(errs.length, 6, r.stderr);
  assert.match(r.stderr, /empty\.txt: empty file/);
  assert.match(r.stderr, /image\.html: binary file/);
  assert.match(r.stderr, /invalid\.txt: invalid bytes/);
  assert.match(r.stderr, /nothing: directory holds no readable article/);
  assert.match(r.stderr, /missing\.txt: no such file/);
  assert.match(r.stderr, /menus\.html: no article text left after cleaning/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('JSONL on stdin is read record by record, as a .jsonl file is (newcomer trial)', () => {
  const lines = [
    JSON.stringify({ text: 'Le maire a annoncé la fermeture du pont.', title: 'Le pont fermé', url: 'https://example.org/pont' }),
    '',
    JSON.stringify({ text: 'La préfecture a confirmé les faits.', published: '2020-05-04' }),
  ];
  const r = runCli(['analyze', '-'], { input: lines.join('\n') });
  assert.equal(r.code, 0, r.stderr);
  const docs = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    docs.map((d) => [d.meta.title, d.meta.published, d.input.line]),
    [
      ['Le pont fermé', null, 1],
      [docs[1].meta.title, '2020-05-04', 3],
    ],
  );
  assert.ok(!docs[0].text.includes('https://'), docs[0].text);
  // A text that merely opens with a brace is still one article.
  const prose = runCli(['analyze', '-', '--raw'], { input: '{Note} Le maire a parlé.' });
  assert.equal(JSON.parse(prose.stdout).text, '{Note} Le maire a parlé.');
});

test('stdin, JSONL with known metadata, and --out', () => {
  const r = runCli(['analyze', '-', '--raw'], { input: 'Selon la police, le suspect aurait fui.' });
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.text, 'Selon la police, le suspect aurait fui.');
  assert.equal(doc.input.path, null);

  const jsonl = join(dir, 'batch.jsonl');
  writeFileSync(
    jsonl,
    [
      JSON.stringify({
        text: 'Le ministre a annoncé une réforme.',
        title: 'Réforme',
        outlet: 'Le Journal',
        published: '2020-05-04T10:00:00Z',
        url: 'https://example.org/a',
      }),
      '{not json',
      JSON.stringify({ html: '<html><body><p>La mairie a confirmé la fermeture.</p></body></html>' }),
    ].join('\n'),
  );
  const j = runCli(['analyze', jsonl]);
  assert.equal(j.code, 1);
  assert.match(j.stderr, /batch\.jsonl:2: not a JSON object/);
  const docs = j.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(docs.length, 2);
  assert.equal(docs[0].meta.title, 'Réforme');
  assert.equal(docs[0].meta.outlet, 'Le Journal');
  assert.equal(docs[0].meta.published, '2020-05-04');
  assert.equal(docs[0].input.line, 1);
  assert.equal(docs[1].input.format, 'html');
  assert.match(docs[1].text, /La mairie a confirmé la fermeture/);

  const out = join(dir, 'out');
  const o = runCli(['analyze', good, jsonl, '--out', out, '--format', 'json']);
  assert.equal(o.code, 1);
  assert.deepEqual(readdirSync(out).sort(), ['batch-1.json', 'batch-3.json', 'good.json']);
});

test('--layers: tokens only when asked, the contract fields always', () => {
  const byDefault = JSON.parse(runCli(['analyze', good]).stdout);
  assert.equal(byDefault.tokens, undefined);
  assert.ok(byDefault.sentences.length > 0 && Array.isArray(byDefault.quotes));
  const withTokens = JSON.parse(runCli(['analyze', good, '--layers', '+tokens']).stdout);
  assert.ok(withTokens.tokens.length > 5 && Array.isArray(withTokens.quotes));
  const bad = runCli(['analyze', good, '--layers', 'token']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--layers: unknown layer "token"/);
});

test('--budget: a document over its time budget is a one-line failure, the run goes on', () => {
  const r = runCli(['analyze', good, 'examples', '--budget', '0.001']);
  assert.equal(r.code, 1);
  const errs = r.stderr.trim().split('\n');
  assert.equal(errs.length, 4, r.stderr);
  for (const e of errs) assert.match(e, /^recoupe analyze: .+: analysis took longer than the time budget of 1 ms: stopped$/);
  assert.equal(r.stdout, '');
  assert.match(runCli(['analyze', good, '--budget', '0']).stderr, /--budget must be a positive number/);
});

test('--format md prints a readable summary', () => {
  const r = runCli(['analyze', 'examples', '--format', 'md']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /## Sourcing/);
  assert.equal(r.stdout.match(/^# /gm)?.length, 3);
});

test('unreadable folders, an --out that is a file, HTML without tags, a JSONL byte-order mark', () => {
  const locked = join(dir, 'locked');
  mkdirSync(locked);
  writeFileSync(join(locked, 'a.txt'), 'Texte.');
  chmodSync(locked, 0o000);
  const canLock = (() => {
    try {
      readdirSync(locked);
      return false; // running as root: permissions do not apply
    } catch {
      return true;
    }
  })();
  if (canLock) {
    const r = runCli(['analyze', locked, good]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /locked: cannot read: permission denied/);
    assert.equal(r.stdout.trim().split('\n').length, 1);
  }
  chmodSync(locked, 0o755);

  const o = runCli(['analyze', good, '--out', good]);
  assert.equal(o.code, 2);
  assert.match(o.stderr, /--out .*good\.txt: a file is in the way: --out names a folder/);

  const jsonl = join(dir, 'bom.jsonl');
  writeFileSync(jsonl, '\uFEFF' + JSON.stringify({ html: 'Du texte brut donné comme HTML.' }) + '\n');
  const j = runCli(['analyze', jsonl]);
  assert.equal(j.code, 0, j.stderr);
  assert.match(JSON.parse(j.stdout).text, /Du texte brut/);
});

test('an unexpected error: one line without --debug, the stack with it', async () => {
  const boom: Command = { name: 'boom', summary: 'fails', usage: 'Usage: recoupe boom', run: () => Promise.reject(new Error('disk on fire')) };
  commands.push(boom);
  try {
    for (const debug of [false, true]) {
      let err = '';
      const stderr = new Writable({
        write: (c, _e, cb) => {
          err += String(c);
          cb();
        },
      });
      const code = await main(debug ? ['boom', '--debug'] : ['boom'], { stderr, stdout: new Writable({ write: (_c, _e, cb) => cb() }) });
      assert.equal(code, 1);
      assert.match(err, /recoupe boom: disk on fire/);
      if (debug) assert.match(err, /\n\s+at /);
      else assert.doesNotMatch(err, /\n\s+at /);
    }
  } finally {
    commands.splice(commands.indexOf(boom), 1);
  }
});

test('analyze --format md says an unsupported language was not analysed, not that nothing was attributed (issue 15)', () => {
  const german =
    'Die Regierung hat am Montag neue Maßnahmen beschlossen. Der Minister sagte, die Lage sei ernst. Nach Angaben der Polizei wurden drei Personen festgenommen.';
  const r = runCli(['analyze', '-', '--format', 'md'], { input: german });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\*\*Language:\*\* de/);
  assert.match(r.stdout, /language "de" is not supported for attributions/);
  assert.doesNotMatch(r.stdout, /outlet's own voice/);
});

test('analyze --format md shows how damaged bytes were read (newcomer trial: they were garbled silently)', () => {
  const damaged = join(dir, 'damaged.txt');
  writeFileSync(damaged, Buffer.concat([Buffer.from('Le maire a déclar'), Buffer.from([0xc3, 0x20]), Buffer.from('que tout va bien.\n')]));
  const r = runCli(['analyze', damaged, '--format', 'md']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\*\*Decoding:\*\* invalid UTF-8: 1 damaged byte sequence/);
  assert.doesNotMatch(runCli(['analyze', good, '--format', 'md']).stdout, /Decoding/);
});
