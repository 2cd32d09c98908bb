/**
 * The equations of table 2 and a diagnosis of their violations. When one wrong cell explains
 * several broken equations (a detail cell breaks its row and its column; a (七) cell breaks its
 * row, its column and the balance), it is reported once, on that cell, with the value that
 * satisfies all of them. Violations no single cell explains are reported one by one on the
 * equation's total.
 */
import { usable, type Cell, type Report, type Table2 } from '../model';
import { toInt } from '../num/decimal';
import { T2_TOTAL_COL } from '../template/format';
import { t2CellName } from '../template/names';
import type { Msg } from '../types';

export type EqKind = 'row' | 'col' | 'bal';

export interface Ref {
  row: string;
  col: number;
  cell: Cell;
  value: bigint;
}

export interface Equation {
  kind: EqKind;
  /** Row id for 'row', column index for 'col' and 'bal'. */
  key: string;
  lhs: Ref[];
  rhs: Ref[];
  /** The cell a lone violation is reported on, and which a fix recomputes. */
  anchor: Ref;
  residual: bigint;
}

export interface Diagnosis {
  /** The cell blamed, and the value that satisfies every equation in `eqs`. */
  ref: Ref;
  expected: bigint;
  eqs: Equation[];
}

const RESULT_GROUPS = new Set([1, 2, 3, 4, 5, 6]);

/** The rows (一) to (六) (with their sub-rows) that add up to (七) in every column. */
function resultRows(t: Table2) {
  return t.rows.filter((r) => r.id !== '7' && RESULT_GROUPS.has(Number(r.id.split('.')[0])));
}

export function t2Equations(t: Table2): Equation[] {
  const ref = (row: string, col: number): Ref => {
    const cell = t.byId[row].cells[col];
    return { row, col, cell, value: toInt(cell.value) };
  };
  const eqs: Equation[] = [];
  const make = (kind: EqKind, key: string, lhs: Ref[], rhs: Ref[], anchor: Ref) => {
    const sum = (xs: Ref[]) => xs.reduce((a, x) => a + x.value, 0n);
    eqs.push({ kind, key, lhs, rhs, anchor, residual: sum(lhs) - sum(rhs) });
  };
  for (const row of t.rows) {
    const cells = [0, 1, 2, 3, 4, 5].map((c) => ref(row.id, c));
    const total = ref(row.id, T2_TOTAL_COL);
    make('row', row.id, [total], cells, total);
  }
  // A partly read table: only each row's own sum.
  if (t.partial) return eqs;
  const results = resultRows(t);
  for (let c = 0; c <= T2_TOTAL_COL; c++) {
    const total = ref('7', c);
    make(
      'col',
      String(c),
      [total],
      results.map((r) => ref(r.id, c)),
      total,
    );
    make('bal', String(c), [ref('new', c), ref('carried', c)], [total, ref('next', c)], ref('next', c));
  }
  return eqs;
}

const cellKey = (r: Ref) => `${r.row}|${r.col}`;

/** Whether every equation of the table holds, in plain integer arithmetic (the common case, checked cheaply). */
function consistent(t: Table2): boolean {
  const v = (row: string, c: number) => Number(toInt(t.byId[row].cells[c].value));
  for (const row of t.rows) {
    let sum = 0;
    for (let c = 0; c < T2_TOTAL_COL; c++) sum += v(row.id, c);
    if (sum !== v(row.id, T2_TOTAL_COL)) return false;
  }
  if (t.partial) return true;
  const results = resultRows(t);
  for (let c = 0; c <= T2_TOTAL_COL; c++) {
    let sum = 0;
    for (const r of results) sum += v(r.id, c);
    if (sum !== v('7', c) || v('new', c) + v('carried', c) !== v('7', c) + v('next', c)) return false;
  }
  return true;
}

export interface T2Diagnosis {
  diagnoses: Diagnosis[];
  /** Violated equations no diagnosis explains. */
  lone: Equation[];
  eqs: Equation[];
  /** Lone equations that two different wrong cells explain equally well: which one is wrong is not known. */
  contested: Set<Equation>;
}

export function diagnoseT2(t: Table2): T2Diagnosis {
  // Cell values are below 2^53 (15-digit table cells), so Number sums are exact here.
  if (t.rows.every((r) => r.cells.every((c) => c.raw.length <= 15)) && consistent(t)) return { diagnoses: [], lone: [], eqs: [], contested: new Set() };
  const eqs = t2Equations(t);
  const violated = eqs.filter((e) => e.residual !== 0n);
  if (!violated.length) return { diagnoses: [], lone: [], eqs, contested: new Set() };

  // Each cell's equations, with the sign the cell has in them.
  const byCell = new Map<string, { ref: Ref; eqs: { eq: Equation; sign: bigint }[] }>();
  for (const eq of eqs) {
    for (const [side, sign] of [
      [eq.lhs, 1n],
      [eq.rhs, -1n],
    ] as const) {
      for (const r of side) {
        const k = cellKey(r);
        let entry = byCell.get(k);
        if (!entry) byCell.set(k, (entry = { ref: r, eqs: [] }));
        entry.eqs.push({ eq, sign });
      }
    }
  }

  const candidates: Diagnosis[] = [];
  for (const { ref, eqs: mine } of byCell.values()) {
    if (mine.length < 2 || mine.some((m) => m.eq.residual === 0n)) continue;
    // Changing the cell by d changes each residual by sign·d; all must reach zero.
    const ds = mine.map((m) => -m.eq.residual * m.sign);
    if (ds.some((d) => d !== ds[0])) continue;
    const expected = ref.value + ds[0];
    if (expected < 0n) continue;
    candidates.push({ ref, expected, eqs: mine.map((m) => m.eq) });
  }
  candidates.sort((a, b) => b.eqs.length - a.eqs.length);

  const covered = new Set<Equation>();
  const contested = new Set<Equation>();
  const diagnoses: Diagnosis[] = [];
  for (const cand of candidates) {
    if (cand.eqs.some((e) => covered.has(e))) continue;
    // Two equally good explanations sharing an equation: do not guess between them.
    const rival = candidates.some((o) => o !== cand && o.eqs.length === cand.eqs.length && o.eqs.some((e) => cand.eqs.includes(e) && !covered.has(e)));
    if (rival) {
      cand.eqs.forEach((e) => contested.add(e));
      continue;
    }
    cand.eqs.forEach((e) => covered.add(e));
    diagnoses.push(cand);
  }
  for (const e of covered) contested.delete(e);
  return { diagnoses, lone: violated.filter((e) => !covered.has(e)), eqs, contested };
}

