/** Finds section headings, sub-headings, titles, and splits a file into report copies. */
import type { Line } from '../text/lines';
import { SECTIONS } from '../template/format';
import type { Report, Section, SubHeading, Title } from '../model';

const HEADING = /^[#*\s]*(?:第(?=[一二三四五六]部分))?([一二三四五六])(?:部分)?\s*[、.,:]?\s*(.{0,48})$/;
const LEADING = /^[#*\s]$/;
const SUB = /^[#*\s]*\(([一二三四五六七八九十]{1,2})\)\s*([^。.]{0,40})/;
const TITLE = /^(.*?)(\d{4})\s*年度?\s*([^\d]*?(?:报告|年报))/;
const PAGE_MARKER = /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,/]?\s*共\s*\d{1,3}\s*页)?)\s*$/;

/** Whether norm[start, end) is a page marker ("- 4 -", "第 3 页"); looks at the first character before the regex. */
export function isPageMarker(norm: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (norm.charCodeAt(i) === 32 || norm.charCodeAt(i) === 9)) i++;
  const c = norm[i];
  if (c !== '-' && c !== '—' && c !== '–' && c !== '第') return false;
  return end - start <= 40 && PAGE_MARKER.test(norm.slice(start, end));
}

/**
 * Titles that name a national part whatever numeral stands before them (local orders print the
 * national parts under other numerals, e.g. "一、主动公开政府信息情况" after a first 一–六).
 */
const STRONG: Record<number, RegExp> = {
  1: /^(?:政府信息公开(?:工作)?)?(?:总体情况|总体概况|概述)$/,
  2: /^(?:政府信息)?主动公开(?:政府信息)?(?:工作)?(?:的)?情况$/,
  3: /收到和处理政府信息公开申请|^(?:政府信息公开)?申请(?:办理)?情况$|^依申请公开(?:政府信息)?(?:工作)?(?:的)?情况$|^政府信息公开申请(?:办理)?情况$/,
  4: /行政复议.{0,8}行政诉讼/,
  5: /存在的?主要问题.{0,6}改进/,
  6: /^其他需要报告的?事项$/,
};

export interface HeadingHit {
  /** The national part (1–6). */
  num: number;
  /** The numeral as printed (1–6). */
  printed: number;
  line: Line;
}

/** The national part and printed numeral if this normalised line is a section heading. */
function sectionHeading(normLine: string): { num: number; printed: number } | undefined {
  const m = HEADING.exec(normLine.replace(/[|\s。.]+$/, ''));
  if (!m || /[。;]/.test(m[2])) return undefined;
  const printed = '一二三四五六'.indexOf(m[1]) + 1;
  if (SECTIONS[printed - 1].key.test(m[2])) return { num: printed, printed };
  const title = m[2].replace(/[\s:,]+$/, '');
  for (const def of SECTIONS) if (STRONG[def.num].test(title)) return { num: def.num, printed };
  return undefined;
}

/** Section headings in file order, each with its line (normalised text in `norm`). */
function findHeadings(lines: readonly Line[], norm: string): HeadingHit[] {
  const hits: HeadingHit[] = [];
  for (const line of lines) {
    if (line.end - line.start > 60) continue;
    // Cheap test first (most lines are not headings): after leading #, * and white space,
    // a heading starts with 一 … 六.
    let i = line.start;
    while (i < line.end && LEADING.test(norm[i])) i++;
    if (i === line.end || !'一二三四五六第'.includes(norm[i])) continue;
    const h = sectionHeading(norm.slice(line.start, line.end).trim());
    if (h) hits.push({ ...h, line });
  }
  return hits;
}

/** "标题: …" in the header lines of a crawled page. */
const TITLE_KEY = /^(?:标题|题名|名称|文章标题)\s*:\s*/;

