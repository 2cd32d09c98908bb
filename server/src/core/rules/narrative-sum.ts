import { sentenceKey } from './fingerprint';
import { addDec, cmpDec, formatDec, subDec, within, type Dec } from '../num/decimal';
import type { Claim, Figure, Narrative } from '../model/narrative';
import { lookup } from '../narrative/lookup';
import { formatLike, sumText } from '../narrative/format';
import type { Msg } from '../types';
import type { Rule } from './rule';

const ZERO: Dec = { units: 0n, scale: 0 };
const T2_RESULTS = ['1', '2', 'g3', 'g4', 'g5', 'g6'];

/** Why a list of parts covers the whole total, if it does. */
function exhaustive(n: Narrative, parts: Figure[]): Msg | undefined {
  const { shareOf, claimOf } = lookup(n);
  const shares = parts.map((p) => shareOf.get(p));
  if (shares.every((s) => s)) {
    let sum = ZERO;
    let tol = ZERO;
    for (const s of shares) {
      sum = addDec(sum, s!.pct.tok.value);
      tol = addDec(tol, { units: 5n, scale: s!.pct.tok.value.scale + 1 });
    }
    if (within(sum, tol, { units: 100n, scale: 0 })) {
      return { zh: '其中各项的百分比合计为 100%', en: 'their percentages add up to 100%' };
    }
  }
  const claims = parts.map((p) => claimOf.get(p)).filter((c): c is Claim => !!c);
  const t3cols = new Set(claims.filter((c) => c.target.table === 3).map((c) => (c.target as { col: number }).col));
  if ([0, 1, 2, 3].every((c) => t3cols.has(c))) return { zh: '列举了全部四类结果', en: 'they list all four outcomes' };
  const t2rows = new Set(claims.flatMap((c) => (c.target.table === 2 ? c.target.rows : [])));
  if (T2_RESULTS.every((r) => t2rows.has(r))) return { zh: '列举了全部六类办理结果', en: 'they list all six kinds of result' };
  return undefined;
}

/**
 * Whether some of the parts (two or more, not all) add up to the total exactly: the others are
 * then probably counted inside them ("2139条,其中动态类1744条、政务信息393条、解读类21条、回应2条":
 * 1744 + 393 + 2 = 2139, so 解读类 is part of 政务信息). Parts that restate distinct table cells
 * (予以公开, 部分公开, …) cannot nest, so such lists are not excused. Lists longer than 12 are not searched.
 */
function nestedSubset(n: Narrative, total: Dec, parts: Figure[]): boolean {
  const k = parts.length;
  if (k < 3 || k > 12 || parts.some((p) => n.claims.some((c) => c.fig === p))) return false;
  for (let mask = 1; mask < (1 << k) - 1; mask++) {
    if ((mask & (mask - 1)) === 0) continue; // a single part
    let s = ZERO;
    for (let i = 0; i < k; i++) if (mask & (1 << i)) s = addDec(s, parts[i].tok.value);
    if (cmpDec(s, total) === 0) return true;
  }
  return false;
}

export const rule: Rule = {
  id: 'narrative-sum',
  severity: 'error',
  fixable: true,
  title: { zh: '叙述中的合计', en: 'narrative total' },
  tags: ['narrative'],
  description: {
    zh: '“共/总量/合计 N……,其中 A……,B……”:各项之和大于总数;或在列举完整时(百分比合计 100%,或列出了表格中的全部类别)小于总数。',
    en: '"N in total, of which A, B, …": the parts add up to more than the total, or — when the list is complete — to less.',
  },
  summary: {
    zh: '“共 N,其中 A、B……”:各项之和与总数不符',
    en: '"共 N …,其中 A …,B …": parts over the total (or under it, when the list is complete)',
  },
  check(ctx) {
    for (const report of ctx.reports) {
      const n = report.narrative;
      if (!n) continue;
      for (const sum of n.sums) {
        const t = sum.total.tok;
        let s = ZERO;
        let slack = t.slack;
        for (const p of sum.parts) {
          s = addDec(s, p.tok.value);
          slack = addDec(slack, p.tok.slack);
        }
        const diff = subDec(s, t.value);
        const over = cmpDec(diff, slack) > 0 && !nestedSubset(n, t.value, sum.parts);
        const why = over ? undefined : exhaustive(n, sum.parts);
        const under = !!why && cmpDec(subDec(t.value, s), slack) > 0;
        const terms = sumText(
          sum.parts.map((p) => p.tok.value),
          s,
        );
        ctx.note({
          span: sum.total.span,
          rule: rule.id,
          ok: !over && !under,
          lines: [{ zh: `其中各项:${terms}`, en: `parts: ${terms}` }],
          related: sum.parts.map((p) => p.span),
        });
        if (!over && !under) continue;
        const raw = ctx.text.slice(sum.total.span.start, sum.total.span.end);
        const u = t.unit;
        ctx.report({
          message: over
            ? { zh: `总数为 ${formatDec(t.value)}${u},但其中各项之和为 ${terms}`, en: `The total is ${formatDec(t.value)}, but its parts add up to ${terms}` }
            : {
                zh: `总数为 ${formatDec(t.value)}${u},但其中各项之和只有 ${terms},而${why!.zh},应等于总数`,
                en: `The total is ${formatDec(t.value)}, but its parts add up to only ${terms}, and ${why!.en}, so they should equal the total`,
              },
          span: sum.total.span,
          related: sum.parts.map((p) => ({ span: p.span, message: { zh: `其中一项:${p.tok.text}${p.tok.unit}`, en: `part: ${p.tok.text}` } })),
          fixes: [
            {
              title: { zh: `将总数改为各项之和 ${formatDec(s)}`, en: `Set the total to the sum of its parts, ${formatDec(s)}` },
              isPreferred: true,
              edits: [{ start: sum.total.span.start, end: sum.total.span.end, newText: formatLike(t, raw, s) }],
              stage: 'sum',
            },
          ],
          fingerprint: `sum|${sentenceKey(n.sentences[sum.total.sentence].c.s)}|${t.text}`,
        });
      }
    }
  },
};
