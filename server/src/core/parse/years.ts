/**
 * Where a report states its year: the title, the statistics period (统计期限自…年1月1日至…年12月31日),
 * and the opening sentence of section 一, 六 or one of their sub-headings when it starts with
 * "2023年,…" (later sentences often recall past events). Years in book titles, comparisons
 * (较2023年), document numbers, plans (将…) and references to last year (上年, 去年) are not it.
 */
import { spanOf } from '../text/compact';
import type { Report } from '../model';
import type { Span } from '../types';

export type YearKind = 'title' | 'period' | 'statement';

export interface YearMention {
  kind: YearKind;
  year: number;
  span: Span;
}

const PERIOD = /(\d{4})年度?1月1日起?(?:至|到|—|-|~)(\d{4})年度?12月31日/;
const STATEMENT = /^(\d{4})年度?(?![\d月底初末])/;
const NOT_THIS_YEAR = /将|计划|拟|力争|上年|去年|上一年|以来|相比|较/;
const HEADING = /^(?:[一二三四五六]、|\([一二三四五六七八九十]{1,2}\))[^。]{0,30}。?$/;

export function yearMentions(r: Report): YearMention[] {
  const out: YearMention[] = [];
  if (r.title?.year) out.push({ kind: 'title', year: r.title.year.value, span: r.title.year.span });
  const n = r.narrative;
  if (!n) return out;
  const statementSections = r.sections.filter((s) => s.def.num === 1 || s.def.num === 6).map((s) => s.span);
  n.sentences.forEach((sen, i) => {
    const s = sen.c.s;
    const p = PERIOD.exec(s);
    if (p) {
      const a = p.index;
      const b = a + p[0].lastIndexOf(p[2]);
      out.push({ kind: 'period', year: Number(p[1]), span: spanOf(sen.c, a, a + 4) });
      out.push({ kind: 'period', year: Number(p[2]), span: spanOf(sen.c, b, b + 4) });
      return;
    }
    const m = STATEMENT.exec(s);
    if (!m || !statementSections.some((x) => sen.span.start >= x.start && sen.span.start < x.end)) return;
    if (i === 0 || !HEADING.test(n.sentences[i - 1].c.s) || NOT_THIS_YEAR.test(s)) return;
    out.push({ kind: 'statement', year: Number(m[1]), span: spanOf(sen.c, 0, 4) });
  });
  return out;
}
