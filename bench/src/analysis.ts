/** In-process timing of `analyze` and of the floor (one regex pass finding every number). */
import { performance } from 'node:perf_hooks';
import { analyze } from '../../server/src/core';
import { median, percentile } from './stats';

export interface SizeResult {
  target: number;
  bytes: number;
  chars: number;
  reports: number;
  findings: number;
  errors: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  floorMedianMs: number;
  numbers: number;
}

/** The floor: one pass of /\d+(?:\.\d+)?/g over the text, counting matches. */
export function floorPass(text: string): number {
  const re = /\d+(?:\.\d+)?/g;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Times analyze(text) and the floor side by side, interleaved run by run: a few warm-up runs,
 * then as many runs as fit in `budgetMs` (at least `minRuns`, at most `maxRuns`).
 */
export function timeSize(target: number, text: string, reports: number, budgetMs: number, minRuns = 9, maxRuns = 400): SizeResult {
  gc?.();
  const first = analyze(text);
  const warm = Math.max(2, Math.min(20, Math.round(200 / Math.max(1, firstMs(text)))));
  for (let i = 0; i < warm; i++) (analyze(text), floorPass(text));
  const times: number[] = [];
  const floors: number[] = [];
  let numbers = 0;
  const start = performance.now();
  while (times.length < maxRuns && (times.length < minRuns || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    analyze(text);
    const t1 = performance.now();
    numbers = floorPass(text);
    const t2 = performance.now();
    times.push(t1 - t0);
    floors.push(t2 - t1);
  }
  return {
    target,
    bytes: Buffer.byteLength(text),
    chars: text.length,
    reports,
    findings: first.findings.length,
    errors: first.errors.length,
    runs: times.length,
    medianMs: median(times),
    p95Ms: percentile(times, 95),
    minMs: Math.min(...times),
    floorMedianMs: median(floors),
    numbers,
  };
}

function firstMs(text: string): number {
  const t0 = performance.now();
  analyze(text);
  return performance.now() - t0;
}
