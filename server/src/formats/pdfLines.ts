/**
 * PDF text items → lines (by baseline, read left to right, runs split at wide gaps) and tables
 * without rules (runs of lines whose figures stand in consistent columns).
 */
import { joinPieces, type RowCell } from './textView';

/** A text item: its string, left x, baseline y (PDF user space, y up), advance width and font size. */
export interface PItem {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

export interface Line {
  y: number;
  size: number;
  x0: number;
  x1: number;
  /** Runs of text separated by wide gaps. */
  chunks: { x0: number; x1: number; text: string }[];
  text: string;
}

const CJK = /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/;
const NUMERIC = /^\d[\d,]*(\.\d+)?%?$/;
/** Groups items into lines (baselines within 40% of the font size), each read left to right. */
export function toLines(items: PItem[]): Line[] {
  const sorted = items.filter((i) => i.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PItem[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - it.y) <= 0.4 * Math.min(row[0].size, it.size)) row.push(it);
    else rows.push([it]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const size = Math.max(...row.map((i) => i.size));
    const chunks: Line['chunks'] = [];
    for (const it of row) {
      const last = chunks[chunks.length - 1];
      const gap = last ? it.x - last.x1 : Infinity;
      if (last && gap < 1.2 * size) {
        const space = gap > 0.15 * size && !(CJK.test(last.text[last.text.length - 1]) && CJK.test(it.str.trimStart()[0] ?? ''));
        last.text += (space ? ' ' : '') + it.str;
        last.x1 = Math.max(last.x1, it.x + it.w);
      } else chunks.push({ x0: it.x, x1: it.x + it.w, text: it.str });
    }
    for (const c of chunks) c.text = c.text.replace(/\s+/g, ' ').trim();
    return { y: row[0].y, size, x0: chunks[0].x0, x1: chunks[chunks.length - 1].x1, chunks, text: joinPieces(chunks.map((c) => c.text)) };
  });
}

/** Unruled tables: runs of lines with three or more chunks, two of them numbers, columns by x. */
export function unruledTables(lines: Line[]): { from: number; to: number; rows: RowCell[][]; cols: number }[] {
  const out: { from: number; to: number; rows: RowCell[][]; cols: number }[] = [];
  const tabular = (l: Line) => l.chunks.length >= 3 && l.chunks.filter((c) => NUMERIC.test(c.text)).length >= 2;
  for (let i = 0; i < lines.length; i++) {
    if (!tabular(lines[i])) continue;
    let j = i;
    // Extend over tabular lines and short label lines between them (wrapped row labels).
    for (let k = i + 1; k < lines.length && lines[k - 1].y - lines[k].y < 3 * lines[k].size; k++) {
      if (tabular(lines[k])) j = k;
      else if (lines[k].chunks.length > 1 || lines[k].text.length > 30) break;
    }
    const run = lines.slice(i, j + 1);
    const starts = run.flatMap((l) => l.chunks.slice(1).map((c) => (c.x0 + c.x1) / 2));
    const cols: number[] = [];
    for (const x of starts.sort((a, b) => a - b)) if (!cols.length || x - cols[cols.length - 1] > 8) cols.push(x);
    const rows = run.map((l) => {
      const row: RowCell[] = [{ text: l.chunks[0].text, col: 1 }];
      const byCol = new Map<number, string>();
      for (const c of l.chunks.slice(1)) {
        const mid = (c.x0 + c.x1) / 2;
        let best = 0;
        cols.forEach((x, k) => Math.abs(x - mid) < Math.abs(cols[best] - mid) && (best = k));
        byCol.set(best, joinPieces([byCol.get(best) ?? '', c.text]));
      }
      if (l.chunks.length > 1) for (let k = 0; k < cols.length; k++) row.push({ text: byCol.get(k) ?? '', col: k + 2 });
      return row;
    });
    out.push({ from: i, to: j, rows, cols: cols.length + 1 });
    i = j;
  }
  return out;
}
