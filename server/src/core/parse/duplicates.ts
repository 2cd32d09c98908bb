/** Finds blocks of lines that repeat an earlier stretch of the same file (a paste done twice). */
import type { Line } from '../text/lines';
import type { DuplicateBlock } from '../model';
import { isWs } from '../text/normalize';

/** A repeated run counts when it has at least this many characters of real content. */
const MIN_CHARS = 150;
const MIN_LINES = 2;

/** Characters that make a line trivial when it has nothing else (numbers and table rules). */
function isTrivialChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 44 || c === 124 || c === 58 || c === 45;
}

/**
 * Each line as a number: a hash of its non-blank characters and their count, so lines are
 * compared without building strings. Lines with equal numbers are compared character by
 * character before they count as repeated, so a hash collision cannot make a block.
 */
function lineKeys(lines: readonly Line[], norm: string) {
  const idx: number[] = [];
  const keys: number[] = [];
  const weights: number[] = [];
  for (const line of lines) {
    let h = 0x811c9dc5;
    let len = 0;
    let trivial = true;
    for (let i = line.start; i < line.end; i++) {
      const c = norm.charCodeAt(i);
      if (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c > 127 && isWs(c)) continue;
      h = Math.imul(h ^ c, 0x01000193);
      len++;
      if (trivial && !isTrivialChar(c)) trivial = false;
    }
    if (!len) continue;
    idx.push(line.index);
    // 30 bits keep the key a small integer (cheap as a Map key); equal keys are verified anyway.
    keys.push((h ^ Math.imul(len, 0x9e3779b1)) & 0x3fffffff);
    weights.push(trivial ? 0 : len);
  }
  return { idx, keys, weights };
}

function sameText(norm: string, a: Line, b: Line): boolean {
  let i = a.start;
  let j = b.start;
  for (;;) {
    while (i < a.end && isWs(norm.charCodeAt(i))) i++;
    while (j < b.end && isWs(norm.charCodeAt(j))) j++;
    if (i >= a.end || j >= b.end) return i >= a.end && j >= b.end;
    if (norm.charCodeAt(i++) !== norm.charCodeAt(j++)) return false;
  }
}

export function findDuplicates(lines: readonly Line[], norm: string): DuplicateBlock[] {
  // Work on the non-blank lines, compared without white space.
  const { idx, keys, weights } = lineKeys(lines, norm);
  const first = new Map<number, number>();
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
    // A repeated block starts with real content: lines of bare numbers and pipes ("0 |", "||")
    // repeat everywhere in tables and would start a run at nearly every line.
    if (weights[i] === 0) {
      i++;
      continue;
    }
    let k = 0;
    let chars = 0;
    while (i + k < n && j + k < i && keys[i + k] === keys[j + k] && sameText(norm, lines[idx[i + k]], lines[idx[j + k]])) {
      chars += weights[i + k];
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
