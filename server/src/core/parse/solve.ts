/**
 * Picking cell values when the text does not fix them: rows whose digits ran together are read
 * in every way that fits, and the table's own equations (row sums, column sums, the balance,
 * table 3's group sums) choose among the readings. An inconsistency is left for the rules only
 * when no reading is consistent; cells whose value the equations do not settle are uncertain.
 * Also the order-based row plan for converter tables that lost their labels.
 */
import type { Cell, T2Row, TableProblem } from '../model';
import { diagnoseT2 } from '../tables/table2';
import { T2_ROWS, T2_TOTAL_COL, T2_WIDTH, T3_CELLS, T3_GROUP_WIDTH, T3_TOTAL, type T2RowDef } from '../template/format';
import type { Span } from '../types';
import { matchLabel, type Group, type Item } from './cells';
import { emptyCellsAfterFullRow, markUncertain, readings, trimBlanks } from './split';

export interface RowPlan {
  def: T2RowDef;
  label: Span;
  items: Item[];
}

export interface ResolvedRow {
  def: T2RowDef;
  label: Span;
  cells: Cell[];
}

const num = (c: Cell) => Number(c.value.units);
const rowHolds = (cells: readonly Cell[]) => cells.length < T2_WIDTH || cells.slice(0, T2_TOTAL_COL).reduce((a, c) => a + num(c), 0) === num(cells[T2_TOTAL_COL]);

/** Combinations of ambiguous rows tried at most; beyond that their cells simply stay uncertain. */
const MAX_COMBOS = 20_000;
/** A table aligned by row order is believed only if at most this many of its equations fail (one wrong cell breaks three)… */
const ORDER_SLACK = 3;
/** … or if this many cells explain every failing equation. */
const ORDER_CELLS = 2;

/** Whether a few wrong cells explain every failing sum (a misread order breaks sums everywhere). */
function fewCellsExplain(rows: readonly ResolvedRow[], notInferred = false): boolean {
  const byId: Record<string, T2Row> = {};
  const t2rows = rows.map((r) => (byId[r.def.id] = { id: r.def.id, label: r.label, cells: r.cells }));
  const { diagnoses, lone } = diagnoseT2({ kind: 2, span: { start: 0, end: 0 }, anchor: { start: 0, end: 0 }, problems: [], rows: t2rows, byId });
  return lone.length === 0 && diagnoses.length <= ORDER_CELLS && !(notInferred && diagnoses.some((d) => d.ref.cell.inferred));
}

/** How many column and balance equations fail, for rows given as id → values. */
function failures(rows: ReadonlyMap<string, readonly number[]>, withRows = false): number {
  let bad = 0;
  const results = [...rows.keys()].filter((id) => /^[1-6]/.test(id));
  const total = rows.get('7');
  const v = (id: string, c: number) => rows.get(id)?.[c] ?? 0;
  for (let c = 0; c <= T2_TOTAL_COL; c++) {
    let sum = 0;
    for (const id of results) sum += v(id, c);
    if (total && sum !== total[c]) bad++;
    if (v('new', c) + v('carried', c) !== v('7', c) + v('next', c)) bad++;
  }
  if (withRows) {
    for (const vals of rows.values()) if (vals.slice(0, T2_TOTAL_COL).reduce((a, x) => a + x, 0) !== vals[T2_TOTAL_COL]) bad++;
  }
  return bad;
}

const countMismatch = (p: RowPlan, junk: boolean): TableProblem => {
  const n = trimBlanks(p.items, 7, junk).length;
  return { expected: `“${p.def.label}”7 个数(六类申请人和总计)`, expectedEn: `7 numbers in “${p.def.labelEn}”`, found: `${n} 个`, foundEn: `${n}`, span: p.label };
};

/**
 * Readings of a converter row that lost one number (6 of 7): the lost cell at each place, its
 * value given by the row sum. They are kept only if they make the whole table consistent.
 */
function lostCell(items: readonly Item[], junk: boolean): Cell[][] {
  const kept = trimBlanks(items, 7, junk);
  if (kept.length !== 6 || kept.some((it) => it.kind === 'run')) return [];
  const base = readings(kept, 6).cells[0];
  if (!base) return [];
  const out: Cell[][] = [];
  for (let pos = 0; pos <= 6; pos++) {
    const cells = [...base.slice(0, pos), { span: { start: 0, end: 0 }, raw: '', value: { units: 0n, scale: 0 }, inferred: true } as Cell, ...base.slice(pos)];
    const at = pos < 6 ? base[pos].span.start : base[5].span.end;
    cells[pos].span = { start: at, end: at };
    const parts = cells.slice(0, T2_TOTAL_COL).reduce((a, c, k) => (k === pos ? a : a + c.value.units), 0n);
    const v = pos === T2_TOTAL_COL ? parts : cells[T2_TOTAL_COL].value.units - parts;
    if (v < 0n) continue;
    cells[pos].value = { units: v, scale: 0 };
    out.push(cells);
  }
  return out;
}

