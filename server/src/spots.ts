/**
 * Positions of the spans a report summary holds, computed once from the file's text, so that
 * related locations into a file whose text is no longer kept (the server's workspace index, the
 * CLI's other files) can still be shown.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { summarySpans, type ReportSummary, type Span } from './core';
import { toRange } from './convert';

export interface Spot {
  range: Range;
  /** The line the span starts on (for summaries that show it), shortened around the span. */
  excerpt?: string;
}

export const spanKey = (s: Span) => `${s.start}:${s.end}`;

/** The spots of every span of `reports` in `doc`. */
export function spotsOf(doc: TextDocument, reports: readonly ReportSummary[], withExcerpt = false): Map<string, Spot> {
  const out = new Map<string, Spot>();
  for (const r of reports) {
    for (const s of summarySpans(r)) {
      const range = toRange(doc, s);
      out.set(spanKey(s), withExcerpt ? { range, excerpt: excerpt(doc, range) } : { range });
    }
  }
  return out;
}

const MAX_EXCERPT = 160;

/** The text of the range's first line, at most 160 characters around where the range starts. */
export function excerpt(doc: TextDocument, range: Range): string {
  const line = doc.getText({ start: { line: range.start.line, character: 0 }, end: { line: range.start.line + 1, character: 0 } }).replace(/[\r\n]+$/, '');
  if (line.length <= MAX_EXCERPT) return line.trim();
  const from = Math.max(0, Math.min(range.start.character - MAX_EXCERPT / 2, line.length - MAX_EXCERPT));
  return `${from > 0 ? '…' : ''}${line.slice(from, from + MAX_EXCERPT).trim()}${from + MAX_EXCERPT < line.length ? '…' : ''}`;
}

/**
 * Spots packed into a few typed arrays, for passing between threads (structured clone copies
 * typed arrays at once but every small object one by one). Excerpts are kept once per line.
 */
export interface PackedSpots {
  /** Per span: start, end offsets, then start line, character, end line, character. */
  at: Int32Array;
  /** Per span: its excerpt's index in `excerpts`. */
  excerptOf: Int32Array;
  excerpts: string[];
}

export function packSpots(spots: ReadonlyMap<string, Spot>): PackedSpots {
  const n = spots.size;
  const at = new Int32Array(n * 6);
  const excerptOf = new Int32Array(n);
  const excerpts: string[] = [];
  const seen = new Map<string, number>();
  let i = 0;
  for (const [key, s] of spots) {
    const [start, end] = key.split(':').map(Number);
    at.set([start, end, s.range.start.line, s.range.start.character, s.range.end.line, s.range.end.character], i * 6);
    const e = s.excerpt ?? '';
    let k = seen.get(e);
    if (k === undefined) seen.set(e, (k = excerpts.push(e) - 1));
    excerptOf[i++] = k;
  }
  return { at, excerptOf, excerpts };
}

/** The spot of `span` in packed spots (a file holds a few dozen: a scan is enough). */
export function findSpot(p: PackedSpots, span: Span): Spot | undefined {
  for (let i = 0; i < p.excerptOf.length; i++) {
    const a = p.at;
    const o = i * 6;
    if (a[o] !== span.start || a[o + 1] !== span.end) continue;
    return { range: { start: { line: a[o + 2], character: a[o + 3] }, end: { line: a[o + 4], character: a[o + 5] } }, excerpt: p.excerpts[p.excerptOf[i]] };
  }
  return undefined;
}
