/**
 * The façade of the analysis core: analyze(text) → model and findings; fixes as data.
 * Pure: no IO, no editor types, and it does not throw (a failing rule is recorded in `errors`).
 */
import { parse } from './parse/report';
import { RULES } from './rules';
import type { Note, OtherReport, RuleContext } from './rules/rule';
import type { Line } from './text/lines';
import type { Model } from './model';
import { fixRounds, type FixRoundsResult } from './fixes';
import type { Finding, Fix, FixStage, Severity } from './types';

export * from './types';
export type { Model } from './model';
export { RULES, ruleById } from './rules';
export { applyFixes, applyEdits, isAutoFix, composeEdits, fixRounds, type FixRoundsResult } from './fixes';
export { explainAt, type Explanation } from './explain';
export { outline, type OutlineNode, type OutlineKind } from './outline';
export { parse as parseReport } from './parse/report';
export type { OtherReport, Note } from './rules/rule';

export interface AnalyzeOptions {
  /** Per-rule severity, or 'off'. */
  severity?: Readonly<Record<string, Severity | 'off'>>;
  /** Findings the user chose to ignore (by rule and fingerprint), and rules ignored for this file. */
  ignore?: { findings?: readonly { rule: string; fingerprint: string }[]; rules?: readonly string[] };
  /** Other reports in the workspace, for the cross-year checks. */
  others?: readonly OtherReport[];
  /** Check even when the text is not recognised as a report (plaintext mode "always"). */
  assumeReport?: boolean;
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
  /** Findings left out because the ignore file lists them (by fingerprint or by rule). */
  suppressed: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
/** The configured severity, unless the finding itself asks to be milder (e.g. a hedged mismatch). */
const milder = (configured: Severity, own?: Severity): Severity => (own && RANK[own] > RANK[configured] ? own : configured);

const EMPTY_MODEL: Model = { norm: '', reports: [], duplicates: [], isReport: false };

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const errors: string[] = [];
  let parsed;
  try {
    parsed = parse(text);
  } catch (e) {
    return { isReport: false, model: EMPTY_MODEL, lines: [], findings: [], notes: [], errors: [`parse: ${String(e)}`], suppressed: 0 };
  }
  const { model, lines } = parsed;
  const findings: Finding[] = [];
  const notes: Note[] = [];
  if (!model.isReport && !options.assumeReport) return { isReport: false, model, lines, findings, notes, errors, suppressed: 0 };

  const ignoredFp = new Set((options.ignore?.findings ?? []).map((x) => `${x.rule}\u0000${x.fingerprint}`));
  const ignoredRules = new Set(options.ignore?.rules ?? []);
  const memo = new Map<string, unknown>();
  let suppressed = 0;
  for (const rule of RULES) {
    const setting = options.severity?.[rule.id] ?? rule.severity;
    if (setting === 'off') continue;
    const sev: Severity = setting;
    const ruleIgnored = ignoredRules.has(rule.id);
    const ctx: RuleContext = {
      text,
      norm: model.norm,
      lines,
      model,
      reports: model.reports.filter((r) => !r.duplicate),
      others: options.others ?? [],
      note: (n) => notes.push(n),
      memo: <T>(key: string, compute: () => T): T => {
        if (!memo.has(key)) memo.set(key, compute());
        return memo.get(key) as T;
      },
      report: (f) => {
        if (ruleIgnored || ignoredFp.has(`${rule.id}\u0000${f.fingerprint}`)) return void suppressed++;
        findings.push({ ...f, rule: rule.id, severity: milder(sev, f.severity) });
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      errors.push(`${rule.id}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
  notes.sort((a, b) => a.span.start - b.span.start);
  return { isReport: model.isReport, model, lines, findings, notes, errors, suppressed };
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