export function resolveT2(plans: RowPlan[], byOrder: boolean, junk: boolean): { rows: ResolvedRow[]; problems: TableProblem[]; ambiguous: string[] } {
  const problems: TableProblem[] = [];
  const cands: Cell[][][] = [];
  /** Rows read with a lost cell: believed only in a consistent table. */
  const lost = new Set<number>();
  for (const p of plans) {
    let r = readings(p.items, 7, (cells) => rowHolds(cells), junk);
    if (!r.cells.length) r = readings(p.items, 7, undefined, junk);
    if (!r.cells.length && byOrder) {
      r = { cells: lostCell(p.items, junk), truncated: false, split: false };
      if (r.cells.length) lost.add(cands.length);
    }
    if (!r.cells.length) {
      problems.push(countMismatch(p, junk));
      cands.push([]);
      continue;
    }
    if (r.truncated) r.cells.forEach((cs) => cs.forEach((c) => (c.uncertain = true)));
    cands.push(r.cells);
  }
  if (problems.length) return { rows: [], problems, ambiguous: [] };

  const amb = cands.map((c, i) => (c.length > 1 || lost.has(i) ? i : -1)).filter((i) => i >= 0);
  const choice = cands.map(() => 0);
  let ambiguous: string[] = [];
  if (amb.length) {
    const product = amb.reduce((a, i) => a * cands[i].length, 1);
    const values = new Map<string, number[]>();
    plans.forEach((p, i) => values.set(p.def.id, cands[i][0].map(num)));
    const consistent: number[][] = [];
    let best: number[] | undefined;
    let bestBad = Infinity;
    if (product <= MAX_COMBOS) {
      const pick = amb.map(() => 0);
      for (let n = 0; n < product; n++) {
        amb.forEach((ri, k) => values.set(plans[ri].def.id, cands[ri][pick[k]].map(num)));
        const bad = failures(values, true);
        if (bad === 0 && consistent.length < 64) consistent.push([...pick]);
        if (bad < bestBad) ((bestBad = bad), (best = [...pick]));
        for (let k = 0; k < pick.length && ++pick[k] === cands[amb[k]].length; k++) pick[k] = 0;
      }
    }
    if (consistent.length) {
      amb.forEach((ri, k) => {
        choice[ri] = consistent[0][k];
        markUncertain(
          cands[ri][choice[ri]],
          consistent.map((c) => cands[ri][c[k]]),
        );
      });
    } else if (lost.size) {
      // A lost cell is believed when the table is then consistent but for a cell or two elsewhere.
      amb.forEach((ri, k) => (choice[ri] = best ? best[k] : 0));
      const rows = plans.map((p, i) => ({ def: p.def, label: p.label, cells: cands[i][choice[i]] }));
      if (!fewCellsExplain(rows, true)) return { rows: [], problems: [...lost].map((i) => countMismatch(plans[i], junk)), ambiguous: [] };
    } else {
      amb.forEach((ri, k) => {
        choice[ri] = best ? best[k] : 0;
        markUncertain(cands[ri][choice[ri]], cands[ri]);
      });
      ambiguous = amb.map((ri) => plans[ri].def.id);
    }
  }
  const rows = plans.map((p, i) => ({ def: p.def, label: p.label, cells: cands[i][choice[i]] }));
  if (byOrder) {
    const values = new Map(rows.map((r) => [r.def.id, r.cells.map(num)] as const));
    const bad = failures(values, true);
    if (bad > ORDER_SLACK && !fewCellsExplain(rows)) {
      return {
        rows: [],
        problems: [
          {
            expected: '按国家格式行序读出的数字满足表内关系',
            expectedEn: 'rows read in the national order to satisfy the table’s sums',
            found: `行标签缺失,按行序读出后有 ${bad} 处合计不成立,可能读错了行`,
            foundEn: `labels are missing; read in order, ${bad} sums fail — the rows are probably misread`,
          },
        ],
        ambiguous: [],
      };
    }
  }
  return { rows, problems: [], ambiguous };
}

