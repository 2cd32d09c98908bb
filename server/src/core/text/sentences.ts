/**
 * Prose to sentences. Lines of a paragraph are joined (a PDF wraps mid-sentence), page markers
 * dropped, white space removed; sentences end at 。！？. Each sentence keeps an offset map.
 */
import type { Line } from './lines';
import { compactRanges, type Compact } from './compact';
import type { Span } from '../types';

export interface Sentence {
  c: Compact;
  span: Span;
}

const HEADING_START = /^\s*(?:\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2}、|\d{1,2}[.、](?!\d))/;
const HEADING_FIRST = new Set([...'(一二三四五六七八九十0123456789'].map((c) => c.charCodeAt(0)));
const PARAGRAPH_END = new Set([...'。!?:;'].map((c) => c.charCodeAt(0)));

const blank = (c: number) => c === 32 || c === 9 || c === 124; // space, tab, and a trailing pipe

/** The line's shape: empty, starts like a heading, ends a paragraph, short heading. */
function shape(norm: string, start: number, end: number) {
  let a = start;
  while (a < end && (norm.charCodeAt(a) === 32 || norm.charCodeAt(a) === 9)) a++;
  let b = end;
  while (b > a && blank(norm.charCodeAt(b - 1))) b--;
  const empty = a >= end;
  // The heading regex only runs when the first character can start one.
  const heading = !empty && HEADING_FIRST.has(norm.charCodeAt(a)) && HEADING_START.test(norm.slice(a, Math.min(end, a + 8)));
  const ends = b > a && PARAGRAPH_END.has(norm.charCodeAt(b - 1));
  let e = end;
  while (e > a && (norm.charCodeAt(e - 1) === 32 || norm.charCodeAt(e - 1) === 9)) e--;
  const short = heading && e - a <= 30 && !norm.slice(a, e).includes('。');
  return { empty, heading, ends, short };
}

/** `lineIdx`: the prose lines, in order. Lines not listed break paragraphs (tables). */
export function sentencesOf(lines: readonly Line[], norm: string, lineIdx: readonly number[], pageMarker: (li: number) => boolean): Sentence[] {
  const out: Sentence[] = [];
  let para: [number, number][] = [];
  const flush = () => {
    if (para.length) splitSentences(compactRanges(norm, para), out);
    para = [];
  };
  let prev = -1;
  for (const li of lineIdx) {
    const l = lines[li];
    const sh = shape(norm, l.start, l.end);
    // A gap that is not only page markers (e.g. a table) ends the paragraph.
    let gap = false;
    if (prev >= 0) for (let k = prev + 1; k < li && !gap; k++) if (lines[k].end > lines[k].start && !pageMarker(k)) gap = true;
    if (gap || sh.heading) flush();
    if (!sh.empty) para.push([l.start, l.end]);
    else flush();
    if (sh.ends || sh.short) flush();
    prev = li;
  }
  flush();
  return out;
}

function splitSentences(c: Compact, out: Sentence[]): void {
  const s = c.s;
  let a = 0;
  for (let i = 0; i <= s.length; i++) {
    const ch = s.charCodeAt(i);
    if (i === s.length || ch === 0x3002 || ch === 33 || ch === 63) {
      const b = i === s.length ? i : i + 1;
      if (b > a) {
        const map = c.map.subarray(a, b + 1);
        out.push({ c: { s: s.slice(a, b), map }, span: { start: c.map[a], end: c.map[b - 1] + 1 } });
      }
      a = b;
    }
  }
}
