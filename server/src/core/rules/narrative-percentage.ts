import { styled } from '../fixes';
import { sentenceKey } from './fingerprint';
import { formatDec, isInteger, percentFits, percentOf, toInt, within } from '../num/decimal';
import { memoCorrections, targetValue } from '../narrative/evaluate';
import type { Claim, Share } from '../model/narrative';
import { LOOKBACK, SIBLINGS } from '../narrative/bounds';
import { lookup } from '../narrative/lookup';
import type { Target } from '../template/phrases';
import type { Msg, Span } from '../types';
import type { Cell, Report } from '../model';
import type { Corrections } from '../narrative/evaluate';
import type { Rule } from './rule';
import { memoDoubtful } from '../tables/table2';

interface Base {
  n: bigint;
  name: Msg;
  spans: Span[];
  /** A table total in a sum that does not hold: a share is not changed to fit it. */
  inDoubt?: boolean;
}

const T2_PARTS = new Set(['1', '2', 'g3', 'g4', 'g5', 'g6', 'next']);

/** Table totals a part of a list can be a share of. */
function tableBases(report: Report, claim: Claim | undefined, corr: Corrections, doubtful: Set<Cell>): Base[] {
  if (!claim) return [];
  const t = claim.target;
  const targets: Target[] = [];
  if (t.table === 2 && t.rows.every((r) => T2_PARTS.has(r))) {
    targets.push({ table: 2, rows: ['7'], col: t.col }, { table: 2, rows: ['new'], col: t.col }, { table: 2, rows: ['new', 'carried'], col: t.col });
  } else if (t.table === 3 && t.col < 4) targets.push({ table: 3, groups: t.groups, col: 4 });
  const out: Base[] = [];
  for (const x of targets) {
    const v = targetValue(report, x, corr);
    if (v && isInteger(v.value)) out.push({ n: toInt(v.value), name: v.name, spans: v.cells.map((c) => c.span), inDoubt: v.cells.some((c) => doubtful.has(c)) });
  }
  return out;
}

function exactInt(share: Share['part']): bigint | undefined {
  const t = share.tok;
  return t.slack.units === 0n && isInteger(t.value) ? toInt(t.value) : undefined;
}

