/**
 * Comparing printed wording with a reference wording: a canonical form that ignores width,
 * white space and punctuation (quotes excepted: they are part of "三安全一稳定"'s wording), and
 * an approximate match of the reference inside the printed text with the edits between them.
 */
import { isSpace } from './normalize';

export interface Canon {
  s: string;
  /** Original offset of each canonical character. */
  pos: number[];
}

const QUOTE = /[“”"'‘’「」『』]/;
/** Punctuation and symbols, after normalisation (full-width forms are already half-width). */
const PUNCT = /[\p{P}\p{S}]/u;

/** The canonical form of norm[start, end): white space, pipes and punctuation dropped, every quote mark written '"'. */
export function canon(norm: string, start: number, end: number): Canon {
  let s = '';
  const pos: number[] = [];
  for (let i = start; i < end; i++) {
    const ch = norm[i];
    const code = ch.charCodeAt(0);
    // Surrogates (emoji) are no wording; leaving them out also keeps every span off a pair's middle.
    if (isSpace(code) || (code >= 0xd800 && code <= 0xdfff)) continue;
    if (QUOTE.test(ch)) {
      s += '"';
      pos.push(i);
    } else if (!PUNCT.test(ch)) {
      s += ch;
      pos.push(i);
    }
  }
  return { s, pos };
}

export interface CanonRef {
  s: string;
  /** Each character's printed form (quotes as “ ”). */
  printed: string[];
  /** Whether punctuation stands right before character j in the reference ("(区分处理的"). */
  punctBefore: boolean[];
}

export function canonRef(ref: string): CanonRef {
  let s = '';
  const printed: string[] = [];
  const punctBefore: boolean[] = [];
  let punct = false;
  for (const ch of ref) {
    if (QUOTE.test(ch) || (!PUNCT.test(ch) && !isSpace(ch.charCodeAt(0)))) {
      s += QUOTE.test(ch) ? '"' : ch;
      printed.push(ch);
      punctBefore.push(punct);
      punct = false;
    } else punct = true;
  }
  return { s, printed, punctBefore };
}

const NUMBERING_CHAR = /[0-9一二三四五六七八九十]/;

export type Op =
  /** a[i] is written where e[j] belongs. */
  | { kind: 'sub'; i: number; j: number }
  /** e[j] is missing before a[i] (i may equal the match end). */
  | { kind: 'del'; i: number; j: number }
  /** a[i] is extra. */
  | { kind: 'ins'; i: number };

export interface Match {
  distance: number;
  /** Range of `a` the reference was matched to. */
  start: number;
  end: number;
  ops: Op[];
}

/**
 * The best match of all of `e` against a substring of `a` (free text before and after), by edit
 * distance; among equal distances the one ending latest. `tailOnly` requires the match to end at
 * the end of `a`; `startsCell(k)` says whether a[k] starts a line, cell or word in the original (something stood between it and a[k - 1]).
 */
export function bestMatch(e: string, a: string, tailOnly = false, startsCell?: (k: number) => boolean): Match {
  const n = e.length;
  const m = a.length;
  const w = m + 1;
  const d = new Int32Array((n + 1) * w);
  for (let j = 0; j <= m; j++) d[j] = 0;
  for (let i = 1; i <= n; i++) {
    d[i * w] = i;
    for (let j = 1; j <= m; j++) {
      const sub = d[(i - 1) * w + j - 1] + (e[i - 1] === a[j - 1] ? 0 : 1);
      const del = d[(i - 1) * w + j] + 1;
      const ins = d[i * w + j - 1] + 1;
      d[i * w + j] = Math.min(sub, del, ins);
    }
  }
  let end = m;
  if (!tailOnly) for (let j = m; j >= 0; j--) if (d[n * w + j] < d[n * w + end]) end = j;
  const ops: Op[] = [];
  let i = n;
  let j = end;
  while (i > 0) {
    const here = d[i * w + j];
    // The reference's first character missing after a row number or other text ("5.求行政…", "数量政许可")
    // is a deletion, not a typo of what stands before it; a character that starts its line or cell is the label's own.
    const numberFirst = i === 1 && j > 0 && (NUMBERING_CHAR.test(a[j - 1]) || !startsCell?.(j - 1)) && here === d[j] + 1;
    if (j > 0 && !numberFirst && here === d[(i - 1) * w + j - 1] + (e[i - 1] === a[j - 1] ? 0 : 1)) {
      if (e[i - 1] !== a[j - 1]) ops.push({ kind: 'sub', i: j - 1, j: i - 1 });
      i--;
      j--;
    } else if (here === d[(i - 1) * w + j] + 1) {
      ops.push({ kind: 'del', i: j, j: i - 1 });
      i--;
    } else {
      ops.push({ kind: 'ins', i: j - 1 });
      j--;
    }
  }
  return { distance: d[n * w + end], start: j, end, ops: ops.reverse() };
}
