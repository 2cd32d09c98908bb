/**
 * Turns the text of a table region into label/number groups, whatever the layout: one cell
 * per line (with or without pipes and blank lines), pipe-, tab- or space-separated rows,
 * Markdown tables, and PDF text with labels broken over lines and page markers inside.
 */
import type { Line } from '../text/lines';
import { parseDec } from '../num/decimal';
import { isWs } from '../text/normalize';
import type { Cell } from '../model';
import type { Span } from '../types';
import { isPageMarker } from './sections';

export interface Group {
  /** The label text before the numbers, white space removed, normalised. */
  label: string;
  labelSpan: Span;
  numbers: Cell[];
}

const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const MD_RULE = /^:?-{2,}:?$/;
const PIPE = 124;
const FULL_STOP = 0x3002; // 。
const UNIT_AFTER = /^[年月日件个条次项篇期场人元万余多]/;

/** Tokenises lines [from, to) of the region into groups of (label, numbers); marks the lines it read in `tableLines`. */
export function tokenize(lines: readonly Line[], text: string, norm: string, from: number, to: number, tableLines?: Uint8Array): Group[] {
  const groups: Group[] = [];
  let label = '';
  let labelStart = -1;
  let labelEnd = -1;
  let numbers: Cell[] = [];
  const flush = () => {
    if (labelStart >= 0 || numbers.length) groups.push({ label, labelSpan: labelStart >= 0 ? { start: labelStart, end: labelEnd } : numbers[0].span, numbers });
    label = '';
    labelStart = -1;
    numbers = [];
  };
  // One line's tokens (the first nt entries), in arrays reused from line to line.
  const toks: string[] = [];
  const starts: number[] = [];
  const isNum: boolean[] = [];
  for (let li = from; li < to; li++) {
    const line = lines[li];
    if (isPageMarker(norm, line.start, line.end)) continue;
    // Tokens are runs of characters other than white space and pipes (tabs are white space).
    let nt = 0;
    let prose = false;
    for (let i = line.start; i < line.end && !prose; ) {
      const c = norm.charCodeAt(i);
      if (c === PIPE || isWs(c)) {
        i++;
        continue;
      }
      let j = i;
      for (let d = c; j < line.end && d !== PIPE && !isWs(d); d = norm.charCodeAt(++j)) if (d === FULL_STOP) prose = true;
      const tok = norm.slice(i, j);
      if (!((c === 45 || c === 58) && MD_RULE.test(tok))) {
        toks[nt] = tok;
        starts[nt] = i;
        isNum[nt++] = c >= 48 && c <= 57 && NUMBER.test(tok);
      }
      i = j;
    }
    // A line with a full stop is prose; so is one where a number is followed by a unit
    // ("2023 年", "申请 21 件"): wrapped prose.
    for (let t = 0; t + 1 < nt && !prose; t++) prose = isNum[t] && UNIT_AFTER.test(toks[t + 1]);
    if (prose) continue;
    if (tableLines) tableLines[li] = 1;
    for (let t = 0; t < nt; t++) {
      const tok = toks[t];
      const start = starts[t];
      if (isNum[t]) {
        const span = { start, end: start + tok.length };
        numbers.push({ span, raw: text.slice(span.start, span.end), value: parseDec(tok)! });
      } else {
        if (numbers.length) flush();
        label += tok;
        if (labelStart < 0) labelStart = start;
        labelEnd = start + tok.length;
      }
    }
  }
  flush();
  return groups;
}

const GLOBAL = new Map<RegExp, RegExp>();
function globalOf(key: RegExp): RegExp {
  let g = GLOBAL.get(key);
  if (!g) GLOBAL.set(key, (g = new RegExp(key.source, 'g')));
  return g;
}

/**
 * The template row a label names: among the candidate keys, the one whose last match ends
 * latest in the label (a label can carry a group header or the tail of a previous label in
 * front, e.g. "(三)不予公开1.属于国家秘密", "法提供2.没有现成信息").
 */
export function matchLabel<T extends { key: RegExp }>(label: string, defs: readonly T[]): T | undefined {
  // Labels repeat across reports (the national format's own); remember the answer per label.
  let known = MATCHED.get(defs);
  if (!known) MATCHED.set(defs, (known = new Map()));
  if (known.has(label)) return known.get(label) as T | undefined;
  const found = matchLabelUncached(label, defs);
  if (known.size > 5000) known.clear();
  known.set(label, found);
  return found;
}

const MATCHED = new WeakMap<readonly { key: RegExp }[], Map<string, unknown>>();

function matchLabelUncached<T extends { key: RegExp }>(label: string, defs: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestEnd = -1;
  for (const def of defs) {
    const re = globalOf(def.key);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let end = -1;
    while ((m = re.exec(label))) {
      end = m.index + m[0].length;
      if (m[0].length === 0) re.lastIndex++;
    }
    if (end > bestEnd) {
      bestEnd = end;
      best = def;
    }
  }
  return best;
}
