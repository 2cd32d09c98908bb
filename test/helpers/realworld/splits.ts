/**
 * The oracle for digits run together (crawled text): every reading of a row's runs of digits as
 * cells (non-negative integers, a leading zero only as "0" itself, no cell across a space), and
 * whether some combination of readings makes the table consistent. A change is only required to
 * be reported when no reading of the changed table is consistent.
 */
import type { Rendered } from './types';

const valid = (s: string) => s === '0' || /^[1-9]\d*$/.test(s);

/**
 * Readings of `runs` as cells in groups of `size` whose last cell is the sum of the others
 * (seven for a table-2 row, five for each table-3 group). Stops after `limit` readings.
 */
export function readings(runs: string[], groups: number, size: number, limit = 5000): number[][] {
  const out: number[][] = [];
  const cells: number[] = [];
  const total = groups * size;
  const go = (run: number, pos: number): void => {
    if (out.length >= limit) return;
    if (cells.length === total) {
      if (run === runs.length) out.push([...cells]);
      return;
    }
    if (run >= runs.length) return;
    const s = runs[run];
    const isTotal = cells.length % size === size - 1;
    const want = isTotal ? String(cells.slice(cells.length - size + 1).reduce((a, b) => a + b, 0)) : undefined;
    for (let len = 1; pos + len <= s.length; len++) {
      const piece = s.slice(pos, pos + len);
      if (!valid(piece)) break;
      if (want !== undefined && piece !== want) {
        if (piece.length >= want.length) break;
        continue;
      }
      cells.push(Number(piece));
      if (pos + len === s.length) go(run + 1, 0);
      else go(run, pos + len);
      cells.pop();
    }
  };
  go(0, 0);
  return out;
}

const RESULT = (id: string) => /^[1-6](\.\d)?$/.test(id);

/**
 * Whether some reading of table 2 satisfies the row sums, column sums and balance (undefined
 * when there are too many combinations to try).
 */
export function t2Consistent(runs: NonNullable<Rendered['runs']>['t2'], ids: string[], budget = 2_000_000): boolean | undefined {
  const options = ids.map((id) => readings(runs[id], 1, 7));
  if (options.some((o) => o.length === 0)) return false;
  let combos = 1;
  for (const o of options) combos *= o.length;
  if (combos > budget) return undefined;
  const pick = options.map((o) => o[0]);
  const iTotal = ids.indexOf('7');
  const [iNew, iCarried, iNext] = ['new', 'carried', 'next'].map((x) => ids.indexOf(x));
  const ok = () => {
    for (let c = 0; c < 7; c++) {
      let sum = 0;
      ids.forEach((id, i) => {
        if (RESULT(id)) sum += pick[i][c];
      });
      if (sum !== pick[iTotal][c] || pick[iNew][c] + pick[iCarried][c] !== pick[iTotal][c] + pick[iNext][c]) return false;
    }
    return true;
  };
  const multi = options.map((o, i) => (o.length > 1 ? i : -1)).filter((i) => i >= 0);
  const go = (k: number): boolean => {
    if (k === multi.length) return ok();
    for (const o of options[multi[k]]) {
      pick[multi[k]] = o;
      if (go(k + 1)) return true;
    }
    return false;
  };
  return go(0);
}

export function t3Consistent(runs: string[]): boolean {
  return readings(runs, 3, 5, 1).length > 0;
}
