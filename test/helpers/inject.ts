/**
 * Faults injected into real reports, one per variant, for the rules of issue 13: each variant says
 * which rule must report it and where. Edits keep the line count (except the date lines of
 * publication-date) and, in a file whose report is pasted twice, are made in both copies.
 */
import { analyze, type Analysis, type Edit, type Finding } from '../../server/src/core';
import type { Report } from '../../server/src/core/model';
import { findPeriods, reportYear, bodyKind } from '../../server/src/core/rules/report-facts';
import { CLAUSE_YEAR } from '../../server/src/core/rules/report-facts';
import { yearMentions } from '../../server/src/core/parse/years';
import { T1_WORDING, T2_WORDING } from '../../server/src/core/template/labels';
import { applyEdits } from '../../server/src/core/fixes';

export interface Variant {
  /** The rule that must report the fault; '' for a variant that must change nothing. */
  rule: string;
  what: string;
  text: string;
  /** Where the finding must be (variant offsets). */
  at: { start: number; end: number };
  /** Other rules that may report it too or instead (a fault that empties section 六 is empty-content's). */
  instead?: string[];
  /** A table emptied: counted only where the table reader reads the blank cells (else table-unaligned says so). */
  table?: boolean;
}

export const mainReport = (a: Analysis): Report | undefined => a.model.reports.find((r) => !r.duplicate);

/** Applies `edits`, mirrored into a pasted-twice copy; returns the text and where the first edit's new text is. */
export function apply(text: string, a: Analysis, edits: Edit[]): { text: string; at: { start: number; end: number } } {
  const all = [...edits];
  for (const d of a.model.duplicates) {
    for (const e of edits) {
      if (e.start >= d.firstCopy.start && e.end <= d.firstCopy.end) {
        const shift = d.span.start - d.firstCopy.start;
        all.push({ start: e.start + shift, end: e.end + shift, newText: e.newText });
      }
    }
  }
  const first = [...edits].sort((x, y) => x.start - y.start)[0];
  let before = 0;
  for (const e of all) if (e.start < first.start) before += e.newText.length - (e.end - e.start);
  return { text: applyEdits(text, all), at: { start: first.start + before, end: first.start + before + first.newText.length } };
}

const key = (f: Finding) => (f.rule === 'duplicate-content' ? f.rule : `${f.rule}|${f.fingerprint}`);

/** Findings of `after` that `before` does not have (as a multiset, by rule and fingerprint). */
export function newFindings(before: Analysis, after: Analysis): Finding[] {
  const count = new Map<string, number>();
  for (const f of before.findings) count.set(key(f), (count.get(key(f)) ?? 0) + 1);
  const out: Finding[] = [];
  for (const f of after.findings) {
    const k = key(f);
    if (count.get(k)) count.set(k, count.get(k)! - 1);
    else out.push(f);
  }
  return out;
}

/** Where a sentence can be added to section 一: after its first full stop. */
function sectionOneSlot(text: string, r: Report): number | undefined {
  const one = r.bySection[1];
  if (!one) return undefined;
  const i = text.indexOf('。', one.heading.end);
  return i >= 0 && i < one.span.end ? i + 1 : undefined;
}

const sumCells = (cells: { value: { units: bigint } }[]) => cells.reduce((x, c) => x + Number(c.value.units), 0);

// ---------------------------------------------------------------------------------------------

export function negationVariants(text: string, a: Analysis): Variant[] {
  const r = mainReport(a);
  const p = r && sectionOneSlot(text, r);
  if (!r || p === undefined || !r.t2 || r.t2.problems.length || !r.t3 || r.t3.problems.length) return [];
  const t2 = (id: string) => Number(r.t2!.byId[id].cells[6].value.units);
  const g3 = sumCells(r.t2.rows.filter((x) => x.id.startsWith('3.')).map((x) => x.cells[6]));
  const group = (g: number) => Math.max(sumCells(r.t3!.groups[g].slice(0, 4)), Number(r.t3!.groups[g][4].value.units));
  const cases: [number, string[]][] = [
    [group(0), ['本年度未发生政府信息公开行政复议案件。', '全年未收到行政复议申请。', '行政复议案件:无。', '本机关未被申请行政复议。']],
    [group(1) + group(2), ['本年度未发生政府信息公开行政诉讼案件。', '全年没有发生行政诉讼。', '行政诉讼案件为零。']],
    [t2('new'), ['全年未收到政府信息公开申请。', '本年度没有受理依申请公开件。']],
    [t2('carried'), ['无上年结转的政府信息公开申请。']],
    [t2('next'), ['无结转下年度继续办理的申请。']],
    [g3, ['未出现不予公开的情形。']],
    [Number(r.t3.groups[0][1].value.units), ['全年未发生因依申请公开被行政复议纠错的情形。']],
  ];
  const variant = (s: string, wrong: boolean): Variant => ({ rule: wrong ? 'narrative-negation' : '', what: s, ...apply(text, a, [{ start: p, end: p, newText: s }]) });
  const lit = group(1) + group(2);
  return [
    ...cases.flatMap(([value, sentences]) => sentences.map((s) => variant(s, value !== 0))),
    // The converse without a figure: an occurrence the table does not have.
    variant('本年度发生政府信息公开行政复议案件。', group(0) === 0),
    variant('本年度被提起行政诉讼。', lit === 0),
    variant('收到一起行政诉讼。', lit !== 1),
  ];
}

