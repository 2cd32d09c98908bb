/**
 * Exact decimals as scaled integers: value = units / 10^scale. No IEEE arithmetic anywhere
 * a result is compared.
 */
export interface Dec {
  units: bigint;
  scale: number;
}

const POW10: bigint[] = [];
export function pow10(k: number): bigint {
  while (POW10.length <= k) POW10.push(POW10.length === 0 ? 1n : POW10[POW10.length - 1] * 10n);
  return POW10[k];
}

/** Parses "1,234.50" (ASCII digits, optional thousands commas); undefined when it is not a number. */
export function parseDec(s: string): Dec | undefined {
  // Fast path: a short run of digits (nearly every table cell).
  if (s.length <= 15 && /^\d+$/.test(s)) return { units: BigInt(s), scale: 0 };
  const t = s.replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return undefined;
  const frac = m[2] ?? '';
  return { units: BigInt(m[1] + frac), scale: frac.length };
}

/** Rescales to `scale` decimals (only upwards; callers never need to lose digits). */
function rescale(d: Dec, scale: number): bigint {
  return d.units * pow10(scale - d.scale);
}

export function cmpDec(a: Dec, b: Dec): number {
  const k = Math.max(a.scale, b.scale);
  const x = rescale(a, k);
  const y = rescale(b, k);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function addDec(a: Dec, b: Dec): Dec {
  const k = Math.max(a.scale, b.scale);
  return { units: rescale(a, k) + rescale(b, k), scale: k };
}

export function isInteger(d: Dec): boolean {
  return d.units % pow10(d.scale) === 0n;
}

/** The integer value; only call when `isInteger`. */
export function toInt(d: Dec): bigint {
  return d.units / pow10(d.scale);
}

export function formatDec(d: Dec): string {
  const neg = d.units < 0n;
  const s = (neg ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  const body = d.scale ? s.slice(0, s.length - d.scale) + '.' + s.slice(s.length - d.scale) : s;
  return (neg ? '-' : '') + body;
}

/**
 * Whether a percentage P written with `p.scale` decimals is a correct rounding of 100·x/n:
 * |100·x/n − P| ≤ ½·10^−k  ⇔  2·|100·x·10^k − P·10^k·n| ≤ n   (all integers).
 */
export function percentFits(p: Dec, x: bigint, n: bigint): boolean {
  if (n <= 0n) return false;
  const k = p.scale;
  let diff = 100n * x * pow10(k) - p.units * n;
  if (diff < 0n) diff = -diff;
  return 2n * diff <= n;
}

/** 100·x/n rounded half-up to k decimals, as a Dec. */
export function percentOf(x: bigint, n: bigint, k: number): Dec {
  const num = 100n * x * pow10(k);
  const units = (2n * num + n) / (2n * n);
  return { units, scale: k };
}

export function subDec(a: Dec, b: Dec): Dec {
  return addDec(a, { units: -b.units, scale: b.scale });
}

function absDec(a: Dec): Dec {
  return a.units < 0n ? { units: -a.units, scale: a.scale } : a;
}

/** Whether |a − b| ≤ slack. */
export function within(a: Dec, slack: Dec, b: Dec): boolean {
  return cmpDec(absDec(subDec(a, b)), slack) <= 0;
}

/** d rounded half-up to k decimals (non-negative values). */
export function roundDec(d: Dec, k: number): Dec {
  if (d.scale <= k) return { units: d.units * pow10(k - d.scale), scale: k };
  const div = pow10(d.scale - k);
  return { units: (d.units * 2n + div) / (2n * div), scale: k };
}
