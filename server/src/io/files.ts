/** Reading report files: text only, UTF-8 only, with a reason when a file is refused. */
import { readFileSync } from 'node:fs';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

export function readReport(path: string): ReadResult {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { ok: false, reason: err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.message };
  }
  return decode(buf);
}

/** UTF-8 text or a reason it is not (binary, or another encoding such as GBK). */
export function decode(buf: Buffer): ReadResult {
  if (buf.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not a text report' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { ok: true, text };
  } catch {
    return { ok: false, reason: 'not UTF-8 text (for GBK files, convert with: iconv -f GBK -t UTF-8)' };
  }
}
