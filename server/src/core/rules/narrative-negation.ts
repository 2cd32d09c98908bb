import { sentenceKey } from './fingerprint';
import { replaceCell } from '../fixes';
import { formatDec } from '../num/decimal';
import { memoCorrections, targetValue } from '../narrative/evaluate';
import { extractNegations } from '../narrative/negation';
import type { Report } from '../model';
import type { Edit, Fix } from '../types';
import type { Rule } from './rule';
import type { Negation } from '../narrative/negation';
import type { TableValue } from '../narrative/evaluate';

/** The cells to set to 0 for the table side to agree: a table-3 group is zeroed whole; table 2 is not (its sums tie rows together). */
function tableZeroEdits(report: Report, n: Negation, tv: TableValue, text: string): Edit[] | undefined {
  const t = n.target;
  if (t.table === 1) return tv.cells.map((c) => replaceCell(c, 0n));
  if (t.table === 3 && report.t3)
    return t.groups
      .flatMap((g) => report.t3!.groups[g])
      .map((c) => replaceCell(c, 0n))
      .filter((e) => text.slice(e.start, e.end) !== e.newText);
  return undefined;
}

const SAYS = {
  none: { zh: '即 0', en: 'i.e. 0' },
  some: { zh: '即有,不为 0', en: 'i.e. some' },
  one: { zh: '即 1', en: 'i.e. 1' },
};

export const rule: Rule = {
  id: 'narrative-negation',
  severity: 'error',
  fixable: true,
  title: { zh: '叙述说没有,表格不为 0', en: 'narrative says none' },
  tags: ['narrative'],
  description: {
    zh: '叙述说没有某类事项(“未发生行政复议案件”“未收到申请”“无上年结转”),但对应表格数字不为 0。',
    en: 'The narrative says there was none ("no reconsideration cases", "no requests received", "nothing carried over"), but the table cell is not 0.',
  },
  summary: {
    zh: '叙述说没有(未发生、未收到、无……),表格数字却不为 0',
    en: 'the prose says there was none ("本年度未发生行政复议案件", "未收到申请", "无上年结转") where the table has a non-zero figure',
  },
  check(ctx) {
    ctx.reports.forEach((report, i) => {
      const n = report.narrative;
      if (!n) return;
      const negations = ctx.memo(`negations:${i}`, () => extractNegations(n.sentences));
      if (!negations.length) return;
      const corr = memoCorrections(report, ctx.memo, i);
      for (const neg of negations) {
        const tv = targetValue(report, neg.target, corr);
        if (!tv) continue;
        const units = tv.value.units;
        const ok = neg.says === 'none' ? units === 0n : neg.says === 'one' ? units === 1n && tv.value.scale === 0 : units !== 0n;
        const value = formatDec(tv.value);
        ctx.note({
          span: neg.span,
          rule: rule.id,
          ok,
          get lines() {
            return [
              { zh: `叙述“${neg.text}”(${SAYS[neg.says].zh})↔ ${tv.name.zh}`, en: `narrative “${neg.text}” (${SAYS[neg.says].en}) ↔ ${tv.name.en}` },
              { zh: `表格:${value}`, en: `table: ${value}` },
            ];
          },
          related: tv.cells.map((c) => c.span),
        });
        if (ok) continue;
        // Which side is wrong is unknown: both fixes are offered, neither preferred nor applied by fix-all.
        const fixes: Fix[] = [];
        if (neg.says !== 'none') {
          ctx.report({
            message: {
              zh: `叙述称“${neg.text}”(${SAYS[neg.says].zh}),但${tv.name.zh}为 ${value}`,
              en: `The narrative says “${neg.text}” (${SAYS[neg.says].en}), but ${tv.name.en} is ${value}`,
            },
            span: neg.span,
            related: tv.cells.map((c) => ({ span: c.span, message: { zh: `${tv.name.zh}:${c.raw}`, en: `${tv.name.en}: ${c.raw}` } })),
            fixes: [],
            fingerprint: `aff|${neg.phrase.id}|${sentenceKey(n.sentences[neg.sentence].c.s)}|${neg.text}`,
          });
          continue;
        }
        if (neg.affirm) {
          const a = neg.affirm;
          const edits: Edit[] = a.post
            ? [{ start: a.cue.start, end: a.cue.end, newText: `${value}件` }]
            : [
                { start: a.cue.start, end: a.cue.end, newText: '' },
                { start: a.insertAt, end: a.insertAt, newText: `${value}件` },
              ];
          fixes.push({ title: { zh: `改写叙述:写明 ${value} 件`, en: `Rewrite the narrative to state ${value}` }, isPreferred: false, edits, stage: 'never' });
        }
        const zero = tableZeroEdits(report, neg, tv, ctx.text);
        if (zero?.length) fixes.push({ title: { zh: `将${tv.name.zh}改为 0`, en: `Set ${tv.name.en} to 0` }, isPreferred: false, edits: zero, stage: 'never' });
        const hint = neg.narrower
          ? { zh: ';叙述可能只涉及部分机关(如本级或办公室),而表格为全部数据,请核对统计口径', en: '; the narrative may cover a narrower body (e.g. the office itself) than the table' }
          : { zh: '', en: '' };
        const about = neg.text.endsWith(neg.object) && neg.text.length - neg.object.length <= 3 ? { zh: '', en: '' } : { zh: `(${neg.phrase.name.zh})`, en: `: ${neg.phrase.name.en}` };
        ctx.report({
          severity: neg.narrower ? 'warning' : undefined,
          message: {
            zh: `叙述称“${neg.text}”${about.zh},但${tv.name.zh}为 ${value}${hint.zh}`,
            en: `The narrative says “${neg.text}” (none${about.en}), but ${tv.name.en} is ${value}${hint.en}`,
          },
          span: neg.span,
          related: tv.cells.map((c) => ({ span: c.span, message: { zh: `${tv.name.zh}:${c.raw}`, en: `${tv.name.en}: ${c.raw}` } })),
          fixes,
          fingerprint: `neg|${neg.phrase.id}|${sentenceKey(n.sentences[neg.sentence].c.s)}|${neg.text}`,
        });
      }
    });
  },
};