function findTitle(lines: readonly Line[], norm: string, from: number, to: number): Title | undefined {
  for (let i = from; i < to && i < from + 15; i++) {
    const line = lines[i];
    let text = norm.slice(line.start, line.end).replace(/[|\s]+$/, '');
    if (text.length > 60 || !/信息公开/.test(text)) continue;
    let end = line.start + text.length;
    // A title broken over two lines: "2024 年上海市科委政府信息公开工作" / "年度报告".
    if (!/报告|年报/.test(text) && i + 1 < lines.length) {
      const next = lines[i + 1];
      const rest = norm.slice(next.start, next.end).replace(/[|\s]+$/, '');
      if (rest.trim().length <= 12 && /报告|年报/.test(rest)) {
        text += rest.trim();
        end = next.start + rest.length;
      }
    }
    const m = TITLE.exec(text.trimStart());
    if (!m || /[《。]/.test(m[1])) continue;
    const lead = text.length - text.trimStart().length;
    const key = TITLE_KEY.exec(m[1])?.[0].length ?? 0;
    const yearStart = line.start + lead + m[1].length;
    // "| 名称 | 沭阳县发展和改革局2023年…" (a metadata table row): the last cell holds the title.
    let body = m[1]
      .slice(key)
      .replace(/^.*\|/, '')
      .replace(/^[#*\s]+/, '')
      .trim();
    // "2024年上海市科委政府信息公开工作年度报告": the body follows the year.
    if (!body) body = /^\s*(.*?)(?:政府)?信息公开/.exec(m[3])?.[1].trim() ?? '';
    if (!body && i > 0) {
      const prev = lines[i - 1];
      const p = norm.slice(prev.start, prev.end).trim();
      if (p.length <= 30 && !/[,。:;]/.test(p) && !PAGE_MARKER.test(p)) body = p;
    }
    return {
      span: { start: line.start + lead + key, end },
      text: text.trim().slice(key),
      body,
      year: { value: Number(m[2]), span: { start: yearStart, end: yearStart + 4 } },
    };
  }
  return undefined;
}

function findSubs(lines: readonly Line[], norm: string, from: number, to: number): SubHeading[] {
  const subs: SubHeading[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i];
    const text = norm.slice(line.start, line.end);
    const m = SUB.exec(text);
    if (!m) continue;
    const lead = text.length - text.trimStart().length;
    const title = ('(' + m[1] + ')' + m[2]).replace(/[,;:\s]+$/, '');
    subs.push({ span: { start: line.start + lead, end: line.start + lead + Math.min(text.trim().length, title.length + 1) }, title });
  }
  return subs;
}

/**
 * Splits the file into reports: a new report starts where section 一 appears again after
 * a later section (a repeated 一 right after 一 stays in the same report). `cut` gives, for a restart, where the copy's preamble begins (the start of
 * a repeated block when one is known), else the heading itself is the start.
 */
export function splitReports(lines: readonly Line[], norm: string, cuts: readonly number[]): Report[] {
  const hits = findHeadings(lines, norm);
  const groups: HeadingHit[][] = [];
  // Whether the current group has a heading after section 一 (kept as a flag: rescanning the group
  // for every heading is quadratic in a file of thousands of headings).
  let later = false;
  for (const h of hits) {
    if (groups.length === 0 || (h.num === 1 && later)) {
      groups.push([h]);
      later = h.num >= 2;
    } else {
      groups[groups.length - 1].push(h);
      later ||= h.num >= 2;
    }
  }
  if (groups.length === 0) groups.push([]);

  // Where each report starts, as a line index.
  const startLine: number[] = groups.map((g, k) => {
    if (k === 0) return 0;
    const head = g[0].line.index;
    const prevLast = groups[k - 1][groups[k - 1].length - 1].line.index;
    const cut = cuts.find((c) => c > lines[prevLast].start && c <= lines[head].start);
    if (cut !== undefined) {
      let li = head;
      while (li > 0 && lines[li].start > cut) li--;
      return li;
    }
    // Otherwise take a title line just above the heading as the start.
    for (let li = head - 1; li > prevLast && li >= head - 8; li--) {
      if (findTitle(lines, norm, li, li + 1)) return li > 0 && lines[li - 1].end - lines[li - 1].start <= 30 ? li - 1 : li;
    }
    return head;
  });

  const end = norm.length;
  return groups.map((g, k) => {
    const first = startLine[k];
    const lastLine = k + 1 < groups.length ? startLine[k + 1] : lines.length;
    const rEnd = k + 1 < groups.length ? lines[lastLine].start : end;
    const hits = withImplied(g, lines, norm, lastLine);
    const spanOf = (i: number) => ({ start: hits[i].line.start, end: i + 1 < hits.length ? hits[i + 1].line.start : rEnd });
    const chosen = chooseParts(hits, (i) => norm.slice(spanOf(i).start, spanOf(i).end));
    const sections: Section[] = [];
    const bySection: (Section | undefined)[] = new Array(7).fill(undefined);
    hits.forEach((h, i) => {
      if (!chosen.has(i)) return;
      const nextLine = i + 1 < hits.length ? hits[i + 1].line.index : lastLine;
      const lead = norm.slice(h.line.start, h.line.end).search(/\S/);
      const sec: Section = {
        def: SECTIONS[h.num - 1],
        printed: h.printed,
        heading: { start: h.line.start + Math.max(lead, 0), end: h.line.end },
        span: spanOf(i),
        subs: h.num === 1 || h.num >= 5 ? findSubs(lines, norm, h.line.index + (h.printed ? 1 : 0), nextLine) : [],
      };
      sections.push(sec);
      bySection[h.num] = sec;
    });
    const titleTo = g.length ? g[0].line.index : Math.min(lastLine, first + 15);
    return {
      span: { start: lines[first].start, end: rEnd },
      title: findTitle(lines, norm, first, titleTo),
      sections,
      bySection,
      duplicate: false,
    };
  });
}

/** What shows that a part holds its table (a heading of the same subject elsewhere is only narrative). */
const TABLE_MARK: Record<number, RegExp> = {
  2: /第二十条|本年制发|本年新制作/,
  3: /本年新收|申请人情况|勾稽关系/,
  4: /结果维持|尚未审结|未经复议/,
};

/**
 * One heading per national part: where several headings name the same part (a local narrative
 * part "三、主动公开工作情况" and the national "一、主动公开政府信息情况" with the table), the one
 * holding the table wins, then the one with the national numeral, then the first.
 */
function chooseParts(hits: readonly HeadingHit[], text: (i: number) => string): Set<number> {
  const best = new Map<number, { i: number; score: number }>();
  const count = new Map<number, number>();
  for (const h of hits) count.set(h.num, (count.get(h.num) ?? 0) + 1);
  hits.forEach((h, i) => {
    // The part's text is looked at only when another heading names the same part.
    const score = (count.get(h.num)! > 1 && TABLE_MARK[h.num]?.test(text(i)) ? 4 : 0) + (h.printed === h.num ? 2 : 0);
    const b = best.get(h.num);
    if (!b || score > b.score) best.set(h.num, { i, score });
  });
  return new Set([...best.values()].map((b) => b.i));
}

const PROBLEMS_SUB = /^[#*\s]*\(一\).{0,20}(?:问题|不足|改进)/;
const IMPROVE_SUB = /^[#*\s]*\(二\).{0,20}(?:问题|不足|改进|措施)/;

/**
 * Section 五 whose heading was lost (PDF extraction) but whose content is there: "(一)主要问题 …
 * (二)改进情况" (in either order) after the tables stands for it (printed numeral 0).
 */
function withImplied(g: HeadingHit[], lines: readonly Line[], norm: string, lastLine: number): HeadingHit[] {
  if (!g.length || g.some((h) => h.num === 5)) return g;
  const after = g.filter((h) => h.num >= 2 && h.num <= 4).pop();
  if (!after) return g;
  const stop = g.find((h) => h.line.index > after.line.index)?.line.index ?? lastLine;
  for (let li = after.line.index + 1; li < stop; li++) {
    const l = lines[li];
    if (l.end - l.start > 40 || !PROBLEMS_SUB.test(norm.slice(l.start, l.end))) continue;
    for (let k = li + 1; k < stop && k < li + 60; k++) {
      if (IMPROVE_SUB.test(norm.slice(lines[k].start, Math.min(lines[k].end, lines[k].start + 40)))) {
        const out = [...g, { num: 5, printed: 0, line: l }];
        return out.sort((x, y) => x.line.index - y.line.index);
      }
    }
  }
  return g;
}
