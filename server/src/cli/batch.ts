/**
 * The second pass of `check`: pairs every report with last year's report of the same body through
 * an index (so n files cost about n lookups) and adds the cross-year findings and the reuse figure
 * from the summaries alone — no file is read or parsed again.
 */
import { analyzeAcross, PartnerIndex, reuseOf, type Msg, type ReportSummary, type Span } from '../core';
import { findSpot, type PackedSpots } from '../spots';
import { analyzeOptions, locate, type CheckConfig, type LocatedFinding, type Outcome } from './check';
import type { Change } from './write';

export interface FileResult {
  path: string;
  isReport: boolean;
  /** Why the file could not be read (or written, with --fix). */
  error?: Msg;
  /** The issuing body and year of the file's first dated report. */
  body?: string;
  year?: number;
  /** How much of the prose is word for word in last year's report (when it was given too). */
  reuse?: { same: number; total: number; year: number };
  findings: LocatedFinding[];
  suppressed: number;
  changes: Change[];
  backup?: string;
}

export function crossYear(outcomes: readonly Outcome[], config: CheckConfig): FileResult[] {
  const kept = outcomes.filter((o) => !o.skipped);
  const index = new PartnerIndex();
  const spots = new Map<string, PackedSpots>();
  kept.forEach((o, i) => {
    index.add(i, { uri: o.path, reports: o.summaries });
    spots.set(o.path, o.spots);
  });
  return kept.map((o, i) => {
    const first: ReportSummary | undefined = o.summaries[0];
    const result: FileResult = {
      path: o.path,
      isReport: o.isReport,
      ...(o.error ? { error: o.error } : {}),
      ...(first ? { body: first.body, year: first.year } : {}),
      findings: o.findings,
      suppressed: o.suppressed,
      changes: o.changes,
      ...(o.backup ? { backup: o.backup } : {}),
    };
    if (!o.isReport || !o.summaries.length) return result;
    const across = analyzeAcross(o.summaries, (s) => index.previous(s, i), analyzeOptions(config, o.ignore));
    const prev = first && index.previous(first, i);
    if (prev) result.reuse = { ...reuseOf(first, prev.report), year: prev.report.year };
    if (!across.findings.length && !across.suppressed) return result;
    const at = (span: Span, path?: string) => {
      const p = spots.get(path ?? o.path);
      return p && findSpot(p, span);
    };
    const located = across.findings.map((f) => locate(f, at));
    result.findings = mergeLocated(o.findings, located);
    result.suppressed += across.suppressed;
    return result;
  });
}

/** The file's findings and the cross-year ones in analyze()'s order (position, then rule; stable). */
function mergeLocated(a: LocatedFinding[], b: LocatedFinding[]): LocatedFinding[] {
  return [...a, ...b].sort((x, y) => x.start - y.start || x.rule.localeCompare(y.rule));
}
