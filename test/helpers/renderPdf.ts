/**
 * A published report printed to PDF the way a browser or Word prints it: A4 pages, wrapped
 * paragraphs, ruled tables whose labels wrap inside their cells and whose figures sit vertically
 * centred, tables split across pages with their header rows repeated, a running header and a
 * page number "- N -" on every page.
 */
import { headingText, type GridCell, type PublishedDoc } from './published';
import { textWidth, writePdf, type PdfPageSpec, type PdfRule, type PdfText } from './pdfWriter';

const PAGE_W = 595;
const PAGE_H = 842;
const LEFT = 72;
const RIGHT = PAGE_W - 72;
const TOP = PAGE_H - 80;
const BOTTOM = 80;
const TABLE_FONT = 9;
const PAD = 3;

/** Splits text into lines no wider than `width` at the given size. */
export function wrap(text: string, width: number, size: number, firstIndent = 0): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && textWidth(line + ch, size) > width - (lines.length ? 0 : firstIndent)) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

/** Column widths of a table: label columns wide, number columns narrow. */
function columns(rows: GridCell[][]): number[] {
  const n = rows[0].reduce((k, c) => k + (c.colspan ?? 1), 0);
  const total = RIGHT - LEFT;
  if (n === 4) return [total * 0.31, total * 0.23, total * 0.23, total * 0.23];
  if (n === 10) return [40, 62, 118, ...Array(7).fill((total - 220) / 7)];
  return Array(n).fill(total / n);
}

interface Placed {
  cell: GridCell;
  row: number;
  col: number;
}

export interface PdfRenderOptions {
  /** Repeat a table's header rows on each page it continues on (default true). */
  repeatHeader?: boolean;
  /** Draw no table rules (a borderless table: rows and columns only from the text positions). */
  unruled?: boolean;
}

export function renderPdf(doc: PublishedDoc, options: PdfRenderOptions = {}): Buffer {
  const pages: PdfPageSpec[] = [];
  let texts: PdfText[] = [];
  let rules: PdfRule[] = [];
  let y = TOP;
  const runningTitle = (doc.blocks.find((b) => b.kind === 'title') as { text: string } | undefined)?.text ?? '政府信息公开工作年度报告';
  const newPage = () => {
    if (texts.length || rules.length) {
      const n = pages.length + 1;
      texts.push({ x: PAGE_W / 2 - 12, y: 40, size: 10, text: `- ${n} -` });
      texts.push({ x: LEFT, y: PAGE_H - 40, size: 8, text: runningTitle });
      pages.push({ texts, rules });
    }
    texts = [];
    rules = [];
    y = TOP;
  };
  const need = (h: number) => {
    if (y - h < BOTTOM) newPage();
  };
  const text = (s: string, size: number, indent = 0, center = false) => {
    const lines = wrap(s, RIGHT - LEFT, size, indent);
    lines.forEach((l, i) => {
      need(size * 1.6);
      y -= size * 1.6;
      const x = center ? (LEFT + RIGHT - textWidth(l, size)) / 2 : LEFT + (i === 0 ? indent : 0);
      texts.push({ x, y, size, text: l });
    });
  };

  for (const b of doc.blocks) {
    if (b.kind === 'title') text(b.text, 16, 0, true);
    else if (b.kind === 'heading') text(headingText(b), b.level === 0 ? 13 : 12, 24);
    else if (b.kind === 'para') text(b.text, 12, 24);
    else {
      y -= 8;
      const widths = columns(b.rows);
      const xs = widths.reduce((acc, w) => [...acc, acc[acc.length - 1] + w], [LEFT]);
      // Place cells on the grid (rowspan/colspan) and measure each row's height.
      const placed: Placed[] = [];
      const taken: boolean[][] = b.rows.map(() => []);
      b.rows.forEach((r, ri) => {
        let col = 0;
        for (const cell of r) {
          while (taken[ri][col]) col++;
          for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) for (let dc = 0; dc < (cell.colspan ?? 1); dc++) (taken[ri + dr] ??= [])[col + dc] = true;
          placed.push({ cell, row: ri, col });
          col += cell.colspan ?? 1;
        }
      });
      const cellWidth = (p: Placed) => xs[p.col + (p.cell.colspan ?? 1)] - xs[p.col] - 2 * PAD;
      const linesOf = (p: Placed) => wrap(p.cell.text, cellWidth(p), TABLE_FONT);
      const heights = b.rows.map((_, ri) => Math.max(TABLE_FONT * 1.4 + 2 * PAD, ...placed.filter((p) => p.row === ri && !p.cell.rowspan).map((p) => linesOf(p).length * TABLE_FONT * 1.4 + 2 * PAD)));
      for (const p of placed.filter((q) => (q.cell.rowspan ?? 1) > 1)) {
        const span = heights.slice(p.row, p.row + p.cell.rowspan!).reduce((a, h) => a + h, 0);
        const needH = linesOf(p).length * TABLE_FONT * 1.4 + 2 * PAD;
        if (needH > span) heights[p.row + p.cell.rowspan! - 1] += needH - span;
      }
      // Rows are laid out top to bottom; a page break repeats the header rows.
      const top: number[] = [];
      const page: number[] = [];
      let ri = 0;
      const drawRow = (r: number, atY: number) => {
        top[r] = atY;
        page[r] = pages.length;
      };
      while (ri < b.rows.length) {
        if (y - heights[ri] < BOTTOM) {
          flushTable(placed, top, heights, page, pages.length, xs, linesOf, texts, rules, b.rows.length);
          newPage();
          if (options.repeatHeader !== false && b.header) {
            const copy: Placed[] = placed.filter((p) => p.row < b.header);
            const tops: number[] = [];
            let hy = y;
            for (let h = 0; h < b.header; h++) ((tops[h] = hy), (hy -= heights[h]));
            flushTable(copy, tops, heights, [], pages.length, xs, linesOf, texts, rules, b.header, true);
            y = hy;
          }
        }
        drawRow(ri, y);
        y -= heights[ri];
        ri++;
      }
      flushTable(placed, top, heights, page, pages.length, xs, linesOf, texts, rules, b.rows.length);
      y -= 12;
    }
  }
  newPage();
  if (options.unruled) for (const p of pages) p.rules = [];
  return writePdf(pages, { width: PAGE_W, height: PAGE_H });
}

