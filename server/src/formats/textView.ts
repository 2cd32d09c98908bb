/**
 * Builds the text view every reader produces: one line per paragraph, one `| cell | … |` line per
 * table row (empty cells kept as `|  |`), a blank line around each table, and the origin of each
 * line or cell.
 */
import type { Extracted, Origin, SourceFormat } from './types';

/** White space of every kind (including no-break and ideographic spaces) collapsed to one space, trimmed. */
export function collapse(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’、。，：；（）《》]/;

/** Joins pieces of one logical text (a cell's paragraphs, a wrapped PDF line): no space between CJK characters. */
export function joinPieces(pieces: readonly string[]): string {
  let out = '';
  for (const raw of pieces) {
    const p = collapse(raw);
    if (!p) continue;
    if (out && !(CJK.test(out[out.length - 1]) && CJK.test(p[0]))) out += ' ';
    out += p;
  }
  return out;
}

/**
 * Joins the physical lines of one wrapped text (PDF): a line break is no space in Chinese text,
 * nor inside a number cut in two ("2022年1" + "2月"); only between Latin words it is one.
 */
export function joinLines(pieces: readonly string[]): string {
  let out = '';
  for (const raw of pieces) {
    const p = collapse(raw);
    if (!p) continue;
    if (out && /[A-Za-z][,.;:!?]?$/.test(out) && /^[A-Za-z(]/.test(p)) out += ' ';
    out += p;
  }
  return out;
}

export interface RowCell {
  text: string;
  /** 1-based grid column where the cell starts. */
  col: number;
  /** Horizontal extent on the page (PDF), to match the parts of a row cut by a page break. */
  x0?: number;
  x1?: number;
}

export class TextView {
  private parts: string[] = [];
  private length = 0;
  private origins: Origin[] = [];
  private warnings: string[] = [];
  private tables = 0;
  private inTable = false;
  private row = 0;

  constructor(private format: SourceFormat) {}

  private push(s: string): number {
    const at = this.length;
    this.parts.push(s);
    this.length += s.length;
    return at;
  }

  private blankLine(): void {
    const last = this.parts[this.parts.length - 1];
    if (last !== undefined && !(last === '\n' && this.parts[this.parts.length - 2]?.endsWith('\n'))) this.push('\n');
  }

  /** One paragraph, heading or text line; white space collapsed; nothing for an empty one. */
  paragraph(text: string, page?: number): void {
    if (this.inTable) this.endTable();
    const t = collapse(text);
    if (!t) return;
    const at = this.push(t);
    this.push('\n');
    if (page !== undefined) this.origins.push({ start: at, end: at + t.length, page });
  }

  /** One paragraph made of pieces from several pages (a PDF paragraph wrapped over lines and pages). */
  paragraphParts(parts: readonly { text: string; page: number }[]): void {
    if (this.inTable) this.endTable();
    let line = '';
    const origins: Origin[] = [];
    for (const p of parts) {
      const joined = joinLines([line, p.text]);
      if (joined.length === line.length) continue;
      const start = this.length + joined.length - collapse(p.text).length;
      const last = origins[origins.length - 1];
      if (last && last.page === p.page) last.end = this.length + joined.length;
      else origins.push({ start, end: this.length + joined.length, page: p.page });
      line = joined;
    }
    if (!line) return;
    this.push(line);
    this.push('\n');
    this.origins.push(...origins);
  }

  beginTable(): void {
    if (this.inTable) this.endTable();
    this.tables++;
    this.row = 0;
    this.inTable = true;
    this.blankLine();
  }

  /** One table row as one line; cells in column order, an empty cell written as an empty cell. */
  tableRow(cells: readonly RowCell[], page?: number): void {
    if (!this.inTable) this.beginTable();
    this.row++;
    if (!cells.length) return;
    this.push('|');
    for (const c of cells) {
      const t = collapse(c.text).replace(/\|/g, '｜');
      this.push(' ');
      const at = this.push(t);
      this.origins.push({ start: at, end: at + t.length, ...(page !== undefined ? { page } : {}), table: this.tables, row: this.row, col: c.col });
      this.push(' |');
    }
    this.push('\n');
  }

  endTable(): void {
    if (!this.inTable) return;
    this.inTable = false;
    this.push('\n');
  }

  /** The table number the next or current table row belongs to. */
  get tableCount(): number {
    return this.tables;
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  result(): Extracted {
    if (this.inTable) this.endTable();
    return { format: this.format, text: this.parts.join(''), origins: this.origins, warnings: this.warnings };
  }
}
