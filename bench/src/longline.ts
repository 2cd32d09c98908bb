/**
 * One long narrative line (issue 12 item 9): section 一 holding a line packed with figures and no
 * full stop, at 13.7 KB and 100 KB. Before the per-figure bounds (server/src/core/narrative/bounds.ts)
 * the share and phrase checks were cubic in such a line; bench/README.md keeps the "before" times.
 */
import { performance } from 'node:perf_hooks';
import { analyze } from '../../server/src/core';
import { renderReport, sampleValues } from '../../test/helpers/layouts';
import { median } from './stats';

export interface LongLineResult {
  shape: string;
  bytes: number;
  runs: number;
  medianMs: number;
  findings: number;
}

/** Shapes of a packed line: the worst cases found for the share and phrase checks. */
export const SHAPES: Record<string, (i: number) => string> = {
  // Shares of a list with no table cell: every share was scored against every earlier figure.
  shares: (i) => `电话咨询${10 + (i % 80)}件,占${(i % 90) + 1}.${i % 10}%,`,
  // A clause that almost matches the 收到…申请 phrase, no punctuation: the regex re-scanned the line.
  phrase: (i) => `收到申请了${i}件`,
  // Totals, claims and shares run together.
  mixed: (i) => `共收到申请${100 + i}件办结${90 + i}件咨询${i % 50}件占${i % 99}%`,
};

export function longLineReport(shape: string, bytes: number): string {
  const piece = SHAPES[shape];
  let line = '';
  for (let i = 0; Buffer.byteLength(line) < bytes; i++) line += piece(i);
  const narrative = `2023年,本县共收到政府信息公开申请141件。\n${line}。`;
  return renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative, values: sampleValues(), layout: 'pipe-rows' });
}

/** Median of analyze() over at least `minRuns` runs and about `budgetMs` (after one warm-up run). */
export function timeLongLine(shape: string, lineBytes: number, budgetMs: number, minRuns = 5): LongLineResult {
  const text = longLineReport(shape, lineBytes);
  const findings = analyze(text).findings.length;
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || (performance.now() - start < budgetMs && times.length < 200)) {
    const t0 = performance.now();
    analyze(text);
    times.push(performance.now() - t0);
  }
  return { shape, bytes: lineBytes, runs: times.length, medianMs: median(times), findings };
}
