/**
 * Aligns tokenised table text to the national template: by row labels, or — when converter
 * output lost labels — by the template's row order. Blank cells count as 0; digits run together
 * are split by the table's own equations (./solve.ts). A table that cannot be aligned keeps no
 * cells and says why (expected vs found) instead of yielding garbage.
 */
import type { Cell, Table1, Table2, Table3, TableProblem, T2Row } from '../model';
import { isInteger } from '../num/decimal';
import { T2_TOTAL_COL, T2_WIDTH, T1_ROWS, T2_COLUMNS, T2_ROWS, T3_GROUPS, type T1RowDef, type T2RowDef } from '../template/format';
import type { Span } from '../types';
import { matchLabel, type Group } from './cells';
import { emptyCellsAfterFullRow, markUncertain, readings, trimBlanks } from './split';
import { planByOrder, resolveT2, t3Readings, type RowPlan } from './solve';
import { nearestT1Row, nearestT2Row } from './fuzzy';

export interface Region {
  span: Span;
  anchor: Span;
}

function problem(expected: string, expectedEn: string, found: string, foundEn: string, span?: Span): TableProblem {
  return { expected, expectedEn, found, foundEn, span };
}

const clip = (s: string) => (s.length > 24 ? s.slice(0, 12) + '…' + s.slice(-10) : s);

function integersOnly(cells: Cell[], label: string, labelEn: string, problems: TableProblem[]): void {
  const bad = cells.find((c) => !isInteger(c.value));
  if (bad) problems.push(problem(`${label} 为整数`, `whole numbers in ${labelEn}`, `“${bad.raw}”`, `“${bad.raw}”`, bad.span));
}

/** Words of the 2019–2020 table 1 (国办公开办函〔2019〕60号), whose rows and columns differ. */
export const OLD_T1 = /本年新制作|本年新公开|对外公开总数量|上一年项目数量/;

/** The 2019–2020 table 1, recognised by its column words; its rows are not read. */
export function oldTable1(region: Region): Table1 {
  return { kind: 1, span: region.span, anchor: region.anchor, problems: [], rows: {}, oldFormat: true };
}

const hasValues = (g: Group) => g.filled > 0;
/** Column headers: a header row ending in empty cells is not a row of blank values. */
const HEADER = /自然人|法人|商业|科研|公益|法律服务|申请人情况|信息内容|本年制发|本年废止|现行有效|处理决定数量|收费金额|结果维持|结果纠正|尚未审结/;
/** A group of empty cells only (no number) that may be a row of blank values. */
const blankRow = (g: Group, n: number) => !g.filled && g.items.length >= n && !!g.lineLabel && !HEADER.test(g.lineLabel);

