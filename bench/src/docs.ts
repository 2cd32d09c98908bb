/**
 * Benchmark documents: distinct, internally consistent reports concatenated up to a size, with
 * one injected table-2 error. The reports are the corpus files when ../shared/corpus exists,
 * else the six layouts of test/helpers/layouts.ts.
 *
 * The k-th report of a document (k = 0, 1, …) is made distinct from every other one without
 * breaking its tables:
 * every table-1 number grows by k; in table 2 every result row, 二 and 四 gain k in 自然人 and
 * in 总计, 一 and (七) gain k times the number of result rows in the same two columns (so row sums, column sums and the balance all still hold); in table 3 each group's 结果维持 and 总计
 * gain k. Without this, later copies would be recognised as a report pasted twice and skipped,
 * and the benchmark would measure the duplicate detector instead of the analysis (and two
 * different reports with identical all-zero table rows would lose those rows: see README). The narrative's
 * figures are left as they are (so for k > 0 they may disagree with the tables); every full
 * stop of report k is followed by a short mark without digits naming k, so that the narrative is
 * not a repeated block either.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Edit } from '../../server/src/core';
import type { Cell, DuplicateBlock, Report } from '../../server/src/core/model';
import { LAYOUTS, renderReport, sampleValues } from '../../test/helpers/layouts';
import { CORPUS, HAS_CORPUS } from '../../test/helpers/paths';

export interface Base {
  name: string;
  text: string;
  report: Report;
  /** Repeated blocks inside the base (a report pasted twice): an edit in a first copy is repeated in the copy. */
  repeats: DuplicateBlock[];
}

export const SOURCE = HAS_CORPUS ? `corpus (${CORPUS})` : 'test/helpers/layouts.ts renders';

/** The base reports, smallest first. */
export function baseReports(): Base[] {
  const texts: { name: string; text: string }[] = HAS_CORPUS
    ? ['seeds', 'real'].flatMap((d) =>
        readdirSync(join(CORPUS, d))
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .map((f) => ({ name: `${d}/${f}`, text: readFileSync(join(CORPUS, d, f), 'utf8') })),
      )
    : LAYOUTS.map((layout, i) => ({
        name: `layouts/${layout}`,
        text: renderReport({
          title: `示例${'甲乙丙丁戊己'[i]}县2023年政府信息公开工作年度报告`,
          narrative: '2023年,本县坚持以公开为常态、不公开为例外,全年主动公开政府信息3125条。(一)主动公开。(二)依申请公开。',
          values: sampleValues(),
          layout,
        }),
      }));
  const out: Base[] = [];
  for (const t of texts) {
    const a = analyze(t.text);
    const report = a.model.reports.find((r) => !r.duplicate);
    if (a.isReport && report?.t2 && !report.t2.problems.length) out.push({ ...t, report, repeats: a.model.duplicates });
  }
  return out.sort((a, b) => Buffer.byteLength(a.text) - Buffer.byteLength(b.text));
}

const FULL = /[\uFF10-\uFF19]/;
function withDelta(cell: Cell, delta: number): Edit {
  const ascii = cell.raw.replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const [int, frac] = ascii.replace(/,/g, '').split('.');
  let s = String(BigInt(int) + BigInt(delta));
  if (ascii.includes(',')) s = s.replace(/\B(?=(\d{3})+$)/g, ',');
  if (frac !== undefined) s += '.' + frac;
  if (FULL.test(cell.raw)) s = s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return { start: cell.span.start, end: cell.span.end, newText: s };
}

function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** "(副本乙丙)" for k = 12: the copy number in the ten heavenly stems, no digits. */
function copyMark(k: number): string {
  const stems = '甲乙丙丁戊己庚辛壬癸';
  let s = '';
  for (let n = k; n > 0; n = Math.floor(n / 10)) s = stems[n % 10] + s;
  return `(副本${s})`;
}

/** The k-th report of a document made from `base` (k = 0 is the report itself); `inject` also breaks one table-2 cell. */
export function variant(base: Base, k: number, inject = false): string {
  const r = base.report;
  const edits: Edit[] = [];
  const add = (cell: Cell | undefined, d: number) => {
    if (cell && d) edits.push(withDelta(cell, d));
  };
  if (r.t1 && !r.t1.problems.length) for (const row of Object.values(r.t1.rows)) for (const c of row!.cells) add(c, k);
  const t2 = r.t2!;
  const results = t2.rows.filter((row) => /^[1-6]/.test(row.id));
  const bump = new Map<Cell, number>();
  const more = (cell: Cell, d: number) => bump.set(cell, (bump.get(cell) ?? 0) + d);
  for (const row of results) {
    more(row.cells[0], k);
    more(row.cells[6], k);
  }
  for (const [id, d] of [['new', k * results.length], ['7', k * results.length], ['carried', k], ['next', k]] as const) {
    more(t2.byId[id].cells[0], d);
    more(t2.byId[id].cells[6], d);
  }
  // The injected error: (一)予以公开·自然人 off by 2 (breaks its row and its column).
  if (inject) more(t2.byId['1'].cells[0], 2);
  for (const [cell, d] of bump) add(cell, d);
  if (r.t3 && !r.t3.problems.length) for (const g of r.t3.groups) (add(g[0], k), add(g[4], k));
  // A report pasted twice inside the base stays a repeat of its (changed) first copy.
  for (const e of [...edits]) {
    for (const d of base.repeats) {
      const at = d.span.start + (e.start - d.firstCopy.start);
      const len = e.end - e.start;
      if (e.start >= d.firstCopy.start && e.end <= d.firstCopy.end && base.text.slice(at, at + len) === base.text.slice(e.start, e.end)) edits.push({ start: at, end: at + len, newText: e.newText });
    }
  }
  if (k > 0) {
    const mark = copyMark(k);
    for (const m of base.text.matchAll(/。/g)) edits.push({ start: m.index! + 1, end: m.index! + 1, newText: mark });
  }
  return applyEdits(base.text, edits);
}

export interface BenchDoc {
  text: string;
  bytes: number;
  reports: number;
}

/**
 * About `target` UTF-8 bytes of distinct reports (at least one), taken round-robin from the
 * bases, smallest first; the middle report carries the injected error.
 */
export function buildDoc(bases: Base[], target: number): BenchDoc {
  const picks: [Base, number][] = [];
  let bytes = 0;
  for (let i = 0; picks.length === 0 || bytes < target * 0.95; i++) {
    const base = bases[i % bases.length];
    picks.push([base, i]);
    bytes += Buffer.byteLength(base.text) + 1;
  }
  const mid = Math.floor(picks.length / 2);
  const text = picks.map(([b, k], i) => variant(b, k, i === mid)).join('\n');
  return { text, bytes: Buffer.byteLength(text), reports: picks.length };
}
