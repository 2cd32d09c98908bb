/**
 * nianbao command line: `nianbao check [--format text|json|sarif] [--fix] [--locale zh|en] FILE...`
 * and `nianbao extract FILE [-o OUT.txt]`. FILE may be a text report or a published HTML page,
 * PDF or Word (.docx) file (checked through its text view).
 * Exit code: 0 no errors, 1 errors found, 2 usage error or a file that could not be read (or fixed).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, fixAll, parseReport, RULES, type Locale, type OtherReport, type Severity } from './core';
import { readInput } from './io/input';
import type { ReadResult } from './io/files';
import { writeIfUnchanged } from './io/safeWrite';
import { EXTRACT_USAGE, extractCommand } from './formats/extractCommand';
import type { Origin } from './formats';
import { findIgnoreFile, ignoreFor, readIgnore } from './io/ignoreFile';
import { resolve } from 'node:path';
import { renderJson, renderSarif, renderText, type FileResult } from './output';

const USAGE = `usage: nianbao check [--format text|json|sarif] [--fix] [--locale zh|en] [--rule ID=SEVERITY]... FILE...
       ${EXTRACT_USAGE}
  FILE       a text report, or a published web page (.html/.htm), PDF or Word file (.docx)
  --format   output format (default text)
  --fix      write the preferred fixes into the (text) files, repeated until nothing fixable is left
  --locale   message language (default zh, or the NIANBAO_LOCALE environment variable)
  --rule     set a rule's severity (error, warning, information, hint) or turn it off, e.g. --rule year-mismatch=off`;

interface Args {
  severity: Record<string, Severity | 'off'>;
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  locale: Locale;
  files: string[];
}

function parseArgs(argv: string[]): Args | string {
  const [cmd, ...rest] = argv;
  if (cmd !== 'check') return cmd ? `unknown command: ${cmd}` : 'missing command';
  const env = process.env.NIANBAO_LOCALE;
  const args: Args = { severity: {}, format: 'text', fix: false, locale: env === 'en' ? 'en' : 'zh', files: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = rest[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    try {
      if (a === '--fix') args.fix = true;
      else if (a === '--format' || a.startsWith('--format=')) {
        const v = value('--format');
        if (v !== 'text' && v !== 'json' && v !== 'sarif') return `unknown format: ${v}`;
        args.format = v;
      } else if (a === '--locale' || a.startsWith('--locale=')) {
        const v = value('--locale');
        if (v !== 'zh' && v !== 'en') return `unknown locale: ${v}`;
        args.locale = v;
      } else if (a === '--rule' || a.startsWith('--rule=')) {
        const [id, sev] = value('--rule').split('=');
        if (!RULES.some((r) => r.id === id)) return `unknown rule: ${id}`;
        if (!['error', 'warning', 'information', 'hint', 'off'].includes(sev)) return `unknown severity for ${id}: ${sev}`;
        args.severity[id] = sev as Severity | 'off';
      } else if (a === '--') args.files.push(...rest.slice(i + 1)), (i = rest.length);
      else if (a.startsWith('-') && a !== '-') return `unknown option: ${a}`;
      else args.files.push(a);
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!args.files.length) return 'no files given';
  return args;
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'extract') return extractCommand(argv.slice(1), USAGE);
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`nianbao: ${args}\n${USAGE}\n`);
    return 2;
  }
  let unreadable = false;
  const inputs: { path: string; text?: string; error?: string; origins?: Origin[]; published?: boolean; read?: ReadResult & { ok: true } }[] = [];
  for (const path of args.files) {
    const r = await readInput(path);
    if (r.ok) {
      for (const w of r.warnings) process.stderr.write(`nianbao: ${path}: ${w}\n`);
      inputs.push({ path, text: r.text, origins: r.origins, published: r.format !== 'text', read: r.read });
      continue;
    }
    unreadable = true;
    const reason = args.locale === 'en' && r.reasonEn ? r.reasonEn : r.reason;
    process.stderr.write(`nianbao: ${path}: ${reason}\n`);
    inputs.push({ path, error: reason });
  }

  // Every file is another's "other report" for the cross-year checks.
  const others = (self: string): OtherReport[] =>
    inputs.filter((x) => x.path !== self && x.text !== undefined).map((x) => ({ uri: x.path, text: x.text!, model: parseReport(x.text!).model }));
  // Findings recorded in the nearest .nianbao-ignore.json above each file.
  const ignored = (path: string) => {
    const abs = resolve(path);
    const file = findIgnoreFile(abs);
    return file ? ignoreFor(file, readIgnore(file, (m) => process.stderr.write(`nianbao: ignore file ${m}\n`)), abs) : undefined;
  };
  const docs = new Map(inputs.map((x) => [x.path, TextDocument.create('file:///', 'plaintext', 0, x.text ?? '')]));

  const results: FileResult[] = inputs.map((input) => {
    if (input.text === undefined) return { path: input.path, isReport: false, findings: [], doc: docs.get(input.path)!, error: input.error };
    const options = { others: others(input.path), ignore: ignored(input.path), severity: args.severity };
    let text = input.text;
    if (args.fix && input.published) {
      process.stderr.write(`nianbao: ${input.path}: --fix changes text files only; "nianbao extract" makes an editable text of it\n`);
    } else if (args.fix) {
      const fixed = fixAll(text, options).text;
      if (fixed !== text && input.read) {
        // Atomic, keeping mode, link and BOM; skipped when the file changed since it was read.
        const w = writeIfUnchanged(input.path, fixed, input.read);
        if (w.ok) text = fixed;
        else {
          unreadable = true;
          process.stderr.write(`nianbao: ${input.path}: ${w.reason}\n`);
        }
      }
    }
    const a = analyze(text, options);
    for (const err of a.errors) process.stderr.write(`nianbao: internal error in ${input.path}: ${err}\n`);
    return { path: input.path, isReport: a.isReport, findings: a.findings, doc: TextDocument.create('file:///', 'plaintext', 0, text), origins: input.origins };
  });

  const docOf = (path: string) => docs.get(path);
  const out = args.format === 'json' ? renderJson(results, args.locale, docOf) : args.format === 'sarif' ? renderSarif(results, args.locale, docOf) : renderText(results, args.locale);
  process.stdout.write(out);
  if (unreadable) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`nianbao: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
