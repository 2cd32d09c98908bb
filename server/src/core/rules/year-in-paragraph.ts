import { sentenceKey } from './fingerprint';
import { styled } from '../fixes';
import { spanOf } from '../text/compact';
import { memoCorrections, targetValue } from '../narrative/evaluate';
import { within } from '../num/decimal';
import { yearMentions } from '../parse/years';
import { scanNumbers } from '../text/numbers';
import type { Report } from '../model';
import type { Msg } from '../types';
import { CLAUSE_YEAR, reportYear } from './report-facts';
import type { Rule, RuleContext } from './rule';

/** Recalled history or plans: the sentence is not (only) about this year. */
const OTHER_TIME =
  /上年(?!度?结转)|去年(?!结转)|上一年(?!度?结转)|往年|前年|同比|环比|较|相比|对比|以来|历年|此前|以前|之前|曾经|回顾|截至|截止|累计|将|计划|拟|力争|预计|下一步|明年|今后|未来|争取|目标|启动|试点|被确定|被评为|荣获/;
/** Words that say "this year". */
const THIS_YEAR = /全年|本年度?|今年|当年|年内/;
/** Sub-headings about another year ("(一)上年度存在的问题及改进情况"). */
const OTHER_YEAR_HEADING = /上年|上一年|去年|往年|以前年度|\d{4}年/;

interface Reason {
  msg: Msg;
}

/**
 * Why the sentence states this year's figures: it restates a table figure (the narrative checks
 * compare it with this year's table too), or it says "全年/本年度" and gives figures.
 */
function thisYearsFigures(report: Report, ctx: RuleContext, index: number, si: number, s: string): Reason | undefined {
  const n = report.narrative!;
  const corr = memoCorrections(report, ctx.memo, index);
  let restated: Reason | undefined;
  for (const c of n.claims) {
    if (c.fig.sentence !== si || c.fig.tok.approx) continue;
    const tv = targetValue(report, c.target, corr);
    if (!tv) continue;
    if (!c.phrase.tableScale && within(c.fig.tok.value, c.fig.tok.slack, tv.value)) {
      return { msg: { zh: `其中“${c.phrase.name.zh}”的数字与本年度${tv.name.zh}相同`, en: `its “${c.phrase.name.en}” figure equals this year’s ${tv.name.en}` } };
    }
    restated ??= { msg: { zh: `句中复述了表格中的“${c.phrase.name.zh}”`, en: `it restates the table’s “${c.phrase.name.en}”` } };
  }
  if (restated) return restated;
  const m = THIS_YEAR.exec(s);
  if (m && scanNumbers(s).some((t) => !t.approx)) return { msg: { zh: `句中写着“${m[0]}”并列出数字`, en: `it says “${m[0]}” and gives figures` } };
  return undefined;
}

export const rule: Rule = {
  id: 'year-in-paragraph',
  severity: 'warning',
  fixable: true,
  title: { zh: '正文中的年份', en: 'year in a paragraph' },
  tags: ['structure'],
  description: {
    zh: '正文中陈述本年度数字的句子写着别的年份(如2023年报告中的“2021年共收到申请……”);回顾往年、比较和计划不算。',
    en: 'A sentence that states this year’s figures carries another year (e.g. “in 2021 we received … requests” in a 2023 report); recalled history, comparisons and plans are left alone.',
  },
  summary: {
    zh: '陈述本年度数字的句子写着别的年份',
    en: 'a sentence stating this year\'s figures under another year ("2021年共收到申请…" in a 2023 report)',
  },
  check(ctx) {
    ctx.reports.forEach((report, index) => {
      const n = report.narrative;
      const year = reportYear(report);
      if (!n || year === undefined) return;
      // Opening statements are year-mismatch's; the statistics period too.
      const counted = new Set(yearMentions(report).map((m) => m.span.start));
      const sections = report.sections.filter((s) => s.def.num !== 5);
      n.sentences.forEach((sen, si) => {
        const sec = sections.find((x) => sen.span.start >= x.span.start && sen.span.start < x.span.end);
        if (!sec || sen.span.start < sec.heading.end) return;
        const s = sen.c.s;
        if (!/\d{4}年/.test(s) || OTHER_TIME.test(s) || s.includes(`${year}年`)) return;
        const sub = sec.subs.filter((x) => x.span.start < sen.span.start).pop();
        if (sub && OTHER_YEAR_HEADING.test(sub.title)) return;
        CLAUSE_YEAR.lastIndex = 0;
        for (let m = CLAUSE_YEAR.exec(s); m; m = CLAUSE_YEAR.exec(s)) {
          const y = Number(m[1]);
          const a = m.index + m[0].indexOf(m[1]);
          const span = spanOf(sen.c, a, a + 4);
          if (y === year || y < year - 10 || y > year + 1 || counted.has(span.start)) continue;
          const why = thisYearsFigures(report, ctx, index, si, s);
          if (!why) return;
          ctx.report({
            message: {
              zh: `句中的年份 ${y} 不是报告年度 ${year},而这句话陈述的是本年度的情况(${why.msg.zh})`,
              en: `The year ${y} is not the report’s year ${year}, but the sentence states this year’s figures (${why.msg.en})`,
            },
            span,
            related: report.title?.year ? [{ span: report.title.year.span, message: { zh: `标题年份:${year}`, en: `year in the title: ${year}` } }] : [],
            // Which year is right is for the author to say: offered, never applied by fix-all.
            fixes: [{ title: { zh: `改为 ${year}`, en: `Change to ${year}` }, isPreferred: false, edits: [{ ...span, newText: styled(ctx.text.slice(span.start, span.end), year) }], stage: 'never' }],
            fingerprint: `year|${y}|${year}|${sentenceKey(s)}`,
          });
          return;
        }
      });
    });
  },
};
