/**
 * The CLI's one way of reading a report file, with the reason in both languages when it cannot.
 * Hook: io/input.ts's readInput (for .html/.pdf/.docx) replaces readReport here.
 */
import type { Msg } from '../core';
import { readReport } from '../io/files';
import type { ReadSnapshot } from '../io/safeWrite';
import { M } from './messages';

/** The text, and what the file was when read (for writing back only if it is unchanged). */
export type Input = { ok: true; text: string; snapshot: ReadSnapshot } | { ok: false; reason: Msg };

/**
 * io/files.ts gives its reasons in English: kept as they are for English (a GBK file also gets the
 * Windows way to re-save it), translated for Chinese.
 */
export function localizeReason(reason: string): Msg {
  const en = (zh: string): Msg => ({ zh, en: reason });
  if (/no such file/i.test(reason)) return M.notFound;
  if (/is a directory/i.test(reason)) return M.isDirectory;
  const irregular = /not a regular file(?: \((.*)\))?/.exec(reason);
  if (irregular) return en(M.notRegular(irregular[1] ?? '').zh);
  const big = /too large \(([\d.]+) MB; the limit is ([\d.]+) MB\)/.exec(reason);
  if (big) return en(M.tooLarge(big[1], big[2]).zh);
  const utf16 = /(UTF-16(?:LE|BE)?) text \((.*?)\).*iconv -f (\S+) -t UTF-8/.exec(reason);
  if (utf16) return en(M.utf16(utf16[1], /with/.test(utf16[2]), utf16[3]).zh);
  if (/binary/i.test(reason)) return M.binary;
  if (/not UTF-8/i.test(reason)) return M.notUtf8;
  return M.cannotRead(reason);
}

export function readInput(path: string): Input {
  const r = readReport(path);
  return r.ok ? { ok: true, text: r.text, snapshot: r } : { ok: false, reason: localizeReason(r.reason) };
}
