import { isSpace } from './normalize';

/**
 * A stretch of text with white space and line breaks removed, so that phrases broken over
 * lines by a PDF ("受理政府\n信息公开申请 17 件") can be matched as one string.
 * `map[i]` is the original offset of compact character i; `map[s.length]` is the end offset.
 */
export interface Compact {
  s: string;
  map: Int32Array;
}

/** Stands for white space between two digits ("9 1件" is not 91): it ends a number. */
const DIGIT_GAP = '_';

const isDigit = (c: number) => c >= 48 && c <= 57;
/** The characters isSpace() drops (after normalisation only these occur). */
const HAS_SPACE = /[ \t\n\r\u3000\u00a0\ufeff]/;

/** Compacts the concatenation of the given [start, end) ranges of `norm`. */
export function compactRanges(norm: string, ranges: readonly (readonly [number, number])[]): Compact {
  let total = 0;
  for (const [a, b] of ranges) total += b - a;
  const map = new Int32Array(total + 1);
  const parts: string[] = [];
  let j = 0;
  let last = ranges.length ? ranges[ranges.length - 1][1] : 0;
  let lastKept = -1;
  let gapAt = -1;
  for (const [a, b] of ranges) {
    // Fast path: a line without white space (most Chinese prose) is copied as it is.
    if (b > a && !HAS_SPACE.test(norm.slice(a, b))) {
      if (gapAt >= 0 && isDigit(lastKept) && isDigit(norm.charCodeAt(a))) {
        parts.push(DIGIT_GAP);
        map[j++] = gapAt;
      }
      parts.push(norm.slice(a, b));
      for (let i = a; i < b; i++) map[j++] = i;
      lastKept = norm.charCodeAt(b - 1);
      gapAt = -1;
      last = b;
      continue;
    }
    let runStart = a;
    for (let i = a; i < b; i++) {
      const c = norm.charCodeAt(i);
      if (isSpace(c)) {
        if (runStart < i) parts.push(norm.slice(runStart, i));
        runStart = i + 1;
        if (gapAt < 0 && isDigit(lastKept)) gapAt = i;
        continue;
      }
      if (gapAt >= 0 && isDigit(c)) {
        parts.push(norm.slice(runStart, i), DIGIT_GAP);
        runStart = i;
        map[j++] = gapAt;
      }
      gapAt = -1;
      lastKept = c;
      map[j++] = i;
    }
    if (runStart < b) parts.push(norm.slice(runStart, b));
    last = b;
  }
  map[j] = last;
  return { s: parts.join(''), map: map.subarray(0, j + 1) };
}

export function compact(norm: string, start: number, end: number): Compact {
  return compactRanges(norm, [[start, end]]);
}

/** Original span of compact range [a, b). */
export function spanOf(c: Compact, a: number, b: number): { start: number; end: number } {
  return { start: c.map[a], end: b > a ? c.map[b - 1] + 1 : c.map[a] };
}
