/**
 * npm run bench [-- --json] [-- --quick] [-- --formats]   (--formats: only the published-format timings)
 *
 * Measures on this machine, in one run: analyze() time against a regex floor for documents of
 * about 5 KB … 5 MB, the language server's didChange → publishDiagnostics latency, and its
 * resident memory after 1000 edits to a 1 MB document (started as the extension starts it), the CLI
 * over 200 and 2000 generated reports in one call, and the time to read and check a published report
 * as HTML, Word and PDF, beside pdftotext on the same PDF (bench/src/formats.ts). With --json the
 * last line of stdout is one JSON object: {"sizes":[{"bytes","medianMs","p95Ms","floorMedianMs"}],
 * "lsp":{"medianMs","p95Ms"},"longLines":[{"shape","bytes","medianMs"}],"rssMB",
 * "batch":{"files","seconds","filesPerSecond","ratio2000to200","rssMB"},
 * "formats":{"html"|"docx"|"pdf":{"readMs","checkMs","cliMs"},"pdftotextMs"}}.
 */
import { cpus, loadavg } from 'node:os';
import { analyze } from '../../server/src/core';
import { timeSize, type SizeResult } from './analysis';
import { baseReports, buildDoc, SOURCE } from './docs';
import { timeLongLine, SHAPES, type LongLineResult } from './longline';
import { lspLatency, serverMemory } from './server';
import { batchBench } from './batch';
import { SERVER_NODE_FLAGS } from '../../server/src/heap';
import { reportFormats } from './formats';
import { round } from './stats';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const log = (s: string) => (json ? process.stderr : process.stdout).write(s + '\n');

const SIZES = [5_000, 20_000, 100_000, 1_000_000, 5_000_000];
const TARGETS = { ms20k: 2, ms1m: 60, floorRatio: 10, lspP95: 20, rssMB: 100, batchRatio: 11, filesPerSecond: 300 };

