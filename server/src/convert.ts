/** The one place that turns core results (offsets, bilingual messages) into LSP shapes. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { Edit, Finding, Fix, Locale, Msg, Severity, Span } from './core';

export const SOURCE = 'nianbao';

export function pick(m: Msg, locale: Locale): string {
  return locale === 'en' ? m.en : m.zh;
}

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function toTextEdit(doc: TextDocument, e: Edit): TextEdit {
  return { range: toRange(doc, e), newText: e.newText };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticData {
  rule: string;
  fingerprint: string;
}

export interface ConvertOptions {
  locale: Locale;
  /** Maps a rule id to its documentation link. */
  docUri: (rule: string) => string;
  /** The document's own URI, for related information in the same file. */
  uri: string;
  /** Where a span of another file is (related information of cross-year findings). */
  locate?: (uri: string, span: Span) => Range | undefined;
}

export function toDiagnostic(doc: TextDocument, f: Finding, o: ConvertOptions): Diagnostic {
  const data: DiagnosticData = { rule: f.rule, fingerprint: f.fingerprint };
  return {
    range: toRange(doc, f.span),
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: o.docUri(f.rule) },
    source: SOURCE,
    message: pick(f.message, o.locale),
    relatedInformation: f.related.flatMap((r) => {
      const range = r.uri ? o.locate?.(r.uri, r.span) : toRange(doc, r.span);
      return range ? [{ location: { uri: r.uri ?? o.uri, range }, message: pick(r.message, o.locale) }] : [];
    }),
    data,
  };
}

/** The JSON shape of a fix in the CLI's output. */
export function fixToJson(doc: TextDocument, fix: Fix, locale: Locale) {
  return { title: pick(fix.title, locale), isPreferred: fix.isPreferred, edits: fix.edits.map((e) => toTextEdit(doc, e)) };
}

/**
 * Minimal edits turning `a` into `b` when `b` differs from `a` only in some numbers (what fix-all
 * produces): one edit per changed number. Otherwise one edit over the changed middle.
 */
export function diffEdits(a: string, b: string): Edit[] {
  if (a === b) return [];
  const split = (s: string) => s.split(/([0-9\uFF10-\uFF19.]+)/);
  const ta = split(a);
  const tb = split(b);
  if (ta.length === tb.length && ta.every((t, i) => i % 2 === 1 || t === tb[i])) {
    const edits: Edit[] = [];
    let pos = 0;
    ta.forEach((t, i) => {
      if (t !== tb[i]) edits.push({ start: pos, end: pos + t.length, newText: tb[i] });
      pos += t.length;
    });
    return edits;
  }
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return [{ start: p, end: a.length - s, newText: b.slice(p, b.length - s) }];
}
