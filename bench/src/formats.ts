/**
 * Published formats: time to read and check a typical report as a web page, a Word file and a
 * PDF (rendered from a corpus report by the test helpers), in process and as a fresh CLI process,
 * beside `pdftotext` (poppler-utils) on the same PDF as the floor for PDF text extraction.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '../../server/src/core';
import { extract } from '../../server/src/formats';
import { publish } from '../../test/helpers/published';
import { renderDocx } from '../../test/helpers/renderDocx';
import { renderHtml } from '../../test/helpers/renderHtml';
import { renderPdf } from '../../test/helpers/renderPdf';
import { renderReport, sampleValues } from '../../test/helpers/layouts';
import { CLI, CORPUS, HAS_CORPUS } from '../../test/helpers/paths';
import { median, round } from './stats';

export interface FormatResult {
  format: string;
  bytes: number;
  pages?: number;
  firstMs: number;
  extractMs: number;
  checkMs: number;
  cliMs: number;
}

export interface FormatsBench {
  source: string;
  results: FormatResult[];
  /** Median ms of pdftotext on the same PDF; undefined when it is not installed. */
  pdftotextMs?: number;
}

/** A typical report: the corpus' 淮安 2024 report (8 KB of text, four A4 pages printed), else the sample report. */
function typicalReport(): { name: string; text: string } {
  if (!HAS_CORPUS) return { name: 'test/helpers/layouts.ts sample', text: renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: '全年共收到政府信息公开申请141件。', values: sampleValues(), layout: 'pipe-rows' }) };
  const name = join('real', 'huaian_2024.txt');
  return { name, text: readFileSync(join(CORPUS, name), 'utf8') };
}

export async function benchFormats(runs: number, log: (s: string) => void): Promise<FormatsBench> {
  const cli = CLI;
  const { name, text } = typicalReport();
  const doc = publish(text);
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-formats-'));
  const files: [string, Buffer][] = [
    ['html', renderHtml(doc)],
    ['docx', renderDocx(doc)],
    ['pdf', renderPdf(doc)],
  ];
  const results: FormatResult[] = [];
  for (const [format, bytes] of files) {
    const path = join(dir, `report.${format}`);
    writeFileSync(path, bytes);
    let t = performance.now();
    const first = await extract(bytes, path);
    const firstMs = performance.now() - t;
    if (!first.ok) throw new Error(`${format}: ${first.reason}`);
    const ex: number[] = [];
    const ck: number[] = [];
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      const r = await extract(bytes, path);
      const mid = performance.now();
      if (r.ok) analyze(r.value.text);
      ex.push(mid - t);
      ck.push(performance.now() - t);
    }
    const cliRuns: number[] = [];
    for (let i = 0; i < 7; i++) {
      t = performance.now();
      spawnSync(process.execPath, [cli, 'check', path], { encoding: 'utf8' });
      cliRuns.push(performance.now() - t);
    }
    const pages = format === 'pdf' ? (bytes.toString('latin1').match(/\/Type \/Page /g) ?? []).length : undefined;
    results.push({ format, bytes: bytes.length, pages, firstMs, extractMs: median(ex), checkMs: median(ck), cliMs: median(cliRuns) });
  }
  const pdf = join(dir, 'report.pdf');
  let pdftotextMs: number | undefined;
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (probe.error) {
    log('  !! pdftotext is NOT INSTALLED (Debian: apt-get install poppler-utils): no floor for PDF text extraction measured');
  } else {
    const ts: number[] = [];
    for (let i = 0; i < Math.min(runs, 15); i++) {
      const t = performance.now();
      spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      ts.push(performance.now() - t);
    }
    pdftotextMs = median(ts);
  }
  return { source: name, results, pdftotextMs };
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const pad = (s: string | number, n: number) => String(s).padStart(n);

/** Runs the published-format timings, prints them and returns the figures for --json. */
export async function reportFormats(quick: boolean, log: (s: string) => void) {
  const runs = quick ? 5 : 20;
  log(`\npublished formats (${runs} runs each in process; CLI: a fresh \`nianbao check FILE\` process, median of 7):`);
  const fmt = await benchFormats(runs, log);
  log(`  report: ${fmt.source}`);
  for (const r of fmt.results) {
    log(
      `  ${pad(r.format, 4)} ${pad(`${(r.bytes / 1024).toFixed(0)} KB`, 7)}${r.pages ? ` ${r.pages} pages` : '        '}  first read ${pad(ms(r.firstMs), 6)} ms · read ${pad(ms(r.extractMs), 6)} ms · read+check ${pad(ms(r.checkMs), 6)} ms · CLI ${pad(ms(r.cliMs), 6)} ms`,
    );
  }
  if (fmt.pdftotextMs !== undefined) log(`  pdftotext -layout on the same PDF (the floor, a fresh process): ${ms(fmt.pdftotextMs)} ms`);
  return {
    ...Object.fromEntries(fmt.results.map((r) => [r.format, { readMs: round(r.extractMs), checkMs: round(r.checkMs), cliMs: round(r.cliMs) }])),
    pdftotextMs: fmt.pdftotextMs === undefined ? null : round(fmt.pdftotextMs),
  };
}
