/**
 * The other reports of the workspace, for the cross-year checks and the reuse figure: report
 * files found on disk (scanned once without blocking requests, then kept current by file-watch
 * events) and the open documents (their unsaved text wins). Only a compact summary of each is
 * kept — body, year, the carried cells, sentence hashes, and the positions of its spans — never
 * the text or the model, within a total budget.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { parseReport, summarize, summaryBytes, summaryKey, type Model, type OtherReport, type ReportSummary, type Span } from './core';
import { localPath, readReport } from './io/files';
import { spanKey, spotsOf } from './spots';

/** File names the extension contributes to the gov-report language. */
export const REPORT_FILE = /(年度报告|年报).*\.(txt|md)$/;
export const REPORT_GLOB = '**/*{年度报告,年报}*.{txt,md}';
const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist']);
const MAX_FILES = 2000;
/** What the summaries of files on disk may take together (estimated bytes). */
export const INDEX_BUDGET = 16 * 1024 * 1024;

interface Entry {
  /** summaryKey() of the reports: what other reports' results depend on. */
  key: string;
  reports: ReportSummary[];
  /** Positions of the summaries' spans (files on disk; open documents have their text). */
  spots?: Map<string, Range>;
  bytes: number;
}

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ReportIndex {
  private disk = new Map<string, Entry>();
  private open = new Map<string, Entry>();
  private diskBytes = 0;
  private overBudget = false;
  /** Bumped whenever the set of other reports changes; analyses depend on it. */
  generation = 0;

  constructor(
    private budget = INDEX_BUDGET,
    private log: (msg: string) => void = () => {},
    /** The core's reader (a parameter so that tests can make it fail). */
    private parse: (text: string) => { model: Model } = parseReport,
  ) {}

  /** Report files under the folders (bounded: depth and count), sorted by path. */
  static files(folderUris: string[]): string[] {
    const out: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (depth > 6 || out.length >= MAX_FILES) return;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (out.length >= MAX_FILES) return;
        const p = join(dir, e.name);
        if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, depth + 1);
        else if (e.isFile() && REPORT_FILE.test(e.name)) out.push(pathToFileURL(p).toString());
      }
    };
    for (const uri of folderUris) {
      const p = localPath(uri);
      if (p && 'path' in p) walk(p.path, 0);
    }
    return out;
  }

  /** Reads every report file of the folders, one at a time, letting requests in between (until `stop` says so). */
  async scan(folderUris: string[], stop: () => boolean = () => false): Promise<void> {
    for (const uri of ReportIndex.files(folderUris)) {
      await yieldToRequests();
      if (stop()) return;
      this.load(uri, false);
    }
    this.generation++;
  }

  /**
   * Re-reads one file from disk (created or changed): only a regular file, only up to the size
   * bound. A file the reader fails on is logged and left out; it never stops a scan.
   */
  load(uri: string, bump = true): void {
    const p = localPath(uri);
    if (!p || !('path' in p)) return void this.remove(uri, bump);
    const path = p.path;
    const r = readReport(path);
    let entry: Entry | undefined;
    try {
      entry = r.ok ? this.entryOf(this.parse(r.text).model, r.text) : undefined;
    } catch (e) {
      this.log(`nianbao: ${path} could not be read as a report (${e instanceof Error ? e.message : String(e)}); it is left out of the cross-year checks`);
    }
    const old = this.disk.get(uri);
    if (entry && this.diskBytes - (old?.bytes ?? 0) + entry.bytes <= this.budget) {
      this.disk.set(uri, entry);
      this.diskBytes += entry.bytes - (old?.bytes ?? 0);
    } else {
      if (entry && !this.overBudget) {
        this.overBudget = true;
        this.log(`nianbao: the workspace's report index is full (${Math.round(this.budget / 1048576)} MB); ${path} and later files are not used for cross-year checks`);
      }
      if (old) this.diskBytes -= old.bytes;
      this.disk.delete(uri);
    }
    if (bump) this.generation++;
  }

  private entryOf(model: Model, text?: string): Entry | undefined {
    const reports = summarize(model);
    if (!reports.length) return undefined;
    const spots = text === undefined ? undefined : new Map([...spotsOf(TextDocument.create('file:///', 'plaintext', 0, text), reports)].map(([k, s]) => [k, s.range]));
    return { key: summaryKey(reports), reports, spots, bytes: summaryBytes(reports) + (spots?.size ?? 0) * 100 };
  }

  remove(uri: string, bump = true): void {
    const old = this.disk.get(uri);
    if (!old) return;
    this.disk.delete(uri);
    this.diskBytes -= old.bytes;
    if (bump) this.generation++;
  }

  /** Records an open document; returns whether what other reports read of it changed. */
  setOpen(uri: string, model: Model): boolean {
    const old = this.open.get(uri);
    const entry = this.entryOf(model);
    if (entry) this.open.set(uri, entry);
    else this.open.delete(uri);
    const changed = (old?.key ?? '') !== (entry?.key ?? '');
    if (changed) this.generation++;
    return changed;
  }

  closeDocument(uri: string): void {
    if (this.open.delete(uri)) this.generation++;
  }

  /** All reports except `self`; an open document replaces its file on disk. */
  others(self: string): OtherReport[] {
    const out: OtherReport[] = [];
    for (const [uri, e] of this.open) if (uri !== self) out.push({ uri, reports: e.reports });
    for (const [uri, e] of this.disk) if (uri !== self && !this.open.has(uri)) out.push({ uri, reports: e.reports });
    return out;
  }

  /** Where a span of a file on disk is (related locations into files that are not open). */
  locate(uri: string, span: Span): Range | undefined {
    return this.disk.get(uri)?.spots?.get(spanKey(span));
  }

  /** Estimated bytes held for files on disk. */
  get bytes(): number {
    return this.diskBytes;
  }
}
