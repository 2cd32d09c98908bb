import { reuseOf, share } from './reuse';
import { checkAcross } from './cross-year';
import type { Rule } from './rule';

/** Below this many characters of prose a share says little; nothing is reported. */
const MIN_CHARS = 100;

export const rule: Rule = {
  id: 'content-reuse',
  severity: 'information',
  fixable: false,
  title: { zh: '与上年报告重复', en: 'text reused from last year' },
  tags: ['cross-year', 'narrative'],
  description: {
    zh: '正文中与上一年度报告(同一机关)逐字相同的文字所占比例超过阈值(设置 nianbao.reuseThreshold,默认 50%)。',
    en: 'The share of the prose that is word for word in the same body’s report for last year exceeds a threshold (setting nianbao.reuseThreshold, default 50%).',
  },
  summary: {
    zh: '正文与上一年度报告逐字相同的比例超过阈值(默认 50%)',
    en: "more of the prose than `nianbao.reuseThreshold` (default 50%) is word for word in last year's report (same body)",
  },
  check(ctx) {
    checkAcross(ctx, this.across!);
  },
  across(mine, prev, report, settings) {
    const f = reuseOf(mine, prev.report);
    const s = share(f);
    if (f.total < MIN_CHARS || s <= settings.reuseThreshold) return;
    const year = prev.report.year;
    // Whole percent, unless rounding would hide that the share is above the threshold.
    const digits = Math.round(100 * s) <= 100 * settings.reuseThreshold ? 1 : 0;
    const pct = (100 * s).toFixed(digits);
    const thr = +(100 * settings.reuseThreshold).toFixed(1);
    report({
      message: {
        zh: `正文中 ${pct}% 的文字(${f.same}/${f.total} 字)与 ${year} 年报告逐字相同,超过 ${thr}%`,
        en: `${pct}% of the prose (${f.same}/${f.total} characters) is word for word in the ${year} report, above ${thr}%`,
      },
      span: mine.title,
      related: [{ span: prev.report.title, uri: prev.uri, message: { zh: `${year} 年报告`, en: `the ${year} report` } }],
      fixes: [],
      fingerprint: `reuse|${mine.year}`,
    });
  },
};
