/** Outline (document symbols) and folding ranges from the core's outline tree. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import { outline, type Locale, type Model, type OutlineKind, type OutlineNode } from '../core';
import { pick, toRange } from '../convert';

const KIND: Record<OutlineKind, SymbolKind> = {
  report: SymbolKind.File,
  section: SymbolKind.Module,
  subsection: SymbolKind.Namespace,
  table: SymbolKind.Struct,
  block: SymbolKind.Field,
};

function toSymbol(doc: TextDocument, n: OutlineNode, locale: Locale): DocumentSymbol {
  const range = toRange(doc, n.span);
  const sel = toRange(doc, n.selection);
  // The selection range must lie inside the range.
  const selectionRange = doc.offsetAt(sel.start) >= n.span.start && doc.offsetAt(sel.end) <= n.span.end ? sel : { start: range.start, end: range.start };
  return { name: pick(n.name, locale), kind: KIND[n.kind], range, selectionRange, children: n.children.map((c) => toSymbol(doc, c, locale)) };
}

export function documentSymbols(doc: TextDocument, model: Model, locale: Locale): DocumentSymbol[] {
  return outline(model).map((n) => toSymbol(doc, n, locale));
}

export function foldingRanges(doc: TextDocument, model: Model): FoldingRange[] {
  const out: FoldingRange[] = [];
  const walk = (n: OutlineNode) => {
    const startLine = doc.positionAt(n.span.start).line;
    const endLine = doc.positionAt(Math.max(n.span.start, n.span.end - 1)).line;
    if (endLine > startLine) out.push({ startLine, endLine, kind: n.kind === 'table' ? 'region' : undefined });
    n.children.forEach(walk);
  };
  outline(model).forEach(walk);
  return out;
}
