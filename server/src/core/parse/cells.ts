/**
 * Turns the text of a table region into label/value groups, whatever the layout: one cell per
 * line (with or without pipes and blank lines), pipe-, tab- or space-separated rows, Markdown
 * tables, PDF text with labels broken over lines and page markers inside, HTML tables with empty
 * cells, and crawled page text where cells run together ("(一)予以公开710000071").
 *
 * A value is an item: a number as written, a blank (an empty pipe cell or a placeholder such as
 * "—", "/", "无"), or a run of digits whose cell boundaries are unknown; ./split.ts turns items
 * into cells once the number of cells a row needs is known.
 */
import type { Line } from '../text/lines';
import { parseDec, type Dec } from '../num/decimal';
import { isWs } from '../text/normalize';
import type { Span } from '../types';
import { isPageMarker } from './sections';

export type ItemKind = 'num' | 'blank' | 'run';

export interface Item {
  kind: ItemKind;
  /** For a blank pipe cell: the white space between the pipes (possibly empty). */
  span: Span;
  /** As written in the original text. */
  raw: string;
  /** The normalised digits (num and run); '' for a blank. */
  digits: string;
  /** For num: its value. */
  value?: Dec;
  line: number;
}

export interface Group {
  /** The label text before the values, white space removed, normalised. */
  label: string;
  labelSpan: Span;
  /** The label ends on the line of the first value (a row with its own label cell). */
  sameLine: boolean;
  /** The part of the label on the line of the first value ('' when the label is on earlier lines). */
  lineLabel: string;
  items: Item[];
  /** How many items are numbers or runs (not blanks). */
  filled: number;
  /** The values are one table row of their own line (two pipes or more: Markdown, HTML, pipe rows). */
  pipeRow: boolean;
}

const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const MD_RULE = /^:?-{2,}:?$/;
const PLACEHOLDER = /^(?:[-—–―]{1,2}|\/|无|空)$/;
const PIPE = 124;
const FULL_STOP = 0x3002; // 。
const UNIT_AFTER = /^[年月日件个条次项篇期场人元万余多]/;
/** A digit run inside a token: digits, optionally a decimal part. */
const DIGITS = /\d+(?:\.\d+)?/g;

