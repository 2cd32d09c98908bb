/**
 * Real-world variants of a report (issue 10): the same report as it arrives from a crawler, a CMS
 * page with blank or placeholder cells, a PDF→Markdown converter, a local section order, and the
 * 2019 format. Deterministic: the variant of a report depends only on its name and the variant.
 * A variant can be rendered again with one table value changed; everything else stays the same,
 * because no random choice depends on a value.
 */
import { renderCrawled, type Sep } from './crawled';
import type { Doc, Values } from './doc';
import { renderHtml } from './html';
import { renderLocal } from './local';
import { renderMarkdown } from './markdown';
import { renderMdRows } from './mdrows';
import { renderOld } from './old';
import { Rng } from './rng';
import type { CellRef, Rendered } from './types';

export { parseDoc, type Doc, type Values } from './doc';
export type { CellRef, Rendered } from './types';

export type Family = 'crawled' | 'blank' | 'placeholder' | 'converter-md' | 'local-order' | 'old-format';
export const FAMILIES: readonly Family[] = ['crawled', 'blank', 'placeholder', 'converter-md', 'local-order', 'old-format'];

export interface Variant {
  family: Family;
  name: string;
  /** Crawled text: how the cells of a row are separated. */
  sep?: Sep;
}

export const VARIANTS: readonly Variant[] = [
  { family: 'crawled', name: 'crawled/run-together', sep: 'none' },
  { family: 'crawled', name: 'crawled/spaced', sep: 'space' },
  { family: 'crawled', name: 'crawled/mixed', sep: 'mixed' },
  { family: 'blank', name: 'blank' },
  { family: 'placeholder', name: 'placeholder' },
  { family: 'converter-md', name: 'converter-md' },
  { family: 'converter-md', name: 'converter-md/per-row' },
  { family: 'local-order', name: 'local-order' },
  { family: 'old-format', name: 'old-format' },
  { family: 'old-format', name: 'old-format/crawled', sep: 'mixed' },
];

/** Renders the report in the variant; `first` replaces the first copy's values (a changed table). */
export function generate(doc: Doc, v: Variant, first?: Values): Rendered {
  const rng = new Rng(`${doc.name}|${v.name}`);
  const values = doc.copies.map((c, k) => (k === 0 && first ? first : c.values));
  switch (v.family) {
    case 'crawled':
      return renderCrawled(doc, values, v.sep!, rng);
    case 'old-format':
      return v.sep ? renderCrawled(doc, values, v.sep, rng, true) : renderOld(doc, values, rng);
    case 'blank':
    case 'placeholder':
      return renderHtml(doc, values, v.family, rng);
    case 'converter-md':
      return v.name.endsWith('per-row') ? renderMdRows(doc, values, rng) : renderMarkdown(doc, values, rng);
    case 'local-order':
      return renderLocal(doc, values, rng);
  }
}

/** Every printed cell of tables 2 and 3 in a rendering (cells the layout lost left out). */
export function cellsOf(r: Rendered): CellRef[] {
  const all = [...r.t2ids.flatMap((row) => [0, 1, 2, 3, 4, 5, 6].map((col): CellRef => ({ table: 2, row, col }))), ...Array.from({ length: 15 }, (_, index): CellRef => ({ table: 3, index }))];
  return all.filter((c) => !r.lost?.some((l) => cellName(l) === cellName(c)));
}

/** The printed value of a cell (the 2019 format's (六) is the sum of 6.1–6.3). */
export function valueAt(v: Values, c: CellRef): number {
  if (c.table === 3) return v.t3[c.index];
  if (c.row === '6' && !v.t2['6']) return ['6.1', '6.2', '6.3'].reduce((a, k) => a + v.t2[k][c.col], 0);
  return v.t2[c.row][c.col];
}

/** The values with one printed cell set to `to`. */
export function withValue(v: Values, c: CellRef, to: number): Values {
  const w = structuredClone(v);
  if (c.table === 3) w.t3[c.index] = to;
  else if (c.row === '6' && !w.t2['6']) w.t2['6.1'][c.col] += to - valueAt(v, c);
  else w.t2[c.row][c.col] = to;
  return w;
}

export function cellName(c: CellRef): string {
  const T2C = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  const T3G = ['行政复议', '未经复议直接起诉', '复议后起诉'];
  const T3C = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return c.table === 2 ? `表二 ${c.row}·${T2C[c.col]}` : `表三 ${T3G[Math.floor(c.index / 5)]}·${T3C[c.index % 5]}`;
}
