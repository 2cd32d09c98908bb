/**
 * PDF reader: pdf.js (pdfjs-dist, legacy build, run in-process, offline with its bundled character
 * maps) gives text items with positions and the page's drawing operations, from which the table
 * rules are taken; pdfLayout turns them into the text view. A PDF without a text layer (a scan)
 * or with a password gets a reason instead of an empty text.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Seg } from './pdfGrid';
import { layoutPdf, type PItem, type PPage } from './pdfLayout';
import { failure, type ExtractResult } from './types';

/** The part of pdf.js we use (see pdfjsEntry.js). */
interface PdfJs {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfDoc>; destroy(): Promise<void> };
  OPS: Record<string, number>;
  version: string;
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}
interface PdfPage {
  view: number[];
  getTextContent(): Promise<{ items: ({ str: string; transform: number[]; width: number; height: number } | { type: string })[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  cleanup(): void;
}

let loaded: { lib: PdfJs; dir: string } | undefined;

/** Finds server/dist/pdfjs.js: beside this file when bundled, else in the repository's build output. */
function locate(): string | undefined {
  for (let d = __dirname, k = 0; k < 6; d = dirname(d), k++) {
    for (const p of [join(d, 'pdfjs.js'), join(d, 'server', 'dist', 'pdfjs.js')]) if (existsSync(p)) return p;
  }
  return undefined;
}

function load(): { lib: PdfJs; dir: string } | string {
  if (loaded) return loaded;
  const path = locate();
  if (!path) return 'pdfjs.js not found beside the server (run npm run build)';
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = { lib: require(path) as PdfJs, dir: join(dirname(path), 'pdfjs') };
    return loaded;
  } catch (e) {
    return `pdf.js could not be loaded: ${(e as Error).message}`;
  }
}

type M = [number, number, number, number, number, number];
const mul = (m: M, n: M): M => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: M, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Axis-aligned rules drawn on a page: lines, thin filled rectangles and the edges of larger rectangles. */
function rules(ops: { fnArray: number[]; argsArray: unknown[][] }, OPS: Record<string, number>): Seg[] {
  const segs: Seg[] = [];
  const stack: M[] = [];
  let ctm: M = [1, 0, 0, 1, 0, 0];
  const add = (a: [number, number], b: [number, number]) => {
    if (Math.abs(a[0] - b[0]) <= 0.5 || Math.abs(a[1] - b[1]) <= 0.5) segs.push({ x1: a[0], y1: a[1], x2: b[0], y2: b[1] });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(ctm, args as M);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = mul(ctm, Array.from(args[0] as ArrayLike<number>) as M);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const data = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
      if (!data) continue;
      // A filled (not stroked) shape is a border only when it is thin; a larger one is a background.
      const paint = args[0] as number;
      const stroked = paint !== OPS.fill && paint !== OPS.eoFill && paint !== OPS.endPath;
      if (paint === OPS.endPath) continue; // a clipping path draws nothing
      // Subpaths of DrawOPS: 0 moveTo x y, 1 lineTo x y, 2 curveTo 6 numbers, 3 quadraticCurveTo 4, 4 closePath.
      const sub: [number, number][][] = [];
      for (let k = 0; k < data.length;) {
        const op = data[k];
        if (op === 0) (sub.push([apply(ctm, data[k + 1], data[k + 2])]), (k += 3));
        else if (op === 1) ((sub[sub.length - 1] ?? (sub[0] = [])).push(apply(ctm, data[k + 1], data[k + 2])), (k += 3));
        else if (op === 2) ((k += 7), sub.push([]));
        else if (op === 3) ((k += 5), sub.push([]));
        else if (op === 4) {
          const s = sub[sub.length - 1];
          if (s?.length) s.push(s[0]);
          k += 1;
        } else break;
      }
      for (const s of sub) {
        if (s.length < 2) continue;
        const xs = s.map((p) => p[0]);
        const ys = s.map((p) => p[1]);
        const w = Math.max(...xs) - Math.min(...xs);
        const h = Math.max(...ys) - Math.min(...ys);
        const rect = s.length >= 4 && s.every((p, j) => j === 0 || Math.abs(p[0] - s[j - 1][0]) <= 0.5 || Math.abs(p[1] - s[j - 1][1]) <= 0.5);
        if (rect && h < 3 && w > h) segs.push({ x1: Math.min(...xs), y1: (Math.min(...ys) + Math.max(...ys)) / 2, x2: Math.max(...xs), y2: (Math.min(...ys) + Math.max(...ys)) / 2 });
        else if (rect && w < 3 && h > w) segs.push({ x1: (Math.min(...xs) + Math.max(...xs)) / 2, y1: Math.min(...ys), x2: (Math.min(...xs) + Math.max(...xs)) / 2, y2: Math.max(...ys) });
        else if (stroked) for (let j = 1; j < s.length; j++) add(s[j - 1], s[j]);
      }
    }
  }
  // Vertical segments are stored bottom to top, horizontal left to right.
  return segs.map((s) =>
    Math.abs(s.y1 - s.y2) <= 0.5 ? { x1: Math.min(s.x1, s.x2), y1: s.y1, x2: Math.max(s.x1, s.x2), y2: s.y1 } : { x1: s.x1, y1: Math.min(s.y1, s.y2), x2: s.x1, y2: Math.max(s.y1, s.y2) },
  );
}

export async function readPdf(bytes: Uint8Array): Promise<ExtractResult> {
  const pdf = load();
  if (typeof pdf === 'string') return failure(`无法读取 PDF:${pdf}`, `cannot read PDF: ${pdf}`);
  const { lib, dir } = pdf;
  const task = lib.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer
    cMapUrl: join(dir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: PdfDoc;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') return failure('PDF 已加密(需要打开密码),无法读取;请提供未加密的文件', 'the PDF is encrypted (needs a password to open); provide an unencrypted file');
    if (name === 'InvalidPDFException') return failure('不是有效的 PDF 文件(文件损坏或格式不对)', 'not a valid PDF file (damaged or not a PDF)');
    return failure(`PDF 无法打开:${(e as Error).message}`, `the PDF cannot be opened: ${(e as Error).message}`);
  }
  try {
    const pages: PPage[] = [];
    const empty: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: PItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str) continue;
        const [a, b, c, d, e, f] = it.transform;
        if (Math.abs(b) > Math.abs(a) * 0.2 || Math.abs(c) > Math.abs(d) * 0.2) continue; // rotated text (stamps, watermarks)
        items.push({ str: it.str, x: e, y: f, w: it.width, size: Math.hypot(c, d) || it.height || 10 });
      }
      if (!items.some((i) => i.str.trim())) empty.push(n);
      // Rules only where there is text that could be a table (several runs on one line).
      const segs = items.length > 5 ? rules(await page.getOperatorList(), lib.OPS) : [];
      const [x0, y0, x1, y1] = page.view;
      pages.push({ width: x1 - x0, height: y1 - y0, items, segs });
      page.cleanup();
    }
    if (empty.length === pages.length) {
      return failure(
        'PDF 没有文字层(可能是扫描件或图片),无法读取其中的数字;请使用可复制文字的 PDF、网页或 Word 原件,或先做文字识别(OCR)',
        'the PDF has no text layer (probably a scan or images), so its figures cannot be read; use a PDF with selectable text, the web page or the Word file, or run OCR first',
      );
    }
    const out = layoutPdf(pages);
    if (empty.length) out.warnings.push(`第 ${empty.join('、')} 页没有文字层(可能是扫描页),其内容未读取`);
    return { ok: true, value: out };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
