/**
 * Narrative figures of a report and what they claim: table restatements (claims), sums
 * ("共 N…,其中 A…,B…"), and shares ("N 件,占 P%"). Pure extraction: evaluation against the
 * tables is in ./evaluate.ts.
 */
import { scanNumbers } from '../text/numbers';
import type { Claim, Figure, Narrative, SumList } from '../model/narrative';
import type { Sentence } from '../text/sentences';
import { spanOf } from '../text/compact';
import { PHRASES, type PhraseContext } from '../template/phrases';
import { LIST_WINDOW, LOOKBACK, MAX_AFTER, MAX_CLAUSE } from './bounds';

const BOUNDARY = new Set([...',;:、()[]【】。!?'].map((c) => c.charCodeAt(0)));
const isBoundary = (s: string, i: number) => BOUNDARY.has(s.charCodeAt(i));
const QUOTES = /[“”"'‘’「」『』]/g;
const SHARE_BEFORE = /占(?:总数|总量|全部|申请总数|申请量|总件数|比)?(?:的)?(?:比例|比重)?(?:为|达|约)?$/;
const APPROX_SHARE = /约占|近占|占约|占近|超过|逾|不足|将近|接近/;
const TOTAL_WORDS = /共|合计|总计|累计|总量|总数|办结|答复|收到|受理/;
const NARROWER = /代表|本级|本机关|本部门|政府办|办公室/;

/** The clause before a figure, at most MAX_CLAUSE characters; a cut clause starts with … (no ^-anchored phrase matches it). */
function clauseBefore(s: string, i: number): string {
  let b = i - 1;
  const stop = i - 1 - MAX_CLAUSE;
  while (b >= 0 && b > stop && !isBoundary(s, b)) b--;
  const cut = b >= 0 && b === stop && !isBoundary(s, b);
  return (cut ? '…' : '') + s.slice(b + 1, i).replace(QUOTES, '');
}

function textAfter(s: string, j: number): string {
  let e = j;
  const end = Math.min(s.length, j + MAX_AFTER);
  while (e < end && !isBoundary(s, e)) e++;
  return s.slice(j, e).replace(QUOTES, '');
}

/** Whether 其中 starts at i, or after one , ( or :. */
const qizhongAt = (s: string, i: number) => s.startsWith('其中', i) || (/[,(:]/.test(s[i] ?? '') && s.startsWith('其中', i + 1));

/** The first position ≥ from in the sorted positions `xs`, or -1 (binary search). */
function nextOf(xs: readonly number[], from: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < xs.length ? xs[lo] : -1;
}

function depths(s: string): Int8Array {
  const d = new Int8Array(s.length + 1);
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(' || s[i] === '[' || s[i] === '【') k++;
    d[i] = k;
    if ((s[i] === ')' || s[i] === ']' || s[i] === '】') && k > 0) k--;
  }
  d[s.length] = k;
  return d;
}

function depthDropsBelow(depth: Int8Array, from: number, to: number, d: number): boolean {
  for (let i = from; i < to; i++) if (depth[i] < d) return true;
  return false;
}

/** Whether figure `f` is about another subject than the list's total (another table, by their phrases). */
function otherSubject(claims: readonly Claim[], total: Figure, f: Figure): boolean {
  const of = (x: Figure) => claims.find((c) => c.fig === x)?.target.table;
  const a = of(total);
  const b = of(f);
  return b !== undefined && a !== b;
}

export function extractNarrative(sentences: Sentence[]): Narrative {
  const n: Narrative = { sentences, figures: [], claims: [], sums: [], shares: [] };
  sentences.forEach((sen, si) => {
    const s = sen.c.s;
    if (!/\d|[一二两三四五六七八九十]/.test(s)) return;
    const toks = scanNumbers(s);
    if (!toks.length) return;
    // Parenthesis depth matters only to 其中 lists.
    const depth = s.includes('其中') ? depths(s) : undefined;
    const figs: Figure[] = toks.map((tok) => ({
      tok,
      span: spanOf(sen.c, tok.start, tok.end),
      sentence: si,
      clause: clauseBefore(s, tok.start),
      after: textAfter(s, tok.figureEnd),
      depth: depth ? depth[tok.start] : 0,
    }));
    n.figures.push(...figs);

    // Claims: the first phrase that matches the clause before (or the text after) a figure.
    const ctx: PhraseContext = { includesCarried: false, clause: '' };
    // Tests on the whole sentence, once per sentence (a long sentence has many figures).
    const whole = new Map<RegExp, boolean>();
    const sentenceHas = (r: RegExp) => whole.get(r) ?? (whole.set(r, r.test(s)), whole.get(r)!);
    const claims: Claim[] = [];
    for (const f of figs) {
      if (f.tok.percent || f.tok.approx) continue;
      ctx.clause = f.clause;
      ctx.includesCarried = /^[,(]?(?:含|包括|包含)了?(?:上年度?|去年)结转/.test(s.slice(f.tok.figureEnd, f.tok.figureEnd + 12));
      for (const p of PHRASES) {
        if (!p.units.test(f.tok.unit)) continue;
        const m = (p.before && p.before.exec(f.clause)) || (p.after && p.after.exec(f.after));
        if (!m || (p.unless && p.unless.test(f.clause)) || (p.requires && !sentenceHas(p.requires))) continue;
        const target = p.target(m, ctx);
        if (!target) continue;
        p.sets?.(target, ctx);
        claims.push({ fig: f, phrase: p, target, readings: p.readings?.(target, ctx) ?? [target], narrower: p.id === 't2-received' && sentenceHas(NARROWER) });
        break;
      }
    }
    n.claims.push(...claims);

    // Sums: "N件,其中 A…,B…" — the total is the figure right before 其中.
    const sentenceSums: SumList[] = [];
    let semis: number[] | undefined;
    let q = s.indexOf('其中');
    let k = 0; // figs[0, k) end at or before q
    while (q >= 0) {
      while (k < figs.length && figs[k].tok.figureEnd <= q) k++;
      const prev = k > 0 ? figs[k - 1] : undefined;
      const total = prev && /^[,(:]?$/.test(s.slice(prev.tok.figureEnd, q)) ? prev : undefined;
      if (total && !total.tok.percent && !total.tok.approx) {
        const parts: Figure[] = [];
        let segStart = q;
        let approx = false;
        // "78件(其中地级16件)": a list opened inside parentheses ends where they close.
        const d = depth!; // computed: the sentence has 其中
        const listDepth = d[q];
        let scanned = q; // depths below listDepth looked for in [q, scanned)
        semis ??= [...s.matchAll(/;/g)].map((x) => x.index!);
        let semi = nextOf(semis, segStart);
        for (let j = k; j < figs.length && j < k + LIST_WINDOW; j++) {
          const f = figs[j];
          if (f.tok.start <= q) continue;
          if (listDepth > total.depth) {
            if (depthDropsBelow(d, scanned, f.tok.start, listDepth)) break;
            scanned = f.tok.start;
          }
          // A ';' ends the list unless the clause before it carried a percentage (…,占 8.08%;).
          if (semi >= 0 && semi < f.tok.start) {
            if (!s.slice(segStart, semi).includes('%')) break;
            // "…共81件…;行政复议案件2件、行政诉讼案件7件": after the ';' another subject begins.
            if (otherSubject(claims, total, f)) break;
            segStart = semi + 1;
            semi = nextOf(semis, segStart);
          }
          if (f.tok.percent) continue;
          if (qizhongAt(s, f.tok.figureEnd)) break;
          if (/另有|此外|另外|还有/.test(f.clause)) break;
          if (f.depth !== listDepth || f.tok.unit !== total.tok.unit) continue;
          if (f.tok.approx) approx = true;
          parts.push(f);
        }
        if (parts.length && !approx) sentenceSums.push({ total, parts });
      }
      q = s.indexOf('其中', q + 2);
    }
    n.sums.push(...sentenceSums);
    // The totals each part is listed under.
    const listedUnder = new Map<Figure, Set<Figure>>();
    for (const x of sentenceSums) for (const p of x.parts) (listedUnder.get(p) ?? listedUnder.set(p, new Set()).get(p)!).add(x.total);

    // Shares: "…N件,占 P%" — the figure right before the percentage is its part.
    figs.forEach((p, i) => {
      if (!p.tok.percent || p.tok.approx || APPROX_SHARE.test(p.clause)) return;
      // The part is the figure right before (a percentage in between means it is not this one's).
      const part = i > 0 ? figs[i - 1] : undefined;
      if (!part || part.tok.percent || part.tok.approx) return;
      if (p.tok.start - part.tok.figureEnd > 12) return;
      const between = s.slice(part.tok.figureEnd, p.tok.start);
      // "N件(P%)" and "N件,P%": a bare percentage right after the figure, ending its clause.
      const bare = p.clause === '' && /^[(,]$/.test(between) && /^(?:[),;。、]|$)/.test(s.slice(p.tok.figureEnd));
      if (!bare && !SHARE_BEFORE.test(p.clause)) return;
      if (/[;。]/.test(between) || (between.match(/[,、:]/g)?.length ?? 0) > 1) return;
      const totals = figs.slice(Math.max(0, i - 1 - LOOKBACK), i - 1).filter((f) => !f.tok.percent && !f.tok.approx && (TOTAL_WORDS.test(f.clause) || !!listedUnder.get(part)?.has(f)));
      n.shares.push({ pct: p, part, totals });
    });
  });
  return n;
}
