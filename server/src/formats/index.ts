/**
 * extract(bytes, fileName): a published report (HTML page, PDF, Word .docx) → its text view and
 * origins, or a reason it cannot be read. Dispatches by content (magic bytes) first, then by the
 * file name's extension.
 */
import { readDocx } from './docx';
import { readHtml } from './html';
import { readPdf } from './pdf';
import { failure, type ExtractResult, type SourceFormat } from './types';

export type { Extracted, ExtractResult, Origin, SourceFormat } from './types';
export { originAt } from './types';

/** Extensions read by a format reader (lower case, with the dot). */
export const PUBLISHED_EXTENSIONS = ['.html', '.htm', '.xhtml', '.shtml', '.pdf', '.docx'];

export function isPublished(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return PUBLISHED_EXTENSIONS.some((e) => lower.endsWith(e));
}

/** The format of a file from its first bytes, else its extension; undefined for anything else. */
export function formatOf(bytes: Uint8Array, fileName: string): SourceFormat | 'doc' | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  const ext = /\.[^.\\/]+$/.exec(fileName)?.[0].toLowerCase();
  if (head.startsWith('%PDF-') || (ext === '.pdf' && head.includes('%PDF-'))) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)) return 'docx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return /\.docx$/i.test(fileName) ? 'docx' : 'doc';
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx') return 'docx';
  if (ext === '.doc') return 'doc';
  if (ext && ['.html', '.htm', '.xhtml', '.shtml'].includes(ext)) return 'html';
  if (/^\s*(<!doctype html|<html|<head|<meta|<body)/i.test(head.replace(/^\ufeff|^\xef\xbb\xbf/, ''))) return 'html';
  return undefined;
}

export async function extract(bytes: Uint8Array, fileName: string): Promise<ExtractResult> {
  if (!bytes.length) return failure('文件为空', 'the file is empty');
  try {
    switch (formatOf(bytes, fileName)) {
      case 'pdf':
        return await readPdf(bytes);
      case 'docx':
        return readDocx(bytes);
      case 'html':
        return readHtml(bytes);
      case 'doc':
        return failure('这是旧版 Word 二进制格式(.doc),不是 .docx;请在 Word 或 WPS 中另存为 .docx', 'this is an old binary Word file (.doc), not .docx; save it as .docx in Word or WPS');
      default:
        return failure('不是可读取的网页、PDF 或 Word(.docx)文件', 'not a readable web page, PDF or Word (.docx) file');
    }
  } catch (e) {
    // A reader bug must not take the caller down: say what happened instead.
    return failure(`读取失败:${(e as Error).message}`, `reading failed: ${(e as Error).message}`);
  }
}
