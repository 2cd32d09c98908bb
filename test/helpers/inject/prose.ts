/** Faults in the prose: the statistics period, dates, empty parts, years, numbering, fees. */
import type { Analysis, Edit } from '../../../server/src/core';
import type { Report } from '../../../server/src/core/model';
import { findPeriods, reportYear, bodyKind, CLAUSE_YEAR } from '../../../server/src/core/rules/report-facts';
import { yearMentions } from '../../../server/src/core/parse/years';
import { apply, blank, mainReport, sectionOneSlot, type Variant } from './base';

export function periodVariants(text: string, a: Analysis): Variant[] {
  const r = mainReport(a);
  const n = r?.narrative;
  if (!r || !n) return [];
  const out: Variant[] = [];
  for (const p of findPeriods(n.sentences).slice(0, 1)) {
    const c = n.sentences[p.sentence].c;
    const orig = (x: { start: number; end: number }) => ({ start: c.map[x.start], end: c.map[x.end - 1] + 1 });
    const monthDay = (d: typeof p.to) => ({ start: orig(d.month).start, end: orig(d.day).end });
    const sen = n.sentences[p.sentence].span;
    const add = (what: string, e: Edit, rule = 'statistics-period') => {
      const v = apply(text, a, [e]);
      out.push({ rule, what, text: v.text, at: { start: sen.start, end: sen.end + v.text.length - text.length } });
    };
    add('end 11月30', { ...monthDay(p.to), newText: '11月30' });
    add('end 6月30', { ...monthDay(p.to), newText: '6月30' });
    add('end 12月30', { ...orig(p.to.day), newText: '30' });
    add('start 2月1', { ...monthDay(p.from), newText: '2月1' });
    add('start 1月2', { ...orig(p.from.day), newText: '2' });
    if (p.to.year && p.toYear) add('end year + 1', { ...orig(p.to.year), newText: String(p.toYear + 1) });
    if (p.to.year) add('no end year (still the whole year)', { start: orig(p.to.year).start, end: orig(p.to.month).start, newText: '' }, '');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** The end of the report's last non-empty line. */
function reportEnd(text: string, r: Report): number {
  let e = r.span.end;
  while (e > r.span.start && /\s/.test(text[e - 1])) e--;
  return e;
}

export function publicationVariants(text: string, a: Analysis): Variant[] {
  const r = mainReport(a);
  const year = r && reportYear(r);
  if (!r || year === undefined) return [];
  const gov = bodyKind(r, a.model.norm) !== 'department';
  const late = gov ? `${year + 1}年4月20日` : `${year + 1}年3月15日`;
  const end = reportEnd(text, r);
  const mk = (rule: string, what: string, at: number, s: string, date: string): Variant => {
    const v = apply(text, a, [{ start: at, end: at, newText: s }]);
    const i = v.text.indexOf(date, v.at.start);
    return { rule, what, text: v.text, at: { start: i, end: i + date.length } };
  };
  const iso = `${year + 1}-05-06`;
  return [
    mk('publication-date', `signature date ${late}`, end, `\n\n${late}`, late),
    mk('publication-date', `发布日期 ${iso}`, r.span.start, `发布日期:${iso}\n`, iso),
    mk('', `on time: ${year + 1}年1月20日`, end, `\n\n${year + 1}年1月20日`, `${year + 1}年1月20日`),
    ...(gov ? [mk('', `on time for a government: ${year + 1}年3月15日`, end, `\n\n${year + 1}年3月15日`, `${year + 1}年3月15日`)] : []),
  ];
}

// ---------------------------------------------------------------------------------------------

/** The body of a section: from the end of its heading line to its end. */
function bodyRange(text: string, r: Report, num: number): { start: number; end: number } | undefined {
  const sec = r.bySection[num];
  if (!sec) return undefined;
  const nl = text.indexOf('\n', sec.heading.start);
  const start = nl < 0 || nl > sec.span.end ? sec.heading.end : nl + 1;
  return start < sec.span.end ? { start, end: sec.span.end } : undefined;
}

export function emptyVariants(text: string, a: Analysis): Variant[] {
  const r = mainReport(a);
  if (!r) return [];
  const out: Variant[] = [];
  for (const num of [5, 6]) {
    const body = bodyRange(text, r, num);
    const heading = r.bySection[num]?.heading;
    // A part known only from its content (heading lost) has nothing left once blanked: missing-section's.
    if (!body || !heading || r.bySection[num]!.printed === 0) continue;
    const fill = (what: string, s: string) => {
      const edits = blank(text, body.start, body.end);
      if (!edits.length) return;
      edits[0] = { ...edits[0], newText: s };
      const v = apply(text, a, edits);
      out.push({ rule: 'empty-content', what: `section ${num} ${what}`, text: v.text, at: heading });
    };
    fill('blanked', '');
    fill('略', '略。');
    fill('待补充', '待补充');
    if (num === 5) {
      fill('无', '无。');
      fill('暂无', '暂无');
    }
  }
  // A whole table left blank, or filled with "—" (the reader reads such cells as blank).
  for (const t of [r.t2, r.t3]) {
    if (!t || t.problems.length) continue;
    const cells = t.kind === 2 ? t.rows.flatMap((x) => x.cells) : t.groups.flat();
    for (const [what, to] of [
      ['blank', ''],
      ['—', '—'],
    ]) {
      const v = apply(
        text,
        a,
        cells.map((c) => ({ ...c.span, newText: to })),
      );
      // Where the layout keeps no trace of empty cells (one cell per line, space-separated rows) the table is missing;
      // the narrative's figures are then compared with zeros.
      out.push({ rule: 'empty-content', what: `table ${t.kind} all ${what}`, text: v.text, at: t.anchor, table: true, instead: ['missing-section', 'narrative-table-mismatch'] });
    }
  }
  // Contact details: the value removed.
  for (const sen of r.narrative?.sentences ?? []) {
    const re = /(电话|邮编|邮箱|网址)[:]([0-9A-Za-z\-@._:/]+)/g;
    for (let m = re.exec(sen.c.s); m; m = re.exec(sen.c.s)) {
      const vs = m.index + m[1].length + 1;
      const ve = vs + m[2].length;
      const start = sen.c.map[vs];
      const end = sen.c.map[ve - 1] + 1;
      const v = apply(text, a, blank(text, start, end));
      out.push({ rule: 'empty-content', what: `${m[1]} left blank`, text: v.text, at: { start: sen.c.map[m.index], end: start } });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

export function yearVariants(text: string, a: Analysis): Variant[] {
  const r = mainReport(a);
  const year = r && reportYear(r);
  const p = r && sectionOneSlot(text, r);
  if (!r || year === undefined || p === undefined || !r.t2 || r.t2.problems.length) return [];
  const t2 = (id: string) => Number(r.t2!.byId[id].cells[6].value.units);
  const out: Variant[] = [];
  const insert = (rule: string, s: string, y: number) => {
    const v = apply(text, a, [{ start: p, end: p, newText: s }]);
    const i = v.text.indexOf(String(y), v.at.start);
    out.push({ rule, what: s, text: v.text, at: { start: i, end: i + 4 } });
  };
  insert('year-in-paragraph', `${year - 2}年共收到政府信息公开申请${t2('new')}件。`, year - 2);
  insert('year-in-paragraph', `${year - 1}年,全年共办结政府信息公开申请${t2('7')}件。`, year - 1);
  insert('year-in-paragraph', `${year + 1}年共受理政府信息公开申请${t2('new')}件,均在法定期限内答复。`, year + 1);
  insert('', `${year - 2}年,本机关被确定为政务公开标准化试点单位。`, year - 2);
  insert('', `与${year - 1}年相比,依申请公开数量有所变化。`, year - 1);
  // The year of this report's own figure sentences changed (not the opening statements, which are year-mismatch's).
  const n = r.narrative!;
  const counted = new Set(yearMentions(r).map((m) => m.span.start));
  const claimed = new Set(n.claims.map((c) => c.fig.sentence));
  n.sentences.forEach((sen, si) => {
    const sec = r.sections.find((x) => x.def.num !== 5 && sen.span.start >= x.heading.end && sen.span.start < x.span.end);
    if (!sec || !claimed.has(si)) return;
    CLAUSE_YEAR.lastIndex = 0;
    const m = CLAUSE_YEAR.exec(sen.c.s);
    if (!m || Number(m[1]) !== year || sen.c.s.split(`${year}年`).length > 2) return;
    const a0 = m.index + m[0].indexOf(m[1]);
    const span = { start: sen.c.map[a0], end: sen.c.map[a0 + 3] + 1 };
    if (counted.has(span.start)) return;
    const v = apply(text, a, [{ ...span, newText: String(year - 2) }]);
    out.push({ rule: 'year-in-paragraph', what: `year of “${sen.c.s.slice(0, 20)}…” changed`, text: v.text, at: v.at });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------

const SUBPART = /主动公开|依申请公开|信息管理|平台建设|监督保障/;

/**
 * A national part under another numeral ("三、收到和处理…" printed "四、"), and a sub-heading of
 * section 一 ("(二)依申请公开情况") written as a top-level part ("二、依申请公开情况").
 */
export function numberingVariants(text: string, a: Analysis): Variant[] {
  const r = mainReport(a);
  const one = r?.bySection[1];
  if (!r || !one) return [];
  const out: Variant[] = [];
  const NUM = '一二三四五六';
  if (r.sections.filter((x) => x.printed === x.def.num).length >= 4) {
    for (const sec of r.sections) {
      if (sec.def.num < 2 || sec.printed !== sec.def.num) continue;
      const at = text.indexOf(NUM[sec.def.num - 1], sec.heading.start);
      if (at < 0 || at > sec.heading.start + 4) continue;
      const to = NUM[sec.def.num === 6 ? 4 : sec.def.num];
      const v = apply(text, a, [{ start: at, end: at + 1, newText: to }]);
      out.push({ rule: 'section-numbering', what: `${sec.def.title} numbered ${to}`, text: v.text, at: sec.heading });
    }
  }
  for (const sub of one.subs) {
    const m = /^\(([一二三四五])\)/.exec(sub.title);
    const lineEnd = text.indexOf('\n', sub.span.start);
    const line = text.slice(sub.span.start, lineEnd < 0 ? text.length : lineEnd).trim();
    if (!m || !SUBPART.test(sub.title) || line.length > 30 || /[。;]./.test(line)) continue;
    const close = text.indexOf(')', sub.span.start) >= 0 && text.indexOf(')', sub.span.start) < sub.span.start + 4 ? text.indexOf(')', sub.span.start) : text.indexOf('）', sub.span.start);
    const v = apply(text, a, [{ start: sub.span.start, end: close + 1, newText: `${m[1]}、` }]);
    out.push({ rule: 'section-numbering', what: `${sub.title} promoted`, text: v.text, at: { start: v.at.start, end: v.at.start + line.length } });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

const FEE = /处理费|收费|收取[^。]{0,20}费|缴纳[^。]{0,6}费|费用/;

/** The sentence on fees removed from section 六, or replaced by another one. */
export function feeVariants(text: string, a: Analysis): Variant[] {
  const r = mainReport(a);
  const six = r?.bySection[6];
  if (!r || !six || !r.narrative) return [];
  const sentences = r.narrative.sentences.filter((s) => s.span.start >= six.heading.end && s.span.start < six.span.end && FEE.test(s.c.s));
  if (!sentences.length || r.narrative.sentences.some((s) => !sentences.includes(s) && s.c.s.includes('信息处理费'))) return [];
  const removed = sentences.flatMap((s) => blank(text, s.span.start, s.span.end));
  const v1 = apply(text, a, removed);
  const replaced = [...removed];
  replaced[0] = { ...replaced[0], newText: '本年度持续加强政务公开队伍建设。' };
  const v2 = apply(text, a, replaced);
  return [
    { rule: 'fee-statement', instead: ['empty-content'], what: 'fee sentence removed', text: v1.text, at: six.heading },
    { rule: 'fee-statement', what: 'fee sentence replaced', text: v2.text, at: six.heading },
  ];
}
