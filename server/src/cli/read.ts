/**
 * The CLI's one way of reading an input file — a text report, or the text view of a published
 * HTML page, PDF or Word file (io/input.ts) — with the reason in both languages when it cannot.
 */
import type { Msg } from '../core';
import type { Origin } from '../formats';
import { readInput as readAny } from '../io/input';
import type { ReadSnapshot } from '../io/safeWrite';
import { M } from './messages';

export type Input =
  | {
      ok: true;
      text: string;
      /** A text file: what it was when read (written back only if it is unchanged). */
      snapshot?: ReadSnapshot;
      /** A published file (HTML, PDF, Word): checked through its text view, never written. */
      published: boolean;
      /** Where parts of a published file's text view came from (page, table, row, column). */
      origins: Origin[];
      warnings: Msg[];
    }
  | { ok: false; reason: Msg };

/**
 * io/files.ts gives its reasons in English: kept as they are for English (a GBK file also gets the
 * Windows way to re-save it), translated for Chinese.
 */
function localizeReason(reason: string): Msg {
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

export async function readInput(path: string): Promise<Input> {
  const r = await readAny(path);
  // The format readers give both languages; the file readers English only.
  if (!r.ok) return { ok: false, reason: r.reasonEn ? { zh: r.reason, en: r.reasonEn } : localizeReason(r.reason) };
  return { ok: true, text: r.text, snapshot: r.read, published: r.format !== 'text', origins: r.origins, warnings: r.warnings.map((w) => ({ zh: w, en: w })) };
}
