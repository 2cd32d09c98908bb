/**
 * `nianbao extract FILE [-o OUT.txt]`: writes the text view of a published report (HTML page,
 * PDF, Word .docx) — the text the checker reads — to OUT or standard output, so it can be edited
 * as a draft. Exit code 0, or 2 with a reason for a file that cannot be read or a usage error.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readInput } from '../io/input';

export const EXTRACT_USAGE = 'nianbao extract [--locale zh|en] FILE [-o OUT.txt]';

export async function extractCommand(argv: string[], usage: string): Promise<number> {
  let out: string | undefined;
  let locale = process.env.NIANBAO_LOCALE === 'en' ? 'en' : 'zh';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-o' || a === '--output') out = argv[++i];
    else if (a.startsWith('--output=')) out = a.slice('--output='.length);
    else if (a === '--locale' || a.startsWith('--locale=')) locale = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
    else if (a.startsWith('-') && a !== '-') return fail(`unknown option: ${a}`, usage);
    else files.push(a);
  }
  if (files.length !== 1) return fail(files.length ? 'extract takes one file' : 'no file given', usage);
  if (out === undefined && argv.some((a) => a === '-o' || a === '--output')) return fail('-o needs a file name', usage);
  const [file] = files;
  if (out !== undefined && resolve(out) === resolve(file)) return fail('the output would overwrite the input', usage);
  const r = await readInput(file);
  if (!r.ok) {
    process.stderr.write(`nianbao: ${file}: ${locale === 'en' && r.reasonEn ? r.reasonEn : r.reason}\n`);
    return 2;
  }
  for (const w of r.warnings) process.stderr.write(`nianbao: ${file}: ${w}\n`);
  if (out === undefined) {
    process.stdout.write(r.text);
    return 0;
  }
  try {
    writeFileSync(out, r.text);
  } catch (e) {
    process.stderr.write(`nianbao: ${out}: cannot write: ${(e as Error).message}\n`);
    return 2;
  }
  return 0;
}

function fail(message: string, usage: string): number {
  process.stderr.write(`nianbao: ${message}\n${usage}\n`);
  return 2;
}
