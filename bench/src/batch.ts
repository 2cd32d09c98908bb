/**
 * The CLI over many files (issue 14): distinct reports generated from the base reports — each
 * pair of files is one body's report for two consecutive years, so the cross-year checks pair
 * them; bodies, years and table numbers vary — written to a temporary folder and checked by
 * `server/dist/cli.js check` in one call, for n/10 and n files. Wall time of the whole process,
 * files per second, the ratio of the two times, and the CLI's peak resident memory (its --stats).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyEdits, type Edit } from '../../server/src/core';
import { CLI } from '../../test/helpers/paths';
import { withDelta, type Base } from './docs';

const DIGITS = '零一二三四五六七八九';
/** 示例三七县人民政府 for 37: a distinct body per pair, none the tail of another. */
const bodyName = (k: number) => `示例${String(k).replace(/\d/g, (d) => DIGITS[+d])}县人民政府`;

/**
 * The i-th generated report: base i mod the bases, body of pair ⌊i/2⌋, year 2019 + (⌊i/2⌋ mod 5)
 * plus i mod 2, and table 2's (一)予以公开, (七)总计 and 一、本年新收 raised by 1–7 in one
 * applicant column and in the total column (so table 2 stays consistent).
 */
export function generated(bases: readonly Base[], i: number): string {
  const base = bases[i % bases.length];
  const t2 = base.report.t2!;
  const col = i % 6;
  const delta = 1 + (i % 7);
  const edits: Edit[] = [];
  for (const id of ['1', '7', 'new']) {
    const row = t2.byId[id];
    if (row) edits.push(withDelta(row.cells[col], delta), withDelta(row.cells[6], delta));
  }
  let text = applyEdits(base.text, edits);
  const pair = i >> 1;
  const year = 2019 + (pair % 5) + (i % 2);
  const was = base.report.title!.year!.value;
  text = text.replace(/(?<!\d)(\d{4})(?!\d)/g, (m) => (+m >= was - 1 && +m <= was + 1 ? String(+m - was + year) : m));
  return text.split(base.report.title!.body).join(bodyName(pair));
}

export interface BatchRun {
  files: number;
  seconds: number;
  filesPerSecond: number;
  rssMB: number;
  /** CPU seconds of the CLI process (all its threads). */
  cpuSeconds: number;
  findings: number;
  crossYear: number;
}

function runCli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    p.stdout.on('data', (d: Buffer) => out.push(d));
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, out: Buffer.concat(out).toString('utf8'), err }));
  });
}

/** One `check --format json` over a folder; the CLI reports its own peak memory with --stats. */
export async function checkFolder(dir: string, files: number, jobs?: number): Promise<BatchRun> {
  const t0 = performance.now();
  const r = await runCli(['check', '--format', 'json', '--quiet', '--stats', '--locale', 'en', ...(jobs ? ['--jobs', String(jobs)] : []), dir]);
  const seconds = (performance.now() - t0) / 1000;
  if (r.code !== 0 && r.code !== 1) throw new Error(`cli exited ${r.code}: ${r.err.slice(0, 2000)}`);
  const j = JSON.parse(r.out) as { files: { diagnostics: { rule: string }[] }[] };
  if (j.files.length !== files) throw new Error(`expected ${files} files in the output, got ${j.files.length}`);
  const all = j.files.flatMap((f) => f.diagnostics);
  const rss = /peak memory (\d+) MB/.exec(r.err);
  const cpu = /CPU ([\d.]+) s/.exec(r.err);
  return {
    files,
    seconds,
    filesPerSecond: files / seconds,
    rssMB: rss ? +rss[1] : NaN,
    cpuSeconds: cpu ? +cpu[1] : NaN,
    findings: all.length,
    crossYear: all.filter((d) => d.rule.startsWith('cross-year')).length,
  };
}

export interface BatchResult {
  small: BatchRun;
  large: BatchRun;
  ratio: number;
  bytes: number;
  /** The large run on one thread, for comparison (not with --quick). */
  oneThread?: BatchRun;
}

export async function batchBench(all: readonly Base[], n: number, oneThread: boolean): Promise<BatchResult> {
  const bases = all.filter((b) => b.report.title?.year && b.report.title.body);
  if (!bases.length) throw new Error('no base report has a dated title with a body');
  const root = mkdtempSync(join(tmpdir(), 'nianbao-bench-batch-'));
  try {
    const small = join(root, 'small');
    const large = join(root, 'large');
    mkdirSync(small);
    mkdirSync(large);
    let bytes = 0;
    for (let i = 0; i < n; i++) {
      const text = generated(bases, i);
      bytes += Buffer.byteLength(text);
      const name = `${String(i).padStart(5, '0')}年度报告.txt`;
      writeFileSync(join(large, name), text);
      if (i < n / 10) writeFileSync(join(small, name), text);
    }
    // Warm the file cache and the bundle once, so neither run pays for the first read.
    await checkFolder(small, n / 10);
    const s = await checkFolder(small, n / 10);
    const l = await checkFolder(large, n);
    const one = oneThread ? await checkFolder(large, n, 1) : undefined;
    return { small: s, large: l, ratio: l.seconds / s.seconds, bytes, oneThread: one };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
