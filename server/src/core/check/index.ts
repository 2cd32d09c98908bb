/**
 * The last stage of the pipeline: parse, run the registered rules, apply fixes in rounds.
 * Total: it never throws (a failing parse or rule is recorded in `errors`).
 */
import { parse, type Parsed } from '../parse/report';
import { RULES } from '../rules';
import { DEFAULT_RULE_SETTINGS, type Note, type OtherReport, type Report_, type Rule, type RuleContext, type RuleSettings } from '../rules/rule';
import type { PreviousReport } from '../rules/cross-year';
import { summarize, type ReportSummary } from '../rules/cross-year-summary';
import type { Line } from '../text/lines';
import type { Model } from '../model';
import { fixRounds, type FixRoundsResult } from '../fixes';
import type { Finding, Fix, FixStage, Severity } from '../types';

/** Another report file as the cross-year checks see it: its URI and the summaries of its reports. */
export function otherReportOf(uri: string, text: string): OtherReport {
  return { uri, reports: summarize(parseReport(text).model) };
}

export interface AnalyzeOptions {
  /** Per-rule severity, or 'off'. */
  severity?: Readonly<Record<string, Severity | 'off'>>;
  /** Findings the user chose to ignore (by rule and fingerprint), and rules ignored for this file. */
  ignore?: { findings?: readonly { rule: string; fingerprint: string }[]; rules?: readonly string[] };
  /** Other reports in the workspace, for the cross-year checks. */
  others?: readonly OtherReport[];
  /** Check even when the text is not recognised as a report (plaintext mode "always"). */
  assumeReport?: boolean;
  /** content-reuse: report a share of text copied from last year above this (0–1; default 0.5). */
  reuseThreshold?: number;
}

export interface Analysis {
  isReport: boolean;
  model: Model;
  lines: Line[];
  findings: Finding[];
  /** What each checked figure was compared with (for hovers), including consistent ones. */
  notes: Note[];
  /** Internal failures (a rule that threw); the rest of the analysis still stands. */
  errors: string[];
  /** Set when the reader itself failed: the text was not looked at (errors holds it too). */
  readError?: string;
  /** Findings left out because the ignore file lists them (by fingerprint or by rule). */
  suppressed: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
/** The configured severity, unless the finding itself asks to be milder (e.g. a hedged mismatch). */
const milder = (configured: Severity, own?: Severity): Severity => (own && RANK[own] > RANK[configured] ? own : configured);

const EMPTY_MODEL: Model = { norm: '', reports: [], duplicates: [], isReport: false };

/** Runs rules with the options' severities and ignore lists; counts what the ignore lists leave out. */
class Reporter {
  readonly findings: Finding[] = [];
  suppressed = 0;
  readonly settings: RuleSettings;
  private ignoredFp: Set<string>;
  private ignoredRules: Set<string>;

  constructor(private options: AnalyzeOptions) {
    this.ignoredFp = new Set((options.ignore?.findings ?? []).map((x) => `${x.rule}\u0000${x.fingerprint}`));
    this.ignoredRules = new Set(options.ignore?.rules ?? []);
    const t = options.reuseThreshold;
    this.settings = { ...DEFAULT_RULE_SETTINGS, ...(typeof t === 'number' && t >= 0 && t <= 1 ? { reuseThreshold: t } : {}) };
  }

