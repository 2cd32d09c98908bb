/**
 * Ruled tables in a PDF page: the horizontal and vertical rules drawn on the page are grouped
 * into tables, each a grid of row and column boundaries; a missing rule between two grid cells
 * means the cells are merged (rowspan/colspan).
 */

/** An axis-aligned rule in page coordinates (PDF user space, y up). */
export interface Seg {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Grid {
  /** Column boundaries, left to right. */
  xs: number[];
  /** Row boundaries, top to bottom (descending y). */
  ys: number[];
  /** owner[r][c]: the top-left grid cell [r, c] of the merged cell that grid cell (r, c) belongs to. */
  owner: [number, number][][];
  box: { x0: number; x1: number; y0: number; y1: number };
  /** The first row has no rule above it, the last none below it (a page break cut them, or they start/end at one). */
  cutTop: boolean;
  cutBottom: boolean;
}

const TOL = 2;

/** Groups values that lie within `tol` of each other; returns the group means, sorted. */
function cluster(values: number[], tol: number): number[] {
  const v = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const x of v) {
    if (group.length && x - group[group.length - 1] > tol) {
      out.push(group.reduce((a, b) => a + b, 0) / group.length);
      group = [];
    }
    group.push(x);
  }
  if (group.length) out.push(group.reduce((a, b) => a + b, 0) / group.length);
  return out;
}

const isH = (s: Seg) => Math.abs(s.y1 - s.y2) <= 0.5;
const touches = (a: Seg, b: Seg) =>
  Math.min(a.x1, a.x2) - TOL <= Math.max(b.x1, b.x2) &&
  Math.min(b.x1, b.x2) - TOL <= Math.max(a.x1, a.x2) &&
  Math.min(a.y1, a.y2) - TOL <= Math.max(b.y1, b.y2) &&
  Math.min(b.y1, b.y2) - TOL <= Math.max(a.y1, a.y2);

/** Whether a rule on the line x = x (vertical) or y = y (horizontal) covers the point (along its length) at `at`. */
function covered(segs: Seg[], horizontal: boolean, pos: number, at: number): boolean {
  return segs.some((s) =>
    horizontal
      ? isH(s) && Math.abs(s.y1 - pos) <= TOL && Math.min(s.x1, s.x2) - TOL <= at && at <= Math.max(s.x1, s.x2) + TOL
      : !isH(s) && Math.abs(s.x1 - pos) <= TOL && Math.min(s.y1, s.y2) - TOL <= at && at <= Math.max(s.y1, s.y2) + TOL,
  );
}

/** The ruled tables of a page: connected rules with at least two rows and two columns. */
export function findGrids(segs: Seg[]): Grid[] {
  const rules = segs.filter((s) => Math.hypot(s.x2 - s.x1, s.y2 - s.y1) > 3);
  // Connected components (union-find); pages have few hundred rules at most.
  const parent = rules.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let i = 0; i < rules.length; i++) for (let j = i + 1; j < rules.length; j++) if (touches(rules[i], rules[j])) parent[root(i)] = root(j);
  const groups = new Map<number, Seg[]>();
  rules.forEach((s, i) => {
    const r = root(i);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(s);
  });
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const hs = g.filter(isH);
    const vs = g.filter((s) => !isH(s));
    const ys = cluster(
      hs.map((s) => s.y1),
      TOL,
    ).reverse();
    const xs = cluster(
      vs.map((s) => s.x1),
      TOL,
    );
    // A row cut by a page break has no rule on its cut side: the vertical rules still bound it.
    let cutTop = false;
    let cutBottom = false;
    if (ys.length && vs.length) {
      const top = Math.max(...vs.map((s) => s.y2));
      const bottom = Math.min(...vs.map((s) => s.y1));
      if (top > ys[0] + 2 * TOL) (ys.unshift(top), (cutTop = true));
      if (bottom < ys[ys.length - 1] - 2 * TOL) (ys.push(bottom), (cutBottom = true));
    }
    // Two columns make a table, even of one row (a table's last row carried over to the next page).
    if (xs.length < 3 || ys.length < 2) continue;
    const owner: [number, number][][] = [];
    for (let r = 0; r + 1 < ys.length; r++) {
      owner[r] = [];
      const midY = (ys[r] + ys[r + 1]) / 2;
      for (let c = 0; c + 1 < xs.length; c++) {
        const midX = (xs[c] + xs[c + 1]) / 2;
        const leftOpen = c > 0 && !covered(g, false, xs[c], midY);
        const topOpen = r > 0 && !covered(g, true, ys[r], midX);
        // A merged cell is rectangular: take the owner from the left, else from above.
        owner[r][c] = leftOpen ? owner[r][c - 1] : topOpen ? owner[r - 1][c] : [r, c];
      }
    }
    grids.push({ xs, ys, owner, box: { x0: xs[0], x1: xs[xs.length - 1], y0: ys[ys.length - 1], y1: ys[0] }, cutTop, cutBottom });
  }
  return grids.sort((a, b) => b.box.y1 - a.box.y1);
}

/** The grid cell (row, column) containing a point, or undefined outside the grid. */
export function cellAt(grid: Grid, x: number, y: number): [number, number] | undefined {
  if (x < grid.box.x0 || x > grid.box.x1 || y < grid.box.y0 || y > grid.box.y1) return undefined;
  let c = 0;
  while (c + 2 < grid.xs.length && x > grid.xs[c + 1]) c++;
  let r = 0;
  while (r + 2 < grid.ys.length && y < grid.ys[r + 1]) r++;
  return grid.owner[r][c];
}
