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

export function compact(norm: string, start: number, end: number): Compact {
  const map = new Int32Array(end - start + 1);
  let out = '';
  let j = 0;
  let runStart = start;
  for (let i = start; i < end; i++) {
    if (isSpace(norm.charCodeAt(i))) {
      if (runStart < i) out += norm.slice(runStart, i);
      runStart = i + 1;
      continue;
    }
    map[j++] = i;
  }
  if (runStart < end) out += norm.slice(runStart, end);
  map[j] = end;
  return { s: out, map: map.subarray(0, j + 1) };
}

/** Original span of compact range [a, b). */
export function spanOf(c: Compact, a: number, b: number): { start: number; end: number } {
  return { start: c.map[a], end: b > a ? c.map[b - 1] + 1 : c.map[a] };
}
