/** Fixes are data; one function applies them, dropping edits that overlap an earlier one. */
import type { Cell } from './model';
import { formatDec, type Dec } from './num/decimal';
import type { Edit, Fix, FixStage } from './types';

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
  const point = sp < 0 ? '' : isFull(rp >= 0 ? raw[rp] : ri[ri.length - 1] ?? rf[0]) ? '\uFF0E' : '.';
  return intPart.join('') + point + fracPart.join('');
}

export function replaceCell(cell: Pick<Cell, 'span' | 'raw'>, value: Dec | bigint | number): Edit {
  return { start: cell.span.start, end: cell.span.end, newText: styled(cell.raw, value) };
}

export function setValueFix(cell: Pick<Cell, 'span' | 'raw'>, value: Dec | bigint | number, stage: FixStage, isPreferred = true, what?: { zh: string; en: string }): Fix {
  const edit = replaceCell(cell, value);
  return {
    title: what
      ? { zh: `${what.zh}改为 ${edit.newText}`, en: `Change ${what.en} to ${edit.newText}` }
      : { zh: `改为 ${edit.newText}`, en: `Change to ${edit.newText}` },
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
    /** The first-edit it stands for (undefined for a second edit). */
    orig?: Edit;
  }
  const items: Item[] = [];
  let delta = 0;
  for (const e of first) {
    const a = e.start + delta;
    items.push({ a, b: a + e.newText.length, orig: e });
    delta += e.newText.length - (e.end - e.start);
  }
  for (const e of second) items.push({ a: e.start, b: e.end });
  items.sort((x, y) => x.a - y.a || x.b - y.b);
  const firstMid = items.filter((x) => x.orig);
  /** A position of `mid` outside every first edit's new text, on the original. */
  const toOrig = (p: number) => {
    let d = 0;
    for (const x of firstMid) if (x.b <= p && x.a < p) d += x.orig!.newText.length - (x.orig!.end - x.orig!.start);
    return p - d;
  };
  const out: Edit[] = [];
  for (let i = 0; i < items.length; ) {
    let j = i + 1;
    let end = items[i].b;
    while (j < items.length && items[j].a <= end) end = Math.max(end, items[j++].b);
    const group = items.slice(i, j);
    const g0 = items[i].a;
    const startItem = group.find((x) => x.orig && x.a === g0);
    const endItem = group.filter((x) => x.orig && x.b === end).pop();
    const start = startItem ? startItem.orig!.start : toOrig(g0);
    const stop = endItem ? endItem.orig!.end : toOrig(end);
    const inner = second.filter((e) => e.start >= g0 && e.end <= end).map((e) => ({ ...e, start: e.start - g0, end: e.end - g0 }));
    out.push({ start, end: stop, newText: applyEdits(mid.slice(g0, end), inner) });
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
  text: string;
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

/**
 * Applies `fixesOf(text, usable)` round by round until it offers nothing new (at most `maxRounds`
 * rounds); `usable` tells which fixes would be applied (a caller choosing among fixes uses it).
 * Figures in conflict are left alone: fixes of one round that write different values into the same
 * place are all dropped (the rules may agree once the other fixes are in), and a round that brings back an earlier text (a cycle: two rules keep
 * undoing each other) is abandoned — fix-all starts again from the original text and leaves the
 * places the cycle edited as they were written.
 */
export function fixRounds(text: string, fixesOf: (text: string, usable: (f: Fix) => boolean) => readonly Fix[], maxRounds: number): FixRoundsResult {
  const path: State[] = [{ text, edits: [], round: [], applied: 0, blocked: [] }];
  const seen = new Map<string, number>([[text, 0]]);
  // Each cycle blocks at least one place, so this bound is never reached in practice.
  for (let analyses = 0; path.length - 1 < maxRounds && analyses < 3 * maxRounds; analyses++) {
    const cur = path[path.length - 1];
    const usable = (f: Fix) => f.edits.every((e) => !cur.blocked.some((b) => overlaps(e, b)));
    const fixes = fixesOf(cur.text, usable).filter(usable);
    const edits = fixes.flatMap((f) => f.edits);
    // The same place with different new texts: a conflict; none of them is applied (this round:
    // once other fixes are in, the rules may agree).
    const clash = edits.filter((e) => edits.some((o) => o.start === e.start && o.end === e.end && o.newText !== e.newText));
    const kept = keptEdits(edits.filter((e) => !clash.includes(e)));
    const next = applyEdits(cur.text, kept);
    if (next === cur.text) break;
    const k = seen.get(next);
    if (k !== undefined) {
      // A cycle back to path[k]: the places the round after it edited are in conflict. Start again
      // from the original text and leave those places (as they were originally) alone.
      const places = path[k + 1].round.map((e) => originalPlace(e, path[k].edits));
      path.splice(1);
      seen.clear();
      seen.set(text, 0);
      path[0].blocked = [...path[0].blocked, ...places];
      continue;
    }
    const applied = fixes.filter((f) => f.edits.some((e) => kept.includes(e))).length;
    path.push({
      text: next,
      edits: composeEdits(cur.edits, cur.text, kept),
      round: kept,
      applied: cur.applied + applied,
      blocked: cur.blocked.map((b) => moved(b, kept)),
    });
    seen.set(next, path.length - 1);
  }
  const last = path[path.length - 1];
  return { text: last.text, rounds: path.length - 1, applied: last.applied, edits: last.edits };
}
