import { styled } from '../fixes';
import { spanOf } from '../text/compact';
import type { DatePart } from '../text/dates';
import type { Edit } from '../types';
import { findPeriods, reportYear } from './report-facts';
import type { Rule } from './rule';

const show = (y: number | undefined, m: number, d: number) => `${y !== undefined ? `${y}年` : ''}${m}月${d}日`;

export const rule: Rule = {
  id: 'statistics-period',
  severity: 'warning',
  fixable: true,
  title: { zh: '统计期限不是整年', en: 'statistics period' },
  tags: ['structure'],
  description: {
    zh: '统计期限不是报告年度的整个自然年(1月1日至12月31日),如“统计期限自2023年1月1日起至2023年11月30日止”。',
    en: 'The statistics period is not the whole calendar year of the report (1 January to 31 December), e.g. it ends on 30 November.',
  },
  summary: {
    zh: '统计期限不是报告年度的1月1日至12月31日',
    en: "the statistics period is not the report year's 1 January – 31 December",
  },
  check(ctx) {
    ctx.reports.forEach((report) => {
      const n = report.narrative;
      if (!n) return;
      const periods = findPeriods(n.sentences);
      if (!periods.length) return;
      const titleYear = report.title?.year?.value;
      for (const p of periods) {
        const whole = p.from.month.value === 1 && p.from.day.value === 1 && p.to.month.value === 12 && p.to.day.value === 31;
        if (whole && p.fromYear === p.toYear) continue; // A whole year; whether it is the right one is year-mismatch's question.
        // Start and end years apart with the title agreeing with the end: year-mismatch reports the start.
        if (whole && titleYear !== undefined && titleYear === p.toYear) continue;
        const year = titleYear ?? reportYear(report) ?? p.fromYear ?? p.toYear;
        if (year === undefined) continue;
        const sen = n.sentences[p.sentence];
        const raw = (x: DatePart) => ctx.text.slice(spanOf(sen.c, x.start, x.end).start, spanOf(sen.c, x.start, x.end).end);
        const edits: Edit[] = [];
        const set = (x: DatePart | undefined, v: number) => {
          if (!x || x.value === v) return;
          const span = spanOf(sen.c, x.start, x.end);
          // Written like the original: Arabic digits keep their width; a Chinese-numeral date is rewritten in Arabic digits.
          edits.push({ ...span, newText: /^\d+$/.test(ctx.norm.slice(span.start, span.end)) ? styled(raw(x), v) : String(v) });
        };
        set(p.from.year, year);
        set(p.from.month, 1);
        set(p.from.day, 1);
        set(p.to.year, year);
        set(p.to.month, 12);
        set(p.to.day, 31);
        if (!edits.length) continue;
        const span = spanOf(sen.c, p.from.start, p.to.end);
        const said = `${show(p.fromYear, p.from.month.value, p.from.day.value)}至${show(p.to.year?.value, p.to.month.value, p.to.day.value)}`;
        ctx.report({
          message: {
            zh: `统计期限为 ${said},不是报告年度的整个自然年(${year}年1月1日至${year}年12月31日)`,
            en: `The statistics period is ${said}, not the whole calendar year of the report (1 January to 31 December ${year})`,
          },
          span,
          related: report.title?.year ? [{ span: report.title.year.span, message: { zh: `标题年份:${year}`, en: `year in the title: ${year}` } }] : [],
          // A partial period may be deliberate (a body set up during the year): offered, not applied by fix-all.
          fixes: [{ title: { zh: `改为${year}年1月1日至${year}年12月31日`, en: `Change to 1 January – 31 December ${year}` }, isPreferred: false, edits, stage: 'never' }],
          fingerprint: `period|${said}|${year}`,
        });
      }
    });
  },
};