  /** The report function for `rule`, or undefined when the rule is off. */
  for(rule: Rule): ((f: Report_) => void) | undefined {
    const setting = this.options.severity?.[rule.id] ?? rule.severity;
    if (setting === 'off') return undefined;
    const sev: Severity = setting;
    const ignoredRule = this.ignoredRules.has(rule.id);
    return (f) => {
      if (ignoredRule || this.ignoredFp.has(`${rule.id}\u0000${f.fingerprint}`)) return void this.suppressed++;
      this.findings.push({ ...f, rule: rule.id, severity: milder(sev, f.severity) });
    };
  }
}

const byPosition = (a: Finding, b: Finding) => a.span.start - b.span.start || a.rule.localeCompare(b.rule);

/** parse() made total: a text the reader fails on is "not a report", with the failure in `error`. */
export function parseReport(text: string): Parsed & { error?: string } {
  try {
    return parse(text);
  } catch (e) {
    return { text, model: EMPTY_MODEL, lines: [], error: e instanceof Error ? e.message : String(e) };
  }
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const { model, lines, error } = parseReport(text);
  const errors: string[] = error ? [`parse: ${error}`] : [];
  if (error) return { isReport: false, model, lines, findings: [], notes: [], errors, suppressed: 0, readError: error };
  const notes: Note[] = [];
  if (!model.isReport && !options.assumeReport) return { isReport: false, model, lines, findings: [], notes, errors, suppressed: 0 };

  const out = new Reporter(options);
  const memo = new Map<string, unknown>();
  for (const rule of RULES) {
    const report = out.for(rule);
    if (!report) continue;
    const ctx: RuleContext = {
      text,
      norm: model.norm,
      lines,
      model,
      reports: model.reports.filter((r) => !r.duplicate),
      others: options.others ?? [],
      note: (n) => notes.push(n),
      settings: out.settings,
      memo: <T>(key: string, compute: () => T): T => {
        if (!memo.has(key)) memo.set(key, compute());
        return memo.get(key) as T;
      },
      report,
    };
    try {
      rule.check(ctx);
    } catch (e) {
      errors.push(`${rule.id}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  const findings = out.findings.sort(byPosition);
  notes.sort((a, b) => a.span.start - b.span.start);
  return { isReport: model.isReport, model, lines, findings, notes, errors, suppressed: out.suppressed };
}

/**
 * The cross-year findings of a file from summaries alone (the CLI's batch): what analyze() with
 * `others` adds to analyze() without, given this file's report summaries and a way to find
 * last year's report of each. Same severities, ignore lists and order as analyze().
 */
export function analyzeAcross(
  mine: readonly ReportSummary[],
  previous: (s: ReportSummary) => PreviousReport | undefined,
  options: AnalyzeOptions = {},
): { findings: Finding[]; suppressed: number; errors: string[] } {
  const out = new Reporter(options);
  const errors: string[] = [];
  const pairs = mine.flatMap((s) => {
    const prev = previous(s);
    return prev ? [[s, prev] as const] : [];
  });
  if (pairs.length) {
    for (const rule of RULES) {
      const report = rule.across && out.for(rule);
      if (!report) continue;
      try {
        for (const [s, prev] of pairs) rule.across!(s, prev, report, out.settings);
      } catch (e) {
        errors.push(`${rule.id}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    }
  }
  return { findings: out.findings.sort(byPosition), suppressed: out.suppressed, errors };
}

const STAGES: FixStage[] = ['table', 'narrative', 'sum', 'percent'];

export type FixAllResult = FixRoundsResult;

/**
 * Applies preferred fixes and re-analyses until nothing fixable is left (bounded): table totals
 * first, then narrative figures, then narrative totals, then percentages, so each stage works on
 * corrected numbers. Figures in conflict (two fixes disagreeing, or rounds that undo each other)
 * are left as written (see fixRounds).
 */
export function fixAll(text: string, options: AnalyzeOptions = {}, onlyRule?: string, maxRounds = 12): FixAllResult {
  return fixRounds(
    text,
    (current, usable) => {
      const { findings } = analyze(current, options);
      for (const stage of STAGES) {
        const fixes: Fix[] = [];
        for (const f of findings) {
          if (onlyRule && f.rule !== onlyRule) continue;
          const fix = f.fixes.find((x) => x.isPreferred && x.stage === stage && usable(x));
          if (fix) fixes.push(fix);
        }
        if (fixes.length) return fixes;
      }
      return [];
    },
    maxRounds,
  );
}
