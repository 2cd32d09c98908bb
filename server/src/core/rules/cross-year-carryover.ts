import { setValueFix } from '../fixes';
import { formatDec, cmpDec } from '../num/decimal';
import { T2_COLUMNS, T2_COLUMNS_EN } from '../template/format';
import { checkAcross } from './cross-year';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'cross-year-carryover',
  severity: 'error',
  fixable: true,
  title: { zh: '上年结转与上年报告', en: 'carry-over vs last year' },
  tags: ['cross-year', 'table2'],
  description: {
    zh: '本年度表二“二、上年结转”的每一列应等于上一年度报告(同一机关)表二“四、结转下年度继续办理”的对应列。',
    en: 'This year’s table 2 row II (carried over) must equal, column by column, row IV (carried into next year) of the same body’s report for last year.',
  },
  summary: {
    zh: '本年“二、上年结转”不等于上一年度报告的“四、结转下年度继续办理”',
    en: "this year's 二、上年结转 ≠ last year's 四、结转下年度 (same body, reports in one workspace or one CLI call)",
  },
  check(ctx) {
    checkAcross(ctx, this.across!);
  },
  across(mine, prev, report) {
    const t2 = mine.t2;
    const last = prev.report.t2;
    if (!t2 || !last) return;
    const year = prev.report.year;
    t2.carried.forEach((cell, col) => {
      const before = last.next[col];
      if (cell.uncertain || before.uncertain) return;
      if (cmpDec(cell.value, before.value) === 0) return;
      const colName = { zh: T2_COLUMNS[col], en: T2_COLUMNS_EN[col] };
      report({
        message: {
          zh: `二、上年结转·${colName.zh} 为 ${formatDec(cell.value)},但 ${year} 年报告的“四、结转下年度继续办理”·${colName.zh} 为 ${formatDec(before.value)}`,
          en: `II (carried over) · ${colName.en} is ${formatDec(cell.value)}, but the ${year} report carried ${formatDec(before.value)} into this year (row IV · ${colName.en})`,
        },
        span: cell.span,
        related: [{ span: before.span, uri: prev.uri, message: { zh: `${year} 年报告:四、结转下年度继续办理·${colName.zh}`, en: `${year} report: IV · ${colName.en}` } }],
        // Not preferred: changing 二 alone breaks this year's own row and balance sums.
        fixes: [{ ...setValueFix(cell, before.value, 'never', false), title: { zh: `改为上年报告的 ${formatDec(before.value)}`, en: `Use last year's ${formatDec(before.value)}` } }],
        fingerprint: `xyear|carried|${col}`,
      });
    });
  },
};
