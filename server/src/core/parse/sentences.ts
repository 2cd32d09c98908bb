/**
 * Prose to sentences. Lines of a paragraph are joined (a PDF wraps mid-sentence), page markers
 * dropped, white space removed; sentences end at 。！？. Each sentence keeps an offset map.
 */
import type { Line } from '../text/lines';
import { compactRanges, type Compact } from '../text/compact';
import type { Span } from '../types';

export interface Sentence {
  c: Compact;
  span: Span;
}

const HEADING_START = /^\s*(?:\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2}、|\d{1,2}[.、](?!\d))/;
const ENDS_PARAGRAPH = /[。!?:;]\s*[|]?\s*$/;

function headingLike(t: string): boolean {
  return HEADING_START.test(t) && t.trim().length <= 30 && !t.includes('。');
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
    const t = norm.slice(l.start, l.end);
    // A gap that is not only page markers (e.g. a table) ends the paragraph.
    let gap = false;
    if (prev >= 0) for (let k = prev + 1; k < li; k++) if (!pageMarker(k) && lines[k].end > lines[k].start) gap = true;
    if (gap || HEADING_START.test(t)) flush();
    if (t.trim()) para.push([l.start, l.end]);
    else flush();
    if (ENDS_PARAGRAPH.test(t) || headingLike(t)) flush();
    prev = li;
  }
  flush();
  return out;
}

function splitSentences(c: Compact, out: Sentence[]): void {
  const s = c.s;
  let a = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s[i] === '。' || s[i] === '!' || s[i] === '?') {
      const b = i === s.length ? i : i + 1;
      if (b > a) {
        const map = c.map.subarray(a, b + 1);
        out.push({ c: { s: s.slice(a, b), map }, span: { start: c.map[a], end: c.map[b - 1] + 1 } });
      }
      a = b;
    }
  }
}
