/**
 * PDF text with positions → the text view. Items are grouped into lines by baseline and read left
 * to right; items inside a ruled table go to their grid cell and each table row becomes one pipe
 * line (merged cells written once, where they start); runs of lines with numbers in consistent
 * columns but no rules become pipe rows too. Page numbers and lines repeated at the same place on
 * most pages (running headers and footers) are dropped, and a table continued on the next page
 * stays one table, its repeated header rows dropped.
 */
import { cellAt, findGrids, type Grid, type Seg } from './pdfGrid';
import { joinLines, TextView, type RowCell } from './textView';
import { toLines, unruledTables, type Line, type PItem } from './pdfLines';
import type { Extracted } from './types';

export type { PItem } from './pdfLines';

export interface PPage {
  width: number;
  height: number;
  items: PItem[];
  segs: Seg[];
}

export type Block =
  { kind: 'line'; top: number; line: Line } | { kind: 'table'; top: number; rows: RowCell[][]; cols: number; signature: string[]; x0: number; x1: number; cutTop?: boolean; cutBottom?: boolean };

const PAGE_NUMBER = /^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|page\s*\d+(\s*of\s*\d+)?)$/i;

/** A ruled table's rows: items placed in their merged cells, cells in column order. */
function gridRows(grid: Grid, items: PItem[]): RowCell[][] {
  const cells = new Map<string, PItem[]>();
  for (const it of items) {
    const at = cellAt(grid, it.x + it.w / 2, it.y + it.size * 0.3);
    if (!at) continue;
    const k = at.join(',');
    if (!cells.has(k)) cells.set(k, []);
    cells.get(k)!.push(it);
  }
  const rows: RowCell[][] = [];
  for (let r = 0; r < grid.owner.length; r++) {
    const row: RowCell[] = [];
    for (let c = 0; c < grid.owner[r].length; c++) {
      const [or, oc] = grid.owner[r][c];
      if (or !== r || oc !== c || (c > 0 && grid.owner[r][c - 1][0] === or && grid.owner[r][c - 1][1] === oc)) continue;
      const lines = toLines(cells.get(`${r},${c}`) ?? []);
      const text = joinLines(lines.map((l) => l.text));
      // An empty cell spanning rows is the rest of a merged label cell cut by a page break, not a blank figure.
      if (!text && r + 1 < grid.owner.length && grid.owner[r + 1][c][0] === r) continue;
      row.push({ text, col: c + 1, x0: grid.xs[c], x1: grid.xs[c + 1] });
    }
    if (row.length) rows.push(row);
  }
  return rows;
}

/** A cell of running text (a paragraph) is a page's layout box, not a table cell. */
const PROSE_CELL = (t: string) => t.length > 150 || (t.length > 60 && /。.+。/.test(t));

