/**
 * JSON output: {"version":1,"files":[{"path","isReport","diagnostics":[{"rule","severity","message",
 * "range","related","fixes"}], …}]} with 0-based lines and UTF-16 columns exactly as LSP.
 */
import type { Locale } from '../../core';
import { pick } from '../../convert';
import type { FileResult } from '../batch';

export function renderJson(results: readonly FileResult[], locale: Locale): string {
  const files = results.map((r) => ({
    path: r.path,
    isReport: r.isReport,
    ...(r.error ? { error: pick(r.error, locale) } : {}),
    ...(r.body !== undefined ? { body: r.body, year: r.year } : {}),
    ...(r.reuse ? { reuse: { share: r.reuse.total ? r.reuse.same / r.reuse.total : 0, same: r.reuse.same, total: r.reuse.total, year: r.reuse.year } } : {}),
    suppressed: r.suppressed,
    ...(r.changes.length ? { changes: r.changes } : {}),
    diagnostics: r.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: pick(f.message, locale),
      range: f.range,
      ...(f.origin ? { origin: f.origin } : {}),
      related: f.related.map((x) => ({ ...(x.path !== undefined ? { path: x.path } : {}), range: x.range, message: pick(x.message, locale) })),
      fixes: f.fixes.map((x) => ({ title: pick(x.title, locale), isPreferred: x.isPreferred, edits: x.edits })),
    })),
  }));
  return JSON.stringify({ version: 1, files }) + '\n';
}
