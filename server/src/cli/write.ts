/**
 * `check --fix`: writing the fixed text back, the backup, and the list of what changed.
 * writeReport is the one place the CLI writes a report.
 */
import { constants, copyFileSync, existsSync } from 'node:fs';
import { writeIfUnchanged, type ReadSnapshot, type WriteResult } from '../io/safeWrite';

/** Atomic (temp file and rename), keeping mode, link and BOM; nothing is written when the file changed since `before`. */
export function writeReport(path: string, text: string, before: ReadSnapshot): WriteResult {
  return writeIfUnchanged(path, text, before);
}

/** Copies the file as it is to the first free name of FILE.bak, FILE.bak.1, …; returns that name. */
export function backup(path: string): string {
  for (let n = 0; ; n++) {
    const to = n ? `${path}.bak.${n}` : `${path}.bak`;
    if (existsSync(to)) continue;
    try {
      copyFileSync(path, to, constants.COPYFILE_EXCL);
      return to;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

export interface Change {
  /** 1-based line in the fixed file. */
  line: number;
  old: string;
  new: string;
}

const NUMBER = /([0-9\uFF10-\uFF19][0-9\uFF10-\uFF19.,\uFF0E\uFF0C]*%?)/;
const lines = (s: string) => s.split(/\r\n|\r|\n/);

/**
 * What fix-all changed, number by number: lines are compared in order (fixes replace numbers and
 * never add or remove a line); on a changed line, each differing number is one change. A line
 * whose other text changed too is one change of its differing middle.
 */
export function changes(before: string, after: string): Change[] {
  if (before === after) return [];
  const a = lines(before);
  const b = lines(after);
  if (a.length !== b.length) return [middle(before, after, 1)];
  const out: Change[] = [];
  a.forEach((la, i) => {
    const lb = b[i];
    if (la === lb) return;
    const ta = la.split(NUMBER);
    const tb = lb.split(NUMBER);
    if (ta.length === tb.length && ta.every((t, k) => k % 2 === 1 || t === tb[k])) {
      for (let k = 1; k < ta.length; k += 2) if (ta[k] !== tb[k]) out.push({ line: i + 1, old: ta[k], new: tb[k] });
    } else out.push(middle(la, lb, i + 1));
  });
  return out;
}

function middle(a: string, b: string, line: number): Change {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const lineOf = (x: string) => x.slice(0, p).split(/\r\n|\r|\n/).length - 1;
  return { line: line + lineOf(a), old: a.slice(p, a.length - s), new: b.slice(p, b.length - s) };
}
