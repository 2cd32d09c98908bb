/** Lines with their offsets; CR, LF and CRLF all end a line and stay in the text untouched. */
export interface Line {
  /** 0-based line number. */
  index: number;
  start: number;
  /** End of the content, before the line break. */
  end: number;
  /** Cut from a longer physical line (crawled one-line page text), not ended by a line break. */
  virtual?: boolean;
}

const BREAK = /[\r\n]/g;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  BREAK.lastIndex = 0;
  // Jump from line break to line break (a native scan), not character by character.
  for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
    const i = m.index;
    lines.push({ index: lines.length, start, end: i });
    start = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    BREAK.lastIndex = start;
  }
  lines.push({ index: lines.length, start, end: text.length });
  return lines;
}

/** Index of the line containing `offset` (binary search over line starts). */
export function lineAt(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
