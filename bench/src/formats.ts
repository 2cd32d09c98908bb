/**
 * Published formats: time to read and check a typical report as a web page, a Word file and a
 * PDF (rendered from a corpus report by the test helpers), in process and as a fresh CLI process,
 * beside `pdftotext` (poppler-utils) on the same PDF as the floor for PDF text extraction.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
import { injections } from '../../test/helpers/injections';
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
  if (!HAS_CORPUS)
    return {
      name: 'test/helpers/layouts.ts sample',
      text: renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: '全年共收到政府信息公开申请141件。', values: sampleValues(), layout: 'pipe-rows' }),
    };
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
  const chromium = await chromiumPrinted(log, quick ? 2 : 6);
  return {
    chromium,
    ...Object.fromEntries(fmt.results.map((r) => [r.format, { readMs: round(r.extractMs), checkMs: round(r.checkMs), cliMs: round(r.cliMs) }])),
    pdftotextMs: fmt.pdftotextMs === undefined ? null : round(fmt.pdftotextMs),
  };
}

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));

/** Prints an HTML file to PDF with headless Chromium (as a user's "print to PDF" of the page, header and footer included). */
function chromiumPdf(html: string, pdf: string): boolean {
  const r = spawnSync(CHROMIUM!, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--print-to-pdf=${pdf}`, html], { encoding: 'utf8', timeout: 120_000 });
  return r.status === 0 && existsSync(pdf);
}

/**
 * The corpus reports as CMS pages printed to PDF by Chromium (a PDF producer we did not write):
 * unchanged, the same findings as the text; with one injected error, reported with the right
 * rule family. Slow (one Chromium per file), so it is part of the bench, not of npm test.
 */
export async function chromiumPrinted(log: (s: string) => void, perReport: number) {
  if (!CHROMIUM) {
    log('  !! Chromium is NOT INSTALLED (Debian: apt-get install chromium): the check on Chromium-printed PDFs did not run');
    return null;
  }
  if (!HAS_CORPUS) {
    log(`  !! ${CORPUS} not found: the check on Chromium-printed PDFs did not run`);
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-chromium-'));
  // The page is rendered with the national row labels, so a label typo of the text cannot survive it.
  const summary = (t: string) =>
    analyze(t)
      .findings.filter((f) => f.rule !== 'template-label')
      .map((f) => `${f.rule} ${f.message.zh.replace(/第 [\d–]+ 行/g, '第 # 行')}`)
      .sort();
  const read = async (text: string, name: string) => {
    const html = join(dir, `${name}.html`);
    const pdf = join(dir, `${name}.pdf`);
    writeFileSync(html, renderHtml(publish(text)));
    if (!chromiumPdf(html, pdf)) throw new Error(`chromium could not print ${html}`);
    const r = await extract(readFileSync(pdf), pdf);
    if (!r.ok) throw new Error(`${pdf}: ${r.reason}`);
    return r.value.text;
  };
  let same = 0;
  let total = 0;
  let found = 0;
  const files = ['seeds', 'real'].flatMap((d) =>
    readdirSync(join(CORPUS, d))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(d, f)),
  );
  for (const f of files) {
    const text = readFileSync(join(CORPUS, f), 'utf8');
    const base = await read(text, f.replace(/\W/g, '_'));
    const before = new Set(summary(base));
    if (JSON.stringify(summary(base)) === JSON.stringify(summary(text))) same++;
    else log(`    ${f}: findings differ: ${summary(base).join('; ')} vs ${summary(text).join('; ')}`);
    const all = injections(text);
    // An even spread of the cases, tables and narrative alike.
    const picks = all.filter((_, k) => k % Math.max(1, Math.floor(all.length / perReport)) === 0).slice(0, perReport);
    for (const [k, inj] of picks.entries()) {
      if (!summary(inj.text).some((x) => !before.has(x) && x.startsWith(inj.family))) continue;
      total++;
      const fresh = summary(await read(inj.text, `${f.replace(/\W/g, '_')}-${k}`)).filter((x) => !before.has(x));
      if (fresh.some((x) => x.startsWith(inj.family))) found++;
      else log(`    missed: ${f} ${inj.what}: ${fresh.join('; ') || 'nothing'}`);
    }
  }
  log(`  Chromium-printed PDFs of the corpus pages: unchanged ${same}/${files.length} with the text's findings; injected errors reported with the right rule family ${found}/${total}`);
  return { unchanged: `${same}/${files.length}`, injected: `${found}/${total}` };
}
