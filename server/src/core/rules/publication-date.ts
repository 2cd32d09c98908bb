import { compact, spanOf } from '../text/compact';
import { lineAt } from '../text/lines';
import { dateKey, findDates, type DateTok } from '../text/dates';
import type { Report } from '../model';
import type { Span } from '../types';
import { bodyKind, reportYear } from './report-facts';
import type { Rule, RuleContext } from './rule';

/** A labelled date: "发布日期:2024-03-15", "发布时间: 2025-03-10 15:35", "日期:2023-01-28", "成文日期". */
const LABELLED = /(?:发布|公开|印发|成文|发文|落款)?(?:日期|时间)[:]$/;
/** A line that is a date and nothing else (a signature date), optionally "(…)" or "…印发". */
const ALONE = /^[([【]?$/;
const ALONE_AFTER = /^(?:[)\]】])?(?:印发|发布|制发)?$/;

interface Candidate {
  span: Span;
  date: DateTok;
  text: string;
}

/** Dates on a line that is a publication-date line: labelled, or the line is only the date. */
function lineDates(ctx: RuleContext, li: number): Candidate[] {
  const line = ctx.lines[li];
  if (line.end - line.start > 120) return [];
  const c = compact(ctx.norm, line.start, line.end);
  const s = c.s.replace(/\|+$/, '');
  const out: Candidate[] = [];
  for (const d of findDates(s)) {
    if (!d.year) continue;
    const before = s.slice(0, d.start);
    const after = s.slice(d.end).replace(/^_?\d{1,2}:\d{2}(?::\d{2})?/, '');
    if (!(LABELLED.test(before) || LABELLED.test(before.replace(/^.*[【\]]/, '')) || (ALONE.test(before) && ALONE_AFTER.test(after)))) continue;
    const span = spanOf(c, d.start, d.end);
    out.push({ span, date: d, text: ctx.text.slice(span.start, span.end) });
  }
  return out;
}

/** The lines before the first section and the last non-empty lines of the report (where a date line stands). */
function dateLines(ctx: RuleContext, report: Report): number[] {
  const first = lineAt(ctx.lines, report.span.start);
  const last = lineAt(ctx.lines, Math.max(report.span.start, report.span.end - 1));
  const head = report.sections.length ? lineAt(ctx.lines, report.sections[0].heading.start) : Math.min(last, first + 12);
  const lines: number[] = [];
  for (let li = first; li < head && li < first + 20; li++) lines.push(li);
  let kept = 0;
  const tailFrom = report.sections.length ? lineAt(ctx.lines, report.sections[report.sections.length - 1].heading.start) + 1 : head;
  for (let li = last; li >= Math.max(tailFrom, head) && kept < 12; li--) {
    if (ctx.lines[li].end === ctx.lines[li].start) continue;
    lines.push(li);
    kept++;
  }
  return lines;
}

export const rule: Rule = {
  id: 'publication-date',
  severity: 'information',
  fixable: false,
  title: { zh: '发布日期晚于法定期限', en: 'late publication date' },
  tags: ['structure'],
  description: {
    zh: '报告开头或末尾的发布日期晚于法定期限(《政府信息公开条例》第四十九条:部门于每年1月31日前,县级以上地方人民政府本级于3月31日前公布上一年度报告)。',
    en: 'The publication date at the start or end of the report is later than the legal deadline (Regulations art. 49: 31 January for departments, 31 March for a local people’s government’s own report).',
  },
  summary: {
    zh: '开头或末尾的发布日期晚于法定期限',
    en: "a publication date at the start or end later than the legal deadline (31 January for departments, 31 March for a government's own report)",
  },
  check(ctx) {
    for (const report of ctx.reports) {
      const year = reportYear(report);
      if (year === undefined) continue;
      const kind = bodyKind(report, ctx.norm);
      // A body that cannot be told apart gets the later deadline: a date before it is not surely late.
      const march = kind !== 'department';
      const deadline = dateKey(year + 1, march ? 3 : 1, march ? 31 : 31);
      const due = march ? `${year + 1}年3月31日` : `${year + 1}年1月31日`;
      const seen = new Set<number>();
      for (const li of dateLines(ctx, report)) {
        for (const c of lineDates(ctx, li)) {
          const key = dateKey(c.date.year!.value, c.date.month.value, c.date.day.value);
          // A date within the report year is not a publication date of it.
          if (c.date.year!.value <= year || key <= deadline || seen.has(c.span.start)) continue;
          seen.add(c.span.start);
          const law = march
            ? {
                zh: `《政府信息公开条例》第四十九条:县级以上地方人民政府本级的年度报告应于每年3月31日前公布${kind === 'unknown' ? '(县级以上人民政府部门为1月31日前)' : ''}`,
                en: `Regulations art. 49: a local people’s government’s own report is due by 31 March${kind === 'unknown' ? ' (a department’s by 31 January)' : ''}`,
              }
            : { zh: '《政府信息公开条例》第四十九条:县级以上人民政府部门应于每年1月31日前公布上一年度的年度报告', en: 'Regulations art. 49: departments publish by 31 January' };
          ctx.report({
            message: {
              zh: `发布日期 ${c.text} 晚于法定期限 ${due}(${law.zh})`,
              en: `The publication date ${c.text} is later than the legal deadline of ${due} (${law.en})`,
            },
            span: c.span,
            related: [],
            fixes: [],
            fingerprint: `published|${key}|${year}`,
          });
        }
      }
    }
  },
};