export const rule: Rule = {
  id: 'narrative-percentage',
  severity: 'error',
  fixable: true,
  title: { zh: '百分比', en: 'percentage' },
  tags: ['narrative'],
  description: {
    zh: '“N 件,占 P%”:按写出的小数位数,P 必须是 N 与所指总数之比的正确四舍五入;基数取句中所述总数、同列各项之和或表格中对应的总计。',
    en: '"N, P% of the total": P must be N ÷ base correctly rounded to its written decimals; the base is the stated total, the sum of the listed parts, or the matching table total.',
  },
  summary: {
    zh: '“N 件,占 P%”:P 不是 N 与总数之比的正确四舍五入',
    en: '"N 件,占 P%": P is not N ÷ base at its written precision, for any reasonable base',
  },
  check(ctx) {
    ctx.reports.forEach((report, i) => {
      const n = report.narrative;
      if (!n) return;
      const corr = memoCorrections(report, ctx.memo, i);
      const doubtful = memoDoubtful(report, ctx.memo, i);
      const { claimOf, sharesIn, figuresIn, shareAt, figureAt } = lookup(n);
      for (const sh of n.shares) {
        const x = exactInt(sh.part);
        if (x === undefined) continue;
        // A part that disagrees with its table cell is reported (and fixed) first.
        const claim = claimOf.get(sh.part);
        const tv = claim && targetValue(report, claim.target, corr);
        if (tv && !within(sh.part.tok.value, sh.part.tok.slack, tv.value)) continue;

        // The shares of the sentence near this one (a bounded window: a sentence may be a whole page).
        const inSentence = sharesIn.get(sh.pct.sentence)!;
        const at = shareAt.get(sh)!;
        const siblings = inSentence.slice(Math.max(0, at - SIBLINGS), at + SIBLINGS + 1);
        const bases: Base[] = [];
        for (const f of sh.totals) {
          const v = exactInt(f);
          if (v !== undefined) bases.push({ n: v, name: { zh: `句中所述总数 ${v}`, en: `the stated total ${v}` }, spans: [f.span] });
        }
        // Any earlier figure of the sentence in the same unit may be the whole ("咨询50件,…其中电话咨询20件,占40%").
        const figs = figuresIn.get(sh.part.sentence)!;
        const partAt = figureAt.get(sh.part)!;
        for (const f of figs.slice(Math.max(0, partAt - LOOKBACK), partAt)) {
          if (f.tok.unit !== sh.part.tok.unit || sh.totals.includes(f)) continue;
          const v = exactInt(f);
          if (v !== undefined && !f.tok.approx) bases.push({ n: v, name: { zh: `句中的 ${v}${f.tok.unit}`, en: `${v} earlier in the sentence` }, spans: [f.span] });
        }
        const parts = [...new Set(siblings.map((o) => o.part))];
        if (parts.length > 1) {
          const vals = parts.map(exactInt);
          if (vals.every((v) => v !== undefined)) {
            const sum = vals.reduce((a, v) => a! + v!, 0n)!;
            bases.push({ n: sum, name: { zh: `所列各项之和 ${vals.join(' + ')} = ${sum}`, en: `the listed parts ${vals.join(' + ')} = ${sum}` }, spans: parts.map((p) => p.span) });
          }
        }
        bases.push(...tableBases(report, claim, corr, doubtful));
        const usable = bases.filter((b) => b.n > 0n && b.n >= x);
        if (!usable.length) continue;

        const p = sh.pct.tok.value;
        const k = p.scale;
        // Shares of one list have one base: when all the other shares agree on it, this one must too.
        const others = siblings.filter((o) => o !== sh && exactInt(o.part) !== undefined);
        const scores = new Map<bigint, number>();
        const score = (base: Base) => {
          let v = scores.get(base.n);
          if (v === undefined) scores.set(base.n, (v = others.filter((o) => percentFits(o.pct.tok.value, exactInt(o.part)!, base.n)).length));
          return v;
        };
        const top = Math.max(...usable.map(score));
        const candidates = others.length && top === others.length ? usable.filter((b) => score(b) === top) : usable;
        const fit = candidates.find((b) => percentFits(p, x, b.n));
        const shown = (b: Base) => `${x} ÷ ${b.n} = ${formatDec(percentOf(x, b.n, k + 2))}%`;
        const best = fit ?? [...candidates].sort((a, b) => score(b) - score(a))[0];
        ctx.note({
          span: sh.pct.span,
          rule: rule.id,
          ok: !!fit,
          lines: [{ zh: `${shown(best)}(基数:${best.name.zh})`, en: `${shown(best)} (base: ${best.name.en})` }],
          related: [sh.part.span, ...best.spans],
        });
        if (fit) continue;
        const expected = percentOf(x, best.n, k);
        const raw = ctx.text.slice(sh.pct.span.start, sh.pct.span.end);
        ctx.report({
          message: {
            zh: `占比 ${formatDec(p)}% 与 ${shown(best)} 不符(基数:${best.name.zh}),按 ${k} 位小数应为 ${formatDec(expected)}%`,
            en: `The share ${formatDec(p)}% does not match ${shown(best)} (base: ${best.name.en}); to ${k} decimal(s) it is ${formatDec(expected)}%`,
          },
          span: sh.pct.span,
          related: [
            { span: sh.part.span, message: { zh: `分子 ${x}`, en: `numerator ${x}` } },
            ...best.spans.map((s) => ({ span: s, message: { zh: `基数:${best.name.zh}`, en: `base: ${best.name.en}` } })),
          ],
          fixes: [
            {
              title: { zh: `改为 ${formatDec(expected)}%`, en: `Change to ${formatDec(expected)}%` },
              isPreferred: !best.inDoubt,
              edits: [{ start: sh.pct.span.start, end: sh.pct.span.end, newText: styled(raw, formatDec(expected)) }],
              stage: best.inDoubt ? 'never' : 'percent',
            },
          ],
          fingerprint: `pct|${sentenceKey(n.sentences[sh.pct.sentence].c.s)}|${sh.pct.tok.text}`,
        });
      }
    });
  },
};
