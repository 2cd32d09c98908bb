/** Finds section headings, sub-headings, titles, and splits a file into report copies. */
import type { Line } from '../text/lines';
import { SECTIONS } from '../template/format';
import type { Report, Section, SubHeading, Title } from '../model';

const HEADING = /^[#*\s]*([一二三四五六])\s*[、.,]?\s*(.{0,48})$/;
const LEADING = /^[#*\s]$/;
const SUB = /^[#*\s]*\(([一二三四五六七八九十]{1,2})\)\s*([^。.]{0,40})/;
const TITLE = /^(.*?)(\d{4})\s*年度?\s*([^\d]*?(?:报告|年报))/;
export const PAGE_MARKER = /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,/]?\s*共\s*\d{1,3}\s*页)?)\s*$/;

/** Whether norm[start, end) is a page marker ("- 4 -", "第 3 页"); looks at the first character before the regex. */
export function isPageMarker(norm: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (norm.charCodeAt(i) === 32 || norm.charCodeAt(i) === 9)) i++;
  const c = norm[i];
  if (c !== '-' && c !== '—' && c !== '–' && c !== '第') return false;
  return end - start <= 40 && PAGE_MARKER.test(norm.slice(start, end));
}

/** The section number (1–6) if this normalised line is a section heading. */
export function sectionHeading(normLine: string): number {
  const m = HEADING.exec(normLine.replace(/[|\s。.]+$/, ''));
  if (!m) return 0;
  const def = SECTIONS['一二三四五六'.indexOf(m[1])];
  return def.key.test(m[2]) && !/[。;]/.test(m[2]) ? def.num : 0;
}

interface HeadingHit {
  num: number;
  line: Line;
}

/** Section headings in file order, each with its line (normalised text in `norm`). */
export function findHeadings(lines: readonly Line[], norm: string): HeadingHit[] {
  const hits: HeadingHit[] = [];
  for (const line of lines) {
    if (line.end - line.start > 60) continue;
    // Cheap test first (most lines are not headings): after leading #, * and white space,
    // a heading starts with 一 … 六.
    let i = line.start;
    while (i < line.end && LEADING.test(norm[i])) i++;
    if (i === line.end || !'一二三四五六'.includes(norm[i])) continue;
    const num = sectionHeading(norm.slice(line.start, line.end).trim());
    if (num) hits.push({ num, line });
  }
  return hits;
}

function findTitle(lines: readonly Line[], norm: string, from: number, to: number): Title | undefined {
  for (let i = from; i < to && i < from + 15; i++) {
    const line = lines[i];
    const text = norm.slice(line.start, line.end).replace(/[|\s]+$/, '');
    if (text.length > 60 || !/信息公开/.test(text)) continue;
    const m = TITLE.exec(text.trimStart());
    if (!m || /[《。]/.test(m[1])) continue;
    const lead = text.length - text.trimStart().length;
    const yearStart = line.start + lead + m[1].length;
    let body = m[1].replace(/^[#*\s]+/, '').trim();
    if (!body && i > 0) {
      const prev = lines[i - 1];
      const p = norm.slice(prev.start, prev.end).trim();
      if (p.length <= 30 && !/[,。:;]/.test(p) && !PAGE_MARKER.test(p)) body = p;
    }
    return {
      span: { start: line.start + lead, end: line.start + text.length },
      text: text.trim(),
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
    const sections: Section[] = [];
    const bySection: (Section | undefined)[] = new Array(7).fill(undefined);
    g.forEach((h, i) => {
      const nextStart = i + 1 < g.length ? g[i + 1].line.start : rEnd;
      const nextLine = i + 1 < g.length ? g[i + 1].line.index : lastLine;
      const def = SECTIONS[h.num - 1];
      const lead = norm.slice(h.line.start, h.line.end).search(/\S/);
      const sec: Section = {
        def,
        printed: h.num,
        heading: { start: h.line.start + Math.max(lead, 0), end: h.line.end },
        span: { start: h.line.start, end: nextStart },
        subs: h.num === 1 || h.num >= 5 ? findSubs(lines, norm, h.line.index + 1, nextLine) : [],
      };
      sections.push(sec);
      if (!bySection[h.num]) bySection[h.num] = sec;
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
