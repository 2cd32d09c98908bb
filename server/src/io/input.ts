/**
 * readInput(path): the text to check of any input file — a text report as it is (io/files.ts),
 * or the text view of a published HTML page, PDF or Word file with its origins and format.
 * Only regular files are read, bounded in size (a FIFO or a device is refused, not waited on).
 */
import { extract, isPublished, formatOf, type Origin, type SourceFormat } from '../formats';
import { decode, MAX_FILE_BYTES, readRegularFile, tooLarge, type ReadResult } from './files';

/** Published files carry images and fonts: a larger bound than the text limit. */
const MAX_PUBLISHED_BYTES = 64 * 1024 * 1024;

export type InputResult =
  | {
      ok: true;
      text: string;
      format: 'text' | SourceFormat;
      origins: Origin[];
      warnings: string[];
      /** For a text file: what was read (for a write-back that must not lose a later edit). */
      read?: Extract<ReadResult, { ok: true }>;
    }
  | { ok: false; reason: string; reasonEn?: string };

export async function readInput(path: string): Promise<InputResult> {
  const published = isPublished(path) || /\.doc$/i.test(path);
  const raw = readRegularFile(path, published || /\.pdf$/i.test(path) ? MAX_PUBLISHED_BYTES : MAX_FILE_BYTES);
  if (!raw.ok) return raw;
  const bytes = raw.buf;
  // By extension, or a PDF by its signature whatever its name; a .doc gets its own reason.
  if (published || formatOf(bytes, path) === 'pdf') {
    const r = await extract(bytes, path);
    if (!r.ok) return r;
    return { ok: true, text: r.value.text, format: r.value.format, origins: r.value.origins, warnings: r.value.warnings };
  }
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: tooLarge(bytes.length, MAX_FILE_BYTES) };
  const d = decode(bytes);
  if (!d.ok) return d;
  return { ok: true, text: d.text, format: 'text', origins: [], warnings: [], read: { ...d, size: raw.stat.size, mtimeMs: raw.stat.mtimeMs } };
}
