/**
 * addIgnore (the one writer of .nianbao-ignore.json): keeps what it does not understand, refuses
 * files it cannot parse, links and places outside the workspace folder, and loses nothing when two
 * processes write at once (issue 12, items 1–3 and 14).
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addIgnore, findIgnoreFile, IGNORE_FILE, readIgnore } from '../../server/src/io/ignoreFile';
import { ROOT } from '../helpers/paths';

const POSIX = process.platform !== 'win32';
const MODULE = join(ROOT, 'out', 'server', 'src', 'io', 'ignoreFile.js');

function folder() {
  const outer = mkdtempSync(join(tmpdir(), 'nianbao-ignore-write-'));
  const root = join(outer, 'ws');
  mkdirSync(join(root, 'reports'), { recursive: true });
  return { outer, root, report: join(root, 'reports', 'a年度报告.txt'), file: join(root, IGNORE_FILE) };
}

function run(script: string, args: string[]) {
  const child = spawn(process.execPath, ['-e', script, MODULE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  // A hung child is killed, so that a failing run ends instead of waiting for it.
  const killer = setTimeout(() => child.kill('SIGKILL'), 20000);
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on('exit', (code) => (clearTimeout(killer), resolve({ code, out, err }))));
}

describe('ignore file writes (issue 12)', function () {
  this.timeout(30000);

  it('item 1: a new file gets version 1 and the entry, relative to its folder', async () => {
    const f = folder();
    const r = await addIgnore(f.file, f.report, { rule: 'narrative-sum', fingerprint: 'sum|1|2', note: '说明' }, { root: f.root });
    assert.deepEqual(r, { ok: true, path: f.file });
    assert.deepEqual(JSON.parse(readFileSync(f.file, 'utf8')), { version: 1, ignore: [{ rule: 'narrative-sum', fingerprint: 'sum|1|2', file: 'reports/a年度报告.txt', note: '说明' }] });
    await addIgnore(f.file, f.report, { rule: 'narrative-sum', fingerprint: 'sum|1|2', note: '又一次' }, { root: f.root });
    assert.equal(JSON.parse(readFileSync(f.file, 'utf8')).ignore.length, 1, 'added once');
    writeFileSync(f.file, ' \n');
    assert.equal((await addIgnore(f.file, f.report, { rule: 'year-mismatch' }, { root: f.root })).ok, true, 'an empty file (touched by hand) is filled in');
    assert.equal(JSON.parse(readFileSync(f.file, 'utf8')).ignore.length, 1);
  });

  it('item 1: unknown top-level keys, unknown fields and entries it cannot read survive a rewrite', async () => {
    const f = folder();
    const mine = {
      $schema: 'https://example.org/nianbao-ignore.json',
      version: 1,
      owner: { name: '办公室', phone: '0000' },
      ignore: [{ rule: 'year-mismatch', file: 'reports/b年度报告.txt', reviewedBy: '张三', since: 2024 }, { comment: '以下为 2024 年' }, '自由文字', null],
      history: [1, 2, 3],
    };
    writeFileSync(f.file, JSON.stringify(mine, null, 4));
    const r = await addIgnore(f.file, f.report, { rule: 'narrative-sum' }, { root: f.root });
    assert.equal(r.ok, true);
    assert.deepEqual(JSON.parse(readFileSync(f.file, 'utf8')), { ...mine, ignore: [...mine.ignore, { rule: 'narrative-sum', file: 'reports/a年度报告.txt' }] });
  });

  const UNPARSEABLE: [string, string][] = [
    ['a trailing comma', '{ "version": 1, "ignore": [ { "rule": "x", "file": "a" }, ] }'],
    ['a truncated file', '{ "version": 1, "ignore": [ { "rule": "x",'],
    ['an array', '[]'],
    ['ignore that is not a list', '{ "version": 1, "ignore": { "rule": "x" } }'],
    ['a newer version', '{ "version": 2, "ignore": [] }'],
  ];
  for (const [name, content] of UNPARSEABLE) {
    it(`item 1: refuses to write over ${name}, and changes nothing`, async () => {
      const f = folder();
      writeFileSync(f.file, content);
      const r = await addIgnore(f.file, f.report, { rule: 'narrative-sum' }, { root: f.root });
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.reason, 'unparseable');
      assert.equal(readFileSync(f.file, 'utf8'), content);
      assert.deepEqual(readdirSync(f.root).sort(), [IGNORE_FILE, 'reports'], 'no temporary or lock file left');
    });
  }

  it('item 2: refuses a link (to a file outside, or dangling), a linked folder on the way, and a place outside the folder', async function () {
    if (!POSIX) this.skip();
    const f = folder();
    const victim = join(f.outer, 'victim.json');
    writeFileSync(victim, '{"version":1,"ignore":[]}');
    symlinkSync(victim, f.file);
    let r = await addIgnore(f.file, f.report, { rule: 'narrative-sum' }, { root: f.root });
    assert.equal(!r.ok && r.reason, 'link');
    assert.equal(readFileSync(victim, 'utf8'), '{"version":1,"ignore":[]}');

    const g = folder();
    symlinkSync(join(g.outer, 'missing.json'), g.file);
    r = await addIgnore(g.file, g.report, { rule: 'narrative-sum' }, { root: g.root });
    assert.equal(!r.ok && r.reason, 'link');
    assert.ok(!existsSync(join(g.outer, 'missing.json')));

    // reports/linked → a folder outside the workspace holding an ignore file.
    const h = folder();
    const elsewhere = join(h.outer, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, IGNORE_FILE), '{"version":1,"ignore":[]}');
    symlinkSync(elsewhere, join(h.root, 'reports', 'linked'));
    r = await addIgnore(join(h.root, 'reports', 'linked', IGNORE_FILE), join(h.root, 'reports', 'linked', 'a年度报告.txt'), { rule: 'narrative-sum' }, { root: h.root });
    assert.equal(!r.ok && r.reason, 'link');
    assert.equal(readFileSync(join(elsewhere, IGNORE_FILE), 'utf8'), '{"version":1,"ignore":[]}');

    r = await addIgnore(join(h.outer, IGNORE_FILE), h.report, { rule: 'narrative-sum' }, { root: h.root });
    assert.equal(!r.ok && r.reason, 'outside');
    assert.ok(!existsSync(join(h.outer, IGNORE_FILE)));
  });

  it('item 2: a workspace folder that is itself reached through a link is fine', async function () {
    if (!POSIX) this.skip();
    const f = folder();
    const alias = join(f.outer, 'alias');
    symlinkSync(f.root, alias);
    const r = await addIgnore(join(alias, IGNORE_FILE), join(alias, 'reports', 'a年度报告.txt'), { rule: 'narrative-sum' }, { root: alias });
    assert.equal(r.ok, true);
    assert.equal(JSON.parse(readFileSync(f.file, 'utf8')).ignore[0].file, 'reports/a年度报告.txt');
  });

  it('item 3: two processes adding 40 entries each at the same time keep all 80; a reader never sees a torn file', async () => {
    const f = folder();
    const start = Date.now() + 1500;
    const writer = `
      const { addIgnore } = require(process.argv[1]);
      const [file, report, root, tag, start] = process.argv.slice(2);
      while (Date.now() < +start) {}
      (async () => {
        for (let i = 0; i < 40; i++) {
          const r = await addIgnore(file, report, { rule: 'narrative-sum', fingerprint: tag + '-' + i, note: '说明'.repeat(200) }, { root });
          if (r && r.ok === false) throw new Error(JSON.stringify(r));
        }
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const reader = `
      const fs = require('fs');
      const [file, start] = process.argv.slice(2);
      let torn = 0, reads = 0;
      while (Date.now() < +start) {}
      const end = Date.now() + 1500;
      while (Date.now() < end) {
        let t;
        try { t = fs.readFileSync(file, 'utf8'); } catch { continue; }
        reads++;
        try { JSON.parse(t); } catch { torn++; }
      }
      console.log(JSON.stringify({ torn, reads }));`;
    const [a, b, r] = await Promise.all([
      run(writer, [f.file, f.report, f.root, 'A', String(start)]),
      run(writer, [f.file, f.report, f.root, 'B', String(start)]),
      run(reader, [f.file, String(start)]),
    ]);
    assert.equal(a.code, 0, a.err);
    assert.equal(b.code, 0, b.err);
    const fps = (JSON.parse(readFileSync(f.file, 'utf8')).ignore as { fingerprint: string }[]).map((e) => e.fingerprint).sort();
    const want = ['A', 'B'].flatMap((t) => Array.from({ length: 40 }, (_, i) => `${t}-${i}`)).sort();
    assert.deepEqual(fps, want, `kept ${fps.length} of 80`);
    const seen = JSON.parse(r.out);
    assert.equal(seen.torn, 0, `the reader saw ${seen.torn} torn files in ${seen.reads} reads`);
    assert.deepEqual(readdirSync(f.root).sort(), [IGNORE_FILE, 'reports'], 'no temporary or lock file left');
  });

  it('item 3: a lock left by a crashed writer is taken over once stale; a live one makes the writer wait, then give up', async () => {
    const f = folder();
    const lock = f.file + '.lock';
    writeFileSync(lock, '12345');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    let r = await addIgnore(f.file, f.report, { rule: 'narrative-sum' }, { root: f.root });
    assert.equal(r.ok, true);
    assert.ok(!existsSync(lock));

    writeFileSync(lock, String(process.pid));
    r = await addIgnore(f.file, f.report, { rule: 'year-mismatch' }, { root: f.root, lockTimeoutMs: 300 });
    assert.equal(!r.ok && r.reason, 'locked');
    assert.equal(readIgnore(f.file).ignore.length, 1, 'nothing written while locked');
  });

  it('item 14: findIgnoreFile does not climb above the folder, written with or without a trailing slash', () => {
    const f = folder();
    writeFileSync(join(f.outer, IGNORE_FILE), '{"version":1,"ignore":[]}');
    assert.equal(findIgnoreFile(f.report, f.root), undefined);
    assert.equal(findIgnoreFile(f.report, f.root + '/'), undefined);
    assert.equal(findIgnoreFile(f.report, f.root + '/reports/..'), undefined);
    assert.equal(findIgnoreFile(f.report), join(f.outer, IGNORE_FILE), 'without a folder the nearest one above is found');
    writeFileSync(f.file, '{"version":1,"ignore":[]}');
    assert.equal(findIgnoreFile(f.report, f.root + '/'), f.file);
  });

  it('item 8: reading refuses a FIFO (without opening it) and reports it', function () {
    if (!POSIX || spawnSync('mkfifo', ['--version']).status !== 0) this.skip();
    const f = folder();
    assert.equal(spawnSync('mkfifo', [f.file]).status, 0);
    const errors: string[] = [];
    assert.deepEqual(readIgnore(f.file, (m) => errors.push(m)).ignore, []);
    assert.match(errors.join('\n'), /not a regular file \(FIFO\)/);
  });
});
