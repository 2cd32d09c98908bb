/**
 * The CLI's file IO under hostile or unlucky conditions (issue 12): `--fix` never loses data (write
 * failures, files changed meanwhile, a BOM, modes and links), and reading never hangs or explodes
 * (FIFOs, devices, huge files, UTF-16). Needs a POSIX shell, mkfifo and /dev/zero: elsewhere it says so.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeReport } from '../../server/src/cli/write';
import { readReport } from '../../server/src/io/files';
import { renderReport, sampleValues } from '../helpers/layouts';
import { CLI } from '../helpers/paths';

const POSIX = process.platform !== 'win32' && existsSync('/dev/zero') && spawnSync('mkfifo', ['--version']).status === 0;
const NARRATIVE = '全年发布政策解读总量达45篇,其中文字解读20篇,图片解读15篇,视频解读12篇。';

/** A report with two fixable errors: table 3's total (3 → 4) and a narrative total (45 → 47). */
function twoErrors(extra = '') {
  const v = sampleValues();
  v.t3[4] = 3;
  return renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: NARRATIVE + extra, values: v, layout: 'pipe-rows' });
}
const fixedT3 = (t: string) => t.replace(/^2 \| 1 \| 0 \| 1 \| 3 \|/m, '2 | 1 | 0 | 1 | 4 |');
const fixedBoth = (t: string) => fixedT3(t).replace('总量达45篇', '总量达47篇');

/** The CLI in English (the assertions read io/'s English reasons; the Chinese ones are checked in cli-batch.test.ts). */
function cli(args: string[], opts: { shellPrefix?: string; timeout?: number } = {}) {
  const env = { ...process.env, NIANBAO_LOCALE: 'en' };
  const r = opts.shellPrefix
    ? spawnSync('bash', ['-c', `${opts.shellPrefix}; exec "$0" "$@"`, process.execPath, CLI, ...args], { encoding: 'utf8', timeout: opts.timeout ?? 20000, env })
    : spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: opts.timeout ?? 20000, env });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}

