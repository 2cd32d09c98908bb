/**
 * Reading a row's items as a given number of cells: blanks are cells of value 0, numbers are
 * cells, and a run of digits whose boundaries are unknown is split into cells in every way that
 * fits (non-negative integers, no leading zeros except "0" itself). The caller picks among the
 * readings with the table's own equations.
 */
import type { Cell } from '../model';
import type { Item } from './cells';

/** Bounds on the search, so that no input makes it explode. */
const MAX_READINGS = 512;
const MAX_STEPS = 100_000;

export interface Readings {
  /** Each reading: exactly n cells. */
  cells: Cell[][];
  /** The search stopped at its bounds: more readings may exist. */
  truncated: boolean;
  /** Some run had to be split. */
  split: boolean;
}

/**
 * The items a row is read from. Empty pipe cells after the row's last value (" | ||" after a
 * pasted row, a converter's padding) are cells only when they make the row exactly `n` wide —
 * "| 2 |  |  |  |  |  |  |" is 2 and six zeros, a row with a cell missing and junk after it is not
 * seven cells. Placeholders ("—", "/") always are cells. Surplus blanks at the start are dropped.
 * `junk`: the table's complete rows end in empty cells too, so they are never cells.
 */
export function trimBlanks(items: readonly Item[], n: number, junk = false): Item[] {
  const last = lastValue(items);
  const out = last < 0 ? items.slice(0, n) : items.length === n && !junk ? items.slice() : items.slice(0, last + 1);
  while (out.length > n && out[out.length - 1].kind === 'blank') out.pop();
  while (out.length > n && out[0].kind === 'blank') out.shift();
  return out;
}

const isEmpty = (it: Item) => it.kind === 'blank' && !it.raw.trim();

/** Index of the last item that is not an empty cell, or -1. */
function lastValue(items: readonly Item[]): number {
  let last = items.length - 1;
  while (last >= 0 && isEmpty(items[last])) last--;
  return last;
}

/** Whether a row of `n` cells is followed by empty cells: then trailing empty cells are junk in its table. */
export function emptyCellsAfterFullRow(items: readonly Item[], n: number): boolean {
  const last = lastValue(items);
  return last >= 0 && last + 1 >= n && last + 1 < items.length;
}

function whole(item: Item): Cell {
  if (item.kind === 'blank') return { span: item.span, raw: item.raw, value: { units: 0n, scale: 0 }, blank: true };
  if (item.kind === 'num') return { span: item.span, raw: item.raw, value: item.value! };
  return { span: item.span, raw: item.raw, value: { units: BigInt(item.digits), scale: 0 } };
}

/**
 * Every reading of `items` as exactly `n` cells. `accept(cells)` is called whenever a cell is
 * added and may reject a partial reading (e.g. a table-3 group whose parts do not add up).
 */
export function readings(items: readonly Item[], n: number, accept: (cells: readonly Cell[]) => boolean = () => true, junk = false): Readings {
  const trimmed = trimBlanks(items, n, junk);
  const out: Readings = { cells: [], truncated: false, split: false };
  if (trimmed.length > n) return out;
  const k = trimmed.length;
  if (k === n) {
    // Every item one cell: the common case of a row as pasted.
    const cells = trimmed.map(whole);
    if (accept(cells)) out.cells.push(cells);
    return out;
  }
  // The fewest and the most cells the items from index i on can make.
  const minFrom = new Int32Array(k + 1);
  const maxFrom = new Int32Array(k + 1);
  for (let i = k - 1; i >= 0; i--) {
    const it = trimmed[i];
    minFrom[i] = minFrom[i + 1] + 1;
    maxFrom[i] = maxFrom[i + 1] + (it.kind === 'run' ? it.digits.length : 1);
  }
  if (maxFrom[0] < n) return out;
  out.split = true;
  const stack: Cell[] = [];
  let steps = 0;
  const walk = (i: number, p: number): void => {
    if (out.truncated) return;
    if (++steps > MAX_STEPS || out.cells.length >= MAX_READINGS) {
      out.truncated = true;
      return;
    }
    if (i === k) {
      if (stack.length === n) out.cells.push([...stack]);
      return;
    }
    const it = trimmed[i];
    if (it.kind !== 'run') {
      stack.push(whole(it));
      if (accept(stack)) walk(i + 1, 0);
      stack.pop();
      return;
    }
    const len = it.digits.length;
    for (let l = 1; p + l <= len; l++) {
      if (l > 1 && it.digits.charCodeAt(p) === 48) break; // no leading zeros
      const end = p + l;
      const made = stack.length + 1;
      const min = made + (end < len ? 1 : 0) + minFrom[i + 1];
      const max = made + (len - end) + maxFrom[i + 1];
      if (min > n || max < n) continue;
      stack.push({
        span: { start: it.span.start + p, end: it.span.start + end },
        raw: it.raw.slice(p, end),
        value: { units: BigInt(it.digits.slice(p, end)), scale: 0 },
      });
      if (accept(stack)) {
        if (end === len) walk(i + 1, 0);
        else walk(i, end);
      }
      stack.pop();
    }
  };
  walk(0, 0);
  return out;
}

/**
 * Marks the cells of `chosen` whose value or place differs in another reading as uncertain (all of
 * them when the search was cut short).
 */
export function markUncertain(chosen: Cell[], others: Readings | readonly Cell[][]): void {
  const list = 'cells' in others ? others.cells : others;
  const all = 'cells' in others && others.truncated;
  chosen.forEach((c, i) => {
    if (all || list.some((o) => o !== chosen && (o[i].value.units !== c.value.units || o[i].span.start !== c.span.start))) {
      c.uncertain = true;
      if (!all) c.options = [...new Set(list.map((o) => o[i].value.units))];
    }
  });
}
