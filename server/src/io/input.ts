/**
 * readInput(path): the text to check of any input file — a text report as it is (io/files.ts),
 * or the text view of a published HTML page, PDF or Word file with its origins and format.
 */
import { readFileSync } from 'node:fs';
import { extract, isPublished, formatOf, type Origin, type SourceFormat } from '../formats';
import { decode, readReport } from './files';

export type InputResult =
  | { ok: true; text: string; format: 'text' | SourceFormat; origins: Origin[]; warnings: string[] }
  | { ok: false; reason: string; reasonEn?: string };

export async function readInput(path: string): Promise<InputResult> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    const r = readReport(path); // the same reasons as for text files (no such file, is a directory)
    return r.ok ? { ok: true, text: r.text, format: 'text', origins: [], warnings: [] } : r;
  }
  // By extension, or a PDF by its signature whatever its name; a .doc gets its own reason.
  const sniffed = formatOf(bytes, path);
  if (isPublished(path) || sniffed === 'pdf' || /\.doc$/i.test(path)) {
    const r = await extract(bytes, path);
    if (!r.ok) return r;
    return { ok: true, text: r.value.text, format: r.value.format, origins: r.value.origins, warnings: r.value.warnings };
  }
  const r = decode(bytes);
  return r.ok ? { ok: true, text: r.text, format: 'text', origins: [], warnings: [] } : r;
}
