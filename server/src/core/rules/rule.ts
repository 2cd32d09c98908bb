/** A rule is a small object: metadata plus a check over the parsed model. */
import type { Line } from '../text/lines';
import type { Model, Report } from '../model';
import type { Finding, Msg, Severity, Span } from '../types';
import type { OtherReport, ReportSummary } from './cross-year-summary';
import type { PreviousReport } from './cross-year';

export type { OtherReport } from './cross-year-summary';

/**
 * What is known of a rule without running it: the single source of the settings schema, the
 * localized strings, the rule tables and new rule pages (scripts/gen-rules.mjs writes them).
 */
export interface RuleMeta {
  /** Also the file name (rules/<id>.ts), the doc page (docs/rules/<id>.md) and the fixtures folder. */
  id: string;
  /** The default severity (settings and the CLI's --rule change it). */
  severity: Severity;
  /** Whether its findings offer quick fixes (the fixtures test holds it to that). */
  fixable: boolean;
  /** A short name for menus and hovers ("表二列合计"), where the id would be cryptic. */
  title: Msg;
  /** What it checks, in full: the settings description (package.nls*.json), SARIF, the HTML report. */
  description: Msg;
  /** One line for the rule tables: zh in docs/rules/README.md, en there and in README.md. */
  summary: Msg;
  tags: string[];
}

/** What a rule reports; the context fills in the rule id and the configured severity. */
export type Report_ = Omit<Finding, 'rule' | 'severity'> & { severity?: Severity };

export interface RuleContext {
  text: string;
  norm: string;
  lines: readonly Line[];
  model: Model;
  /** The reports that are checked (repeated copies are left out). */
  reports: readonly Report[];
  report(f: Report_): void;
  /** Shared per-analysis computations (e.g. one table-2 diagnosis for three rules). */
  memo<T>(key: string, compute: () => T): T;
  /** Other reports in the workspace (cross-year checks). */
  others: readonly OtherReport[];
  /** Records what a checked figure was compared with, for hovers (consistent ones too). */
  note(n: Note): void;
  settings: RuleSettings;
}

/** Rule parameters beyond severity. */
export interface RuleSettings {
  /** content-reuse: the share of text copied from last year's report above which it is reported (0–1). */
  reuseThreshold: number;
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = { reuseThreshold: 0.5 };

/** A checked figure: what it was compared with, where, and the arithmetic. */
export interface Note {
  span: Span;
  rule: string;
  ok: boolean;
  /** Lines of explanation, e.g. "表二 (七)总计·总计 = 99", "79 ÷ 99 = 79.80%". */
  lines: Msg[];
  /** Where the compared values are. */
  related: Span[];
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
  /**
   * Cross-year rules: the check over two compact summaries, this report's and last year's, so
   * that a batch can pair reports without their models. `check` then runs it for each report.
   */
  across?(mine: ReportSummary, prev: PreviousReport, report: (f: Report_) => void, settings: RuleSettings): void;
}
