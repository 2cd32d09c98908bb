/** Hover: the core's explanation of the figure under the cursor, as Markdown. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { explainAt, type Analysis, type Locale, type OtherReport } from '../core';
import { pick, toRange } from '../convert';

const escape = (s: string) => s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');

export function hover(doc: TextDocument, analysis: Analysis, position: Position, locale: Locale, others: readonly OtherReport[] = []): Hover | null {
  const e = explainAt(analysis, doc.offsetAt(position), others);
  if (!e) return null;
  const lines = [`**${escape(pick(e.title, locale))}**`, ...e.lines.map((l) => escape(pick(l, locale)))];
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('  \n') }, range: toRange(doc, e.span) };
}