describe('cli: safe writes and bounded reads (issue 12)', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    if (!POSIX) console.warn('    SKIPPED: the FIFO, device, ulimit and symlink cases need bash, mkfifo and /dev/zero (not found here)');
  });
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-io-'))));

  it('item 6: --fix keeps a UTF-8 byte-order mark', () => {
    const file = join(dir, 'bom年度报告.txt');
    const text = twoErrors();
    writeFileSync(file, '\ufeff' + text);
    const r = cli(['check', '--fix', file]);
    assert.equal(r.code, 0, r.err);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is still there');
    assert.equal(bytes.subarray(3).toString('utf8'), fixedBoth(text));
  });

  it('item 4: a write that fails half way (file size limit, EFBIG) leaves the original intact, exit 2, the other files still fixed', function () {
    if (!POSIX) this.skip();
    // A report larger than the 16 KB limit set with `ulimit -f 16`: writing it fails part way.
    const big = join(dir, 'big年度报告.txt');
    const bigText = twoErrors('补充说明'.repeat(3000));
    assert.ok(Buffer.byteLength(bigText) > 32 * 1024);
    writeFileSync(big, bigText);
    const small = join(dir, 'small年度报告.txt');
    writeFileSync(small, twoErrors());
    const r = cli(['check', '--fix', big, small], { shellPrefix: 'ulimit -f 16' });
    assert.equal(r.code, 2, `exit code; stderr: ${r.err}`);
    assert.match(r.err, /big年度报告\.txt: .*(cannot write|EFBIG|too large)/i);
    assert.equal(readFileSync(big, 'utf8'), bigText, 'the original is intact');
    assert.equal(readFileSync(small, 'utf8'), fixedBoth(twoErrors()), 'the other file is still fixed');
    assert.deepEqual(readdirSync(dir).sort(), ['big年度报告.txt', 'small年度报告.txt'], 'no temporary file left behind');
  });

  it('item 4: --fix keeps the file mode, and a symlink stays a link whose target is fixed', function () {
    if (!POSIX) this.skip();
    const target = join(dir, 'real年度报告.txt');
    writeFileSync(target, twoErrors());
    chmodSync(target, 0o640);
    mkdirSync(join(dir, 'links'));
    const link = join(dir, 'links', 'link年度报告.txt');
    symlinkSync('../real年度报告.txt', link);
    const r = cli(['check', '--fix', link]);
    assert.equal(r.code, 0, r.err);
    assert.ok(lstatSync(link).isSymbolicLink(), 'still a link');
    assert.equal(readlinkSync(link), '../real年度报告.txt');
    assert.equal(readFileSync(target, 'utf8'), fixedBoth(twoErrors()));
    assert.equal(statSync(target).mode & 0o777, 0o640);
  });

  it('item 5: a file changed on disk after it was read is not overwritten: skipped and reported', function () {
    if (!POSIX) this.skip();
    // The same file through a link in a folder whose ignore file turns off table3-group-sum: the
    // first path fixes both errors and writes. The batch CLI reads each path just before fixing
    // it, so the second path sees the first write and has nothing left to change (before, it was
    // read before that write, and writing its own fixes would have undone the table fix).
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    const file = join(dir, 'a', '示例县2023年度报告.txt');
    writeFileSync(file, twoErrors());
    const link = join(dir, 'b', 'link年度报告.txt');
    symlinkSync('../a/示例县2023年度报告.txt', link);
    writeFileSync(join(dir, 'b', '.nianbao-ignore.json'), JSON.stringify({ version: 1, ignore: [{ rule: 'table3-group-sum', file: 'link年度报告.txt' }] }));
    const r = cli(['check', '--fix', '--jobs', '1', file, link]);
    assert.equal(readFileSync(file, 'utf8'), fixedBoth(twoErrors()), 'the first write (both fixes) survives');
    assert.doesNotMatch(r.err, /link年度报告\.txt:\d+:/, 'nothing left to change through the link');
    assert.equal(r.code, 0);
    // A file that changes between the read and the write is left alone: the CLI's write step
    // (cli/write.ts) with the snapshot of a read, an edit meanwhile, then the write.
    const snap = readReport(file);
    assert.ok(snap.ok);
    writeFileSync(file, twoErrors('一处手工修改。'));
    const w = writeReport(file, fixedBoth(twoErrors()), snap);
    assert.equal(w.ok, false);
    assert.equal(!w.ok && w.changed, true);
    assert.equal(readFileSync(file, 'utf8'), twoErrors('一处手工修改。'), 'the edit made meanwhile is kept');
  });

  it('item 8: a FIFO and a device are reported as unreadable (exit 2) without blocking, and the other files are checked', function () {
    if (!POSIX) this.skip();
    const fifo = join(dir, 'fifo年度报告.txt');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const good = join(dir, 'bad年度报告.txt');
    writeFileSync(good, twoErrors());
    const r = cli(['check', '--format', 'json', fifo, '/dev/zero', good], { timeout: 15000 });
    assert.equal(r.signal, null, 'the CLI finished by itself (it blocked on the FIFO before)');
    assert.equal(r.code, 2);
    assert.match(r.err, /fifo年度报告\.txt: not a regular file \(FIFO\)/);
    assert.match(r.err, /\/dev\/zero: not a regular file \(character device\)/);
    const j = JSON.parse(r.out);
    assert.deepEqual(
      j.files.map((f: { path: string; error?: string; diagnostics: unknown[] }) => [f.path, !!f.error, f.diagnostics.length]),
      [
        [fifo, true, 0],
        ['/dev/zero', true, 0],
        [good, false, 2],
      ],
    );
  });

  it('item 8: a FIFO named .nianbao-ignore.json is reported, not opened, and the report is still checked', function () {
    if (!POSIX) this.skip();
    assert.equal(spawnSync('mkfifo', [join(dir, '.nianbao-ignore.json')]).status, 0);
    const file = join(dir, 'a年度报告.txt');
    writeFileSync(file, twoErrors());
    const r = cli(['check', file], { timeout: 15000 });
    assert.equal(r.signal, null, 'the CLI finished by itself');
    assert.equal(r.code, 1);
    assert.match(r.err, /ignore file .*\.nianbao-ignore\.json: not a regular file \(FIFO\)/);
    assert.equal(r.out.trim().split('\n').length, 2);
  });

  it('item 8: a file above the 5 MB bound is not read: reported (exit 2), the other files checked', () => {
    const huge = join(dir, 'huge年度报告.txt');
    writeFileSync(huge, '说明文字。\n'.repeat(6 * 65536));
    const good = join(dir, 'bad年度报告.txt');
    writeFileSync(good, twoErrors());
    const r = cli(['check', huge, good]);
    assert.equal(r.code, 2);
    assert.match(r.err, /huge年度报告\.txt: too large \(6\.0 MB; the limit is 5\.0 MB\)/);
    assert.equal(r.out.trim().split('\n').length, 2, 'the other file is checked');
  });

  it('item 16: UTF-16 files (with or without a byte-order mark) are called UTF-16, with how to convert them', () => {
    const text = twoErrors();
    const le = join(dir, 'le.txt');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = join(dir, 'be.txt');
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    const bare = join(dir, 'bare.txt');
    writeFileSync(bare, Buffer.from(text, 'utf16le'));
    const bin = join(dir, 'x.bin');
    writeFileSync(bin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x00, 0x08]));
    const r = cli(['check', le, be, bare, bin]);
    assert.equal(r.code, 2);
    assert.match(r.err, /le\.txt: UTF-16LE text \(with a byte-order mark\).*iconv -f UTF-16 -t UTF-8/);
    assert.match(r.err, /be\.txt: UTF-16BE text \(with a byte-order mark\).*iconv -f UTF-16 -t UTF-8/);
    assert.match(r.err, /bare\.txt: UTF-16LE text.*iconv -f UTF-16LE -t UTF-8/);
    assert.match(r.err, /x\.bin: binary file/);
  });
});
