/**
 * What a variant of a corpus report may and must report: exactly the original's error and
 * warning findings (docs/domain.md's known ones, pinned by the corpus tests), matched by rule and
 * figure (narrative), by table (table rules) or by rule (duplicate, year). A narrative finding
 * against table 1 may go where the layout leaves table 1 uncertain (`t1Readable` false: digits run
 * together, cells pulled out of the table, the 2019 table 1); nothing may be added. No part may be called missing: every variant has all six.
 */
import { analyze, type Analysis, type Finding } from '../../../server/src/core';
import type { Rendered } from './types';

interface Known {
  rule: string;
  key: string;
  /** Table of a table finding (2 or 3). */
  table?: number;
  /** A narrative finding against table 1. */
  t1: boolean;
  text: string;
}

export interface Expectations {
  known: Known[];
}

const isTableRule = (rule: string) => rule.startsWith('table') && rule !== 'table-unaligned';
const serious = (f: Finding) => f.severity === 'error' || f.severity === 'warning';
const digits = (s: string) => s.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[^\d.%]/g, '');
const keyOf = (text: string, f: Finding) => (f.rule === 'duplicate-content' || f.rule === 'year-mismatch' ? f.rule : `${f.rule}:${digits(text.slice(f.span.start, f.span.end))}`);

export function expectations(original: string): Expectations {
  const a = analyze(original);
  const r = a.model.reports.find((x) => !x.duplicate);
  const tableOf = (f: Finding) => [r?.t2, r?.t3].find((t) => t && f.span.start >= t.span.start && f.span.end <= t.span.end)?.kind ?? 0;
  return {
    known: a.findings.filter(serious).map((f) => ({
      rule: f.rule,
      key: keyOf(original, f),
      table: isTableRule(f.rule) ? tableOf(f) : undefined,
      t1: f.rule.startsWith('narrative') && /表一/.test(f.message.zh),
      text: `${f.rule} ${f.message.zh.slice(0, 80)}`,
    })),
  };
}

function tableAt(r: Rendered, f: Finding): number {
  for (const n of [1, 2, 3] as const) if (f.span.start >= r.tables[n].start && f.span.end <= r.tables[n].end) return n;
  return 0;
}

/** Problems of a variant's findings against the original's: added ones, lost ones, parts called missing. */
export function judge(a: Analysis, r: Rendered, exp: Expectations): string[] {
  const out: string[] = [];
  const line = (f: Finding) => r.text.slice(0, f.span.start).split('\n').length;
  const at = (f: Finding) => `line ${line(f)} “${r.text.slice(f.span.start, Math.min(f.span.end, f.span.start + 30))}”`;
  for (const f of a.findings.filter(serious)) {
    let allowed: boolean;
    if (f.rule === 'table-unaligned') allowed = false;
    else if (isTableRule(f.rule)) allowed = exp.known.some((k) => k.table !== undefined && k.table === tableAt(r, f) && k.table > 0);
    else allowed = exp.known.some((k) => k.key === keyOf(r.text, f));
    if (!allowed) out.push(`false alarm: ${f.severity} ${f.rule} at ${at(f)}: ${f.message.zh}`);
  }
  for (const k of exp.known) {
    if (k.t1 && r.t1Readable === false) continue;
    // Most variants write the national row labels, so a label typo of the original may be gone (or kept).
    if (k.rule === 'template-label') continue;
    const kept = k.table !== undefined ? a.findings.some((f) => isTableRule(f.rule) && tableAt(r, f) === k.table) : a.findings.some((f) => serious(f) && keyOf(r.text, f) === k.key);
    if (!kept) out.push(`lost the original's finding: ${k.text}`);
  }
  for (const f of a.findings.filter((x) => x.rule === 'missing-section' && /缺少/.test(x.message.zh))) out.push(`calls a present part missing: ${f.severity} at ${at(f)}: ${f.message.zh}`);
  return out;
}
