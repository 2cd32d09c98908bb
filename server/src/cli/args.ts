/** Command-line arguments of `nianbao`: parsed into options, or a message saying what is wrong. */
import { RULES, type Locale, type Msg, type Severity } from '../core';
import { M } from './messages';

export type Format = 'text' | 'json' | 'sarif' | 'csv' | 'html';
const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'csv', 'html'];
const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

export interface Args {
  severity: Record<string, Severity | 'off'>;
  format: Format;
  summary: boolean;
  output?: string;
  fix: boolean;
  backup: boolean;
  locale: Locale;
  reuseThreshold?: number;
  /** Worker threads; undefined: one per core. */
  jobs?: number;
  quiet: boolean;
  stats: boolean;
  /** Files, folders and globs as given. */
  inputs: string[];
}

export type Parsed =
  { kind: 'check'; args: Args } | { kind: 'help'; check: boolean; locale: Locale } | { kind: 'version' } | { kind: 'extract'; argv: string[] } | { kind: 'error'; message: Msg; locale: Locale };

function envLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  return env.NIANBAO_LOCALE === 'en' ? 'en' : 'zh';
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Parsed {
  // The locale first, so that every later message can be in it.
  let locale = envLocale(env);
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i] === '--locale' ? argv[i + 1] : argv[i].startsWith('--locale=') ? argv[i].slice(9) : undefined;
    if (v === 'zh' || v === 'en') locale = v;
  }
  const fail = (message: Msg): Parsed => ({ kind: 'error', message, locale });
  const [cmd, ...rest] = argv;
  if (cmd === '--version' || cmd === '-v' || cmd === '-V') return { kind: 'version' };
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') return { kind: 'help', check: rest[0] === 'check', locale };
  if (cmd === undefined) return fail(M.missingCommand);
  if (cmd === 'extract') return { kind: 'extract', argv: rest };
  if (cmd !== 'check') return fail(M.unknownCommand(cmd));

  const args: Args = { severity: {}, format: 'text', summary: false, fix: false, backup: false, locale, quiet: false, stats: false, inputs: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : rest[++i]);
    switch (name) {
      case '-h':
      case '--help':
        return { kind: 'help', check: true, locale };
      case '--fix':
        args.fix = true;
        break;
      case '--backup':
        args.backup = true;
        break;
      case '--summary':
        args.summary = true;
        break;
      case '--quiet':
      case '-q':
        args.quiet = true;
        break;
      case '--stats':
        args.stats = true;
        break;
      case '--format': {
        const v = value();
        if (v === undefined) return fail(M.needsValue(name));
        if (!FORMATS.includes(v as Format)) return fail(M.unknownFormat(v));
        args.format = v as Format;
        break;
      }
      case '-o':
      case '--output': {
        const v = value();
        if (!v) return fail(M.needsValue(name));
        args.output = v;
        break;
      }
      case '--locale': {
        const v = value();
        if (v === undefined) return fail(M.needsValue(name));
        if (v !== 'zh' && v !== 'en') return fail(M.unknownLocale(v));
        args.locale = v;
        break;
      }
      case '--rule': {
        const v = value();
        if (v === undefined) return fail(M.needsValue(name));
        const [id, sev] = v.split('=');
        if (!RULES.some((r) => r.id === id)) return fail(M.unknownRule(id));
        if (!SEVERITIES.includes(sev)) return fail(M.unknownSeverity(id, sev ?? ''));
        args.severity[id] = sev as Severity | 'off';
        break;
      }
      case '--reuse-threshold': {
        const v = value();
        if (v === undefined) return fail(M.needsValue(name));
        const x = Number(v);
        if (!/^\d*\.?\d+$/.test(v) || !(x >= 0 && x <= 1)) return fail(M.badThreshold(v));
        args.reuseThreshold = x;
        break;
      }
      case '-j':
      case '--jobs': {
        const v = value();
        if (v === undefined) return fail(M.needsValue(name));
        if (!/^\d+$/.test(v) || +v < 1 || +v > 64) return fail(M.badJobs(v));
        args.jobs = +v;
        break;
      }
      case '--':
        args.inputs.push(...rest.slice(i + 1));
        i = rest.length;
        break;
      default:
        if (a.startsWith('-') && a !== '-') return fail(M.unknownOption(a));
        args.inputs.push(a);
    }
  }
  if (args.backup && !args.fix) return fail(M.backupNeedsFix);
  if (args.summary && args.format !== 'csv') return fail(M.summaryNeedsCsv);
  if (!args.inputs.length) return fail(M.noFiles);
  return { kind: 'check', args };
}
