import type { Report, Section, Table } from '../model';
import type { Span } from '../types';
import { NOTHING_TO_REPORT, PLACEHOLDER, sectionBody } from './section-text';
import type { Rule, RuleContext } from './rule';

/** Section 五's own sub-labels and list markers, which are not content. */
const FIVE_LABELS = /存在的?主要问题|主要问题|存在问题|改进(?:情况|措施)|整改(?:情况|措施)|下一步(?:工作)?(?:打算|计划)?|\([一二三四五六七八九十]\)|[一二三四五六七八九十]是|\d[.、]|[\p{P}\p{S}]/gu;
/** Fewer characters than this in section 五 is not a sentence about problems and improvements. */
const MIN_FIVE = 10;

/** A contact label and its colon ("电话:", "电子邮箱:"); what follows (maybe on the next line) is checked. */
const CONTACT = /(联系电话|咨询电话|办公电话|电话|传真|邮政编码|邮编|联系地址|办公地址|通讯地址|地址|电子邮箱|电子信箱|邮箱|网址|网站地址|E-?mail)[:]/gi;
/** Labels whose value is written in digits or Latin letters (a phone number, a postcode, an e-mail or web address). */
const ASCII_VALUE = /电话|传真|邮编|邮政编码|邮箱|信箱|网址|E-?mail/i;
const PLACEHOLDER_VALUE = /^[Xx×*_—…]{2,}/;
/** An empty link: "下载()", "(网址: )", "http://" with nothing after it. */
const EMPTY_LINK = /(?:下载|查阅|浏览|访问|网址|网站|链接)\(\)|https?:\/\/(?![A-Za-z0-9])/g;

/** The first character after `from` that is not white space or a pipe (the value may be on the next line). */
function nextChar(norm: string, from: number): string | undefined {
  for (let i = from; i < norm.length; i++) if (!/[\s|]/.test(norm[i])) return norm[i];
  return undefined;
}

const SECTION_NAME: Record<number, { zh: string; en: string }> = {
  5: { zh: '第五部分“存在的主要问题及改进情况”', en: 'Section 5 (main problems and improvements)' },
  6: { zh: '第六部分“其他需要报告的事项”', en: 'Section 6 (other matters)' },
};

function checkSection(ctx: RuleContext, sec: Section): void {
  const body = sectionBody(ctx, sec);
  const name = SECTION_NAME[sec.def.num];
  const say = (zh: string, en: string, fp: string) =>
    ctx.report({ message: { zh: `${name.zh}${zh}`, en: `${name.en} ${en}` }, span: sec.heading, related: [], fixes: [], fingerprint: `empty|${sec.def.num}|${fp}` });
  const content = body.filter((l) => !PLACEHOLDER.test(l.s));
  if (!body.length) return say('没有内容', 'is empty', 'none');
  if (!content.length) return say(`只有占位文字“${body.map((l) => l.s).join('')}”`, `holds only a placeholder (“${body.map((l) => l.s).join('')}”)`, 'placeholder');
  if (sec.def.num === 6) return; // "无" is an answer here: nothing else to report.
  const words = content.map((l) => l.s.replace(FIVE_LABELS, '')).join('');
  if (content.every((l) => NOTHING_TO_REPORT.test(l.s)) || words.length < MIN_FIVE) {
    const text = content.map((l) => l.s).join('');
    say(`只有“${text}”,没有写出存在的问题和改进情况`, `says only “${text}”: no problems or improvements are stated`, 'short');
  }
}

function checkContacts(ctx: RuleContext, report: Report): void {
  const blank = (label: string, s: string, at: number, end: number): boolean => {
    if (PLACEHOLDER_VALUE.test(s.slice(at))) return true;
    const ch = nextChar(ctx.norm, end);
    if (ch === undefined || /[,;。)\]】、]/.test(ch)) return true;
    return ASCII_VALUE.test(label) && !/[A-Za-z0-9(+]/.test(ch);
  };
  for (const sen of report.narrative?.sentences ?? []) {
    const s = sen.c.s;
    if (!/[:(]|http/.test(s)) continue;
    const found: { a: number; b: number; what: string }[] = [];
    CONTACT.lastIndex = 0;
    for (let m = CONTACT.exec(s); m; m = CONTACT.exec(s)) {
      const b = m.index + m[0].length;
      if (blank(m[1], s, b, sen.c.map[b - 1] + 1)) found.push({ a: m.index, b, what: m[1] });
    }
    EMPTY_LINK.lastIndex = 0;
    for (let m = EMPTY_LINK.exec(s); m; m = EMPTY_LINK.exec(s)) found.push({ a: m.index, b: m.index + m[0].length, what: m[0] });
    for (const f of found) {
      const span: Span = { start: sen.c.map[f.a], end: sen.c.map[f.b - 1] + 1 };
      const text = s.slice(f.a, f.b);
      ctx.report({
        message: { zh: `联系方式或网址“${text}”留空或只有占位符`, en: `The contact detail or address “${text}” is left blank or a placeholder` },
        span,
        related: [],
        fixes: [],
        fingerprint: `empty|contact|${f.what}`,
      });
    }
  }
}

const TABLE_NAME = { 1: { zh: '表一', en: 'Table 1' }, 2: { zh: '表二', en: 'Table 2' }, 3: { zh: '表三', en: 'Table 3' } };

/** A table whose every cell was read from an empty or placeholder cell ("", "—", "/", "无"). */
function checkTable(ctx: RuleContext, t: Table | undefined): void {
  if (!t || t.problems.length) return;
  const rows = t.kind === 1 ? Object.values(t.rows).map((r) => r?.cells ?? []) : t.kind === 2 ? t.rows.map((r) => r.cells) : t.groups;
  if (!rows.some((r) => r.length) || !rows.every((r) => r.every((c) => c.blank))) return;
  const name = TABLE_NAME[t.kind];
  // Pages that leave zeros empty print an all-zero table this way too: information, not a warning.
  ctx.report({
    severity: 'information',
    message: {
      zh: `${name.zh}的单元格全部为空,已按 0 读取(未填写任何数字;没有发生的事项也应填 0)`,
      en: `Every cell of ${name.en} is blank and was read as 0 (no figure filled in; write 0 where there was nothing)`,
    },
    span: t.anchor,
    related: [],
    fixes: [],
    fingerprint: `empty|table|${t.kind}`,
  });
}

export const rule: Rule = {
  id: 'empty-content',
  severity: 'warning',
  fixable: false,
  title: { zh: '内容为空或占位', en: 'empty or placeholder content' },
  tags: ['structure'],
  description: {
    zh: '第五或第六部分为空、只有“无”或占位文字、不成句;联系电话、网址等留空;整张表格的单元格全部为空。',
    en: 'Section 5 or 6 is empty, a placeholder or shorter than a sentence; a contact detail or web address is left blank; a whole table has every cell blank.',
  },
  summary: {
    zh: '第五、六部分为空或只有占位文字,联系方式留空,整张表格为空',
    en: 'section 五 or 六 empty or a placeholder, 五 shorter than a sentence, a blank contact detail ("电话:"), a table with every cell blank',
  },
  check(ctx) {
    for (const report of ctx.reports) {
      for (const num of [5, 6]) {
        const sec = report.bySection[num];
        if (sec) checkSection(ctx, sec);
      }
      checkContacts(ctx, report);
      for (const t of [report.t1, report.t2, report.t3]) checkTable(ctx, t);
    }
  },
};
