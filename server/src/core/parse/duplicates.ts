/** Finds blocks of lines that repeat an earlier stretch of the same file (a paste done twice). */
import type { Line } from '../text/lines';
import type { DuplicateBlock } from '../model';

/** A repeated run counts when it has at least this many characters of real content. */
const MIN_CHARS = 150;
const MIN_LINES = 2;
const TRIVIAL = /^[\d.,|:\-\s]*$/;

/** Exactly the white space of the regular-expression class \s. */
function isWs(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** norm[start, end) without white space; a loop rather than replace(/\s+/g), which was most of the cost. */
function squeeze(norm: string, start: number, end: number): string {
  let out = '';
  let run = start;
  for (let i = start; i < end; i++) {
    if (isWs(norm.charCodeAt(i))) {
      if (run < i) out += norm.slice(run, i);
      run = i + 1;
    }
  }
  if (run === start) return norm.slice(start, end);
  return run < end ? out + norm.slice(run, end) : out;
}

export function findDuplicates(lines: readonly Line[], norm: string): DuplicateBlock[] {
  // Work on the non-blank lines, compared without white space.
  const idx: number[] = [];
  const keys: string[] = [];
  for (const line of lines) {
    const key = squeeze(norm, line.start, line.end);
    if (key) {
      idx.push(line.index);
      keys.push(key);
    }
  }
  const first = new Map<string, number>();
  const blocks: DuplicateBlock[] = [];
  const n = keys.length;
  // Characters of real content per line, computed once (runs compare the same lines many times).
  const weight = new Int32Array(n).fill(-1);
  const weightOf = (t: number) => (weight[t] >= 0 ? weight[t] : (weight[t] = TRIVIAL.test(keys[t]) ? 0 : keys[t].length));
  let i = 0;
  while (i < n) {
    const j = first.get(keys[i]);
    if (j === undefined) {
      first.set(keys[i], i);
      i++;
      continue;
    }
    let k = 0;
    let chars = 0;
    while (i + k < n && j + k < i && keys[i + k] === keys[j + k]) {
      chars += weightOf(i + k);
      k++;
    }
    if (k >= MIN_LINES && chars >= MIN_CHARS) {
      blocks.push({
        span: { start: lines[idx[i]].start, end: lines[idx[i + k - 1]].end },
        firstCopy: { start: lines[idx[j]].start, end: lines[idx[j + k - 1]].end },
      });
      for (let t = i; t < i + k; t++) if (!first.has(keys[t])) first.set(keys[t], t);
      i += k;
    } else i++;
  }
  return blocks;
}
