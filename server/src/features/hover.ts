/**
 * Hover: the core's explanation of the figure under the cursor, as Markdown. The arithmetic
 * comes first; then the verdict of each finding about the figure (rule title and fix); then the
 * cells it cites, by their short names (a link in this file; another report by its file name).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { explainAt, type Analysis, type Finding, type Locale, type OtherReport } from '../core';
import { pick, ruleTitle, toRange } from '../convert';

const escape = (s: string) => s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');

/** The last path segment of a URI, decoded: a report's file name. */
export function fileName(uri: string): string {
  const last =
    uri
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function verdict(f: Finding, locale: Locale): string {
  const fix = f.fixes.find((x) => x.isPreferred) ?? f.fixes[0];
  const title = ruleTitle(f.rule, locale);
  return escape(`✗ ${title}${fix ? pick({ zh: `:${fix.title.zh}`, en: `: ${fix.title.en}` }, locale) : ''}`);
}

function related(doc: TextDocument, findings: readonly Finding[], locale: Locale): string | undefined {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const f of findings) {
    for (const r of f.related) {
      const key = `${r.uri ?? ''}|${r.span.start}|${r.message.zh}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (r.uri && r.uri !== doc.uri) {
        const name = fileName(r.uri);
        items.push(escape(pick({ zh: `${r.message.zh}(${name})`, en: `${r.message.en} (${name})` }, locale)));
      } else {
        const p = doc.positionAt(r.span.start);
        items.push(`[${escape(pick(r.message, locale))}](<${doc.uri}#L${p.line + 1},${p.character + 1}>)`);
      }
    }
  }
  if (!items.length) return undefined;
  return pick({ zh: '相关:', en: 'Related: ' }, locale) + items.join(' · ');
}

export function hover(doc: TextDocument, analysis: Analysis, position: Position, locale: Locale, others: readonly OtherReport[] = []): Hover | null {
  const e = explainAt(analysis, doc.offsetAt(position), others);
  if (!e) return null;
  const findings = e.findings ?? [];
  const lines = [`**${escape(pick(e.title, locale))}**`, ...e.lines.map((l) => escape(pick(l, locale))), ...findings.map((f) => verdict(f, locale))];
  const rel = related(doc, findings, locale);
  const value = lines.join('  \n') + (rel ? `\n\n${rel}` : '');
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(doc, e.span) };
}
