/**
 * Published reports in the editor: the `nianbao/extract` request reads a file (HTML page, PDF,
 * Word .docx) and returns its text view, which the client shows as a read-only gov-report document
 * of its own URI scheme. Documents of that scheme get no text-editing fixes.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../core';
import { PUBLISHED_SCHEME, type ExtractParams, type ExtractResult } from '../protocol';

export const isReadOnly = (uri: string) => uri.startsWith(`${PUBLISHED_SCHEME}:`);

export async function extractRequest(p: ExtractParams, locale: Locale): Promise<ExtractResult> {
  const en = locale === 'en';
  if (typeof p?.uri !== 'string' || !p.uri.startsWith('file:')) return { error: en ? 'only files on disk can be read' : '只能读取本机磁盘上的文件' };
  let bytes: Buffer;
  try {
    bytes = await readFile(fileURLToPath(p.uri));
  } catch (e) {
    return { error: `${en ? 'cannot read the file' : '无法读取文件'}: ${(e as Error).message}` };
  }
  // The readers (parse5, xmldom, fflate, pdf.js) are loaded on the first published file only.
  const { extract } = await import('../formats');
  const r = await extract(bytes, fileURLToPath(p.uri));
  if (!r.ok) return { error: en ? r.reasonEn : r.reason };
  return { text: r.value.text, format: r.value.format, warnings: r.value.warnings };
}
