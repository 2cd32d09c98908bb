/**
 * `.nianbao-ignore.json`: findings the user chose to ignore, kept beside the reports (plain text
 * has no comments to put them in). Entries are keyed by rule and the finding's fingerprint (the
 * figure and its sentence or cell, not the line number), or by rule alone for a whole file.
 * The server writes it (see addIgnore: never over a file it cannot parse, never through a link or
 * outside the workspace folder, atomically and merged under a lock); the server and the CLI read it.
 */
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { decode, readRegularFile } from './files';
import { LockTimeout, withLock } from './lock';
import { atomicWrite } from './safeWrite';

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

const EMPTY = (): IgnoreData => ({ version: 1, ignore: [] });

/** Whether `p` is `root` or inside it (both absolute and normalised). */
export function within(p: string, root: string): boolean {
  return p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** The nearest ignore file at or above the report's folder (never above `stopAt`, when given). */
export function findIgnoreFile(reportPath: string, stopAt?: string): string | undefined {
  const stop = stopAt === undefined ? undefined : resolve(stopAt);
  for (let d = dirname(resolve(reportPath)); ; d = dirname(d)) {
    if (stop && !within(d, stop)) return undefined;
    const p = join(d, IGNORE_FILE);
    if (existsSync(p)) return p;
    if (d === stop || dirname(d) === d) return undefined;
  }
}

type Parsed = { ok: true; raw: Record<string, unknown>; data: IgnoreData } | { ok: false; reason: string };

/** The file's object as written (to rewrite it with nothing lost) and the entries this version understands. */
function parseIgnore(text: string): Parsed {
  if (!text.trim()) return { ok: true, raw: {}, data: EMPTY() };
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  if (!j || typeof j !== 'object' || Array.isArray(j)) return { ok: false, reason: 'not a JSON object' };
  const raw = j as Record<string, unknown>;
  if (raw.version !== undefined && raw.version !== 1) return { ok: false, reason: `version ${JSON.stringify(raw.version)} is not supported (this nianbao reads version 1)` };
  if (raw.ignore !== undefined && !Array.isArray(raw.ignore)) return { ok: false, reason: '"ignore" is not a list' };
  const list = (raw.ignore ?? []) as unknown[];
  const ignore = list.filter((e): e is IgnoreEntry => !!e && typeof e === 'object' && typeof (e as IgnoreEntry).rule === 'string' && typeof (e as IgnoreEntry).file === 'string');
  return { ok: true, raw, data: { version: 1, ignore } };
}

function readText(path: string): { ok: true; text: string; mode: number } | { ok: false; reason: string; missing?: boolean } {
  const r = readRegularFile(path);
  if (!r.ok) return r;
  const d = decode(r.buf);
  return d.ok ? { ok: true, text: d.text, mode: r.stat.mode } : d;
}

/** Reads an ignore file; a broken or unreadable one is reported through `onError` and treated as empty. */
export function readIgnore(path: string, onError: (msg: string) => void = () => {}): IgnoreData {
  const r = readText(path);
  if (!r.ok) {
    if (!r.missing) onError(`${path}: ${r.reason}`);
    return EMPTY();
  }
  const p = parseIgnore(r.text);
  if (!p.ok) onError(`${path}: ${p.reason}`);
  return p.ok ? p.data : EMPTY();
}

const rel = (ignorePath: string, reportPath: string) =>
  relative(dirname(resolve(ignorePath)), resolve(reportPath))
    .split(sep)
    .join('/');

/** What the analysis should leave out for one report. */
export function ignoreFor(ignorePath: string, data: IgnoreData, reportPath: string) {
  const file = rel(ignorePath, reportPath);
  const mine = data.ignore.filter((e) => e.file === file);
  return {
    findings: mine.filter((e) => e.fingerprint).map((e) => ({ rule: e.rule, fingerprint: e.fingerprint! })),
    rules: mine.filter((e) => !e.fingerprint).map((e) => e.rule),
  };
}

/** Why an entry was not written: the file does not parse, is or sits behind a link, lies outside the folder, is not a regular file, is locked, or IO failed. */
export type IgnoreRefusal = 'unparseable' | 'link' | 'outside' | 'not-file' | 'locked' | 'io';
export type AddResult = { ok: true; path: string } | { ok: false; path: string; reason: IgnoreRefusal; detail: string };

/** Why `target` must not be written, or undefined: links below `root`, a place outside it, something other than a regular file. */
function unsafe(target: string, root: string): AddResult | undefined {
  const no = (reason: IgnoreRefusal, detail: string): AddResult => ({ ok: false, path: target, reason, detail });
  if (!within(target, root) || target === root) return no('outside', `not inside the workspace folder ${root}`);
  // No link anywhere below the root (the root itself may be reached through one: the user chose it).
  let p = root;
  for (const part of relative(root, target).split(sep)) {
    p = join(p, part);
    let st;
    try {
      st = lstatSync(p);
    } catch {
      break; // does not exist (yet)
    }
    if (st.isSymbolicLink()) return no('link', `${p} is a symbolic link`);
    if (p === target && !st.isFile()) return no('not-file', 'not a regular file');
  }
  try {
    if (!within(realpathSync(dirname(target)), realpathSync(root))) return no('outside', `its folder is not inside the workspace folder ${root}`);
  } catch (e) {
    return no('io', (e as Error).message);
  }
  return undefined;
}

/**
 * Rewrites the ignore file's list under its lock: `edit` gets the entries as written (unknown ones
 * included) and returns the new list, or undefined for no change. Never writes outside `root`,
 * through a link, or over a file that does not parse; replaces the file atomically.
 */
async function rewrite(target: string, root: string, edit: (list: unknown[], data: IgnoreData) => unknown[] | undefined, lockTimeoutMs?: number): Promise<AddResult & { changed?: boolean }> {
  const first = unsafe(target, root);
  if (first) return first;
  try {
    return await withLock(
      target + '.lock',
      () => {
        const again = unsafe(target, root);
        if (again) return again;
        const cur = readText(target);
        if (!cur.ok && !cur.missing) return { ok: false, path: target, reason: 'unparseable', detail: cur.reason };
        const parsed = cur.ok ? parseIgnore(cur.text) : parseIgnore('');
        if (!parsed.ok) return { ok: false, path: target, reason: 'unparseable', detail: parsed.reason };
        const list = edit((parsed.raw.ignore as unknown[] | undefined) ?? [], parsed.data);
        if (!list) return { ok: true, path: target, changed: false };
        const out: Record<string, unknown> = 'version' in parsed.raw ? { ...parsed.raw } : { version: 1, ...parsed.raw };
        out.ignore = list;
        atomicWrite(target, Buffer.from(JSON.stringify(out, null, 2) + '\n', 'utf8'), { mode: cur.ok ? cur.mode : undefined });
        return { ok: true, path: target, changed: true };
      },
      { timeoutMs: lockTimeoutMs },
    );
  } catch (err) {
    if (err instanceof LockTimeout) return { ok: false, path: target, reason: 'locked', detail: err.message };
    return { ok: false, path: target, reason: 'io', detail: (err as Error).message };
  }
}

/**
 * Adds an entry (once) to the ignore file at `ignorePath`, creating it if needed, and never
 * writing outside `root` (default: the ignore file's folder). Everything already in the file,
 * including keys and entries this version does not know, is kept; a file that does not parse is
 * left alone. The file is re-read and rewritten under a lock file, and replaced atomically.
 */
export async function addIgnore(ignorePath: string, reportPath: string, entry: Omit<IgnoreEntry, 'file'>, opts: { root?: string; lockTimeoutMs?: number } = {}): Promise<AddResult> {
  const target = resolve(ignorePath);
  const e: IgnoreEntry = { rule: entry.rule, ...(entry.fingerprint ? { fingerprint: entry.fingerprint } : {}), file: rel(target, reportPath), ...(entry.note ? { note: entry.note } : {}) };
  const r = await rewrite(
    target,
    resolve(opts.root ?? dirname(target)),
    (list, data) => (data.ignore.some((x) => x.rule === e.rule && x.fingerprint === e.fingerprint && x.file === e.file) ? undefined : [...list, e]),
    opts.lockTimeoutMs,
  );
  return r.ok ? { ok: true, path: r.path } : r;
}

/** Removes the entries for (rule, fingerprint) of a report again (undo), the same safe way; `removed` says whether there were any. */
export async function removeIgnore(
  ignorePath: string,
  reportPath: string,
  entry: { rule: string; fingerprint?: string },
  opts: { root?: string; lockTimeoutMs?: number } = {},
): Promise<AddResult & { removed?: boolean }> {
  const target = resolve(ignorePath);
  const file = rel(target, reportPath);
  const same = (x: unknown) => !!x && typeof x === 'object' && (x as IgnoreEntry).rule === entry.rule && (x as IgnoreEntry).fingerprint === entry.fingerprint && (x as IgnoreEntry).file === file;
  const r = await rewrite(target, resolve(opts.root ?? dirname(target)), (list) => (list.some(same) ? list.filter((x) => !same(x)) : undefined), opts.lockTimeoutMs);
  return r.ok ? { ok: true, path: r.path, removed: !!r.changed } : r;
}

/** A key that changes whenever the file is rewritten (mtime, size and inode), for caches; '' when absent. */
export function versionOf(path: string): string {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}/${s.size}/${s.ino}`;
  } catch {
    return '';
  }
}
