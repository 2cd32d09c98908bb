import { compact, spanOf } from '../text/compact';
import { lineAt } from '../text/lines';
import type { Report, Section } from '../model';
import type { Edit, Fix, Span } from '../types';
import type { Rule, RuleContext } from './rule';

const NUMERALS = '一二三四五六七八九十';
/** A top-level heading line: a Chinese numeral, 、 or ., a short title. */
const TOP = /^[#*]*([一二三四五六七八九十])[、.,]([^。;]{2,30})[。.:]?$/;
/** The sub-parts of 一、总体情况 in the national format, in order. */
const SUBPARTS: { title: string; key: RegExp }[] = [
  { title: '主动公开', key: /主动公开(?!政府信息情况)/ },
  { title: '依申请公开', key: /依申请公开/ },
  { title: '政府信息管理', key: /信息管理/ },
  { title: '政府信息公开平台建设', key: /平台建设/ },
  { title: '监督保障', key: /监督保障/ },
];
/** The national parts 二–六 by their own title words (not a sub-part of 一 that shares a word). */
const NATIONAL_TITLE = /主动公开政府信息情况|收到和处理|公开申请情况|行政复议|行政诉讼|存在的?主要问题|改进情况|其他需要报告/;

const numeral = (n: number) => NUMERALS[n - 1];

/** The printed numeral of a heading line and its original span (for the fix). */
function printedNumeral(ctx: RuleContext, heading: Span): { span: Span; title: string } | undefined {
  const line = ctx.lines[lineAt(ctx.lines, heading.start)];
  const c = compact(ctx.norm, heading.start, Math.min(line.end, heading.end));
  const m = /^[#*]*([一二三四五六七八九十])[、.,]?(.*)$/.exec(c.s);
  if (!m) return undefined;
  const at = m[0].indexOf(m[1]);
  return { span: spanOf(c, at, at + 1), title: m[2] };
}

/** Whether the report numbers its parts the national way: most numbered parts under their own numeral, no restart. */
function nationalOrder(sections: readonly Section[]): boolean {
  const numbered = sections.filter((s) => s.printed > 0);
  const off = numbered.filter((s) => s.printed !== s.def.num);
  return numbered.length >= 3 && off.length * 2 < numbered.length;
}

function renumber(span: Span, to: string, title: { zh: string; en: string }): Fix {
  const edits: Edit[] = [{ ...span, newText: to }];
  return { title, isPreferred: true, edits, stage: 'never' };
}

function misnumbered(ctx: RuleContext, report: Report): void {
  for (const sec of report.sections) {
    // printed 0: a part known from its content whose heading was lost (PDF extraction) — not a numbering slip.
    if (sec.printed === sec.def.num || sec.printed === 0) continue;
    const def = sec.def;
    const p = printedNumeral(ctx, sec.heading);
    if (p) {
      ctx.report({
        message: {
          zh: `第${def.ordinal}部分“${def.title}”的编号写成了“${numeral(sec.printed)}”(国家格式为“${def.ordinal}”)`,
          en: `Part ${def.num} (${def.titleEn}) is numbered ${sec.printed}; the national format numbers it ${def.num}`,
        },
        span: sec.heading,
        related: [],
        fixes: [renumber(p.span, def.ordinal, { zh: `改为“${def.ordinal}”`, en: `Change to ${def.ordinal}` })],
        fingerprint: `numbering|${def.num}|${sec.printed}`,
      });
    }
  }
}

/** Sub-parts of 一 ("二、依申请公开情况") written as top-level parts before part 二. */
function promotedSubparts(ctx: RuleContext, report: Report): void {
  const one = report.bySection[1];
  if (!one) return;
  const next = report.sections.find((s) => s.def.num > 1 && s.span.start > one.span.start);
  const end = next ? next.heading.start : one.span.end;
  const headings = new Set(report.sections.map((s) => lineAt(ctx.lines, s.heading.start)));
  for (let li = lineAt(ctx.lines, one.heading.end) + 1; li < ctx.lines.length && ctx.lines[li].start < end; li++) {
    if (headings.has(li)) continue;
    const line = ctx.lines[li];
    const c = compact(ctx.norm, line.start, line.end);
    const m = TOP.exec(c.s.replace(/\|+$/, ''));
    if (!m || NATIONAL_TITLE.test(m[2])) continue;
    const k = SUBPARTS.findIndex((p) => p.key.test(m[2]));
    if (k < 0) continue;
    const at = m[0].indexOf(m[1]);
    const numSpan = spanOf(c, at, at + 2);
    const sub = `(${numeral(k + 1)})`;
    ctx.report({
      message: {
        zh: `“${m[1]}、${m[2]}”是第一部分“总体情况”的分项(国家格式为“${sub}${SUBPARTS[k].title}”),不应编为一级标题`,
        en: `“${m[1]}、${m[2]}” is a sub-part of part 1 (Overview) — “${sub}${SUBPARTS[k].title}” in the national format — not a top-level part`,
      },
      span: spanOf(c, at, c.s.length),
      related: [{ span: one.heading, message: { zh: '第一部分“总体情况”', en: 'part 1 (Overview)' } }],
      fixes: [renumber(numSpan, sub, { zh: `改为“${sub}”`, en: `Change to ${sub}` })],
      fingerprint: `numbering|sub|${k}|${m[1]}`,
    });
  }
}

export const rule: Rule = {
  id: 'section-numbering',
  severity: 'information',
  fixable: true,
  title: { zh: '部分编号', en: 'section numbering' },
  tags: ['structure'],
  description: {
    zh: '国家格式的某一部分编号不对(如“收到和处理政府信息公开申请情况”编成“四、”),或把第一部分的分项(主动公开、依申请公开……)编成了一级标题。',
    en: 'A part of the national format under the wrong numeral, or a sub-part of part 1 (proactive disclosure, requests, …) numbered as a top-level part.',
  },
  summary: {
    zh: '国家格式的部分编号不对,第一部分的分项编成了一级标题',
    en: 'a national part under the wrong numeral; a sub-part of 一 numbered as a top-level part',
  },
  check(ctx) {
    for (const report of ctx.reports) {
      // A report that numbers its parts in a local scheme throughout is not misnumbered part by part.
      if (!nationalOrder(report.sections)) continue;
      misnumbered(ctx, report);
      promotedSubparts(ctx, report);
    }
  },
};
