/**
 * The public entry of the analysis core: the server, the CLI and the format readers import only this.
 * Pure: no IO, no editor types, and nothing here throws (see check/).
 * Pipeline, one folder per stage, each importing only the stages before it (test/unit/architecture.test.ts):
 * num, types → text → template → model → fixes → tables → narrative → parse → rules → check → features.
 */
export * from './types';
export type { Model, Cell, Report, T2Row, Table1, Table2, Table3 } from './model';
export { SECTIONS, T1_ROWS, T2_COLUMNS, T2_COLUMNS_EN, T2_GROUP_LABELS, T2_GROUP_LABELS_EN, T2_ROWS, T3_COLUMNS, T3_COLUMNS_EN, type T1RowId, type T2RowDef } from './template/format';
export { t2CellName, t3CellName } from './template/names';
export { normalize } from './text/normalize';
export { analyze, analyzeAcross, fixAll, parseReport, otherReportOf, type Analysis, type AnalyzeOptions, type FixAllResult } from './check';
export { RULES, ruleById } from './rules';
export { applyFixes, applyEdits, isAutoFix, composeEdits, fixRounds, type FixRoundsResult } from './fixes';
export { explainAt, type Explanation } from './features/explain';
export { outline, type OutlineNode, type OutlineKind } from './features/outline';
export type { OtherReport, Note, RuleSettings } from './rules/rule';
export { summarize, summarySpans, summaryKey, summaryBytes, type ReportSummary, type CellSummary } from './rules/cross-year-summary';
export { previousYear, PartnerIndex, sameBody, type PreviousReport } from './rules/cross-year';
export { reuseOf, share, type ReuseFigure } from './rules/reuse';
