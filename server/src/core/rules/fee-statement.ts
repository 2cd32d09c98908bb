import { NOTHING_TO_REPORT, PLACEHOLDER, sectionBody } from './section-text';
import type { Rule } from './rule';

/** Words that state the fee situation: 信息处理费, 处理费, 收费, "收取…费", "缴纳…费", 费用. */
const FEE = /处理费|收费|收取[^。]{0,20}费|缴纳[^。]{0,6}费|费用/;

export const rule: Rule = {
  id: 'fee-statement',
  severity: 'information',
  fixable: false,
  title: { zh: '信息处理费说明', en: 'information-processing fees' },
  tags: ['structure'],
  description: {
    zh: '第六部分“其他需要报告的事项”没有说明收取信息处理费的情况(国办函〔2020〕109号要求在年度报告中公布;与表一的行政事业性收费不是一回事)。',
    en: 'Section 6 does not say whether information-processing fees were charged (required by 国办函〔2020〕109号; not the same as table 1’s administrative fees).',
  },
  summary: {
    zh: '第六部分没有说明信息处理费的收取情况',
    en: 'section 六 says nothing about the 信息处理费 charged (国办函〔2020〕109号)',
  },
  check(ctx) {
    for (const report of ctx.reports) {
      const sec = report.bySection[6];
      if (!sec) continue;
      const body = sectionBody(ctx, sec);
      // An empty section or a placeholder is empty-content's; "无其他需要报告的事项" says there was nothing to report, fees included.
      if (body.every((l) => PLACEHOLDER.test(l.s)) || body.some((l) => FEE.test(l.s)) || body.every((l) => NOTHING_TO_REPORT.test(l.s))) continue;
      // Stated elsewhere in the report: the information is there.
      if (report.narrative?.sentences.some((s) => s.c.s.includes('信息处理费'))) continue;
      ctx.report({
        message: {
          zh: '第六部分“其他需要报告的事项”没有说明本年度收取信息处理费的情况(国办函〔2020〕109号要求在年度报告中公布,未收取也应说明)',
          en: 'Section 6 does not say whether information-processing fees were charged this year (国办函〔2020〕109号 asks the annual report to state it, including when none were charged)',
        },
        span: sec.heading,
        related: [],
        fixes: [],
        fingerprint: 'fee|6',
      });
    }
  },
};