function pageBlocks(page: PPage): Block[] {
  const at = (it: PItem) => ({ x: it.x + it.w / 2, y: it.y + it.size * 0.3 });
  const area = (g: Grid) => (g.box.x1 - g.box.x0) * (g.box.y1 - g.box.y0);
  // Each item belongs to the innermost grid around it; a grid holding prose is a layout box, not a
  // table, and is dropped (its items are then read as lines or go to a table inside it).
  let grids = findGrids(page.segs).sort((a, b) => area(a) - area(b));
  const owner = new Map<PItem, Grid>();
  const assign = () => {
    owner.clear();
    for (const it of page.items) {
      const p = at(it);
      const g = grids.find((x) => cellAt(x, p.x, p.y));
      if (g) owner.set(it, g);
    }
  };
  assign();
  const tables = new Map<Grid, RowCell[][]>();
  for (;;) {
    tables.clear();
    for (const g of grids)
      tables.set(
        g,
        gridRows(
          g,
          page.items.filter((it) => owner.get(it) === g),
        ),
      );
    const layout = grids.filter((g) => tables.get(g)!.some((r) => r.some((c) => PROSE_CELL(c.text))) || !tables.get(g)!.some((r) => r.some((c) => c.text)));
    if (!layout.length) break;
    grids = grids.filter((g) => !layout.includes(g));
    assign();
  }
  const inGrid = (it: PItem) => owner.has(it);
  const blocks: Block[] = [];
  for (const g of grids) {
    const rows = tables.get(g)!;
    blocks.push({
      kind: 'table',
      top: g.box.y1,
      rows,
      cols: g.xs.length - 1,
      signature: rows.map((r) => r.map((c) => c.text).join('|')),
      x0: g.box.x0,
      x1: g.box.x1,
      cutTop: g.cutTop,
      cutBottom: g.cutBottom,
    });
  }
  const lines = toLines(page.items.filter((it) => !inGrid(it)));
  const unruled = unruledTables(lines);
  let u = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = unruled[u];
    if (t && i === t.from) {
      const x0 = Math.min(...lines.slice(t.from, t.to + 1).map((l) => l.x0));
      const x1 = Math.max(...lines.slice(t.from, t.to + 1).map((l) => l.x1));
      blocks.push({ kind: 'table', top: lines[i].y + lines[i].size, rows: t.rows, cols: t.cols, signature: t.rows.map((r) => r.map((c) => c.text).join('|')), x0, x1 });
      i = t.to;
      u++;
    } else blocks.push({ kind: 'line', top: lines[i].y + lines[i].size, line: lines[i] });
  }
  return blocks.sort((a, b) => b.top - a.top);
}

/** Lines to drop: page numbers at the top or bottom, and lines repeated near the same place on most pages. */
function chrome(pages: PPage[], blocks: Block[][]): Set<Line> {
  const drop = new Set<Line>();
  const key = (l: Line) => l.text.replace(/\d+/g, '#');
  const seen = new Map<string, number>();
  blocks.forEach((bs, p) => {
    const h = pages[p].height || 842;
    const keys = new Set<string>();
    for (const b of bs) {
      if (b.kind !== 'line') continue;
      const margin = b.line.y > h * 0.88 || b.line.y < h * 0.12;
      if (margin) keys.add(`${Math.round(b.line.y / 4)}:${key(b.line)}`);
    }
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  });
  blocks.forEach((bs, p) => {
    const h = pages[p].height || 842;
    const lines = bs.filter((b): b is Extract<Block, { kind: 'line' }> => b.kind === 'line').map((b) => b.line);
    const edge = new Set([lines[0], lines[lines.length - 1]]);
    for (const l of lines) {
      const margin = l.y > h * 0.88 || l.y < h * 0.12;
      if (edge.has(l) && PAGE_NUMBER.test(l.text)) drop.add(l);
      else if (margin && pages.length >= 2 && (seen.get(`${Math.round(l.y / 4)}:${key(l)}`) ?? 0) >= Math.max(2, Math.ceil(pages.length * 0.5))) drop.add(l);
    }
  });
  return drop;
}

const HEADING_START = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[.．、](?!\d))/;

/**
 * Joins the physical lines of a paragraph: a line continues the one before when that one runs to
 * the right edge and this one starts at the left margin (no first-line indent, no heading numeral),
 * in the same font size, also across a page break.
 */
interface Pending {
  parts: { text: string; page: number }[];
  last: Line;
  right: number;
  sameBlockRun: boolean;
}