// ---------------------------------------------------------------------------------------------

const NUMBERING = /^(?:[一二三四五六七]、|\([一二三四五六七]\)|\d{1,2}\.)/;
const PUNCT = /[\p{P}\p{S}\s]/u;

/** Each character of each row label's wording (and group header) mistyped, and deleted; the quotes of 三安全一稳定 dropped. */
export function labelVariants(text: string, a: Analysis): Variant[] {
  const r = mainReport(a);
  if (!r) return [];
  const labels: { span: { start: number; end: number }; wording: string[] }[] = [];
  if (r.t2 && !r.t2.problems.length) for (const row of r.t2.rows) labels.push({ span: row.label, wording: [T2_WORDING[row.id].label, T2_WORDING[row.id].header ?? ''] });
  if (r.t1 && !r.t1.problems.length) for (const [id, row] of Object.entries(r.t1.rows)) labels.push({ span: row!.label, wording: [T1_WORDING[id as keyof typeof T1_WORDING].label] });
  const out: Variant[] = [];
  for (const { span, wording } of labels) {
    const label = text.slice(span.start, span.end);
    for (const w of wording.filter((x) => x)) {
      const body = w.replace(NUMBERING, '');
      const at = label.lastIndexOf(body);
      // Only wording printed exactly (hongze's "其他法律行政止公开" already differs).
      if (at < 0 || body.replace(/[“”]/g, '').length < 4) continue;
      for (let k = 0; k < body.length; k++) {
        if (PUNCT.test(body[k])) continue;
        const pos = span.start + at + k;
        for (const [mode, newText] of [['mistyped', '口'], ['dropped', '']]) {
          out.push({ rule: 'template-label', what: `${body} ${mode} ${body[k]}`, ...apply(text, a, [{ start: pos, end: pos + 1, newText }]) });
          out[out.length - 1].at = { start: pos - 1, end: pos + 1 };
        }
      }
      if (body.includes('“')) {
        const q1 = span.start + at + body.indexOf('“');
        const q2 = span.start + at + body.indexOf('”');
        out.push({ rule: 'template-label', what: `${body} quotes lost`, ...apply(text, a, [{ start: q1, end: q1 + 1, newText: '' }, { start: q2, end: q2 + 1, newText: '' }]) });
      }
    }
  }
  return out;
}

/** Width, punctuation and numbering variants of the labels: none is a typo. */
export function labelStyleVariant(text: string, a: Analysis): Variant | undefined {
  const r = mainReport(a);
  if (!r?.t2 || r.t2.problems.length) return undefined;
  const edits: Edit[] = [];
  for (const row of r.t2.rows) {
    for (let i = row.label.start; i < row.label.end; i++) {
      const c = text[i];
      const to = c === '.' && /\d/.test(text[i - 1]) ? '、' : c === '(' ? '（' : c === ')' ? '）' : c === '“' ? '"' : c === '”' ? '"' : c === ',' ? '，' : undefined;
      if (to) edits.push({ start: i, end: i + 1, newText: to });
    }
  }
  if (!edits.length) return undefined;
  return { rule: '', what: 'label punctuation and width', ...apply(text, a, edits) };
}

// ---------------------------------------------------------------------------------------------

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

/** Edits that blank a range but keep its line breaks. */
function blank(text: string, start: number, end: number): Edit[] {
  const edits: Edit[] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n' || text[i] === '\r') {
      if (i > s) edits.push({ start: s, end: i, newText: '' });
      s = i + 1;
    }
  }
  return edits;
}

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
    for (const [what, to] of [['blank', ''], ['—', '—']]) {
      const v = apply(text, a, cells.map((c) => ({ ...c.span, newText: to })));
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

export const INJECTORS: Record<string, (text: string, a: Analysis) => Variant[]> = {
  'narrative-negation': negationVariants,
  'template-label': labelVariants,
  'statistics-period': periodVariants,
  'publication-date': publicationVariants,
  'empty-content': emptyVariants,
  'year-in-paragraph': yearVariants,
  'section-numbering': numberingVariants,
  'fee-statement': feeVariants,
};

export { analyze };
