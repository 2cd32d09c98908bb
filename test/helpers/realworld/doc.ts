/**
 * A corpus report taken apart by the analyzer into what the real-world generators need: the
 * narrative lines of each section (table text removed), the sub-headings of section 一, and the
 * numbers of the three tables (from the aligned cells of the model).
 */
import { analyze } from '../../../server/src/core';
import type { Report, Section } from '../../../server/src/core/model';
import type { T1RowId } from '../../../server/src/core/template/format';

export interface Values {
  /** Table 1 cells as written (ASCII digits); fees may be decimal. */
  t1: Partial<Record<T1RowId, string[]>>;
  /** Table 2 row ids in template order ('6' when (六) is one row). */
  t2ids: string[];
  t2: Record<string, number[]>;
  /** Table 3: 15 numbers, group by group. */
  t3: number[];
}

export interface Sub {
  /** The sub-heading as printed, e.g. "(一)做好主动公开". */
  title: string;
  /** Its paragraphs (an inline sub-heading's own text starts the first one). */
  body: string[];
}

export interface SectionDoc {
  num: number;
  heading: string;
  /** Paragraphs before the table (or the whole body of a section without a table). */
  body: string[];
  /** Section 一 (and sometimes 五): paragraphs before the first sub-heading, then the subs. */
  intro: string[];
  subs: Sub[];
  table?: 1 | 2 | 3;
  /** Paragraphs after the table, inside the section. */
  after: string[];
}

/** A table's own text as printed in the original (under its heading), with where its cells are. */
export interface Verbatim {
  text: string;
  /** Key "t2:<row id>:<col>" or "t3:<0–14>" → offsets into `text`. */
  cells: Map<string, { start: number; end: number }>;
}

export interface CopyDoc {
  preamble: string[];
  verbatim: Partial<Record<1 | 2 | 3, Verbatim>>;
  title?: string;
  year?: number;
  sections: SectionDoc[];
  values: Values;
}

export interface Doc {
  name: string;
  lead: string[];
  copies: CopyDoc[];
  tail: string[];
}

