import { yearMentions, type YearKind } from '../parse/years';
import type { Msg } from '../types';
import type { Rule } from './rule';

const KIND: Record<YearKind, Msg> = {
  title: { zh: '标题', en: 'the title' },
  period: { zh: '统计期限', en: 'the statistics period' },
  statement: { zh: '正文', en: 'the text' },
};

export const rule: Rule = {
  id: 'year-mismatch',
  severity: 'warning',
  fixable: true,
  title: { zh: '年份不一致', en: 'year mismatch' },
  tags: ['structure'],
  description: {
    zh: '标题、统计期限和“××××年,我局……”等表述中的年份互相矛盾(常见于沿用上一年的报告)。',
    en: 'The year in the title, the statistics period and statements such as "In 2023, we …" disagree (typical of last year’s report reused).',
  },
  summary: {
    zh: '标题、统计期限和正文中的年份互相矛盾',
    en: 'title, statistics period and opening statements disagree on the year',
  },
  check(ctx) {
    for (const report of ctx.reports) {
      const mentions = yearMentions(report);
      if (mentions.length < 2) continue;
      // Each source votes once: the title, the period (its start year), each opening statement.
      const voters = mentions.filter((m, i) => m.kind !== 'period' || mentions.findIndex((x) => x.kind === 'period') === i);
      const count = new Map<number, number>();
      for (const m of voters) count.set(m.year, (count.get(m.year) ?? 0) + 1);
      if (count.size < 2) continue;
      const top = Math.max(...count.values());
      const leaders = [...count.keys()].filter((y) => count.get(y) === top);
      const title = mentions.find((m) => m.kind === 'title');
      // A tie is settled by the title, else by the first mention.
      const year = leaders.length === 1 ? leaders[0] : title && leaders.includes(title.year) ? title.year : mentions.find((m) => leaders.includes(m.year))!.year;
      const agree = mentions.filter((m) => m.year === year);
      const where = [...new Set(agree.map((m) => m.kind))];
      for (const m of mentions) {
        if (m.year === year) continue;
        ctx.report({
          message: {
            zh: `${KIND[m.kind].zh}中的年份 ${m.year} 与报告其他处的 ${year} 年(${where.map((k) => KIND[k].zh).join('、')})不一致`,
            en: `The year ${m.year} in ${KIND[m.kind].en} differs from ${year} elsewhere in the report (${where.map((k) => KIND[k].en).join(', ')})`,
          },
          span: m.span,
          related: agree.map((a) => ({ span: a.span, message: { zh: `${KIND[a.kind].zh}:${a.year}`, en: `${KIND[a.kind].en}: ${a.year}` } })),
          // Which year is right is for the author to say: offered, never preferred, never applied by fix-all.
          fixes: [{ title: { zh: `改为 ${year}`, en: `Change to ${year}` }, isPreferred: false, edits: [{ ...m.span, newText: String(year) }], stage: 'never' }],
          fingerprint: `year|${m.kind}|${m.year}|${year}`,
        });
      }
    }
  },
};
