/** Text output: one line per finding, `path:line:col severity rule message` (1-based). */
import type { Locale } from '../../core';
import { pick } from '../../convert';
import type { FileResult } from '../batch';

export function renderText(results: readonly FileResult[], locale: Locale): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) lines.push(`${r.path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${pick(f.message, locale)}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
