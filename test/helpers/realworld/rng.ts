/** A small seeded random source (mulberry32), so every generated variant is reproducible. */

export class Rng {
  private s: number;
  private readonly seed: number;
  constructor(seed: number | string) {
    this.seed = this.s = typeof seed === 'number' ? seed >>> 0 : hash(seed);
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  /** A source for one part of the output: the same for the same label, however much was drawn before. */
  fork(label: string): Rng {
    return new Rng(hash(`${this.seed}:${label}`));
  }
}

/** FNV-1a over UTF-16 code units. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