interface Tok {
  kind: 'label' | ItemKind;
  start: number;
  end: number;
  /** Normalised text of the token. */
  text: string;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Splits a token mixing text and digits into label and run pieces. A digit followed by "." or
 * "、" and then text is a list ordinal of the next label ("00000003.危及…": the 3 opens "3.危及").
 * Returns undefined when a digit run is followed by a unit (prose such as "2023年").
 */
function splitMixed(tok: string, start: number, out: Tok[]): boolean {
  let last = 0;
  DIGITS.lastIndex = 0;
  for (let m = DIGITS.exec(tok); m; m = DIGITS.exec(tok)) {
    const a = m.index;
    let b = a + m[0].length;
    const next = tok.charCodeAt(b);
    const ordinal = !m[0].includes('.') && (next === 46 || next === 0x3001) && b + 1 < tok.length && !isDigit(tok.charCodeAt(b + 1));
    if (ordinal) b -= 1; // the last digit belongs to the label after it
    if (b > a && UNIT_AFTER.test(tok.slice(b))) return false;
    if (a > last) out.push({ kind: 'label', start: start + last, end: start + a, text: tok.slice(last, a) });
    if (b > a) out.push({ kind: m[0].includes('.') ? 'num' : 'run', start: start + a, end: start + b, text: tok.slice(a, b) });
    last = b;
  }
  if (last < tok.length) out.push({ kind: 'label', start: start + last, end: start + tok.length, text: tok.slice(last) });
  return true;
}

/** The token when its only digits are a run at its start or its end (not a list ordinal); else undefined. */
function edgeDigits(tok: string): string | undefined {
  const m = /^(\d+(?:\.\d+)?)?(\D*)(\d+(?:\.\d+)?)?$/.exec(tok);
  if (!m || (!m[1] && !m[3])) return undefined;
  if (m[1] && !m[3] && /^[.、]/.test(m[2])) return undefined; // "1.属于国家秘密"
  return tok;
}

/**
 * The tokens of one line, or undefined when the line is prose; `pipeRow` when the line is a table
 * row of its own (two pipes or more, with at least two values).
 */
function lineTokens(norm: string, line: Line): { toks: Tok[]; pipeRow: boolean } | undefined {
  const toks: Tok[] = [];
  // In a row with pipes the cells are given: "数据1" is a header cell, not "数据" and 1.
  let cellsGiven = false;
  for (let i = line.start, k = 0; i < line.end && !cellsGiven; i++) if (norm.charCodeAt(i) === PIPE && ++k >= 2) cellsGiven = true;
  let pipes = 0;
  let lastPipe = -1;
  let cellHasToken = false;
  for (let i = line.start; i < line.end;) {
    const c = norm.charCodeAt(i);
    if (c === PIPE) {
      // An empty cell between two pipes is a blank value; so is white space before the first
      // pipe of a row written without outer pipes (" |  | 3 |").
      if (!cellHasToken && (lastPipe >= 0 || i > line.start)) toks.push({ kind: 'blank', start: lastPipe >= 0 ? lastPipe + 1 : line.start, end: i, text: '' });
      pipes++;
      lastPipe = i;
      cellHasToken = false;
      i++;
      continue;
    }
    if (isWs(c)) {
      i++;
      continue;
    }
    let j = i;
    for (let d = c; j < line.end && d !== PIPE && !isWs(d); d = norm.charCodeAt(++j)) if (d === FULL_STOP) return undefined;
    const text = norm.slice(i, j);
    cellHasToken = true;
    if ((c === 45 || c === 58) && MD_RULE.test(text)) {
      i = j;
      continue;
    }
    if (isDigit(c) && NUMBER.test(text)) {
      // Digits standing alone: one number, unless the line was cut from crawled one-line text,
      // where a row's cells may run together ("总计 21710000218").
      const splittable = line.virtual && !text.includes('.') && !text.includes(',') && text.length > 1;
      toks.push({ kind: splittable ? 'run' : 'num', start: i, end: j, text });
    } else if (PLACEHOLDER.test(text)) {
      toks.push({ kind: 'blank', start: i, end: j, text });
    } else if (/\d/.test(text)) {
      // Crawled text runs everything together; elsewhere only a number at either end of a token
      // is split off ("行政许可71936"), so that digits inside a label ("alert(1)") stay label.
      const at = line.virtual ? text : cellsGiven ? undefined : edgeDigits(text);
      if (at === undefined) toks.push({ kind: 'label', start: i, end: j, text });
      else if (!splitMixed(text, i, toks)) return undefined;
    } else {
      toks.push({ kind: 'label', start: i, end: j, text });
    }
    i = j;
  }
  // White space after the last pipe ("10 | 1 |  | ") is a last, empty cell (whether it counts
  // is decided by the row's width, see trimBlanks).
  if (pipes >= 2 && !cellHasToken && lastPipe < line.end - 1) {
    toks.push({ kind: 'blank', start: lastPipe + 1, end: line.end, text: '' });
  }
  // With fewer than two pipes there are no cells to be empty ("0 |", " |").
  if (pipes < 2) for (let t = toks.length - 1; t >= 0; t--) if (toks[t].kind === 'blank' && !toks[t].text) toks.splice(t, 1);
  // A number followed by a unit on its own ("2023 年", "申请 21 件") is wrapped prose.
  for (let t = 0; t + 1 < toks.length; t++) {
    const k = toks[t].kind;
    if ((k === 'num' || k === 'run') && toks[t + 1].kind === 'label' && UNIT_AFTER.test(toks[t + 1].text)) return undefined;
  }
  // A placeholder is a blank cell only in a pipe cell, beside other values, or alone on its line;
  // otherwise it is text ("无" in a label broken over lines).
  let values = 0;
  for (const t of toks) if (t.kind !== 'label') values++;
  if (pipes < 2 && values < 2 && toks.length > 1) for (const t of toks) if (t.kind === 'blank' && t.text) t.kind = 'label';
  return { toks, pipeRow: pipes >= 2 && values >= 2 };
}

/** Tokenises lines [from, to) of the region into groups of (label, values); marks the lines it read in `tableLines`. */
export function tokenize(lines: readonly Line[], text: string, norm: string, from: number, to: number, tableLines?: Uint8Array): Group[] {
  const groups: Group[] = [];
  let label = '';
  let labelStart = -1;
  let labelEnd = -1;
  let labelLine = -1;
  let lineLabel = '';
  let items: Item[] = [];
  let filled = 0;
  let inPipeRow = false;
  const flush = () => {
    if (labelStart >= 0 || items.length) {
      const first = items[0];
      groups.push({
        label,
        labelSpan: labelStart >= 0 ? { start: labelStart, end: labelEnd } : first.span,
        sameLine: labelStart >= 0 && !!first && first.line === labelLine,
        lineLabel: labelStart >= 0 && !!first && first.line === labelLine ? lineLabel : '',
        items,
        filled,
        pipeRow: inPipeRow,
      });
    }
    label = '';
    labelStart = -1;
    labelLine = -1;
    lineLabel = '';
    items = [];
    filled = 0;
  };
  for (let li = from; li < to; li++) {
    const line = lines[li];
    if (isPageMarker(norm, line.start, line.end)) continue;
    const lt = lineTokens(norm, line);
    if (!lt) continue;
    const toks = lt.toks;
    if (tableLines) tableLines[li] = 1;
    // A line with two pipes or more is a whole table row (Markdown, HTML, pipe-separated rows):
    // values from earlier lines do not run into it, and it ends with its line.
    const pipeRow = lt.pipeRow;
    if (pipeRow && items.length) flush();
    inPipeRow = pipeRow;
    for (const t of toks) {
      if (t.kind === 'label') {
        if (filled) flush();
        else if (items.length) {
          // Blanks before a label on the same line are gaps in a header row; blanks on earlier
          // lines were a row of empty cells.
          if (items.every((x) => x.line === li)) items = [];
          else flush();
        }
        label += t.text;
        if (labelStart < 0) labelStart = t.start;
        labelEnd = t.end;
        if (labelLine !== li) lineLabel = '';
        lineLabel += t.text;
        labelLine = li;
        continue;
      }
      const span = { start: t.start, end: t.end };
      const item: Item = { kind: t.kind, span, raw: text.slice(t.start, t.end), digits: t.text.includes(',') ? t.text.replace(/,/g, '') : t.text, line: li };
      if (t.kind === 'num') item.value = parseDec(t.text)!;
      if (t.kind === 'blank') item.digits = '';
      else filled++;
      items.push(item);
    }
    if (pipeRow && items.length) flush();
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