const kb = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)} MB` : `${Math.round(n / 1e3)} KB`);
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const pad = (s: string | number, n: number) => String(s).padStart(n);
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');

async function main() {
  if (args.includes('--formats')) {
    const fmt = await reportFormats(quick, log);
    if (json) process.stdout.write(JSON.stringify({ formats: fmt }) + '\n');
    return;
  }
  const load0 = loadavg();
  const bases = baseReports();
  if (!bases.length) throw new Error('no base reports could be analysed');
  log(`nianbao bench · ${cpus()[0]?.model ?? '?'} × ${cpus().length} · Node ${process.version} · load ${load0.map((x) => x.toFixed(2)).join(' ')}`);
  log(`documents: ${bases.length} distinct reports from ${SOURCE}, concatenated, one injected table-2 error each\n`);

  const sizes: SizeResult[] = [];
  log(`${pad('size', 7)} ${pad('bytes', 9)} ${pad('reports', 7)} ${pad('finds', 5)} ${pad('runs', 4)} ${pad('median', 8)} ${pad('p95', 8)} ${pad('MB/s', 6)} ${pad('floor', 7)} ${pad('ratio', 6)}`);
  for (const target of SIZES) {
    const doc = buildDoc(bases, target);
    const r = timeSize(target, doc.text, doc.reports, quick ? 300 : target >= 1e6 ? 4000 : 1500);
    sizes.push(r);
    const mbs = r.bytes / 1e6 / (r.medianMs / 1e3);
    log(
      `${pad(kb(target), 7)} ${pad(r.bytes, 9)} ${pad(r.reports, 7)} ${pad(r.findings, 5)} ${pad(r.runs, 4)} ${pad(ms(r.medianMs), 8)} ${pad(ms(r.p95Ms), 8)} ${pad(mbs.toFixed(1), 6)} ${pad(ms(r.floorMedianMs), 7)} ${pad((r.medianMs / r.floorMedianMs).toFixed(1), 6)}` +
        (r.errors ? `  !! ${r.errors} rule error(s)` : ''),
    );
  }
  // Cost per byte, relative to the 100 KB document: linear means roughly constant.
  const ref = sizes.find((s) => s.target === 100_000)!;
  const perByte = (s: SizeResult) => s.medianMs / s.bytes / (ref.medianMs / ref.bytes);
  log(`\ncost per byte relative to 100 KB: ${sizes.map((s) => `${kb(s.target)} ${perByte(s).toFixed(2)}`).join(' · ')}`);

  // One long narrative line (issue 12 item 9): linear means 100 KB costs about 7× 13.7 KB.
  log('\none long narrative line (figures packed, no full stop) in section 一:');
  const longLines: LongLineResult[] = [];
  for (const shape of Object.keys(SHAPES)) {
    const [a, b] = [13_700, 100_000].map((n) => timeLongLine(shape, n, quick ? 200 : 800));
    longLines.push(a, b);
    log(`  ${shape.padEnd(7)} 13.7 KB ${pad(ms(a.medianMs), 7)} ms · 100 KB ${pad(ms(b.medianMs), 7)} ms (${(b.medianMs / a.medianMs).toFixed(1)}× for 7.3× the bytes; ${b.findings} findings)`);
  }

  const doc20 = buildDoc(bases, 20_000);
  log(`\nlanguage server: ${quick ? 50 : 200} small edits to a ${kb(doc20.bytes)} report, debounce 0 …`);
  const lsp = await lspLatency(doc20.text, quick ? 50 : 200);
  log(`  didChange → publishDiagnostics: median ${ms(lsp.medianMs)} ms, p95 ${ms(lsp.p95Ms)} ms, max ${ms(lsp.maxMs)} ms`);

  const doc1m = buildDoc(bases, 1_000_000);
  const nEdits = quick ? 200 : 1000;
  log(`language server: ${nEdits} edits to a ${kb(doc1m.bytes)} document (bursts of 10, debounce 20 ms; node ${SERVER_NODE_FLAGS.join(' ')}, as the extension starts it) …`);
  const mem = await serverMemory(doc1m.text, nEdits);
  log(
    `  RSS after opening ${mem.openRssMB.toFixed(1)} MB, after ${mem.edits} edits ${mem.rssMB.toFixed(1)} MB (peak ${mem.hwmMB.toFixed(1)} MB; ${mem.analyses} analyses in ${mem.seconds.toFixed(1)} s)`,
  );

  const nFiles = quick ? 400 : 2000;
  log(`\ncommand line: ${nFiles / 10} and ${nFiles} generated reports (${nFiles / 2} bodies × 2 years) in one call each, --format json …`);
  const batch = await batchBench(bases, nFiles, !quick);
  for (const r of [batch.small, batch.large, ...(batch.oneThread ? [batch.oneThread] : [])]) {
    log(
      `  ${pad(r.files, 5)} files${r === batch.oneThread ? ' (--jobs 1)' : ''}: ${r.seconds.toFixed(2)} s, ${r.filesPerSecond.toFixed(0)} files/s, CPU ${r.cpuSeconds.toFixed(2)} s, peak RSS ${r.rssMB} MB, ${r.findings} findings (${r.crossYear} cross-year)`,
    );
  }
  log(`  ${(batch.bytes / 1e6).toFixed(1)} MB of text; time(${nFiles}) / time(${nFiles / 10}) = ${batch.ratio.toFixed(2)}`);
  const fmt = await reportFormats(quick, log);

  const s20 = sizes.find((s) => s.target === 20_000)!;
  const s1m = sizes.find((s) => s.target === 1_000_000)!;
  const worstRatio = Math.max(...sizes.map((s) => s.medianMs / s.floorMedianMs));
  const perBytes = sizes.filter((s) => s.target >= 100_000).map(perByte);
  log('\ntargets:');
  log(`  20 KB median ≤ ${TARGETS.ms20k} ms: ${ms(s20.medianMs)} ms — ${mark(s20.medianMs <= TARGETS.ms20k)}`);
  log(`  1 MB median ≤ ${TARGETS.ms1m} ms: ${ms(s1m.medianMs)} ms — ${mark(s1m.medianMs <= TARGETS.ms1m)}`);
  log(`  linear (per-byte cost from 100 KB to 5 MB within 0.5–2×): ${perBytes.map((x) => x.toFixed(2)).join(', ')} — ${mark(perBytes.every((x) => x >= 0.5 && x <= 2))}`);
  log(`  every size ≤ ${TARGETS.floorRatio}× its floor: worst ${worstRatio.toFixed(1)}× — ${mark(worstRatio <= TARGETS.floorRatio)}`);
  log(`  LSP p95 ≤ ${TARGETS.lspP95} ms: ${ms(lsp.p95Ms)} ms — ${mark(lsp.p95Ms <= TARGETS.lspP95)}`);
  log(`  server RSS ≤ ${TARGETS.rssMB} MB: ${mem.rssMB.toFixed(1)} MB — ${mark(mem.rssMB <= TARGETS.rssMB)}`);
  log(`  batch time(${nFiles}) ≤ ${TARGETS.batchRatio} × time(${nFiles / 10}): ${batch.ratio.toFixed(2)} × — ${mark(batch.ratio <= TARGETS.batchRatio)}`);
  log(`  batch ≥ ${TARGETS.filesPerSecond} files/s: ${batch.large.filesPerSecond.toFixed(0)} — ${mark(batch.large.filesPerSecond >= TARGETS.filesPerSecond)}`);
  log(
    `load average at the end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );

  if (json) {
    const out = {
      sizes: sizes.map((s) => ({ bytes: s.bytes, medianMs: round(s.medianMs), p95Ms: round(s.p95Ms), floorMedianMs: round(s.floorMedianMs, 4) })),
      lsp: { medianMs: round(lsp.medianMs), p95Ms: round(lsp.p95Ms) },
      longLines: longLines.map((x) => ({ shape: x.shape, bytes: x.bytes, medianMs: round(x.medianMs) })),
      rssMB: round(mem.rssMB, 1),
      batch: {
        files: batch.large.files,
        seconds: round(batch.large.seconds),
        filesPerSecond: round(batch.large.filesPerSecond, 1),
        ratio2000to200: round(batch.ratio),
        rssMB: batch.large.rssMB,
      },
      formats: fmt,
    };
    process.stdout.write(JSON.stringify(out) + '\n');
  }
}

// Keep the analysis import in the bundle's top level so a broken core fails before any timing.
void analyze;
main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