const ASCII = (s: string) => s.replace(/[\uff10-\uff19\uff0e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const PAGE = /^\s*[-—–－]\s*\d+\s*[-—–－]\s*$/;
const FINAL = /[。！？；;!?：:」”]\s*$/;
const MARKER = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|[一二三四五六七八九]是)/;

/** Lines of a span without page markers and empty lines; PDF-wrapped lines joined into paragraphs. */
function paragraphs(s: string, width: number): string[] {
  const out: string[] = [];
  let joinNext = false;
  for (const raw of s.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (!line || PAGE.test(line)) continue;
    if (joinNext && !MARKER.test(line)) out[out.length - 1] += line;
    else out.push(line);
    // A PDF line that runs to the full width and does not end a sentence goes on in the next line.
    joinNext = width > 0 && raw.trim().length >= 0.75 * width && !FINAL.test(line);
  }
  return out;
}

/** The width of a PDF text layer's full lines (0 when sentences are not wrapped). */
function wrapWidth(text: string): number {
  const lens = text
    .split(/\r?\n/)
    .map((l) => l.trim().length)
    .filter((n) => n >= 10)
    .sort((a, b) => a - b);
  if (!lens.length) return 0;
  const full = lens[Math.floor(lens.length * 0.9)];
  const long = text.split(/\r?\n/).filter((l) => l.trim().length >= 0.75 * full);
  return long.filter((l) => !FINAL.test(l)).length / Math.max(1, long.length) > 0.5 ? full : 0;
}

function valuesOf(r: Report): Values {
  const t1: Values['t1'] = {};
  for (const [id, row] of Object.entries(r.t1?.rows ?? {})) if (row) t1[id as T1RowId] = row.cells.map((c) => ASCII(c.raw).replace(/,/g, ''));
  const t2: Record<string, number[]> = {};
  for (const row of r.t2!.rows) t2[row.id] = row.cells.map((c) => Number(ASCII(c.raw)));
  return { t1, t2ids: r.t2!.rows.map((x) => x.id), t2, t3: r.t3!.groups.flat().map((c) => Number(ASCII(c.raw))) };
}

/** Where the table proper starts inside its span (after any prose under the heading). */
function tableStart(text: string, from: number, end: number, first: number, head: RegExp): number {
  let pos = from;
  for (const line of text.slice(from, end).split('\n')) {
    if (pos >= first || head.test(line)) return pos;
    pos += line.length + 1;
  }
  return first;
}

const HEADS: Record<1 | 2 | 3, RegExp> = {
  1: /第二十条|信息内容/,
  2: /本列数据|勾稽|申请人情况/,
  3: /^\s*(?:行政复议|行政诉讼)\s*(?:\||$|行政)/,
};

function sectionDoc(text: string, r: Report, s: Section, next: number, width: number, verbatim: CopyDoc['verbatim']): SectionDoc {
  const lineEnd = text.indexOf('\n', s.heading.end);
  const headEnd = lineEnd < 0 || lineEnd > next ? next : lineEnd;
  const heading = text.slice(s.heading.start, s.heading.end).trim();
  const rest = text.slice(s.heading.end, headEnd);
  const tableNo = ({ 2: 1, 3: 2, 4: 3 } as Record<number, 1 | 2 | 3 | undefined>)[s.def.num];
  const t = tableNo ? [r.t1, r.t2, r.t3][tableNo - 1] : undefined;
  const doc: SectionDoc = { num: s.def.num, heading, body: [], intro: [], subs: [], after: [] };
  if (t && t.span.start <= s.span.start + 1) {
    const firstCell = tableNo === 1 ? Math.min(...Object.values(r.t1!.rows).map((x) => x!.label.start)) : tableNo === 2 ? r.t2!.rows[0].label.start : r.t3!.groups[0][0].span.start;
    const start = tableStart(text, headEnd + 1, t.span.end, firstCell, HEADS[tableNo!]);
    doc.body = paragraphs(rest + '\n' + text.slice(headEnd, start), width);
    doc.table = tableNo;
    const cells = new Map<string, { start: number; end: number }>();
    const at = (sp: { start: number; end: number }) => ({ start: sp.start - start, end: sp.end - start });
    if (tableNo === 2) for (const row of r.t2!.rows) row.cells.forEach((c, i) => cells.set(`t2:${row.id}:${i}`, at(c.span)));
    if (tableNo === 3) r.t3!.groups.flat().forEach((c, i) => cells.set(`t3:${i}`, at(c.span)));
    const nl = text.indexOf('\n', t.span.end);
    const end = nl < 0 || nl > next ? next : nl;
    verbatim[tableNo!] = { text: text.slice(start, end), cells };
    doc.after = paragraphs(text.slice(end, next), width);
    return doc;
  }
  doc.body = paragraphs(rest + text.slice(headEnd, next), width);
  const subs = s.subs.filter((x) => x.span.start >= headEnd && x.span.start < next);
  doc.intro = paragraphs(rest + text.slice(headEnd, subs.length ? subs[0].span.start : next), width);
  subs.forEach((sub, i) => {
    const end = i + 1 < subs.length ? subs[i + 1].span.start : next;
    const title = text.slice(sub.span.start, sub.span.end).trim();
    doc.subs.push({ title: title.replace(/[。.]$/, ''), body: paragraphs(text.slice(sub.span.end, end), width) });
  });
  return doc;
}

/** Takes a corpus report apart; throws when its tables are not aligned (then it is no base). */
export function parseDoc(name: string, text: string): Doc {
  const a = analyze(text.replace(/\r\n?/g, '\n'));
  text = text.replace(/\r\n?/g, '\n');
  const width = wrapWidth(text);
  const reports = a.model.reports;
  if (!reports.length || reports.some((r) => !r.duplicate && (!r.t2 || !r.t3 || r.t2.problems.length || r.t3.problems.length))) throw new Error(`${name}: tables 2 and 3 do not align`);
  const copies: CopyDoc[] = [];
  reports.forEach((r, k) => {
    // A repeated copy has no tables of its own in the model: it is rendered as the first copy again.
    if (r.duplicate) return copies.push(structuredClone(copies[0]));
    const end = k + 1 < reports.length ? reports[k + 1].span.start : r.span.end;
    const secs = r.sections;
    const verbatim: CopyDoc['verbatim'] = {};
    const sections = secs.map((s, i) => sectionDoc(text, r, s, i + 1 < secs.length ? secs[i + 1].span.start : end, width, verbatim));
    const preamble = paragraphs(text.slice(r.span.start, secs[0]?.heading.start ?? r.span.start), width);
    const y = r.title?.year?.value ?? Number(/(20\d\d)\s*年/.exec(text.slice(secs[0]?.span.start ?? 0))?.[1]);
    copies.push({ preamble, verbatim, title: r.title?.text.replace(/\s*\|\s*$/, ''), year: Number.isFinite(y) ? y : undefined, sections, values: valuesOf(r) });
  });
  return {
    name,
    lead: paragraphs(text.slice(0, reports[0].span.start), width),
    copies,
    tail: paragraphs(text.slice(reports[reports.length - 1].span.end), width),
  };
}
