/** The server's view of `.nianbao-ignore.json` files: found per document, cached, written on request. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addIgnore, findIgnoreFile, ignoreFor, IGNORE_FILE, mtimeOf, readIgnore, removeIgnore, type IgnoreData } from './io/ignoreFile';

export class Ignores {
  private cache = new Map<string, { mtime: number; data: IgnoreData }>();
  /** Bumped when an ignore file is written or changes on disk. */
  generation = 0;
  folders: string[] = [];

  constructor(private onError: (msg: string) => void) {}

  private paths(uri: string): { report: string; root?: string } | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const report = fileURLToPath(uri);
    const root = this.folders
      .filter((f) => f.startsWith('file:'))
      .map((f) => fileURLToPath(f))
      .filter((f) => report.startsWith(f.endsWith('/') ? f : f + '/'))
      .sort((a, b) => b.length - a.length)[0];
    return { report, root };
  }

  private data(path: string): IgnoreData {
    const mtime = mtimeOf(path);
    const hit = this.cache.get(path);
    if (hit && hit.mtime === mtime) return hit.data;
    const data = readIgnore(path, this.onError);
    this.cache.set(path, { mtime, data });
    return data;
  }

  /** What to leave out for a document; undefined when nothing is ignored. */
  forDoc(uri: string) {
    const p = this.paths(uri);
    const file = p && findIgnoreFile(p.report, p.root);
    return file ? ignoreFor(file, this.data(file), p!.report) : undefined;
  }

  canWrite(uri: string): boolean {
    return !!this.paths(uri);
  }

  /** Records an ignored finding (or a rule for the whole file when no fingerprint is given). */
  add(uri: string, rule: string, fingerprint?: string, note?: string): string | undefined {
    const p = this.paths(uri);
    if (!p) return undefined;
    const target = findIgnoreFile(p.report, p.root) ?? join(p.root ?? dirname(p.report), IGNORE_FILE);
    addIgnore(target, p.report, { rule, fingerprint, note });
    this.cache.delete(target);
    this.generation++;
    return target;
  }

  /** Removes an entry recorded by add() (undo); false when there was none. */
  remove(uri: string, rule: string, fingerprint?: string): boolean {
    const p = this.paths(uri);
    const target = p && findIgnoreFile(p.report, p.root);
    if (!p || !target) return false;
    const done = removeIgnore(target, p.report, { rule, fingerprint });
    this.changed();
    return done;
  }

  changed(): void {
    this.cache.clear();
    this.generation++;
  }
}
