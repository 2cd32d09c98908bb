/**
 * The CLI's one way of reading a report file, with the reason in both languages when it cannot.
 * Hook: io/input.ts's readInput (for .html/.pdf/.docx) replaces readReport here.
 */
import type { Msg } from '../core';
import { readReport } from '../io/files';
import { M } from './messages';

export type Input = { ok: true; text: string } | { ok: false; reason: Msg };

/** io/files.ts gives its reasons in English; the CLI says them in the chosen language. */
export function localizeReason(reason: string): Msg {
  if (/no such file/i.test(reason)) return M.notFound;
  if (/is a directory/i.test(reason)) return M.isDirectory;
  if (/UTF-16/i.test(reason)) return M.utf16;
  if (/binary/i.test(reason)) return M.binary;
  if (/not UTF-8/i.test(reason)) return M.notUtf8;
  return M.cannotRead(reason);
}

export function readInput(path: string): Input {
  const r = readReport(path);
  return r.ok ? { ok: true, text: r.text } : { ok: false, reason: localizeReason(r.reason) };
}
