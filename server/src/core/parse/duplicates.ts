/** Finds blocks of lines that repeat an earlier stretch of the same file (a paste done twice). */
import type { Line } from '../text/lines';
import type { DuplicateBlock } from '../model';

/** A repeated run counts when it has at least this many characters of real content. */
const MIN_CHARS = 150;
const MIN_LINES = 2;
const TRIVIAL = /^[\d.,|:\-\s]*$/;

export function findDuplicates(lines: readonly Line[], norm: string): DuplicateBlock[] {
  // Work on the non-blank lines, compared without white space.
  const idx: number[] = [];
  const keys: string[] = [];
  for (const line of lines) {
    const key = norm.slice(line.start, line.end).replace(/\s+/g, '');
    if (key) {
      idx.push(line.index);
      keys.push(key);
    }
  }
  const first = new Map<string, number>();
  const blocks: DuplicateBlock[] = [];
  const n = keys.length;
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
      if (!TRIVIAL.test(keys[i + k])) chars += keys[i + k].length;
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
