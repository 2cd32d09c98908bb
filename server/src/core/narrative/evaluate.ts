/** What the tables say for a narrative target, using table values corrected by the table rules. */
import { usable, type Cell, type Report } from '../model';
import { toInt, type Dec } from '../num/decimal';
import { T3_TOTAL, T1_ROWS, T2_ROWS, T2_COLUMNS, T2_COLUMNS_EN, T3_COLUMNS, T3_COLUMNS_EN, T3_GROUPS, T3_GROUPS_EN } from '../template/format';
import { t2RowName } from '../template/names';
import type { Target } from '../template/phrases';
import type { Msg } from '../types';
import { diagnoseT2, confidentCorrections, memoDiagnosis } from '../tables/table2';

/** Cells whose value a table rule already corrects, with the corrected value. */
export type Corrections = Map<Cell, bigint>;

function tableCorrections(report: Report, diagnosis?: ReturnType<typeof diagnoseT2>): Corrections {
  const corr: Corrections = new Map();
  const t2 = report.t2;
  if (usable(t2)) {
    // Only what the table rules correct with confidence: a guessed total is not compared with.
    for (const [cell, v] of confidentCorrections(diagnosis ?? diagnoseT2(t2))) corr.set(cell, v);
  }
  const t3 = report.t3;
  if (t3 && !t3.problems.length) {
    for (const g of t3.groups) {
      const sum = g.slice(0, T3_TOTAL).reduce((a, c) => a + toInt(c.value), 0n);
      if (sum !== toInt(g[T3_TOTAL].value)) corr.set(g[T3_TOTAL], sum);
    }
  }
  return corr;
}

/** The corrections of report `index`, computed once per analysis and shared by the narrative rules. */
export function memoCorrections(report: Report, memo: <T>(k: string, f: () => T) => T, index: number): Corrections {
  return memo(`corr:${index}`, () => tableCorrections(report, memoDiagnosis(report, memo, index)));
}

export interface TableValue {
  value: Dec;
  cells: Cell[];
  /** The cells' name for messages (computed when read). */
  readonly name: Msg;
  /** Whether a table rule corrected one of the cells. */
  corrected: boolean;
}

function t2Rows(report: Report, sel: string): string[] {
  const t = report.t2!;
  if (/^g[3-6]$/.test(sel)) {
    const g = sel[1];
    if (g === '6' && t.byId['6']) return ['6'];
    // Every sub-row of the template: a partly read table missing one of them has no group sum.
    return T2_ROWS.filter((d) => d.id.startsWith(g + '.')).map((d) => d.id);
  }
  return [sel];
}

const GROUP_NAMES: Record<string, Msg> = {
  g3: { zh: '(三)不予公开(各项合计)', en: '(3) withheld (all items)' },
  g4: { zh: '(四)无法提供(各项合计)', en: '(4) cannot be provided (all items)' },
  g5: { zh: '(五)不予处理(各项合计)', en: '(5) not processed (all items)' },
  g6: { zh: '(六)其他处理(各项合计)', en: '(6) otherwise handled (all items)' },
};

function sumCells(cells: Cell[], corr: Corrections): { value: Dec; corrected: boolean } {
  let corrected = false;
  let units = 0n;
  let scale = 0;
  for (const c of cells) scale = Math.max(scale, c.value.scale);
  for (const c of cells) {
    const fixed = corr.get(c);
    if (fixed !== undefined) corrected = true;
    const v: Dec = fixed !== undefined ? { units: fixed, scale: 0 } : c.value;
    units += v.units * 10n ** BigInt(scale - v.scale);
  }
  return { value: { units, scale }, corrected };
}

export function targetValue(report: Report, t: Target, corr: Corrections): TableValue | undefined {
  const v = targetValueOf(report, t, corr);
  // A cell whose digits could be split several ways is not compared with anything.
  return v && v.cells.some((c) => c.uncertain) ? undefined : v;
}

/**
 * For a target that is one uncertain cell (digits run together): the cell and every value it can
 * take. A figure that is none of them contradicts the table whatever the split.
 */
export function targetOptions(report: Report, t: Target, corr: Corrections): { value: TableValue; options: bigint[] } | undefined {
  const v = targetValueOf(report, t, corr);
  const c = v?.cells.length === 1 ? v.cells[0] : undefined;
  return v && c?.uncertain && c.options ? { value: v, options: c.options } : undefined;
}

function targetValueOf(report: Report, t: Target, corr: Corrections): TableValue | undefined {
  if (t.table === 1) {
    const row = usable(report.t1) ? report.t1.rows[t.row] : undefined;
    if (!row) return undefined;
    const cells = [row.cells[t.col]];
    return {
      ...sumCells(cells, corr),
      cells,
      get name() {
        const def = T1_ROWS.find((d) => d.id === t.row)!;
        return { zh: `表一 ${def.label}·${def.columns[t.col]}`, en: `table 1 ${def.labelEn} · ${def.columnsEn[t.col]}` };
      },
    };
  }
  if (t.table === 2) {
    const t2 = report.t2;
    if (!usable(t2)) return undefined;
    const ids = t.rows.flatMap((sel) => t2Rows(report, sel));
    const cells = ids.map((id) => t2.byId[id]?.cells[t.col]).filter((c): c is Cell => !!c);
    if (cells.length !== ids.length || !cells.length) return undefined;
    return {
      ...sumCells(cells, corr),
      cells,
      get name() {
        const names = t.rows.map((sel) => GROUP_NAMES[sel] ?? t2RowName(sel));
        return { zh: `表二 ${names.map((x) => x.zh).join(' + ')}·${T2_COLUMNS[t.col]}`, en: `table 2 ${names.map((x) => x.en).join(' + ')} · ${T2_COLUMNS_EN[t.col]}` };
      },
    };
  }
  const t3 = report.t3;
  if (!t3 || t3.problems.length) return undefined;
  const cells = t.groups.map((g) => t3.groups[g][t.col]);
  return {
    ...sumCells(cells, corr),
    cells,
    get name() {
      const both = t.groups.length === 2;
      const group = both ? { zh: '行政诉讼(两类合计)', en: 'litigation (both kinds)' } : { zh: T3_GROUPS[t.groups[0]], en: T3_GROUPS_EN[t.groups[0]] };
      return { zh: `表三 ${group.zh}·${T3_COLUMNS[t.col]}`, en: `table 3 ${group.en} · ${T3_COLUMNS_EN[t.col]}` };
    },
  };
}
