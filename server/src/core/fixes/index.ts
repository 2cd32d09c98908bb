/** Fixes are data; one function applies them, dropping edits that overlap an earlier one. */
import type { Cell } from '../model';
import { formatDec, type Dec } from '../num/decimal';
import type { Edit, Fix, FixStage } from '../types';

const FULL = /[\uFF01-\uFF5E]/;
const isFull = (c: string | undefined) => !!c && FULL.test(c);
const toFull = (c: string) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c);
const isPoint = (c: string) => c === '.' || c === '\uFF0E';

/**
 * Writes a value in the style of the token it replaces, character by character: each character
 * takes the width (full-width or half-width) of the character of `raw` in the same place counted
 * from the decimal point ("９.８" → "８.８", "１，２３４" → "１，２３５"); a character with no
 * counterpart takes the width of the nearest one ("９" → "１０").
 */
export function styled(raw: string, value: Dec | bigint | number | string): string {
  const s = typeof value === 'object' ? formatDec(value) : String(value);
  if (!FULL.test(raw)) return s;
  const rp = [...raw].findIndex(isPoint);
  const [ri, rf] = rp < 0 ? [raw, ''] : [raw.slice(0, rp), raw.slice(rp + 1)];
  const sp = s.indexOf('.');
  const [si, sf] = sp < 0 ? [s, ''] : [s.slice(0, sp), s.slice(sp + 1)];
  // Integer part aligned from the right, fraction from the left; the point takes the point's width.
  const intPart = [...si].map((c, k) => {
    const from = ri.length - (si.length - k);
    return isFull(ri[Math.max(0, from)] ?? rf[0] ?? raw[rp]) ? toFull(c) : c;
  });
  const fracPart = [...sf].map((c, k) => (isFull(rf[Math.min(k, rf.length - 1)] ?? ri[ri.length - 1]) ? toFull(c) : c));
  const point = sp < 0 ? '' : isFull(rp >= 0 ? raw[rp] : (ri[ri.length - 1] ?? rf[0])) ? '\uFF0E' : '.';
  return intPart.join('') + point + fracPart.join('');
}

export function replaceCell(cell: Pick<Cell, 'span' | 'raw'>, value: Dec | bigint | number): Edit {
  // An empty pipe cell ("|  |") gets the number with a space either side.
  const newText = cell.raw.trim() === '' ? ` ${styled(cell.raw, value)} ` : styled(cell.raw, value);
  return { start: cell.span.start, end: cell.span.end, newText };
}

export function setValueFix(cell: Pick<Cell, 'span' | 'raw'>, value: Dec | bigint | number, stage: FixStage, isPreferred = true, what?: { zh: string; en: string }): Fix {
  const edit = replaceCell(cell, value);
  return {
    title: what ? { zh: `${what.zh}改为 ${edit.newText}`, en: `Change ${what.en} to ${edit.newText}` } : { zh: `改为 ${edit.newText}`, en: `Change to ${edit.newText}` },
    isPreferred,
    edits: [edit],
    stage,
  };
}

/** Whether fix-all may apply this fix: preferred and in one of its stages. */
export function isAutoFix(fix: Fix): boolean {
  return fix.isPreferred && fix.stage !== 'never';
}

/** Applies the edits of `fixes` to `text`; an edit overlapping an already accepted one is dropped. */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  return applyEdits(
    text,
    fixes.flatMap((f) => f.edits),
  );
}

/** The edits applyEdits keeps: in order of position, without overlapping or repeated ones. */
export function keptEdits(edits: readonly Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Edit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < lastEnd) continue;
    if (kept.length && e.start === kept[kept.length - 1].start && e.end === kept[kept.length - 1].end) continue;
    kept.push(e);
    lastEnd = e.end;
  }
  return kept;
}

/** Applies edits in order of position (insertions before a replacement at the same start); overlapping and repeated edits are dropped. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let pos = 0;
  for (const e of keptEdits(edits)) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/**
 * Edits on the original text equal to applying `first` (kept edits on the original) and then
 * `second` (kept edits on `mid`, the text `first` produced). Edits that overlap or touch merge.
 */
export function composeEdits(first: readonly Edit[], mid: string, second: readonly Edit[]): Edit[] {
  interface Item {
    /** Range in `mid`. */
    a: number;
    b: number;
    /** The first edit it stands for, or the second edit it is. */
    orig?: Edit;
    sec?: Edit;
  }
  const items: Item[] = [];
  let delta = 0;
  for (const e of first) {
    const a = e.start + delta;
    items.push({ a, b: a + e.newText.length, orig: e });
    delta += e.newText.length - (e.end - e.start);
  }
  for (const e of second) items.push({ a: e.start, b: e.end, sec: e });
  items.sort((x, y) => x.a - y.a || x.b - y.b);
  const growth = (e: Edit) => e.newText.length - (e.end - e.start);
  const out: Edit[] = [];
  // Groups of items that overlap or touch, in order; `before`: the growth of first edits in earlier groups.
  let before = 0;
  for (let i = 0; i < items.length;) {
    let j = i + 1;
    let end = items[i].b;
    while (j < items.length && items[j].a <= end) end = Math.max(end, items[j++].b);
    const group = items.slice(i, j);
    const g0 = items[i].a;
    const firsts = group.filter((x) => x.orig);
    const grown = firsts.reduce((d, x) => d + growth(x.orig!), 0);
    // An end inside a first edit's new text maps to that edit's end; otherwise shift back.
    const startItem = firsts.find((x) => x.a === g0);
    const endItem = firsts.filter((x) => x.b === end).pop();
    const start = startItem ? startItem.orig!.start : g0 - before;
    const stop = endItem ? endItem.orig!.end : end - before - grown;
    const inner = group.filter((x) => x.sec).map((x) => ({ ...x.sec!, start: x.a - g0, end: x.b - g0 }));
    out.push({ start, end: stop, newText: applyEdits(mid.slice(g0, end), inner) });
    before += grown;
    i = j;
  }
  return out;
}

