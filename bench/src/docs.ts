/**
 * Benchmark documents: distinct reports concatenated up to a size, with one injected table-2
 * error. The reports are the corpus files when ../shared/corpus exists, else the six layouts of
 * test/helpers/layouts.ts.
 *
 * Concatenating copies of the same reports would make every later copy "a report pasted twice",
 * which is skipped, and the benchmark would measure the duplicate detector instead of the
 * analysis. So the k-th report of a document (k > 0) is made distinct without changing a
 * number: a page marker "- n -" (as PDF text has) before each table region and before every
 * second line inside it, and a short mark without digits before every full stop and full-width
 * comma. Its findings are those of its base.
 * (Changing table numbers instead would make the narrative disagree with the tables, and keeping
 * the table rows identical runs into a known problem: identical rows in two different reports
 * are taken for a repeated paste; see bench/README.md.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, applyEdits, type Edit, type Span } from '../../server/src/core';
import type { Cell, Report } from '../../server/src/core/model';
import { LAYOUTS, renderReport, sampleValues } from '../../test/helpers/layouts';
import { CORPUS, HAS_CORPUS } from '../../test/helpers/paths';

export interface Base {
  name: string;
  text: string;
  report: Report;
  /** The table regions of every report copy in the base (a report pasted twice has two sets). */
  tables: Span[];
}

function tableSpans(r: Report): Span[] {
  return [r.t1, r.t2, r.t3].filter((t) => t !== undefined).map((t) => t.span);
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
    if (!a.isReport || !report?.t2 || report.t2.problems.length) continue;
    // A repeated copy's tables are not parsed; parse the copy on its own to find them.
    const tables = a.model.reports.flatMap((r) => {
      if (!r.duplicate) return tableSpans(r);
      const alone = analyze(t.text.slice(r.span.start, r.span.end)).model.reports[0];
      return alone ? tableSpans(alone).map((s) => ({ start: s.start + r.span.start, end: s.end + r.span.start })) : [];
    });
    out.push({ ...t, report, tables });
  }
  return out.sort((a, b) => Buffer.byteLength(a.text) - Buffer.byteLength(b.text));
}

const FULL = /[\uFF10-\uFF19]/;
export function withDelta(cell: Cell, delta: number): Edit {
  const ascii = cell.raw.replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const [int, frac] = ascii.replace(/,/g, '').split('.');
  let s = String(BigInt(int) + BigInt(delta));
  if (ascii.includes(',')) s = s.replace(/\B(?=(\d{3})+$)/g, ',');
  if (frac !== undefined) s += '.' + frac;
  if (FULL.test(cell.raw)) s = s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return { start: cell.span.start, end: cell.span.end, newText: s };
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
  const text = base.text;
  const edits: Edit[] = [];
  // The injected error: (一)予以公开·自然人 off by 2 (breaks its row and its column).
  if (inject) edits.push(withDelta(base.report.t2!.byId['1'].cells[0], 2));
  if (k > 0) {
    // A page marker "- n -" before every second line of each table region, and a mark before
    // every full stop: no repeated run of lines is long enough to count as a pasted block.
    const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
    const marker = `- ${1 + (k % 999)} -${eol}`;
    for (const span of base.tables) {
      // Also one before the region (its heading), so that no run crosses from one table into the next.
      const lineStart = span.start === 0 || /[\r\n]/.test(text[span.start - 1]);
      if (lineStart) edits.push({ start: span.start, end: span.start, newText: marker });
      let n = 0;
      for (let i = text.indexOf(eol, span.start); i >= 0 && i + eol.length < span.end; i = text.indexOf(eol, i + eol.length)) {
        if (n++ % 2 === 1) edits.push({ start: i + eol.length, end: i + eol.length, newText: marker });
      }
    }
    const mark = copyMark(k);
    for (const m of text.matchAll(/[。，]/g)) edits.push({ start: m.index!, end: m.index!, newText: mark });
  }
  return applyEdits(text, edits);
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
