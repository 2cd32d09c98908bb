/**
 * What the command line names, as a list of files: files as given, folders searched recursively
 * for report files, and globs expanded here (Windows shells do not expand them).
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Msg } from '../core';
import { PUBLISHED_EXTENSIONS } from '../formats';
import { REPORT_FILE } from '../reportIndex';
import { M } from './messages';

/**
 * Extensions of files a folder search reads to see whether they are reports: text, and the
 * published formats io/input.ts reads (HTML pages, PDF, Word .docx).
 */
const CONTENT_EXTENSIONS = ['.txt', '.md', ...PUBLISHED_EXTENSIONS];
const SKIP_DIRS = new Set(['node_modules', '.git', '.svn', '.hg']);

export interface InputFile {
  /** The path as it will be printed: as given, or the folder or glob base joined with the rest. */
  path: string;
  /** Found in a folder without a report's name: left out unless its content is a report. */
  onlyIfReport: boolean;
}

export interface Expanded {
  files: InputFile[];
  /** Arguments that named nothing (a glob without matches, an empty folder). */
  problems: { input: string; message: Msg }[];
}

const GLOB = /[*?[{]/;
const kind = (p: string) => {
  try {
    const s = statSync(p);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
};

export function expandInputs(inputs: readonly string[], platform = process.platform): Expanded {
  const files: InputFile[] = [];
  const problems: Expanded['problems'] = [];
  const seen = new Set<string>();
  const add = (path: string, onlyIfReport: boolean) => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ path, onlyIfReport });
  };
  for (const input of inputs) {
    const k = kind(input);
    if (k === 'dir') {
      const found = walk(input);
      if (!found.length) problems.push({ input, message: M.emptyFolder(input) });
      for (const f of found) add(f.path, f.onlyIfReport);
    } else if (k === 'file' || !GLOB.test(input)) {
      // A file, or a path that does not exist (reading it reports that).
      add(input, false);
    } else {
      const matches = glob(platform === 'win32' ? input.replace(/\\/g, '/') : input);
      if (!matches.length) problems.push({ input, message: M.noMatch(input) });
      for (const m of matches) {
        if (kind(m) === 'dir') for (const f of walk(m)) add(f.path, f.onlyIfReport);
        else add(m, false);
      }
    }
  }
  return { files, problems };
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function list(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort(byName);
  } catch {
    return [];
  }
}

/** Report files under a folder, sorted by path; symbolic links to folders are not followed. */
function walk(dir: string): InputFile[] {
  const out: InputFile[] = [];
  const visit = (d: string) => {
    for (const e of list(d)) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) visit(p);
        continue;
      }
      if (!e.isFile() && !(e.isSymbolicLink() && kind(p) === 'file')) continue;
      const lower = e.name.toLowerCase();
      if (REPORT_FILE.test(e.name)) out.push({ path: p, onlyIfReport: false });
      else if (CONTENT_EXTENSIONS.some((x) => lower.endsWith(x))) out.push({ path: p, onlyIfReport: true });
    }
  };
  visit(dir);
  return out;
}

/** One path segment of a glob as a regular expression: * ? [abc] {a,b}. */
function segmentRegex(seg: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = seg.slice(i + 1, end).replace(/\\/g, '\\\\');
        re += `[${body.startsWith('!') ? '^' + body.slice(1) : body}]`;
        i = end;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces) {
      braces--;
      re += ')';
    } else if (c === ',' && braces) re += '|';
    else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  while (braces-- > 0) re += ')';
  return new RegExp(`^${re}$`);
}

/** Paths matching a glob, sorted; `**` matches any number of folders. Hidden entries only when named. */
export function glob(pattern: string): string[] {
  const absolute = pattern.startsWith('/') || /^[A-Za-z]:\//.test(pattern);
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let base = absolute ? (segs[0] === '' ? '/' : segs[0] + '/') : '';
  let i = absolute ? 1 : 0;
  // The literal leading folders.
  while (i < segs.length - 1 && !GLOB.test(segs[i])) base += segs[i++] + '/';
  const out = new Set<string>();
  const match = (dir: string, k: number) => {
    if (k === segs.length) return;
    const seg = segs[k];
    const last = k === segs.length - 1;
    if (seg === '**') {
      match(dir, k + 1);
      for (const e of list(dir || '.')) {
        if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
        // A trailing ** matches everything below.
        if (last) out.add(`${dir}${e.name}`);
        if (e.isDirectory()) match(`${dir}${e.name}/`, k);
      }
      return;
    }
    if (!GLOB.test(seg)) {
      const p = `${dir}${seg}`;
      if (last) {
        if (kind(p)) out.add(p);
      } else if (kind(p) === 'dir') match(`${p}/`, k + 1);
      return;
    }
    const re = segmentRegex(seg);
    for (const e of list(dir || '.')) {
      if (e.name.startsWith('.') && !seg.startsWith('.')) continue;
      if (!re.test(e.name)) continue;
      const p = `${dir}${e.name}`;
      if (last) out.add(p);
      else if (e.isDirectory() || kind(p) === 'dir') match(`${p}/`, k + 1);
    }
  };
  match(base, i);
  return [...out].sort();
}