export function alignT1(groups: Group[], region: Region): Table1 {
  const problems: TableProblem[] = [];
  const rows: Table1['rows'] = {};
  if (groups.some((g) => OLD_T1.test(g.label))) return oldTable1(region);
  const seen = new Set<string>();
  // Complete rows followed by empty cells (" | ||"): empty cells after a row's values are not cells.
  const junk = groups.some((g) => {
    const d = g.filled ? matchLabel<T1RowDef>(g.label, T1_ROWS) : undefined;
    return !!d && emptyCellsAfterFullRow(g.items, d.columns.length);
  });
  for (const g of groups) {
    const def = matchLabel<T1RowDef>(g.label, T1_ROWS) ?? (hasValues(g) ? T1_ROWS.find((d) => d.id === nearestT1Row(g.label)) : undefined);
    // A row of empty cells counts when its label is a row of the table.
    if (!hasValues(g) && (!def || seen.has(def.id) || !blankRow(g, def.columns.length))) continue;
    if (!def) {
      problems.push(problem('表一的行(规章、行政规范性文件、行政许可…)', 'a table 1 row', `无法识别的行“${clip(g.label)}”`, `unrecognised row “${clip(g.label)}”`, g.labelSpan));
      continue;
    }
    if (seen.has(def.id)) {
      problems.push(problem(`“${def.label}”一行`, `one “${def.labelEn}” row`, `“${def.label}”出现两次`, `“${def.labelEn}” appears twice`, g.labelSpan));
      continue;
    }
    seen.add(def.id);
    const r = readings(g.items, def.columns.length, undefined, junk);
    if (!r.cells.length) {
      const n = trimBlanks(g.items, def.columns.length, junk).length;
      problems.push(problem(`“${def.label}”${def.columns.length} 个数`, `${def.columns.length} number(s) in “${def.labelEn}”`, `${n} 个`, `${n}`, g.labelSpan));
      continue;
    }
    // No sum holds inside table 1: a run of digits with several splits stays uncertain.
    const cells = r.cells[0];
    markUncertain(cells, r);
    if (!def.decimal) integersOnly(cells, def.label, def.labelEn, problems);
    rows[def.id] = { label: g.labelSpan, cells };
  }
  const missing = T1_ROWS.filter((d) => !seen.has(d.id));
  if (missing.length && missing.length < T1_ROWS.length) {
    problems.push(problem(`行 ${T1_ROWS.map((d) => d.label).join('、')}`, 'all six rows', `缺少 ${missing.map((d) => d.label).join('、')}`, `missing ${missing.map((d) => d.labelEn).join(', ')}`));
  } else if (missing.length === T1_ROWS.length && !problems.length) {
    problems.push(problem('表一的六行数字', 'the six rows of table 1', '没有找到任何数字', 'no numbers'));
  }
  const partial = problems.length > 0 && Object.keys(rows).length > 0;
  return { kind: 1, span: region.span, anchor: region.anchor, problems, rows: problems.length && !partial ? {} : rows, partial: partial || undefined };
}

/** Rows planned by their labels, in the template's order; problems when the labels do not fit. */
function planByLabels(groups: Group[]): { plans: RowPlan[]; problems: TableProblem[] } {
  const problems: TableProblem[] = [];
  const plans: RowPlan[] = [];
  const seen = new Set<string>();
  let lastIndex = -1;
  for (const g of groups) {
    const def = matchLabel<T2RowDef>(g.label, T2_ROWS) ?? (hasValues(g) ? T2_ROWS.find((d) => d.id === nearestT2Row(g.label)) : undefined);
    if (!hasValues(g) && (!def || seen.has(def.id) || !blankRow(g, T2_COLUMNS.length))) continue;
    if (!def) {
      problems.push(
        g.label
          ? problem('表二的行标签', 'a table 2 row label', `无法识别的行“${clip(g.label)}”(${g.items.length} 个数)`, `unrecognised row “${clip(g.label)}” (${g.items.length} numbers)`, g.labelSpan)
          : problem('表二的行标签', 'a table 2 row label', `一行数字没有标签(${g.items.length} 个数)`, `a row of ${g.items.length} numbers without a label`, g.labelSpan),
      );
      continue;
    }
    const index = T2_ROWS.indexOf(def);
    if (seen.has(def.id)) {
      problems.push(problem(`“${def.label}”一行`, `one “${def.labelEn}” row`, '该行出现两次', 'it appears twice', g.labelSpan));
      continue;
    }
    seen.add(def.id);
    if (index < lastIndex) {
      problems.push(problem('按国家格式的行序', 'rows in the national order', `“${def.label}”位置不对`, `“${def.labelEn}” out of order`, g.labelSpan));
      continue;
    }
    lastIndex = index;
    plans.push({ def, label: g.labelSpan, items: g.items });
  }
  const merged = seen.has('6');
  if (merged && (seen.has('6.1') || seen.has('6.2') || seen.has('6.3'))) {
    problems.push(problem('(六)其他处理 或为一行,或分 1–3 三行', '(6) as one row or as rows 1–3', '两种写法同时出现', 'both forms'));
  }
  const missing = T2_ROWS.filter((d) => !seen.has(d.id) && (merged ? !/^6\./.test(d.id) : d.id !== '6'));
  if (plans.length && missing.length) {
    problems.push(problem(`全部 ${T2_ROWS.length - 1} 行`, `all ${T2_ROWS.length - 1} rows`, `缺少 ${missing.map((d) => d.label).join('、')}`, `missing ${missing.map((d) => d.labelEn).join(', ')}`));
  } else if (!plans.length && !problems.length) {
    problems.push(problem('表二的 25 行数字', 'the 25 rows of table 2', '没有找到任何数字', 'no numbers'));
  }
  return { plans, problems };
}

