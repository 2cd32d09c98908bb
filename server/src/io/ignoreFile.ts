/**
 * `.nianbao-ignore.json`: findings the user chose to ignore, kept beside the reports (plain text
 * has no comments to put them in). Entries are keyed by rule and the finding's fingerprint (the
 * figure and its sentence or cell, not the line number), or by rule alone for a whole file.
 * The server writes it; the server and the CLI both read it.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export const IGNORE_FILE = '.nianbao-ignore.json';

export interface IgnoreEntry {
  rule: string;
  /** Absent: the rule is ignored in the whole file. */
  fingerprint?: string;
  /** The report, relative to the ignore file's folder, with forward slashes. */
  file: string;
  /** What was ignored, for the human reading the file. */
  note?: string;
}

export interface IgnoreData {
  version: 1;
  ignore: IgnoreEntry[];
}

/** The nearest ignore file at or above the report's folder (not above `stopAt`, when given). */
export function findIgnoreFile(reportPath: string, stopAt?: string): string | undefined {
  for (let d = dirname(reportPath); ; d = dirname(d)) {
    const p = join(d, IGNORE_FILE);
    if (existsSync(p)) return p;
    if ((stopAt && d === stopAt) || dirname(d) === d) return undefined;
  }
}

/** Reads an ignore file; a broken one is reported through `onError` and treated as empty. */
export function readIgnore(path: string, onError: (msg: string) => void = () => {}): IgnoreData {
  try {
    const j = JSON.parse(readFileSync(path, 'utf8')) as Partial<IgnoreData>;
    const ignore = Array.isArray(j.ignore) ? j.ignore.filter((e): e is IgnoreEntry => !!e && typeof e.rule === 'string' && typeof e.file === 'string') : [];
    return { version: 1, ignore };
  } catch (e) {
    onError(`${path}: ${(e as Error).message}`);
    return { version: 1, ignore: [] };
  }
}

const rel = (ignorePath: string, reportPath: string) => relative(dirname(ignorePath), reportPath).split(sep).join('/');

/** What the analysis should leave out for one report. */
export function ignoreFor(ignorePath: string, data: IgnoreData, reportPath: string) {
  const file = rel(ignorePath, reportPath);
  const mine = data.ignore.filter((e) => e.file === file);
  return {
    findings: mine.filter((e) => e.fingerprint).map((e) => ({ rule: e.rule, fingerprint: e.fingerprint! })),
    rules: mine.filter((e) => !e.fingerprint).map((e) => e.rule),
  };
}

/** Adds an entry (once) to the ignore file at `ignorePath`, creating it if needed. */
export function addIgnore(ignorePath: string, reportPath: string, entry: Omit<IgnoreEntry, 'file'>): void {
  const data = existsSync(ignorePath) ? readIgnore(ignorePath) : { version: 1 as const, ignore: [] };
  const e: IgnoreEntry = { rule: entry.rule, ...(entry.fingerprint ? { fingerprint: entry.fingerprint } : {}), file: rel(ignorePath, reportPath), ...(entry.note ? { note: entry.note } : {}) };
  if (!data.ignore.some((x) => x.rule === e.rule && x.fingerprint === e.fingerprint && x.file === e.file)) data.ignore.push(e);
  writeFileSync(ignorePath, JSON.stringify(data, null, 2) + '\n');
}

/** Removes the entry for (rule, fingerprint) of a report again (undo); false when it was not there. */
export function removeIgnore(ignorePath: string, reportPath: string, entry: { rule: string; fingerprint?: string }): boolean {
  if (!existsSync(ignorePath)) return false;
  const raw = JSON.parse(readFileSync(ignorePath, 'utf8')) as Record<string, unknown>;
  const list = Array.isArray(raw.ignore) ? (raw.ignore as IgnoreEntry[]) : [];
  const file = rel(ignorePath, reportPath);
  const keep = list.filter((x) => !(x && x.rule === entry.rule && x.fingerprint === entry.fingerprint && x.file === file));
  if (keep.length === list.length) return false;
  writeFileSync(ignorePath, JSON.stringify({ ...raw, ignore: keep }, null, 2) + '\n');
  return true;
}

/** Modification time, for caches. */
export function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}