export function layoutPdf(pages: PPage[]): Extracted {
  const view = new TextView('pdf');
  const blocks = pages.map(pageBlocks);
  const drop = chrome(pages, blocks);
  let open: { cols: number; header: string[]; x0: number; x1: number } | undefined;
  let para: Pending | undefined;
  // The last row of a table is held back until the next page shows whether it goes on there.
  let held: { row: RowCell[]; page: number; cut: boolean } | undefined;
  const flushRow = () => {
    if (held) view.tableRow(held.row, held.page);
    held = undefined;
  };
  const flush = () => {
    flushRow();
    if (para) view.paragraphParts(para.parts);
    para = undefined;
  };
  blocks.forEach((bs, p) => {
    const kept = bs.filter((b) => b.kind === 'table' || !drop.has(b.line));
    const lines = kept.filter((b): b is Extract<Block, { kind: 'line' }> => b.kind === 'line').map((b) => b.line);
    const left = Math.min(...lines.map((l) => l.x0));
    // The text block's right edge: where most long lines end (the widest line may be page chrome).
    const ends = new Map<number, number>();
    for (const l of lines) if (l.text.length >= 15) ends.set(Math.round(l.x1 / 3), (ends.get(Math.round(l.x1 / 3)) ?? 0) + 1);
    const mode = [...ends].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    const right = mode ? Math.max(...lines.filter((l) => Math.round(l.x1 / 3) === mode[0]).map((l) => l.x1)) : Math.max(...lines.map((l) => l.x1));
    kept.forEach((b, i) => {
      if (b.kind === 'line') {
        open = undefined;
        const l = b.line;
        const prev = para?.last;
        const continues =
          para &&
          prev &&
          prev.x1 >= para.right - 1.5 * prev.size &&
          l.x0 <= left + 0.8 * l.size &&
          Math.abs(prev.size - l.size) < 0.5 &&
          !HEADING_START.test(l.text) &&
          (para.sameBlockRun ? prev.y - l.y < 2.2 * l.size : i === 0);
        if (!continues) flush();
        if (!para) para = { parts: [], last: l, right, sameBlockRun: true };
        para.parts.push({ text: l.text, page: p + 1 });
        para.last = l;
        para.right = right;
        para.sameBlockRun = true;
        return;
      }
      if (para) view.paragraphParts(para.parts);
      para = undefined;
      // A table at the top of a page right after one at the bottom of the previous, aligned with it
      // on the left or the right: the same table (its column count and one edge may differ where a
      // merged cell hides a boundary on one page).
      let rows = b.rows;
      const continued = !!open && i === 0 && (open.cols === b.cols || Math.abs(open.x0 - b.x0) < 3 || Math.abs(open.x1 - b.x1) < 3);
      if (!continued) flushRow();
      if (continued && open) {
        let k = 0;
        while (k < rows.length && k < open.header.length && b.signature[k] === open.header[k]) k++;
        rows = rows.slice(k);
      } else {
        view.beginTable();
        open = { cols: b.cols, header: b.signature.slice(0, 4), x0: b.x0, x1: b.x1 };
      }
      // The rest of a row cut by the page break (no rule below its first part, none above the
      // rest) joins the row's first part, cell by cell.
      if (continued && b.cutTop && held?.cut && rows.length) {
        for (const c of rows[0]) {
          const mid = ((c.x0 ?? 0) + (c.x1 ?? 0)) / 2;
          const into = held.row.find((h) => h.x0 !== undefined && h.x0 <= mid && mid <= h.x1!);
          if (into && c.text) into.text = joinLines([into.text, c.text]);
        }
        rows = rows.slice(1);
      }
      // On a page where the table goes on, empty cells before the first filled one in its first
      // row are the rest of merged label cells from the page before, not blank figures.
      if (continued && rows.length) {
        const first = rows[0].findIndex((c) => c.text);
        if (first > 0) rows = [rows[0].slice(first), ...rows.slice(1)];
      }
      flushRow();
      rows.forEach((r, k) => (k === rows.length - 1 ? (held = { row: r, page: p + 1, cut: !!b.cutBottom }) : view.tableRow(r, p + 1)));
      if (i !== kept.length - 1) {
        open = undefined;
        flushRow();
      }
    });
    // A paragraph may go on at the top of the next page.
    if (para) para.sameBlockRun = false;
  });
  flush();
  return view.result();
}