export function alignT2(groups: Group[], region: Region): Table2 {
  const base = { kind: 2 as const, span: region.span, anchor: region.anchor };
  const junk = groups.some((g) => g.filled > 0 && emptyCellsAfterFullRow(g.items, T2_COLUMNS.length));
  const byLabel = planByLabels(groups);
  let plans = byLabel.plans;
  let byOrder = false;
  if (byLabel.problems.length) {
    // Converter output: number rows without their labels. Try the template's row order.
    const ordered = planByOrder(groups, junk);
    if (!ordered) return partialT2(base, byLabel.problems, byLabel.plans, junk);
    plans = ordered;
    byOrder = true;
  }
  const resolved = resolveT2(plans, byOrder, junk);
  if (resolved.problems.length) return { ...base, problems: resolved.problems, rows: [], byId: {} };
  const problems: TableProblem[] = [];
  const rows: T2Row[] = [];
  const byId: Record<string, T2Row> = {};
  for (const r of resolved.rows) {
    integersOnly(r.cells, r.def.label, r.def.labelEn, problems);
    const row = { id: r.def.id, label: r.label, cells: r.cells };
    rows.push(row);
    byId[r.def.id] = row;
  }
  if (problems.length) return { ...base, problems, rows: [], byId: {} };
  return { ...base, problems, rows, byId, ambiguous: resolved.ambiguous.length ? resolved.ambiguous : undefined, byOrder: byOrder || undefined };
}

/** The rows that were read by their labels, each on its own, for a table that did not align as a whole. */
function partialT2(base: Pick<Table2, 'kind' | 'span' | 'anchor'>, problems: TableProblem[], plans: RowPlan[], junk: boolean): Table2 {
  const rows: T2Row[] = [];
  const byId: Record<string, T2Row> = {};
  for (const p of plans) {
    const holds = readings(
      p.items,
      T2_COLUMNS.length,
      (cells) => cells.length < T2_WIDTH || cells.slice(0, T2_TOTAL_COL).reduce((a, c) => a + c.value.units, 0n) === cells[T2_TOTAL_COL].value.units,
      junk,
    );
    const r = holds.cells.length ? holds : readings(p.items, T2_COLUMNS.length, undefined, junk);
    // Only rows read one way.
    if (r.cells.length !== 1 || r.truncated || r.cells[0].some((c) => !isInteger(c.value))) continue;
    const row = { id: p.def.id, label: p.label, cells: r.cells[0] };
    rows.push(row);
    byId[p.def.id] = row;
  }
  return { ...base, problems, rows, byId, partial: rows.length > 0 || undefined };
}

export function alignT3(groups: Group[], region: Region): Table3 {
  const problems: TableProblem[] = [];
  // Rows of empty cells without a label of their own count too (a table 3 of zeros left blank).
  const items = groups.filter((g) => hasValues(g) || (!g.lineLabel && g.items.length >= 5)).flatMap((g) => g.items);
  const found = t3Readings(items);
  if (!found) {
    const n = trimBlanks(items, 15, emptyCellsAfterFullRow(items, 15)).length;
    problems.push(problem(`15 个数(${T3_GROUPS.join('、')} 各 5 个)`, '15 numbers (three groups of five)', n ? `${n} 个数` : '没有找到任何数字', n ? `${n} numbers` : 'no numbers', items[15]?.span));
    return { kind: 3, span: region.span, anchor: region.anchor, problems, groups: [] };
  }
  const all = found.cells;
  integersOnly(all, '表三', 'table 3', problems);
  const groupsOut = problems.length ? [] : [all.slice(0, 5), all.slice(5, 10), all.slice(10, 15)];
  return { kind: 3, span: region.span, anchor: region.anchor, problems, groups: groupsOut, ambiguous: found.ambiguous || undefined };
}
