/**
 * One file of a `check` run, as a worker thread (or the main thread, for small runs) does it:
 * read, fix when asked, analyse without the other files, and return the findings with their
 * positions, the report summaries for the cross-year pass and the positions of their spans.
 * Everything returned can cross a thread boundary (structured clone).
 */
import { resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { analyze, fixAll, summarize, type Analysis, type AnalyzeOptions, type Finding, type Msg, type ReportSummary, type Severity, type Span } from '../core';
import { toRange } from '../convert';
import { originAt, type Origin } from '../formats';
import { findIgnoreFile, ignoreFor, readIgnore } from '../io/ignoreFile';
import { excerpt, packSpots, spotsOf, type PackedSpots, type Spot } from '../spots';
import { M } from './messages';
import { readInput } from './read';
import { backup, changes, writeReport, type Change } from './write';

/** What every file of a run is checked with (passed to the workers once). */
export interface CheckConfig {
  severity: Record<string, Severity | 'off'>;
  reuseThreshold?: number;
  fix: boolean;
  backup: boolean;
}

export interface Task {
  index: number;
  path: string;
  onlyIfReport: boolean;
}

export interface LocatedFinding {
  rule: string;
  severity: Severity;
  message: Msg;
  /** Offset in the file, for ordering. */
  start: number;
  range: Range;
  /** The line the finding is on. */
  excerpt: string;
  /** In a published file: the page, table, row and column the finding's text came from. */
  origin?: Omit<Origin, 'start' | 'end'>;
  related: { path?: string; range: Range; message: Msg }[];
  fixes: { title: Msg; isPreferred: boolean; edits: { range: Range; newText: string }[] }[];
  fingerprint: string;
}

export interface Outcome {
  index: number;
  path: string;
  /** Found by a folder search and not a report: left out of the results. */
  skipped?: boolean;
  /** Why the file could not be read or written. */
  error?: Msg;
  isReport: boolean;
  findings: LocatedFinding[];
  suppressed: number;
  summaries: ReportSummary[];
  /** Positions (and lines) of the summaries' spans. */
  spots: PackedSpots;
  /** The ignore entries the file was checked with (the cross-year pass uses them too). */
  ignore?: AnalyzeOptions['ignore'];
  /** Notes for stderr: a broken ignore file, an internal error. */
  notes: Msg[];
  changes: Change[];
  backup?: string;
}

export const NO_SPOTS: PackedSpots = { at: new Int32Array(), excerptOf: new Int32Array(), excerpts: [] };

export function analyzeOptions(config: CheckConfig, ignore: AnalyzeOptions['ignore']): AnalyzeOptions {
  return { severity: config.severity, ignore, reuseThreshold: config.reuseThreshold, others: [] };
}

/** A finding with positions: spans through `at`, which knows this file and (by path) the others. */
export function locate(f: Finding, at: (span: Span, path?: string) => Spot | undefined): LocatedFinding {
  const own = at(f.span) ?? { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, excerpt: '' };
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    start: f.span.start,
    range: own.range,
    excerpt: own.excerpt ?? '',
    related: f.related.flatMap((x) => {
      const spot = at(x.span, x.uri);
      return spot ? [{ ...(x.uri ? { path: x.uri } : {}), range: spot.range, message: x.message }] : [];
    }),
    fixes: f.fixes.map((x) => ({
      title: x.title,
      isPreferred: x.isPreferred,
      edits: x.edits.flatMap((e) => {
        const spot = at(e);
        return spot ? [{ range: spot.range, newText: e.newText }] : [];
      }),
    })),
    fingerprint: f.fingerprint,
  };
}

function ignoreOf(path: string, notes: Msg[]): AnalyzeOptions['ignore'] {
  const abs = resolve(path);
  const file = findIgnoreFile(abs);
  return file
    ? ignoreFor(
        file,
        readIgnore(file, (m) => notes.push(M.ignoreFile(m))),
        abs,
      )
    : undefined;
}

/** Where in a published file an offset of its text view came from (nothing for a text file). */
function originOf(origins: readonly Origin[], offset: number): LocatedFinding['origin'] {
  const o = origins.length ? originAt(origins, offset) : undefined;
  if (!o) return undefined;
  const { start: _s, end: _e, ...where } = o;
  return Object.keys(where).length ? where : undefined;
}

/** The analysis a check uses; a parameter so that tests can make it fail. */
export type Analyze = (text: string, options: AnalyzeOptions) => Analysis;

export async function checkFile(task: Task, config: CheckConfig, analyzeText: Analyze = analyze): Promise<Outcome> {
  const out: Outcome = { index: task.index, path: task.path, isReport: false, findings: [], suppressed: 0, summaries: [], spots: NO_SPOTS, notes: [], changes: [] };
  const input = await readInput(task.path);
  if (!input.ok) return { ...out, error: input.reason };
  out.notes.push(...input.warnings);
  let text = input.text;
  out.ignore = ignoreOf(task.path, out.notes);
  const options = analyzeOptions(config, out.ignore);

  let a = analyzeText(text, options);
  // A file the reader fails on gets an error, even when a folder search found it.
  const failure = a.readError;
  if (failure !== undefined) return { ...out, error: M.cannotParse(failure) };
  if (!a.isReport && task.onlyIfReport) return { ...out, skipped: true };
  if (config.fix && a.isReport && (input.published || !input.snapshot)) out.notes.push(M.fixTextOnly);
  else if (config.fix && a.isReport && input.snapshot) {
    const fixed = fixAll(text, options).text;
    if (fixed !== text) {
      try {
        if (config.backup) out.backup = backup(task.path);
        const w = writeReport(task.path, fixed, input.snapshot);
        if (w.ok) {
          out.changes = changes(text, fixed);
          text = fixed;
          a = analyzeText(text, options);
        } else out.error = w.changed ? M.changedOnDisk : M.cannotWrite(w.reason);
      } catch (e) {
        out.error = M.cannotWrite((e as Error).message);
      }
    }
  }
  for (const err of a.errors) out.notes.push(M.internal(err));
  const doc = TextDocument.create('file:///', 'plaintext', 0, text);
  out.isReport = a.isReport;
  out.suppressed = a.suppressed;
  out.summaries = summarize(a.model);
  out.spots = packSpots(spotsOf(doc, out.summaries, true));
  out.findings = a.findings.map((f) => {
    const located = locate(f, (span, path) => {
      if (path) return undefined;
      const range = toRange(doc, span);
      return { range, excerpt: excerpt(doc, range) };
    });
    const origin = originOf(input.origins, f.span.start);
    return origin ? { ...located, origin } : located;
  });
  return out;
}
