import { setValueFix } from '../fixes';
import { toInt } from '../num/decimal';
import { T3_TOTAL, T3_COLUMNS } from '../template/format';
import { t3CellName } from '../template/names';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'table3-group-sum',
  severity: 'error',
  fixable: true,
  title: { zh: '表三分组合计', en: 'table 3 group total' },
  tags: ['table', 'table3'],
  description: {
    zh: '表三每组(行政复议、未经复议直接起诉、复议后起诉)中,结果维持、结果纠正、其他结果、尚未审结之和等于总计。',
    en: 'In each group of table 3, upheld + corrected + other + pending equals the total.',
  },
  summary: {
    zh: '表三每组:维持 + 纠正 + 其他 + 尚未审结 = 总计',
    en: 'table 3: in each group, 维持 + 纠正 + 其他 + 尚未审结 = 总计',
  },
  check(ctx) {
    for (const report of ctx.reports) {
      const t = report.t3;
      if (!t || t.problems.length) continue;
      t.groups.forEach((g, gi) => {
        const parts = g.slice(0, T3_TOTAL);
        const sum = parts.reduce((a, c) => a + toInt(c.value), 0n);
        const total = toInt(g[T3_TOTAL].value);
        if (sum === total) return;
        const name = t3CellName(gi, 4);
        // Digits that ran together and no split adds up: the values themselves are uncertain.
        const unsure = t.ambiguous || g.some((c) => c.uncertain);
        const blank = !unsure && !!g[T3_TOTAL].blank && sum > 0n;
        const note = unsure
          ? { zh: '(表三数字连写,任何拆分都不能使各组合计成立)', en: ' (the digits of table 3 run together; no split makes every group add up)' }
          : blank
            ? { zh: '(总计单元格空白,按 0 计)', en: ' (the total is blank and was read as 0)' }
            : { zh: '', en: '' };
        ctx.report({
          message: {
            zh: `${name.zh} 为 ${total},但${T3_COLUMNS.slice(0, T3_TOTAL).join('、')}之和为 ${sum}${note.zh}`,
            en: `${name.en} is ${total}, but upheld + corrected + other + pending is ${sum}${note.en}`,
          },
          span: g[T3_TOTAL].span,
          related: parts.map((c, ci) => {
            const n = t3CellName(gi, ci);
            return { span: c.span, message: { zh: `${n.zh} = ${c.raw}`, en: `${n.en} = ${c.raw}` } };
          }),
          fixes: [unsure ? setValueFix(g[T3_TOTAL], sum, 'never', false) : setValueFix(g[T3_TOTAL], sum, 'table')],
          fingerprint: `t3|${gi}`,
        });
      });
    }
  },
};