const ROWS_SPLIT = T2_ROWS.filter((d) => d.id !== '6');
const ROWS_MERGED = T2_ROWS.filter((d) => !/^6\./.test(d.id));

/**
 * Rows of a table whose labels were lost or scattered (PDF→Markdown converters): the number
 * rows, in order, are the template's rows in order. A row of 14 numbers is two rows run
 * together; a label on the row's own line must agree with its place; a lone number or two on a
 * line of their own, away from any label, is debris and skipped. Undefined when no order fits.
 */
export function planByOrder(groups: readonly Group[], junk: boolean): RowPlan[] | undefined {
  interface Entry {
    g: Group;
    rows: number;
    def?: T2RowDef;
  }
  const entries: Entry[] = [];
  for (const g of groups) {
    const n = g.items.length;
    if (!g.filled && (n < 7 || /自然人|法人|申请人情况|结果维持/.test(g.label))) continue;
    // One row (7 values, or 6 when a converter lost one), or two rows run together (14).
    const kept = trimBlanks(g.items, 7, junk).length;
    const fits7 = kept === 6 || readings(g.items, 7, undefined, junk).cells.length > 0;
    const rows = fits7 ? 1 : n === 2 * T2_WIDTH ? 2 : 0;
    if (!rows) {
      if (n <= 2 && !g.sameLine) continue;
      return undefined;
    }
    const def = g.sameLine ? matchLabel<T2RowDef>(g.label, T2_ROWS) : undefined;
    // A row's own whole label ("2.莫名其妙") that names no row of the table: something else is
    // here, not lost labels. A fragment of a label broken over lines is only a lost label.
    if (g.sameLine && !def && /^(?:\d{1,2}\.|\([一二三四五六七]\)|[一二三四]、)\D{2,}/.test(g.label)) return undefined;
    entries.push({ g, rows, def });
  }
  // Converter output is tables of rows; one cell per line is a pasted layout whose labels are there.
  if (entries.filter((e) => e.g.pipeRow).length * 2 < entries.length) return undefined;
  const count = entries.reduce((a, e) => a + e.rows, 0);
  for (const template of [ROWS_SPLIT, ROWS_MERGED]) {
    if (count !== template.length) continue;
    let at = 0;
    let fits = true;
    for (const e of entries) {
      if (e.def && template.indexOf(e.def) !== at) fits = false;
      at += e.rows;
    }
    if (!fits) continue;
    const plans: RowPlan[] = [];
    at = 0;
    for (const e of entries) {
      const label = e.g.sameLine ? e.g.labelSpan : e.g.items[0].span;
      if (e.rows === 1) plans.push({ def: template[at], label, items: e.g.items });
      else {
        plans.push({ def: template[at], label, items: e.g.items.slice(0, T2_WIDTH) });
        plans.push({ def: template[at + 1], label: e.g.items[T2_WIDTH].span, items: e.g.items.slice(T2_WIDTH) });
      }
      at += e.rows;
    }
    return plans;
  }
  return undefined;
}

/** Table 3's fifteen cells: the reading whose groups add up, else the one with fewest broken groups. */
export function t3Readings(items: readonly Item[]): { cells: Cell[]; ambiguous: boolean } | undefined {
  const junk = emptyCellsAfterFullRow(items, T3_CELLS);
  const groupHolds = (cells: readonly Cell[]) => {
    const n = cells.length;
    if (n % T3_GROUP_WIDTH !== 0) return true;
    const g = cells.slice(n - T3_GROUP_WIDTH);
    return g.slice(0, T3_TOTAL).reduce((a, c) => a + c.value.units, 0n) === g[T3_TOTAL].value.units;
  };
  const ok = readings(items, T3_CELLS, groupHolds, junk);
  if (ok.cells.length) {
    const cells = ok.cells[0];
    markUncertain(cells, ok);
    return { cells, ambiguous: false };
  }
  const any = readings(items, T3_CELLS, undefined, junk);
  if (!any.cells.length) return undefined;
  if (any.cells.length === 1 && !any.truncated) return { cells: any.cells[0], ambiguous: false };
  const broken = (cells: Cell[]) => [0, 5, 10].filter((k) => !groupHolds(cells.slice(0, k + 5))).length;
  let best = any.cells[0];
  for (const c of any.cells) if (broken(c) < broken(best)) best = c;
  markUncertain(best, any);
  return { cells: best, ambiguous: true };
}
