/** server/src/io and the stdio frame guard, directly: bounded reads of regular files, encodings, atomic and checked writes. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode, localPath, readRegularFile, readReport } from '../../server/src/io/files';
import { atomicWrite, writeIfUnchanged, type ReadSnapshot } from '../../server/src/io/safeWrite';
import { FrameGuard } from '../../server/src/stdio';

const POSIX = process.platform !== 'win32' && existsSync('/dev/zero') && spawnSync('mkfifo', ['--version']).status === 0;
const dir = () => mkdtempSync(join(tmpdir(), 'nianbao-io-'));

function snapshot(path: string): ReadSnapshot {
  const r = readReport(path);
  assert.ok(r.ok, !r.ok ? r.reason : '');
  return r;
}

describe('io: reading', () => {
  before(() => {
    if (!POSIX) console.warn('    SKIPPED: FIFO and device cases need mkfifo and /dev/zero (not available here)');
  });

  it('reads a regular file up to the limit, and refuses one byte more', () => {
    const d = dir();
    writeFileSync(join(d, 'a'), 'x'.repeat(100));
    const ok = readRegularFile(join(d, 'a'), 100);
    assert.ok(ok.ok && ok.buf.length === 100);
    const no = readRegularFile(join(d, 'a'), 99);
    assert.ok(!no.ok && /too large/.test(no.reason));
  });

  it('missing files and folders get their reasons', () => {
    const d = dir();
    const missing = readRegularFile(join(d, 'nope'));
    assert.ok(!missing.ok && missing.missing && missing.reason === 'no such file');
    const folder = readRegularFile(d);
    assert.ok(!folder.ok && folder.reason === 'is a directory');
  });

  it('a FIFO, /dev/zero and a link to /dev/zero are refused without being read', function () {
    if (!POSIX) this.skip();
    const d = dir();
    assert.equal(spawnSync('mkfifo', [join(d, 'f')]).status, 0);
    symlinkSync('/dev/zero', join(d, 'z'));
    const fifo = readRegularFile(join(d, 'f'));
    assert.ok(!fifo.ok && fifo.reason === 'not a regular file (FIFO)');
    for (const p of ['/dev/zero', join(d, 'z')]) {
      const r = readRegularFile(p);
      assert.ok(!r.ok && r.reason === 'not a regular file (character device)', p);
    }
  });

  it('decode: UTF-8 with and without BOM, UTF-16 in both orders, GBK, binary', () => {
    const text = '示例县2023年政府信息公开工作年度报告\n一、总体情况\n共 12 件。\n';
    assert.deepEqual(decode(Buffer.from(text)), { ok: true, text, bom: false });
    assert.deepEqual(decode(Buffer.from('\ufeff' + text)), { ok: true, text, bom: true });
    assert.deepEqual(decode(Buffer.from('\ufeff\ufeff' + text)), { ok: true, text: '\ufeff' + text, bom: true }, 'only the first BOM is the mark');
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const reason = (b: Buffer) => {
      const r = decode(b);
      return r.ok ? 'ok' : r.reason;
    };
    assert.match(reason(Buffer.concat([Buffer.from([0xff, 0xfe]), le])), /^UTF-16LE text \(with a byte-order mark\)/);
    assert.match(reason(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), /^UTF-16BE text \(with a byte-order mark\)/);
    assert.match(reason(le), /^UTF-16LE text \(no byte-order mark\).*iconv -f UTF-16LE/);
    assert.match(reason(be), /^UTF-16BE text \(no byte-order mark\).*iconv -f UTF-16BE/);
    assert.match(reason(Buffer.from([0xd5, 0xfe, 0xb8, 0xae])), /^not UTF-8 text/);
    assert.match(reason(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00])), /^binary file/);
  });

  it('localPath: file URIs that are not local paths say why', () => {
    assert.deepEqual(localPath('untitled:Untitled-1'), undefined);
    assert.deepEqual(localPath('file:///tmp/ws/'), { path: '/tmp/ws' });
    for (const bad of ['file://host/share/a.txt', 'file:///tmp/%E7%ZZ.txt', 'file:///tmp/a%2Fb.txt']) {
      const p = localPath(bad);
      assert.ok(p && 'error' in p && p.error.length > 0, bad);
    }
  });
});

describe('io: writing', () => {
  it('writeIfUnchanged keeps the mode and the BOM and leaves no temporary file', function () {
    const d = dir();
    const f = join(d, 'r.txt');
    writeFileSync(f, '\ufeff旧文本\n');
    chmodSync(f, 0o604);
    const before = snapshot(f);
    assert.deepEqual(writeIfUnchanged(f, '新文本\n', before), { ok: true });
    assert.equal(readFileSync(f, 'utf8'), '\ufeff新文本\n');
    if (process.platform !== 'win32') assert.equal(statSync(f).mode & 0o777, 0o604);
    assert.deepEqual(readdirSync(d), ['r.txt']);
  });

  it("writeIfUnchanged writes a link's target and the link stays a link", function () {
    if (process.platform === 'win32') this.skip();
    const d = dir();
    writeFileSync(join(d, 'real.txt'), 'a\n');
    symlinkSync('real.txt', join(d, 'link.txt'));
    assert.deepEqual(writeIfUnchanged(join(d, 'link.txt'), 'b\n', snapshot(join(d, 'link.txt'))), { ok: true });
    assert.ok(lstatSync(join(d, 'link.txt')).isSymbolicLink());
    assert.equal(readFileSync(join(d, 'real.txt'), 'utf8'), 'b\n');
  });

  it('writeIfUnchanged refuses a file changed since it was read: content, size or time', () => {
    const d = dir();
    const f = join(d, 'r.txt');
    const T = 1_600_000_000; // whole seconds: set back exactly
    writeFileSync(f, 'abc\n');
    utimesSync(f, T, T);
    const before = snapshot(f);
    // Same size and the same time: only the content tells.
    writeFileSync(f, 'abd\n');
    utimesSync(f, T, T);
    let r = writeIfUnchanged(f, 'fixed\n', before);
    assert.ok(!r.ok && r.changed && /content differs/.test(r.reason), JSON.stringify(r));
    assert.equal(readFileSync(f, 'utf8'), 'abd\n');
    writeFileSync(f, 'abc\n');
    utimesSync(f, T + 5, T + 5);
    r = writeIfUnchanged(f, 'fixed\n', before);
    assert.ok(!r.ok && r.changed && /modification time/.test(r.reason));
    writeFileSync(f, 'abc\nmore\n');
    r = writeIfUnchanged(f, 'fixed\n', before);
    assert.ok(!r.ok && r.changed);
    assert.equal(readFileSync(f, 'utf8'), 'abc\nmore\n');
  });

  it('writeIfUnchanged refuses a file with other hard links (replacing it would detach them)', function () {
    if (process.platform === 'win32') this.skip();
    const d = dir();
    writeFileSync(join(d, 'a.txt'), 'a\n');
    linkSync(join(d, 'a.txt'), join(d, 'b.txt'));
    const r = writeIfUnchanged(join(d, 'a.txt'), 'b\n', snapshot(join(d, 'a.txt')));
    assert.ok(!r.ok && !r.changed && /hard links/.test(r.reason));
    assert.equal(readFileSync(join(d, 'b.txt'), 'utf8'), 'a\n');
  });

  it('atomicWrite: a failed rename or a veto leaves the target untouched and removes the temporary file', () => {
    const d = dir();
    mkdirSync(join(d, 'target'));
    writeFileSync(join(d, 'target', 'x'), 'keep');
    assert.throws(() => atomicWrite(join(d, 'target'), Buffer.from('new')));
    assert.equal(readFileSync(join(d, 'target', 'x'), 'utf8'), 'keep');
    writeFileSync(join(d, 'f'), 'old');
    assert.throws(() => atomicWrite(join(d, 'f'), Buffer.from('new'), { beforeRename: () => 'changed meanwhile' }), /changed meanwhile/);
    assert.equal(readFileSync(join(d, 'f'), 'utf8'), 'old');
    assert.deepEqual(readdirSync(d).sort(), ['f', 'target']);
  });
});

describe('stdio frame guard', () => {
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

  it('accepts well-framed messages split anywhere, bodies with raw line feeds included', () => {
    const stream = Buffer.from(
      frame('{"a":\n1}') + frame('{"jsonrpc":"2.0","method":"x","params":"示例\\n"}') + 'Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}',
    );
    for (const size of [1, 2, 3, 7, 64, stream.length]) {
      const g = new FrameGuard();
      for (let i = 0; i < stream.length; i += size) assert.equal(g.push(stream.subarray(i, i + size)), undefined, `chunks of ${size}`);
    }
  });

  it('flags an LF-only header, a header that never ends, a huge or negative Content-Length', () => {
    assert.match(new FrameGuard().push(Buffer.from('Content-Length: 2\n\n{}'))!, /LF alone/);
    assert.match(new FrameGuard().push(Buffer.from('X'.repeat(9000)))!, /header longer/);
    assert.match(new FrameGuard().push(Buffer.from('Content-Length: 1099511627776\r\n\r\n'))!, /larger than/);
    assert.match(new FrameGuard().push(Buffer.from('Content-Length: -4\r\n\r\n'))!, /negative/);
    const g = new FrameGuard();
    assert.equal(g.push(Buffer.from(frame('{}'))), undefined);
    assert.match(g.push(Buffer.from('Content-Length: 2\n'))!, /LF alone/, 'also after good messages');
  });

  it('leaves headers without a usable Content-Length to the reader (which reports them)', () => {
    const g = new FrameGuard();
    assert.equal(g.push(Buffer.from('Garbage: 1\r\n\r\n{"a":\n1}')), undefined);
  });
});
