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