export interface FixRoundsResult {
  text: string;
  /** Rounds that changed the text, on the way to the result. */
  rounds: number;
  /** Fixes applied on that way. */
  applied: number;
  /** The result as edits on the original text: one per changed place (e.g. one per number). */
  edits: Edit[];
}

interface State {
  /** Edits from the original text to this one. */
  edits: Edit[];
  /** The edits of the round that made this text (on the previous text). */
  round: Edit[];
  applied: number;
  /** Places fix-all leaves alone from here on (in this text). */
  blocked: Edit[];
}

const overlaps = (e: Edit, b: Edit) => (e.start < b.end && b.start < e.end) || e.start === b.start;

/** `r` moved through kept edits `edits` (r is not inside one of them). */
function moved(r: Edit, edits: readonly Edit[]): Edit {
  let d = 0;
  for (const e of edits) if (e.end <= r.start) d += e.newText.length - (e.end - e.start);
  return { ...r, start: r.start + d, end: r.end + d };
}

/** Where a place of a text lies in the original, given the edits that made the text from it. */
function originalPlace(place: Edit, edits: readonly Edit[]): Edit {
  let d = 0;
  for (const e of edits) {
    const a = e.start + d;
    const b = a + e.newText.length;
    if (place.start < b && a < place.end) return { start: e.start, end: e.end, newText: '' };
    if (b > place.start) break;
    d += e.newText.length - (e.end - e.start);
  }
  return { start: place.start - d, end: place.end - d, newText: '' };
}

/** A key of a text (length and two 32-bit hashes), so that earlier texts need not be kept. */
function textKey(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return `${s.length}:${h1 >>> 0}:${h2 >>> 0}`;
}

/**
 * Applies `fixesOf(text, usable)` round by round until it offers nothing new (at most `maxRounds`
 * rounds); `usable` tells which fixes would be applied (a caller choosing among fixes uses it).
 * Figures in conflict are left alone: fixes of one round that write different values into the
 * same place are all dropped (the rules may agree once the other fixes are in), and a round that
 * brings back an earlier text (a cycle: two rules keep undoing each other) is abandoned — fix-all
 * starts again from the original text and leaves the places the cycle edited as they were written.
 */
export function fixRounds(text: string, fixesOf: (text: string, usable: (f: Fix) => boolean) => readonly Fix[], maxRounds: number): FixRoundsResult {
  const path: State[] = [{ edits: [], round: [], applied: 0, blocked: [] }];
  const seen = new Map<string, number>([[textKey(text), 0]]);
  let current = text;
  // Each cycle blocks at least one place, so this bound is never reached in practice.
  for (let analyses = 0; path.length - 1 < maxRounds && analyses < 3 * maxRounds; analyses++) {
    const cur = path[path.length - 1];
    const usable = (f: Fix) => !cur.blocked.length || f.edits.every((e) => !cur.blocked.some((b) => overlaps(e, b)));
    const fixes = fixesOf(current, usable).filter(usable);
    // The same place with different new texts: a conflict; none of them is applied (this round:
    // once other fixes are in, the rules may agree).
    const texts = new Map<string, Set<string>>();
    const at = (e: Edit) => `${e.start}:${e.end}`;
    for (const f of fixes) for (const e of f.edits) (texts.get(at(e)) ?? texts.set(at(e), new Set()).get(at(e))!).add(e.newText);
    const kept = keptEdits(fixes.flatMap((f) => f.edits).filter((e) => texts.get(at(e))!.size === 1));
    const next = applyEdits(current, kept);
    if (next === current) break;
    const key = textKey(next);
    const k = seen.get(key);
    if (k !== undefined) {
      // A cycle back to path[k]: the places the round after it edited are in conflict. Start again
      // from the original text and leave those places (as they were originally) alone.
      const places = path[k + 1].round.map((e) => originalPlace(e, path[k].edits));
      path.splice(1);
      seen.clear();
      seen.set(textKey(text), 0);
      path[0].blocked = [...path[0].blocked, ...places];
      current = text;
      continue;
    }
    const keptSet = new Set(kept);
    const applied = fixes.filter((f) => f.edits.some((e) => keptSet.has(e))).length;
    path.push({
      edits: composeEdits(cur.edits, current, kept),
      round: kept,
      applied: cur.applied + applied,
      blocked: cur.blocked.map((b) => moved(b, kept)),
    });
    seen.set(key, path.length - 1);
    current = next;
  }
  const last = path[path.length - 1];
  return { text: current, rounds: path.length - 1, applied: last.applied, edits: last.edits };
}
