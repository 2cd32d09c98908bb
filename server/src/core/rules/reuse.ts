/**
 * How much of a report's prose is word for word in last year's report: the characters of its
 * sentences (white space removed) that also occur as a whole sentence there, over all its
 * characters. Reviewers deduct points above a share (often 50 %).
 */
import type { ReportSummary } from './cross-year-summary';

export interface ReuseFigure {
  /** Characters of the sentences found in last year's report. */
  same: number;
  /** Characters of all sentences considered. */
  total: number;
}

/**
 * The reuse of `mine` against `prev`: of one section (its sentences against the same section
 * last year) or, without `section`, of the whole report (each sentence against any of last year's).
 */
export function reuseOf(mine: ReportSummary, prev: ReportSummary, section?: number): ReuseFigure {
  const last = new Set<number>();
  for (let i = 0; i < prev.prose.hash.length; i++) if (section === undefined || prev.prose.section[i] === section) last.add(prev.prose.hash[i]);
  let same = 0;
  let total = 0;
  for (let i = 0; i < mine.prose.hash.length; i++) {
    if (section !== undefined && mine.prose.section[i] !== section) continue;
    total += mine.prose.length[i];
    if (last.has(mine.prose.hash[i])) same += mine.prose.length[i];
  }
  return { same, total };
}

/** The share as a fraction (0 when there is no text). */
export const share = (f: ReuseFigure) => (f.total ? f.same / f.total : 0);