/**
 * Draws the part of each cell that lies on the current page: rules around it (a rowspan cell cut
 * by a page break is drawn to the page's last row and continues, empty, on the next page), and its
 * text lines centred vertically in its first part.
 */
function flushTable(
  cells: Placed[],
  top: number[],
  heights: number[],
  page: number[],
  current: number,
  xs: number[],
  linesOf: (p: Placed) => string[],
  texts: PdfText[],
  rules: PdfRule[],
  rowCount: number,
  header = false,
): void {
  for (const p of cells) {
    const span = p.cell.rowspan ?? 1;
    const rows: number[] = [];
    for (let r = p.row; r < Math.min(p.row + span, rowCount); r++) if (header || (page[r] === current && top[r] !== undefined)) rows.push(r);
    if (!rows.length) continue;
    const first = rows[0];
    const last = rows[rows.length - 1];
    const y0 = top[first];
    const y1 = top[last] - heights[last];
    const x0 = xs[p.col];
    const x1 = xs[p.col + (p.cell.colspan ?? 1)];
    rules.push({ x1: x0, y1: y0, x2: x1, y2: y0 }, { x1: x0, y1: y1, x2: x1, y2: y1 }, { x1: x0, y1: y0, x2: x0, y2: y1 }, { x1: x1, y1: y0, x2: x1, y2: y1 });
    if (first !== p.row) continue;
    const lines = linesOf(p);
    const lh = TABLE_FONT * 1.4;
    let ty = (y0 + y1) / 2 + (lines.length * lh) / 2 - lh + 0.25 * TABLE_FONT;
    for (const l of lines) {
      if (!l) continue;
      const w = textWidth(l, TABLE_FONT);
      texts.push({ x: /^\d/.test(l) && l.length < 8 ? (x0 + x1 - w) / 2 : x0 + PAD, y: ty, size: TABLE_FONT, text: l });
      ty -= lh;
    }
  }
}
