/**
 * Reading files: regular files only (a FIFO or device is never opened: opening a FIFO blocks and
 * /dev/zero never ends), bounded by size, and report text only as UTF-8, with a reason when refused.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULTS } from '../settings';

/** Files larger than this are not read (the default of `nianbao.maxDocumentSize`). */
export const MAX_FILE_BYTES = DEFAULTS.maxDocumentSize;

export type RawRead = { ok: true; buf: Buffer; stat: Stats } | { ok: false; reason: string; missing?: boolean };

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

function kind(st: Stats): string {
  if (st.isDirectory()) return 'is a directory';
  if (st.isFIFO()) return 'not a regular file (FIFO)';
  if (st.isCharacterDevice()) return 'not a regular file (character device)';
  if (st.isBlockDevice()) return 'not a regular file (block device)';
  if (st.isSocket()) return 'not a regular file (socket)';
  return 'not a regular file';
}

export const tooLarge = (size: number, limit: number) => `too large (${mb(size)} MB; the limit is ${mb(limit)} MB), not read`;

/**
 * The bytes of a regular file of at most `limit` bytes. Links are followed (to a regular file).
 * The type is checked before opening and again on the open descriptor, which is opened
 * non-blocking so that a file swapped for a FIFO in between cannot block.
 */
export function readRegularFile(path: string, limit = MAX_FILE_BYTES): RawRead {
  let fd: number | undefined;
  try {
    const before = statSync(path);
    if (!before.isFile()) return { ok: false, reason: kind(before) };
    if (before.size > limit) return { ok: false, reason: tooLarge(before.size, limit) };
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: kind(stat) };
    // Read at most limit + 1 bytes, whatever the size said: the file may be growing.
    const buf = Buffer.allocUnsafe(Math.min(stat.size, limit) + 1);
    let n = 0;
    for (let got; n < buf.length && (got = readSync(fd, buf, n, buf.length - n, null)) > 0;) n += got;
    if (n > limit) return { ok: false, reason: tooLarge(Math.max(stat.size, n), limit) };
    return { ok: true, buf: buf.subarray(0, n), stat };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { ok: false, reason: 'no such file', missing: true };
    if (err.code === 'EISDIR') return { ok: false, reason: 'is a directory' };
    return { ok: false, reason: err.message };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export type ReadResult =
  | {
      ok: true;
      text: string;
      /** The file began with a UTF-8 byte-order mark (not part of `text`). */
      bom: boolean;
      /** Size and modification time when read, to notice a change before writing back. */
      size: number;
      mtimeMs: number;
    }
  | { ok: false; reason: string };

/** A report file as text, or why it cannot be one. */
export function readReport(path: string, limit = MAX_FILE_BYTES): ReadResult {
  const r = readRegularFile(path, limit);
  if (!r.ok) return r;
  const d = decode(r.buf);
  return d.ok ? { ...d, size: r.stat.size, mtimeMs: r.stat.mtimeMs } : d;
}

/** UTF-8 text (and whether it had a BOM), or a reason it is not: UTF-16, binary, another encoding such as GBK. */
export function decode(buf: Buffer): { ok: true; text: string; bom: boolean } | { ok: false; reason: string } {
  const utf16 = utf16Kind(buf);
  if (utf16) return { ok: false, reason: utf16 };
  if (buf.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not a text report' };
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? buf.subarray(3) : buf);
    return { ok: true, text, bom };
  } catch {
    return { ok: false, reason: 'not UTF-8 text (for GBK files, convert with: iconv -f GBK -t UTF-8)' };
  }
}

const convert = (from: string) => `; convert it to UTF-8, e.g. iconv -f ${from} -t UTF-8 FILE > FILE.utf8.txt, or save it as UTF-8 in an editor`;

/** Why `buf` looks like UTF-16 text, or undefined: a byte-order mark, or (for data with NUL bytes) code units that read as text in one byte order. */
function utf16Kind(buf: Buffer): string | undefined {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return `UTF-16LE text (with a byte-order mark), not UTF-8${convert('UTF-16')}`;
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return `UTF-16BE text (with a byte-order mark), not UTF-8${convert('UTF-16')}`;
  if (buf.length < 4 || buf.length % 2 !== 0 || !buf.includes(0)) return undefined;
  const le = textLike(buf, true);
  const be = textLike(buf, false);
  if (Math.max(le, be) < 0.95) return undefined;
  const order = le >= be ? 'LE' : 'BE';
  return `UTF-16${order} text (no byte-order mark), not UTF-8${convert(`UTF-16${order}`)}`;
}

/** The share of the first 32K code units that are common in Chinese text (ASCII, CJK, punctuation); 0 when one is NUL or a control character. */
function textLike(buf: Buffer, le: boolean): number {
  const n = Math.min(buf.length, 1 << 16) & ~1;
  let good = 0;
  for (let i = 0; i < n; i += 2) {
    const u = le ? buf[i] | (buf[i + 1] << 8) : (buf[i] << 8) | buf[i + 1];
    if (u < 0x20 && u !== 9 && u !== 10 && u !== 12 && u !== 13) return 0;
    if (u < 0x7f || (u >= 0x2000 && u < 0x2070) || (u >= 0x3000 && u < 0x3100) || (u >= 0x4e00 && u < 0xa000) || (u >= 0xff00 && u < 0xfff0)) good++;
  }
  return good / (n / 2);
}

/** The local path of a file: URI (normalised, no trailing separator), or why there is none (file://host/…, bad % escapes, an encoded slash); undefined for other schemes. */
export function localPath(uri: string): { path: string } | { error: string } | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return { path: resolve(fileURLToPath(uri)) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}
