/** SARIF 2.1.0 output: rules with their documentation, results with 1-based regions. */
import type { Range } from 'vscode-languageserver-types';
import { RULES, type Locale } from '../../core';
import { pick } from '../../convert';
import { ruleDocUri } from '../../docs';
import type { FileResult } from '../batch';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

const region = (r: Range) => ({ startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 });

export function renderSarif(results: readonly FileResult[], locale: Locale): string {
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
            locations: [{ physicalLocation: { artifactLocation: { uri: r.path }, region: region(f.range) } }],
            ...(f.origin ? { properties: { origin: f.origin } } : {}),
            relatedLocations: f.related.map((x, id) => ({
              id,
              message: { text: pick(x.message, locale) },
              physicalLocation: { artifactLocation: { uri: x.path ?? r.path }, region: region(x.range) },
            })),
            fixes: f.fixes.map((x) => ({
              description: { text: pick(x.title, locale) },
              artifactChanges: [{ artifactLocation: { uri: r.path }, replacements: x.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) }],
            })),
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
