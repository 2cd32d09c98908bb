/** The server's view of `.nianbao-ignore.json` files: found per document, cached, written on request. */
import { dirname, join } from 'node:path';
import { localPath } from './io/files';
import { addIgnore, findIgnoreFile, ignoreFor, IGNORE_FILE, readIgnore, versionOf, within, type AddResult, type IgnoreData } from './io/ignoreFile';

export class Ignores {
  private cache = new Map<string, { key: string; data: IgnoreData }>();
  /** Bumped when an ignore file is written or changes on disk. */
  generation = 0;
  /** Workspace folders as normalised local paths (no trailing separator). */
  private roots: string[] = [];

  constructor(private onError: (msg: string) => void) {}

  set folders(uris: string[]) {
    this.roots = uris.map(localPath).flatMap((p) => (p && 'path' in p ? [p.path] : []));
  }

  private paths(uri: string): { report: string; root?: string } | undefined {
    const p = localPath(uri);
    if (!p || !('path' in p)) return undefined;
    const report = p.path;
    const root = this.roots.filter((r) => r !== report && within(report, r)).sort((a, b) => b.length - a.length)[0];
    return { report, root };
  }

  private data(path: string): IgnoreData {
    const key = versionOf(path);
    const hit = this.cache.get(path);
    if (hit && hit.key === key) return hit.data;
    const data = readIgnore(path, this.onError);
    this.cache.set(path, { key, data });
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

  /** For a file: URI that is not a local path, why (ignore files cannot work for it). */
  problem(uri: string): string | undefined {
    const p = localPath(uri);
    return p && 'error' in p ? p.error : undefined;
  }

  /**
   * Records an ignored finding (or a rule for the whole file when no fingerprint is given) in the
   * nearest ignore file (inside the workspace folder), else a new one at the folder's root (or
   * beside the report when it is in no folder). Nothing is written outside that folder.
   */
  async add(uri: string, rule: string, fingerprint?: string, note?: string): Promise<AddResult | undefined> {
    const p = this.paths(uri);
    if (!p) return undefined;
    const target = findIgnoreFile(p.report, p.root) ?? join(p.root ?? dirname(p.report), IGNORE_FILE);
    const r = await addIgnore(target, p.report, { rule, fingerprint, note }, { root: p.root ?? dirname(target) });
    this.changed();
    return r;
  }

  changed(): void {
    this.cache.clear();
    this.generation++;
  }
}