export function memoDiagnosis(report: Report, memo: <T>(k: string, f: () => T) => T, index: number) {
  return memo(`t2diag:${index}`, (): T2Diagnosis => (usable(report.t2) ? diagnoseT2(report.t2) : { diagnoses: [], lone: [], eqs: [], contested: new Set() }));
}

/**
 * Whether fix-all may recompute the total of a lone equation: not when it would break a sum that
 * holds now (making wrong numbers "consistent"), nor when two different wrong cells explain it.
 */
export function loneAutoFix(d: T2Diagnosis, e: Equation, value: bigint): boolean {
  return !d.contested.has(e) && !breaksOthers(d.eqs, e, value);
}

/** Values the table rules correct with confidence (the fixes fix-all applies): each diagnosed cell, and lone totals it may recompute. */
export function confidentCorrections(d: T2Diagnosis): Map<Cell, bigint> {
  const corr = new Map<Cell, bigint>();
  for (const x of d.diagnoses) corr.set(x.ref.cell, x.expected);
  for (const e of d.lone) {
    const v = anchorExpected(e);
    if (v !== undefined && !corr.has(e.anchor.cell) && loneAutoFix(d, e, v)) corr.set(e.anchor.cell, v);
  }
  return corr;
}

/**
 * Cells in a sum that does not hold and that no single wrong cell explains: which of them is wrong
 * is not known, so no narrative figure is changed to match them (or a value computed from them).
 */
function doubtfulCells({ lone }: T2Diagnosis): Set<Cell> {
  const out = new Set<Cell>();
  for (const e of lone) for (const r of [...e.lhs, ...e.rhs]) out.add(r.cell);
  return out;
}

export function memoDoubtful(report: Report, memo: <T>(k: string, f: () => T) => T, index: number): Set<Cell> {
  return memo(`t2doubt:${index}`, () => doubtfulCells(memoDiagnosis(report, memo, index)));
}

/** Which rule a diagnosis belongs to: the equation whose total the cell is, else its first. */
export function diagnosisKind(d: Diagnosis): EqKind {
  const own = d.eqs.find((e) => e.anchor === d.ref || cellKey(e.anchor) === cellKey(d.ref));
  if (own && own.kind !== 'bal') return own.kind;
  if (own) return 'bal';
  return d.eqs[0].kind;
}

export function refName(r: Ref): Msg {
  return t2CellName(r.row, r.col);
}

/** What an equation says about its anchor, e.g. "各项之和" for a column. */
export function partsDesc(e: Equation): Msg {
  switch (e.kind) {
    case 'row':
      return { zh: '六类申请人之和', en: 'the six applicant columns add up to' };
    case 'col':
      return { zh: '(一)至(六)各项之和', en: 'items (1)–(6) add up to' };
    case 'bal':
      return { zh: '一+二−(七)', en: 'I + II − (7) is' };
  }
}

/** An equation seen from its total: "六类申请人之和" for a row. */
export function sumName(e: Equation): Msg {
  switch (e.kind) {
    case 'row':
      return { zh: '六类申请人之和', en: 'the six applicant columns' };
    case 'col':
      return { zh: '(一)至(六)各项之和', en: 'items (1)–(6)' };
    case 'bal':
      return { zh: '勾稽关系 一+二−(七)', en: 'the balance I + II − (7)' };
  }
}

export function isAnchor(e: Equation, r: Ref): boolean {
  return e.anchor.row === r.row && e.anchor.col === r.col;
}

/** Whether setting the anchor of `e` to `value` would break an equation that holds now. */
function breaksOthers(all: Equation[], e: Equation, value: bigint): boolean {
  const a = e.anchor;
  const delta = value - a.value;
  return all.some((o) => {
    if (o === e || o.residual !== 0n) return false;
    const sign = o.lhs.some((x) => x.row === a.row && x.col === a.col) ? 1n : o.rhs.some((x) => x.row === a.row && x.col === a.col) ? -1n : 0n;
    return sign !== 0n && delta !== 0n;
  });
}

/** How an equation constrains a cell that is not its total. */
export function constraintDesc(e: Equation): Msg {
  switch (e.kind) {
    case 'row':
      return { zh: '本行总计', en: 'the row total' };
    case 'col':
      return { zh: '本列(七)总计', en: 'the column total (7)' };
    case 'bal':
      return { zh: '勾稽关系 一+二=(七)+四', en: 'the balance I + II = (7) + IV' };
  }
}

/** The value the anchor of a lone equation should have, or undefined when it would be negative. */
export function anchorExpected(e: Equation): bigint | undefined {
  const sign = e.lhs.includes(e.anchor) ? 1n : -1n;
  const v = e.anchor.value - e.residual * sign;
  return v < 0n ? undefined : v;
}
