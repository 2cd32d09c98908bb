/**
 * The compact summary of a report: what another report's cross-year checks and its reuse figure
 * read of it (body, year, the carried table cells, hashes of its sentences). No text, no model,
 * so the server can hold thousands and the CLI can pass them between threads.
 */
import type { Cell, Model, Report } from '../model';
import type { Dec } from '../num/decimal';
import type { Span } from '../types';

export interface CellSummary {
  span: Span;
  raw: string;
  value: Dec;
  /** Read from digits run together whose split was not certain: not compared. */
  uncertain?: boolean;
}

export interface ProseSummary {
  /** Per sentence, in order: its section number (1–6), a 53-bit hash of its compact text, and that text's length. */
  section: Uint8Array;
  hash: Float64Array;
  length: Uint32Array;
}

export interface ReportSummary {
  body: string;
  year: number;
  /** The title line. */
  title: Span;
  /** Table 1 rows read by cross-year-valid-docs ([issued, repealed, in force]); absent unless the table aligned. */
  t1?: { rules?: CellSummary[]; normative?: CellSummary[] };
  /** Table 2 rows 二、上年结转 and 四、结转下年度; absent unless the table aligned. */
  t2?: { carried: CellSummary[]; next: CellSummary[] };
  prose: ProseSummary;
}

/** Another report file, for the cross-year checks: its URI and the summaries of its dated reports. */
export interface OtherReport {
  uri: string;
  reports: readonly ReportSummary[];
}

const cells = (cs: readonly Cell[]): CellSummary[] => cs.map((c) => ({ span: c.span, raw: c.raw, value: c.value, ...(c.uncertain ? { uncertain: true } : {}) }));

/** Two 32-bit FNV-style hashes folded into 53 bits (exact in a double): collisions are negligible. */
function hash53(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

function prose(r: Report): ProseSummary {
  const sentences = r.narrative?.sentences ?? [];
  const sec: number[] = [];
  const hs: number[] = [];
  const ls: number[] = [];
  for (const s of r.sections) {
    for (const x of sentences) {
      if (x.span.start < s.heading.end || x.span.end > s.span.end || !x.c.s.length) continue;
      sec.push(s.def.num);
      hs.push(hash53(x.c.s));
      ls.push(x.c.s.length);
    }
  }
  return { section: Uint8Array.from(sec), hash: Float64Array.from(hs), length: Uint32Array.from(ls) };
}

/** The summary of one report, or undefined when it has no dated title (nothing to pair it with). */
export function summarizeReport(r: Report): ReportSummary | undefined {
  const t = r.title;
  if (r.duplicate || !t?.year || !t.body) return undefined;
  const t1 = r.t1 && !r.t1.problems.length ? r.t1 : undefined;
  const t2 = r.t2 && !r.t2.problems.length ? r.t2 : undefined;
  return {
    body: t.body,
    year: t.year.value,
    title: t.span,
    t1: t1 && {
      ...(t1.rows.rules ? { rules: cells(t1.rows.rules.cells) } : {}),
      ...(t1.rows.normative ? { normative: cells(t1.rows.normative.cells) } : {}),
    },
    t2: t2 && { carried: cells(t2.byId.carried.cells), next: cells(t2.byId.next.cells) },
    prose: prose(r),
  };
}

export function summarize(model: Model): ReportSummary[] {
  const out: ReportSummary[] = [];
  for (const r of model.reports) {
    const s = summarizeReport(r);
    if (s) out.push(s);
  }
  return out;
}

/** Every span a summary holds (where related locations into its file may point). */
export function summarySpans(s: ReportSummary): Span[] {
  const out: Span[] = [s.title];
  for (const row of [s.t1?.rules, s.t1?.normative, s.t2?.carried, s.t2?.next]) for (const c of row ?? []) out.push(c.span);
  return out;
}

/** What other reports' results depend on, as a string: equal keys, equal cross-year results. */
export function summaryKey(ss: readonly ReportSummary[]): string {
  const row = (cs: CellSummary[] | undefined) => cs?.map((c) => c.raw).join(',') ?? '';
  return ss
    .map((s) => {
      let h = 0;
      for (let i = 0; i < s.prose.hash.length; i++) h = (Math.imul(h, 31) + s.prose.hash[i] + s.prose.length[i] * 7 + s.prose.section[i]) | 0;
      return [s.body, s.year, row(s.t1?.rules), row(s.t1?.normative), row(s.t2?.carried), row(s.t2?.next), s.prose.hash.length, h].join('|');
    })
    .join('\n');
}

/** A rough size in bytes, for the server's memory budget. */
export function summaryBytes(ss: readonly ReportSummary[]): number {
  let n = 0;
  for (const s of ss) n += 400 + s.body.length * 2 + summarySpans(s).length * 120 + s.prose.hash.length * 13;
  return n;
}
