/** The one place that turns core results (offsets, bilingual messages) into LSP shapes. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { ruleById, type Edit, type Finding, type Locale, type Msg, type Severity, type Span } from './core';
import { fullWidthPunct } from './zhPunct';

export const SOURCE = 'nianbao';

/** A message in the locale; Chinese gets full-width punctuation here, once, for every output. */
export function pick(m: Msg, locale: Locale): string {
  return locale === 'en' ? m.en : fullWidthPunct(m.zh);
}

/** A rule's short title ("表二列合计") for menus and hovers; its id when it has none. */
export function ruleTitle(rule: string, locale: Locale): string {
  const r = ruleById(rule);
  return r ? pick(r.title, locale) : rule;
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
