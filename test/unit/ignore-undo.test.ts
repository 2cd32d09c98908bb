/** removeIgnore (Undo of "ignore this problem"): the same safe rewrite as addIgnore. */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addIgnore, IGNORE_FILE, removeIgnore } from '../../server/src/io/ignoreFile';

function folder() {
  const outer = mkdtempSync(join(tmpdir(), 'nianbao-ignore-undo-'));
  const root = join(outer, 'ws');
  mkdirSync(join(root, 'reports'), { recursive: true });
  return { outer, root, report: join(root, 'reports', 'a年度报告.txt'), file: join(root, IGNORE_FILE) };
}

describe('ignore file: undo (removeIgnore)', () => {
  it('removes exactly the entry it is given; other entries, unknown ones and unknown keys stay', async () => {
    const f = folder();
    writeFileSync(f.file, JSON.stringify({ version: 1, owner: '办公室', ignore: [{ rule: 'year-mismatch', file: 'reports/a年度报告.txt' }, { custom: true }] }));
    await addIgnore(f.file, f.report, { rule: 'narrative-sum', fingerprint: 'sum|1|2' }, { root: f.root });
    await addIgnore(f.file, f.report, { rule: 'narrative-sum', fingerprint: 'sum|3|4' }, { root: f.root });
    const r = await removeIgnore(f.file, f.report, { rule: 'narrative-sum', fingerprint: 'sum|1|2' }, { root: f.root });
    assert.deepEqual(r, { ok: true, path: f.file, removed: true });
    const data = JSON.parse(readFileSync(f.file, 'utf8'));
    assert.equal(data.owner, '办公室');
    assert.deepEqual(data.ignore, [{ rule: 'year-mismatch', file: 'reports/a年度报告.txt' }, { custom: true }, { rule: 'narrative-sum', fingerprint: 'sum|3|4', file: 'reports/a年度报告.txt' }]);
    // A rule-wide entry (no fingerprint) is removed by rule alone, not the fingerprinted ones.
    assert.equal((await removeIgnore(f.file, f.report, { rule: 'year-mismatch' }, { root: f.root })).ok, true);
    assert.equal(JSON.parse(readFileSync(f.file, 'utf8')).ignore.length, 2);
  });

  it('an entry that is not there: nothing is written', async () => {
    const f = folder();
    await addIgnore(f.file, f.report, { rule: 'narrative-sum', fingerprint: 'x' }, { root: f.root });
    const before = statSync(f.file);
    const r = await removeIgnore(f.file, f.report, { rule: 'narrative-sum', fingerprint: 'other' }, { root: f.root });
    assert.deepEqual(r, { ok: true, path: f.file, removed: false });
    assert.equal(statSync(f.file).mtimeMs, before.mtimeMs);
    assert.equal(statSync(f.file).ino, before.ino);
  });

  it('a file that does not parse is left byte for byte; a link is not written through', async () => {
    const f = folder();
    writeFileSync(f.file, '{ "ignore": [ broken');
    const r = await removeIgnore(f.file, f.report, { rule: 'narrative-sum', fingerprint: 'x' }, { root: f.root });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.reason, 'unparseable');
    assert.equal(readFileSync(f.file, 'utf8'), '{ "ignore": [ broken');
    if (process.platform === 'win32') return;
    const g = folder();
    const outside = join(g.outer, 'outside.json');
    writeFileSync(outside, JSON.stringify({ version: 1, ignore: [{ rule: 'narrative-sum', fingerprint: 'x', file: 'reports/a年度报告.txt' }] }));
    symlinkSync(outside, g.file);
    const l = await removeIgnore(g.file, g.report, { rule: 'narrative-sum', fingerprint: 'x' }, { root: g.root });
    assert.equal(!l.ok && l.reason, 'link');
    assert.equal(JSON.parse(readFileSync(outside, 'utf8')).ignore.length, 1);
  });
});
