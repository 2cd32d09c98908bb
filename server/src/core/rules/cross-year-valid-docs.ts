import { addDec, cmpDec, formatDec, subDec } from '../num/decimal';
import { T1_ROWS } from '../template/format';
import { checkAcross } from './cross-year';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'cross-year-valid-docs',
  severity: 'warning',
  fixable: false,
  title: { zh: '现行有效件数与上年报告', en: 'documents in force vs last year' },
  tags: ['cross-year', 'table1'],
  description: {
    zh: '表一中本年“现行有效件数”通常等于上一年度报告的现行有效件数 + 本年制发 − 本年废止(有些机关废止旧文件的口径不同,因此只作提醒)。',
    en: 'Table 1: documents in force this year usually equal last year’s in force + issued − repealed (a warning: some bodies count repeals differently).',
  },
  summary: {
    zh: '现行有效件数 ≠ 上年现行有效 + 本年制发 − 本年废止',
    en: "现行有效 ≠ last year's + 本年制发 − 本年废止",
  },
  check(ctx) {
    checkAcross(ctx, this.across!);
  },
  across(mine, prev, report) {
    const t1 = mine.t1;
    const last = prev.report.t1;
    if (!t1 || !last) return;
    const year = prev.report.year;
    for (const id of ['rules', 'normative'] as const) {
      const row = t1[id];
      const before = last[id];
      if (!row || !before) continue;
      const [issued, repealed, valid] = row;
      if ([issued, repealed, valid, before[2]].some((c) => c.uncertain)) continue;
      const expected = subDec(addDec(before[2].value, issued.value), repealed.value);
      if (cmpDec(expected, valid.value) === 0) continue;
      const label = T1_ROWS.find((d) => d.id === id)!;
      const arithmetic = `${formatDec(before[2].value)} + ${formatDec(issued.value)} − ${formatDec(repealed.value)} = ${formatDec(expected)}`;
      report({
        message: {
          zh: `${label.label}·现行有效件数 为 ${formatDec(valid.value)},但 ${year} 年报告的现行有效件数 + 本年制发 − 本年废止 = ${arithmetic}`,
          en: `${label.labelEn} in force is ${formatDec(valid.value)}, but the ${year} report's in force + issued − repealed = ${arithmetic}`,
        },
        span: valid.span,
        related: [
          { span: before[2].span, uri: prev.uri, message: { zh: `${year} 年报告:${label.label}·现行有效件数`, en: `${year} report: ${label.labelEn} in force` } },
          { span: issued.span, message: { zh: '本年制发件数', en: 'issued this year' } },
          { span: repealed.span, message: { zh: '本年废止件数', en: 'repealed this year' } },
        ],
        fixes: [],
        fingerprint: `xyear|valid|${id}`,
      });
    }
  },
};
