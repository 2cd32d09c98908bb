/**
 * The other reports of the workspace, for the cross-year checks: report files found on disk
 * (scanned once, then kept current by file-watch events) and the open documents (their
 * unsaved text wins). Only files with a dated title are kept.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseReport, type Model, type OtherReport } from './core';
import { localPath, readReport } from './io/files';

/** File names the extension contributes to the gov-report language. */
export const REPORT_FILE = /(年度报告|年报).*\.(txt|md)$/;
export const REPORT_GLOB = '**/*{年度报告,年报}*.{txt,md}';
const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist']);
const MAX_FILES = 2000;

interface Entry {
  /** The signature() of the model. */
  key: string;
  text: string;
  model: Model;
}

function dated(model: Model): boolean {
  return model.reports.some((r) => !r.duplicate && !!r.title?.year);
}

/** What other reports' cross-year checks read of a report: its title and the carried figures. */
export function signature(model: Model): string {
  const cells = (cs: { raw: string }[] | undefined) => cs?.map((c) => c.raw).join(',');
  return JSON.stringify(
    model.reports
      .filter((r) => !r.duplicate && r.title?.year)
      .map((r) => [r.title!.body, r.title!.year!.value, cells(r.t1?.rows.rules?.cells), cells(r.t1?.rows.normative?.cells), cells(r.t2?.byId.carried?.cells), cells(r.t2?.byId.next?.cells)]),
  );
}

export class ReportIndex {
  private disk = new Map<string, Entry>();
  private open = new Map<string, Entry>();
  /** Bumped whenever the set of other reports changes; analyses depend on it. */
  generation = 0;

  /** Scans folders for report files (bounded: depth, count and size). */
  scan(folderUris: string[]): void {
    let seen = 0;
    const walk = (dir: string, depth: number) => {
      if (depth > 6 || seen >= MAX_FILES) return;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (seen >= MAX_FILES) return;
        const p = join(dir, e.name);
        if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, depth + 1);
        else if (e.isFile() && REPORT_FILE.test(e.name)) {
          seen++;
          this.load(pathToFileURL(p).toString(), false);
        }
      }
    };
    for (const uri of folderUris) {
      const p = localPath(uri);
      if (p && 'path' in p) walk(p.path, 0);
    }
    this.generation++;
  }

  /** Re-reads one file from disk (created or changed): only a regular file, only up to the size bound. */
  load(uri: string, bump = true): void {
    const p = localPath(uri);
    if (!p || !('path' in p)) return void this.remove(uri, bump);
    const r = readReport(p.path);
    const model = r.ok ? parseReport(r.text).model : undefined;
    if (r.ok && model && dated(model)) this.disk.set(uri, { key: signature(model), text: r.text, model });
    else this.disk.delete(uri);
    if (bump) this.generation++;
  }

  remove(uri: string, bump = true): void {
    if (this.disk.delete(uri) && bump) this.generation++;
  }

  /** Records an open document; returns whether what other reports read of it changed. */
  setOpen(uri: string, text: string, model: Model): boolean {
    const old = this.open.get(uri);
    const key = signature(model);
    if (dated(model)) this.open.set(uri, { key, text, model });
    else this.open.delete(uri);
    const changed = (old?.key ?? '[]') !== key && (!!old || this.open.has(uri));
    if (changed) this.generation++;
    return changed;
  }

  closeDocument(uri: string): void {
    if (this.open.delete(uri)) this.generation++;
  }

  /** All reports except `self`; an open document replaces its file on disk. */
  others(self: string): OtherReport[] {
    const out: OtherReport[] = [];
    for (const [uri, e] of this.open) if (uri !== self) out.push({ uri, text: e.text, model: e.model });
    for (const [uri, e] of this.disk) if (uri !== self && !this.open.has(uri)) out.push({ uri, text: e.text, model: e.model });
    return out;
  }
}
