import { lineAt } from '../text/lines';
import { SECTIONS } from '../template/format';
import type { Span } from '../types';
import type { Rule } from './rule';

const TABLES: Record<number, { key: 't1' | 't2' | 't3'; zh: string; en: string }> = {
  2: { key: 't1', zh: '表一(主动公开政府信息情况)', en: 'table 1 (proactive disclosure)' },
  3: { key: 't2', zh: '表二(收到和处理政府信息公开申请情况)', en: 'table 2 (requests received and handled)' },
  4: { key: 't3', zh: '表三(行政复议、行政诉讼情况)', en: 'table 3 (reconsideration and litigation)' },
};

export const rule: Rule = {
  id: 'missing-section',
  severity: 'information',
  fixable: false,
  title: { zh: '缺少部分或表格', en: 'missing section or table' },
  tags: ['structure'],
  description: {
    zh: '缺少国家格式规定的某一部分(一至六)或某张表。',
    en: 'A section (一 to 六) or a table required by the national format is missing.',
  },
  summary: {
    zh: '缺少国家格式规定的某一部分或某张表',
    en: 'a section 一–六 or one of the three tables is missing',
  },
  check(ctx) {
    for (const report of ctx.reports) {
      // The place a missing part would be: before the next part present, or after the report's end.
      const placeFor = (num: number): { span: Span; before: boolean } => {
        const next = report.sections.find((s) => s.def.num > num);
        if (next) return { span: next.heading, before: true };
        let li = lineAt(ctx.lines, Math.max(report.span.start, report.span.end - 1));
        while (li > 0 && ctx.lines[li].end === ctx.lines[li].start) li--;
        return { span: { start: ctx.lines[li].start, end: ctx.lines[li].end }, before: false };
      };
      for (const def of SECTIONS) {
        const sec = report.bySection[def.num];
        const table = TABLES[def.num];
        if (!sec) {
          const tableToo = table && !report[table.key];
          const place = placeFor(def.num);
          ctx.report({
            message: {
              zh: `缺少第${def.ordinal}部分“${def.title}”${tableToo ? `及其${table.zh}` : ''}(应在此处${place.before ? '之前' : '之后'})`,
              en: `Section ${def.num} “${def.titleEn}”${tableToo ? ` and its ${table.en}` : ''} is missing (it belongs ${place.before ? 'before' : 'after'} this point)`,
            },
            span: place.span,
            related: [],
            fixes: [],
            fingerprint: `missing|${def.num}`,
          });
        } else if (table && !report[table.key]) {
          ctx.report({
            message: { zh: `第${def.ordinal}部分缺少${table.zh}`, en: `Section ${def.num} has no ${table.en}` },
            span: sec.heading,
            related: [],
            fixes: [],
            fingerprint: `missing-table|${def.num}`,
          });
        }
      }
    }
  },
};
