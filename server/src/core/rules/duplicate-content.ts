import { hash } from './fingerprint';
import { lineAt } from '../text/lines';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'duplicate-content',
  severity: 'warning',
  fixable: true,
  title: { zh: '重复粘贴', en: 'duplicated content' },
  tags: ['structure'],
  description: {
    zh: '同一份文件中有一段内容(一个部分、一张表或整份报告)被重复粘贴。',
    en: 'A stretch of the file (a section, a table or the whole report) is pasted twice.',
  },
  summary: {
    zh: '一段内容(一个部分、一张表或整份报告)被重复粘贴',
    en: 'a section, table or the whole report pasted twice',
  },
  check(ctx) {
    for (const d of ctx.model.duplicates) {
      const first = [lineAt(ctx.lines, d.firstCopy.start) + 1, lineAt(ctx.lines, d.firstCopy.end) + 1];
      const startLine = lineAt(ctx.lines, d.span.start);
      const line = ctx.lines[startLine];
      const whole = ctx.model.reports.some((r) => r.duplicate && r.span.start >= d.span.start - 1 && r.span.start <= line.end);
      const what = whole ? { zh: '整份报告', en: 'The whole report' } : { zh: '这段内容', en: 'This text' };
      // Delete the repeated lines together with the line break after them.
      const after = ctx.text.slice(d.span.end, d.span.end + 2);
      const end = d.span.end + (after.startsWith('\r\n') ? 2 : after.startsWith('\n') || after.startsWith('\r') ? 1 : 0);
      const lines = `${startLine + 1}–${lineAt(ctx.lines, d.span.end) + 1}`;
      ctx.report({
        message: {
          zh: `${what.zh}重复粘贴:第 ${lines} 行与第 ${first[0]}–${first[1]} 行相同`,
          en: `${what.en} is pasted twice: lines ${lines} repeat lines ${first[0]}–${first[1]}`,
        },
        span: { start: line.start, end: line.end },
        related: [{ span: d.firstCopy, message: { zh: '第一份', en: 'first copy' } }],
        fixes: [
          {
            title: { zh: `删除重复的第 ${lines} 行`, en: `Delete the repeated lines ${lines}` },
            isPreferred: false,
            edits: [{ start: d.span.start, end, newText: '' }],
            stage: 'never',
          },
        ],
        fingerprint: `dup|${hash(ctx.norm.slice(d.span.start, d.span.end).replace(/\s+/g, ''))}`,
      });
    }
  },
};
