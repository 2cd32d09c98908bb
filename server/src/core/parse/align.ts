/**
 * Aligns tokenised table text to the national template by row labels. A table that cannot be
 * aligned keeps no cells and says why (expected vs found) instead of yielding garbage.
 */
import type { Cell, Table1, Table2, Table3, TableProblem, T2Row } from '../model';
import { isInteger } from '../num/decimal';
import { T1_ROWS, T2_COLUMNS, T2_ROWS, T3_GROUPS, type T1RowDef, type T2RowDef } from '../template/format';
import type { Span } from '../types';
import { matchLabel, type Group } from './cells';

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

export function alignT1(groups: Group[], region: Region): Table1 {
  const problems: TableProblem[] = [];
  const rows: Table1['rows'] = {};
  const seen = new Set<string>();
  for (const g of groups) {
    if (!g.numbers.length) continue;
    const def = matchLabel<T1RowDef>(g.label, T1_ROWS);
    if (!def) {
      problems.push(problem('表一的行(规章、行政规范性文件、行政许可…)', 'a table 1 row', `无法识别的行“${clip(g.label)}”`, `unrecognised row “${clip(g.label)}”`, g.labelSpan));
      continue;
    }
    if (seen.has(def.id)) {
      problems.push(problem(`“${def.label}”一行`, `one “${def.labelEn}” row`, `“${def.label}”出现两次`, `“${def.labelEn}” appears twice`, g.labelSpan));
      continue;
    }
    seen.add(def.id);
    if (g.numbers.length !== def.columns.length) {
      problems.push(
        problem(`“${def.label}”${def.columns.length} 个数`, `${def.columns.length} number(s) in “${def.labelEn}”`, `${g.numbers.length} 个`, `${g.numbers.length}`, g.labelSpan),
      );
      continue;
    }
    if (!def.decimal) integersOnly(g.numbers, def.label, def.labelEn, problems);
    rows[def.id] = { label: g.labelSpan, cells: g.numbers };
  }
  const missing = T1_ROWS.filter((d) => !seen.has(d.id));
  if (missing.length && missing.length < T1_ROWS.length) {
    problems.push(problem(`行 ${T1_ROWS.map((d) => d.label).join('、')}`, 'all six rows', `缺少 ${missing.map((d) => d.label).join('、')}`, `missing ${missing.map((d) => d.labelEn).join(', ')}`));
  } else if (missing.length === T1_ROWS.length && !problems.length) {
    problems.push(problem('表一的六行数字', 'the six rows of table 1', '没有找到任何数字', 'no numbers'));
  }
  return { kind: 1, span: region.span, anchor: region.anchor, problems, rows: problems.length ? {} : rows };
}

export function alignT2(groups: Group[], region: Region): Table2 {
  const problems: TableProblem[] = [];
  const rows: T2Row[] = [];
  const byId: Record<string, T2Row> = {};
  const seen = new Set<string>();
  let lastIndex = -1;
  for (const g of groups) {
    if (!g.numbers.length) continue;
    const def = matchLabel<T2RowDef>(g.label, T2_ROWS);
    if (!def) {
      problems.push(problem('表二的行标签', 'a table 2 row label', `无法识别的行“${clip(g.label)}”(${g.numbers.length} 个数)`, `unrecognised row “${clip(g.label)}” (${g.numbers.length} numbers)`, g.labelSpan));
      continue;
    }
    const index = T2_ROWS.indexOf(def);
    const first = !seen.has(def.id);
    seen.add(def.id);
    if (!first) {
      problems.push(problem(`“${def.label}”一行`, `one “${def.labelEn}” row`, '该行出现两次', 'it appears twice', g.labelSpan));
      continue;
    }
    if (index < lastIndex) {
      problems.push(problem('按国家格式的行序', 'rows in the national order', `“${def.label}”位置不对`, `“${def.labelEn}” out of order`, g.labelSpan));
      continue;
    }
    if (g.numbers.length !== T2_COLUMNS.length) {
      problems.push(problem(`“${def.label}”7 个数(六类申请人和总计)`, `7 numbers in “${def.labelEn}”`, `${g.numbers.length} 个`, `${g.numbers.length}`, g.labelSpan));
      continue;
    }
    integersOnly(g.numbers, def.label, def.labelEn, problems);
    lastIndex = index;
    const row = { id: def.id, label: g.labelSpan, cells: g.numbers };
    rows.push(row);
    byId[def.id] = row;
  }
  const merged = seen.has('6');
  if (merged && (seen.has('6.1') || seen.has('6.2') || seen.has('6.3'))) {
    problems.push(problem('(六)其他处理 或为一行,或分 1–3 三行', '(6) as one row or as rows 1–3', '两种写法同时出现', 'both forms'));
  }
  const missing = T2_ROWS.filter((d) => !seen.has(d.id) && (merged ? !/^6\./.test(d.id) : d.id !== '6'));
  if (rows.length && missing.length) {
    problems.push(problem(`全部 ${T2_ROWS.length - 1} 行`, `all ${T2_ROWS.length - 1} rows`, `缺少 ${missing.map((d) => d.label).join('、')}`, `missing ${missing.map((d) => d.labelEn).join(', ')}`));
  } else if (!rows.length && !problems.length) {
    problems.push(problem('表二的 25 行数字', 'the 25 rows of table 2', '没有找到任何数字', 'no numbers'));
  }
  return { kind: 2, span: region.span, anchor: region.anchor, problems, rows: problems.length ? [] : rows, byId: problems.length ? {} : byId };
}

export function alignT3(groups: Group[], region: Region): Table3 {
  const problems: TableProblem[] = [];
  const numbered = groups.filter((g) => g.numbers.length);
  const all = numbered.flatMap((g) => g.numbers);
  let groupsOut: Cell[][] = [];
  if (all.length === 15) {
    groupsOut = [all.slice(0, 5), all.slice(5, 10), all.slice(10, 15)];
  } else {
    problems.push(
      problem(
        `15 个数(${T3_GROUPS.join('、')} 各 5 个)`,
        '15 numbers (three groups of five)',
        all.length ? `${all.length} 个数` : '没有找到任何数字',
        all.length ? `${all.length} numbers` : 'no numbers',
        all[15]?.span,
      ),
    );
  }
  if (!problems.length) integersOnly(all, '表三', 'table 3', problems);
  return { kind: 3, span: region.span, anchor: region.anchor, problems, groups: problems.length ? [] : groupsOut };
}
