/** CLI output formats: text (path:line:col severity rule message), JSON and SARIF 2.1.0. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES, type Finding, type Locale, type Related } from './core';
import { fixToJson, pick, toRange } from './convert';
import { ruleDocUri } from './docs';
import { originAt, type Origin } from './formats/types';

export interface FileResult {
  path: string;
  isReport: boolean;
  findings: Finding[];
  doc: TextDocument;
  error?: string;
  /** For a published file (HTML, PDF, Word): where parts of its text view came from. */
  origins?: Origin[];
}

/** Page, table, row and column in the published file of a finding's start (ranges are in its text view). */
function originOf(r: FileResult, offset: number): { origin: Omit<Origin, 'start' | 'end'> } | object {
  const o = r.origins && originAt(r.origins, offset);
  if (!o) return {};
  const { start: _s, end: _e, ...where } = o;
  return Object.keys(where).length ? { origin: where } : {};
}

export function renderText(results: FileResult[], locale: Locale): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const p = r.doc.positionAt(f.span.start);
      lines.push(`${r.path}:${p.line + 1}:${p.character + 1} ${f.severity} ${f.rule} ${pick(f.message, locale)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** A related location: in the file itself, or (cross-year) in another file given on the command line. */
function relatedAt(r: FileResult, x: Related, docOf: (path: string) => TextDocument | undefined) {
  const doc = x.uri ? docOf(x.uri) : r.doc;
  return doc && { path: x.uri ?? r.path, doc };
}

export function renderJson(results: FileResult[], locale: Locale, docOf: (path: string) => TextDocument | undefined): string {
  const files = results.map((r) => ({
    path: r.path,
    isReport: r.isReport,
    ...(r.error ? { error: r.error } : {}),
    diagnostics: r.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: pick(f.message, locale),
      range: toRange(r.doc, f.span),
      ...originOf(r, f.span.start),
      related: f.related.flatMap((x) => {
        const at = relatedAt(r, x, docOf);
        return at ? [{ ...(x.uri ? { path: at.path } : {}), range: toRange(at.doc, x.span), message: pick(x.message, locale) }] : [];
      }),
      fixes: f.fixes.map((x) => fixToJson(r.doc, x, locale)),
    })),
  }));
  return JSON.stringify({ version: 1, files }) + '\n';
}

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export function renderSarif(results: FileResult[], locale: Locale, docOf: (path: string) => TextDocument | undefined): string {
  const region = (doc: TextDocument, span: { start: number; end: number }) => {
    const r = toRange(doc, span);
    return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
  };
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'nianbao',
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: pick(rule.description, locale) },
              helpUri: ruleDocUri(rule.id),
              defaultConfiguration: { level: LEVEL[rule.severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.rule,
            level: LEVEL[f.severity],
            message: { text: pick(f.message, locale) },
            locations: [{ physicalLocation: { artifactLocation: { uri: r.path }, region: region(r.doc, f.span) } }],
            ...(() => {
              const o = originOf(r, f.span.start);
              return 'origin' in o ? { properties: { origin: o.origin } } : {};
            })(),
            relatedLocations: f.related.flatMap((x, id) => {
              const at = relatedAt(r, x, docOf);
              return at ? [{ id, message: { text: pick(x.message, locale) }, physicalLocation: { artifactLocation: { uri: at.path }, region: region(at.doc, x.span) } }] : [];
            }),
            fixes: f.fixes.map((x) => ({
              description: { text: pick(x.title, locale) },
              artifactChanges: [
                {
                  artifactLocation: { uri: r.path },
                  replacements: x.edits.map((e) => ({ deletedRegion: region(r.doc, e), insertedContent: { text: e.newText } })),
                },
              ],
            })),
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
