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
 * Each non-blank line as numbers: a 32-bit hash of its non-blank characters, their count, and
 * the count of "real" ones (not digits, pipes, rules), so lines are compared without building
 * strings. Equal hashes are compared character by character, so a collision cannot make a block.
 */
function lineKeys(lines: readonly Line[], norm: string) {
  const idx = new Int32Array(lines.length);
  const keys = new Int32Array(lines.length);
  const lens = new Int32Array(lines.length);
  const weights = new Int32Array(lines.length);
  let n = 0;
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
    idx[n] = line.index;
    keys[n] = h;
    lens[n] = len;
    weights[n] = trivial ? 0 : len;
    n++;
  }
  return { n, idx, keys, lens, weights };
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
  const { n, idx, keys, lens, weights } = lineKeys(lines, norm);
  const same = (a: number, b: number) => keys[a] === keys[b] && lens[a] === lens[b] && sameText(norm, lines[idx[a]], lines[idx[b]]);
  // The first line with each text (of real content): an open-addressing table of line numbers (-1: empty).
  let cap = 16;
  while (cap < 2 * n) cap *= 2;
  const table = new Int32Array(cap).fill(-1);
  /** The first earlier line with the text of line t; records t when there is none (-1). */
  const firstOf = (t: number): number => {
    let h = keys[t] & (cap - 1);
    for (let u = table[h]; u !== -1; u = table[h]) {
      if (same(u, t)) return u;
      h = (h + 1) & (cap - 1);
    }
    table[h] = t;
    return -1;
  };
  const blocks: DuplicateBlock[] = [];
  let i = 0;
  while (i < n) {
    // A repeated block starts with real content: lines of bare numbers and pipes ("0 |", "||")
    // repeat everywhere in tables and would start a run at nearly every line. Only lines with
    // real content are looked up (runs compare the lines in between directly).
    const j = weights[i] === 0 ? -1 : firstOf(i);
    if (j < 0) {
      i++;
      continue;
    }
    let k = 0;
    let chars = 0;
    while (i + k < n && j + k < i && same(i + k, j + k)) {
      chars += weights[i + k];
      k++;
    }
    if (k >= MIN_LINES && chars >= MIN_CHARS) {
      blocks.push({
        span: { start: lines[idx[i]].start, end: lines[idx[i + k - 1]].end },
        firstCopy: { start: lines[idx[j]].start, end: lines[idx[j + k - 1]].end },
      });
      for (let t = i + 1; t < i + k; t++) if (weights[t] > 0) firstOf(t);
      i += k;
    } else i++;
  }
  return blocks;
}

/**
 * How much of [start, end) lies in blocks whose first copy starts before `start`: a report is a
 * pasted copy only when its text repeats what came before it. Repeats inside it (its sections
 * pasted again and again) make its later part repeated, never the report itself.
 */
export function copiedFromBefore(blocks: readonly DuplicateBlock[], start: number, end: number): number {
  let covered = 0;
  for (const b of blocks) if (b.firstCopy.start < start) covered += Math.max(0, Math.min(end, b.span.end) - Math.max(start, b.span.start));
  return covered;
}
