/** Per-narrative lookups (figure → claim, part → share, per-sentence lists), built once per narrative. */
import type { Claim, Figure, Narrative, Share } from '../model/narrative';

export interface Lookup {
  claimOf: Map<Figure, Claim>;
  /** The first share whose part is this figure. */
  shareOf: Map<Figure, Share>;
  /** Shares and figures of each sentence, in order. */
  sharesIn: Map<number, Share[]>;
  figuresIn: Map<number, Figure[]>;
  /** Index of a share in its sentence's shares, of a figure in its sentence's figures. */
  shareAt: Map<Share, number>;
  figureAt: Map<Figure, number>;
}

const CACHE = new WeakMap<Narrative, Lookup>();

/** Appends v to the list of k; returns its index there. */
function push<K, V>(m: Map<K, V[]>, k: K, v: V): number {
  const xs = m.get(k);
  if (xs) return xs.push(v) - 1;
  m.set(k, [v]);
  return 0;
}

export function lookup(n: Narrative): Lookup {
  let l = CACHE.get(n);
  if (l) return l;
  l = { claimOf: new Map(), shareOf: new Map(), sharesIn: new Map(), figuresIn: new Map(), shareAt: new Map(), figureAt: new Map() };
  for (const c of n.claims) if (!l.claimOf.has(c.fig)) l.claimOf.set(c.fig, c);
  for (const s of n.shares) {
    if (!l.shareOf.has(s.part)) l.shareOf.set(s.part, s);
    l.shareAt.set(s, push(l.sharesIn, s.pct.sentence, s));
  }
  for (const f of n.figures) l.figureAt.set(f, push(l.figuresIn, f.sentence, f));
  CACHE.set(n, l);
  return l;
}
