/** Builds the model of a file: report copies, sections, duplicate blocks and aligned tables. */
import { splitLines, lineAt, type Line } from '../text/lines';
import { normalize } from '../text/normalize';
import type { DuplicateBlock, Model, Report } from '../model';
import { alignT1, alignT2, alignT3, OLD_T1, oldTable1, type Region } from './align';
import { tokenize } from './cells';
import { copiedFromBefore, findDuplicates } from './duplicates';
import { splitReports, isPageMarker } from './sections';
import { sentencesOf } from '../text/sentences';
import { refineLines } from './segment';
import { extractNarrative } from '../narrative/extract';

export interface Parsed {
  text: string;
  lines: Line[];
  model: Model;
}

/** Lines of a table when its section heading is missing: the first line matching the anchor. */
const FALLBACK: Record<2 | 3 | 4, RegExp> = {
  2: /第二十条/,
  3: /勾稽关系|申请人情况|本年新收/,
  4: /^\s*行政复议\s*\|?\s*行政诉讼/,
};

/**
 * Repeats that matter: inside one report (a section or table pasted twice), or a whole report
 * pasted again. Two different reports in one file share lines (rows of zeros, boilerplate); that
 * is not a paste.
 */
function withinReports(blocks: DuplicateBlock[], reports: readonly Report[]): DuplicateBlock[] {
  const reportOf = (offset: number) => reports.findIndex((r) => offset >= r.span.start && offset < r.span.end);
  const across = new Map<number, DuplicateBlock[]>();
  const kept: DuplicateBlock[] = [];
  for (const b of blocks) {
    const ri = reportOf(b.span.start);
    if (ri === reportOf(b.firstCopy.start)) kept.push(b);
    else across.set(ri, [...(across.get(ri) ?? []), b]);
  }
  for (const [ri, bs] of across) {
    const r = reports[ri];
    // All blocks count (a long repeat may start in the report before), when they repeat earlier text.
    if (r && copiedFromBefore(blocks, r.span.start, r.span.end) >= 0.9 * (r.span.end - r.span.start)) kept.push(...bs);
  }
  return kept.sort((a, b) => a.span.start - b.span.start);
}

function tableRegion(report: Report, num: 2 | 3 | 4, lines: readonly Line[], norm: string): [number, number, Region] | undefined {
  const sec = report.bySection[num];
  if (sec) {
    const from = lineAt(lines, sec.heading.start) + 1;
    const to = lineAt(lines, Math.max(sec.span.end - 1, sec.span.start)) + 1;
    return [from, Math.max(from, to), { span: sec.span, anchor: sec.heading }];
  }
  // No heading: look for the table's own header between the neighbouring sections.
  const before = report.sections.filter((s) => s.def.num < num).pop();
  const after = report.sections.find((s) => s.def.num > num);
  const lo = lineAt(lines, before ? before.heading.end : report.span.start);
  const hi = after ? lineAt(lines, after.span.start) : lineAt(lines, Math.max(report.span.end - 1, 0)) + 1;
  for (let li = lo; li < hi; li++) {
    const l = lines[li];
    if (FALLBACK[num].test(norm.slice(l.start, l.end))) {
      const span = { start: l.start, end: lines[hi - 1]?.end ?? l.end };
      return [li, hi, { span, anchor: { start: l.start, end: l.end } }];
    }
  }
  return undefined;
}

export function parse(text: string): Parsed {
  const norm = normalize(text);
  const lines = refineLines(splitLines(text), norm);
  const candidates = findDuplicates(lines, norm);
  const reports = splitReports(
    lines,
    norm,
    candidates.map((d) => d.span.start),
  );
  const duplicates = withinReports(candidates, reports);
  // Lines inside a repeated block are not read as table content a second time. (Marked once:
  // testing every line against every block is quadratic in a long file with many blocks.)
  const repeated = new Uint8Array(lines.length);
  for (const d of duplicates) {
    for (let li = lineAt(lines, d.span.start); li < lines.length && lines[li].end <= d.span.end; li++) if (lines[li].start >= d.span.start) repeated[li] = 1;
  }
  const skip = (li: number) => repeated[li] === 1;
  // Reports do not overlap, so one array of table lines serves them all (one per report is
  // quadratic: reports × lines).
  const tableLines = new Uint8Array(lines.length);

  for (const r of reports) {
    const len = r.span.end - r.span.start;
    r.duplicate = len > 0 && copiedFromBefore(duplicates, r.span.start, r.span.end) >= 0.9 * len;
    if (r.duplicate) continue;
    const groupsOf = (from: number, to: number) => {
      const keep: [number, number][] = [];
      let s = from;
      for (let li = from; li < to; li++) {
        if (skip(li)) {
          if (s < li) keep.push([s, li]);
          s = li + 1;
        }
      }
      if (s < to) keep.push([s, to]);
      return keep.flatMap(([a, b]) => tokenize(lines, text, norm, a, b, tableLines));
    };
    // A region without a single number has no table (reported as missing, not as unaligned).
    const numbered = (reg: ReturnType<typeof tableRegion>) => {
      if (!reg) return undefined;
      const groups = groupsOf(reg[0], reg[1]);
      return groups.some((g) => g.filled > 0 || g.items.length >= 3) ? ([groups, reg[2]] as const) : undefined;
    };
    const reg1 = tableRegion(r, 2, lines, norm);
    const g1 = numbered(reg1);
    if (g1) r.t1 = alignT1(...g1);
    else if (reg1 && OLD_T1.test(norm.slice(reg1[2].span.start, reg1[2].span.end))) r.t1 = oldTable1(reg1[2]);
    const g2 = numbered(tableRegion(r, 3, lines, norm));
    if (g2) r.t2 = alignT2(...g2);
    const g3 = numbered(tableRegion(r, 4, lines, norm));
    if (g3) r.t3 = alignT3(...g3);

    // Everything else of the report is prose.
    const isMarker = (li: number) => isPageMarker(norm, lines[li].start, lines[li].end);
    const prose: number[] = [];
    for (let li = lineAt(lines, r.span.start); li < lines.length && lines[li].start < r.span.end; li++) {
      if (!tableLines[li] && !skip(li) && !isMarker(li)) prose.push(li);
    }
    r.narrative = extractNarrative(sentencesOf(lines, norm, prose, isMarker));
  }

  const main = reports.find((r) => !r.duplicate) ?? reports[0];
  const sectionsFound = new Set(main.sections.map((s) => s.def.num)).size;
  const tablesFound = [main.t1, main.t2, main.t3].filter((t) => t && t.problems.length === 0).length;
  const isReport = /信息公开/.test(norm) && sectionsFound + 2 * tablesFound >= 3;
  return { text, lines, model: { norm, reports, duplicates, isReport } };
}
