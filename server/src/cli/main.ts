/**
 * `nianbao check …`: expands the inputs, checks the files on worker threads (each read and
 * parsed once), pairs the reports across years through an index, and prints one format.
 * Exit code: 0 no errors, 1 errors found, 2 usage error or a file that could not be read.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { pick } from '../convert';
import { EXTRACT_USAGE, extractCommand } from '../formats/extractCommand';
import { parseArgs, type Args } from './args';
import { crossYear, type FileResult } from './batch';
import type { CheckConfig, Task } from './check';
import { expandInputs } from './inputs';
import { CHECK_HELP, HELP, M, sayer, type Say } from './messages';
import { renderCsv } from './output/csv';
import { renderHtml } from './output/html';
import { renderJson } from './output/json';
import { renderSarif } from './output/sarif';
import { renderText } from './output/text';
import { checkAll } from './pool';
import { progress } from './progress';

declare const NIANBAO_VERSION: string | undefined;
const VERSION = typeof NIANBAO_VERSION === 'string' ? NIANBAO_VERSION : 'development';

export interface MainOptions {
  /** The file to start worker threads from (the CLI bundle). */
  script: string;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

export async function main(argv: readonly string[], o: MainOptions): Promise<number> {
  const stdout = o.stdout ?? process.stdout;
  const stderr = o.stderr ?? process.stderr;
  const parsed = parseArgs(argv);
  switch (parsed.kind) {
    case 'version':
      stdout.write(`nianbao ${VERSION}\n`);
      return 0;
    case 'extract':
      return extractCommand(parsed.argv, EXTRACT_USAGE);
    case 'help':
      stdout.write(pick(parsed.check ? CHECK_HELP : HELP, parsed.locale) + '\n');
      return 0;
    case 'error': {
      const say = sayer(parsed.locale);
      stderr.write(`nianbao: ${say(parsed.message)}\n${say(M.seeHelp)}\n`);
      return 2;
    }
  }
  return check(parsed.args, o.script, stdout, stderr);
}

async function check(args: Args, script: string, stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream): Promise<number> {
  const say = sayer(args.locale);
  const t0 = performance.now();
  let failed = false;
  const complain = (what: string, m: Parameters<Say>[0]) => stderr.write(`nianbao: ${what}: ${say(m)}\n`);

  const { files, problems } = expandInputs(args.inputs);
  for (const p of problems) {
    failed = true;
    stderr.write(`nianbao: ${say(p.message)}\n`);
  }
  const tasks: Task[] = files.map((f, index) => ({ index, path: f.path, onlyIfReport: f.onlyIfReport }));
  const config: CheckConfig = { severity: args.severity, reuseThreshold: args.reuseThreshold, fix: args.fix, backup: args.backup };
  const bar = progress(say, !args.quiet && !!stderr.isTTY);
  const outcomes = await checkAll(tasks, config, { jobs: args.jobs ?? availableParallelism(), script, onResult: (d, n) => bar.update(d, n) });
  bar.end();
  const results: FileResult[] = crossYear(outcomes, config);

  for (const o of outcomes) for (const n of o.notes) complain(o.path, n);
  let fixedFiles = 0;
  let fixedNumbers = 0;
  for (const r of results) {
    if (r.error) {
      failed = true;
      complain(r.path, r.error);
    }
    for (const c of r.changes) stderr.write(`${r.path}:${c.line}: ${c.old} → ${c.new}\n`);
    if (r.changes.length) (fixedFiles++, (fixedNumbers += r.changes.length));
    if (r.backup) stderr.write(`nianbao: ${say(M.backup(r.backup))}\n`);
  }
  if (fixedNumbers) stderr.write(`nianbao: ${say(M.fixed(fixedNumbers, fixedFiles))}\n`);
  const suppressed = results.reduce((n, r) => n + r.suppressed, 0);
  if (suppressed) stderr.write(`nianbao: ${say(M.suppressed(suppressed))}\n`);

  const out =
    args.format === 'json'
      ? renderJson(results, args.locale)
      : args.format === 'sarif'
        ? renderSarif(results, args.locale)
        : args.format === 'csv'
          ? renderCsv(results, args.locale, args.summary)
          : args.format === 'html'
            ? renderHtml(results, args.locale)
            : renderText(results, args.locale);
  if (args.output) {
    try {
      writeFileSync(args.output, out);
    } catch (e) {
      complain(args.output, M.cannotWrite((e as Error).message));
      return 2;
    }
  } else stdout.write(out);

  if (args.stats) {
    const seconds = (performance.now() - t0) / 1000;
    const use = process.resourceUsage();
    stderr.write(`nianbao: ${say(M.stats(tasks.length, seconds, (use.userCPUTime + use.systemCPUTime) / 1e6, use.maxRSS / 1024))}\n`);
  }
  if (failed) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
