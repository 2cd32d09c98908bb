/**
 * The bundled language server (server/dist/server.js) driven over stdio: latency from didChange
 * to publishDiagnostics, and the server's resident memory after many edits.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/core';
import { SERVER_NODE_FLAGS } from '../../server/src/heap';
import { LspClient } from '../../test/helpers/lsp';
import { median, percentile } from './stats';

const URI = 'file:///bench/%E7%A4%BA%E4%BE%8B%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.txt';

/** One small edit and the edit that undoes it. */
interface Site {
  offset: number;
  doText: string;
  doLen: number;
  undoText: string;
  undoLen: number;
}

/**
 * Edit sites spread over the document: table-2 digits (turning a consistent cell into a wrong
 * one and back) and narrative positions (typing a character and deleting it).
 */
function sites(text: string, max: number): Site[] {
  const a = analyze(text);
  const out: Site[] = [];
  const cells = a.model.reports.flatMap((r) => r.t2?.rows.flatMap((row) => row.cells) ?? []);
  const narrative = a.model.reports.flatMap((r) => {
    const s = r.bySection[1];
    if (!s) return [];
    const i = text.indexOf('。', s.heading.end);
    return i > 0 && i < s.span.end ? [i] : [];
  });
  const step = Math.max(1, Math.floor(cells.length / max));
  for (let i = 0, j = 0; i < cells.length && out.length < max; i += step, j++) {
    const c = cells[i];
    const d = text[c.span.start];
    const to = d === '9' ? '8' : d === '\uFF19' ? '\uFF18' : String.fromCharCode(d.charCodeAt(0) + 1);
    out.push({ offset: c.span.start, doText: to, doLen: 1, undoText: d, undoLen: 1 });
    const n = narrative[j % Math.max(1, narrative.length)];
    if (n !== undefined) out.push({ offset: n, doText: '1', doLen: 0, undoText: '', undoLen: 1 });
  }
  return out;
}

class Editor {
  doc: TextDocument;
  constructor(
    readonly client: LspClient,
    text: string,
  ) {
    this.doc = TextDocument.create(URI, 'gov-report', 1, text);
  }

  /** Sends the i-th edit of the do/undo cycle over `plan`; returns the new version. */
  edit(plan: Site[], i: number): number {
    const site = plan[(i >> 1) % plan.length];
    const undo = i % 2 === 1;
    const range = { start: this.doc.positionAt(site.offset), end: this.doc.positionAt(site.offset + (undo ? site.undoLen : site.doLen)) };
    const text = undo ? site.undoText : site.doText;
    const version = this.doc.version + 1;
    this.doc = TextDocument.update(this.doc, [{ range, text }], version);
    void this.client.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version }, contentChanges: [{ range, text }] });
    return version;
  }
}

export interface LatencyResult {
  edits: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  diagnostics: number;
}

/** didChange → publishDiagnostics for `edits` small edits, one at a time, debounce 0. */
export async function lspLatency(text: string, edits: number): Promise<LatencyResult> {
  const client = new LspClient({ settings: { debounceMs: 0 } });
  try {
    await client.initialize();
    await client.open(URI, text);
    const first = await client.diagnostics(URI, (p) => p.version === 1, 60000);
    const ed = new Editor(client, text);
    const plan = sites(text, 50);
    // Warm-up: the server's JIT, like an editor session that has been typing for a while.
    for (let i = 0; i < 20; i++) {
      const v = ed.edit(plan, i);
      await client.diagnostics(URI, (p) => p.version === v, 60000);
    }
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      let got = 0;
      const t0 = performance.now();
      const v = ed.edit(plan, i);
      await client.diagnostics(URI, (p) => p.version === v && (got = performance.now()) > 0, 60000);
      times.push(got - t0);
    }
    return { edits, medianMs: median(times), p95Ms: percentile(times, 95), maxMs: Math.max(...times), diagnostics: first.diagnostics.length };
  } finally {
    await client.stop();
  }
}

/** VmRSS and VmHWM of a process in MB, from /proc (undefined elsewhere). */
export function memoryOf(pid: number): { rssMB: number; hwmMB: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rssMB: kb('VmRSS') / 1024, hwmMB: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

export interface MemoryResult {
  edits: number;
  bytes: number;
  /** After opening and the first analysis. */
  openRssMB: number;
  rssMB: number;
  hwmMB: number;
  analyses: number;
  seconds: number;
}

/**
 * Opens a ~1 MB document and applies `edits` small edits in bursts of `burst` (debounce 20 ms, so
 * a burst is analysed once, like typing), waiting for each burst's diagnostics; then reads the
 * server's resident memory after a short pause. The server runs with the Node flags the
 * extension starts it with, unless others are given.
 */
export async function serverMemory(text: string, edits: number, execArgv: string[] = SERVER_NODE_FLAGS, burst = 10): Promise<MemoryResult> {
  const client = new LspClient({ settings: { debounceMs: 20 }, execArgv });
  const t0 = performance.now();
  try {
    await client.initialize();
    await client.open(URI, text);
    await client.diagnostics(URI, (p) => p.version === 1, 120000);
    const openRss = memoryOf(client.proc.pid!);
    const ed = new Editor(client, text);
    const plan = sites(text, 400);
    let analyses = 0;
    for (let i = 0; i < edits;) {
      let v = 0;
      for (let b = 0; b < burst && i < edits; b++, i++) v = ed.edit(plan, i);
      await client.diagnostics(URI, (p) => p.version === v, 120000);
      analyses++;
    }
    await new Promise((r) => setTimeout(r, 500));
    const mem = memoryOf(client.proc.pid!);
    return {
      edits,
      bytes: Buffer.byteLength(text),
      openRssMB: openRss?.rssMB ?? NaN,
      rssMB: mem?.rssMB ?? NaN,
      hwmMB: mem?.hwmMB ?? NaN,
      analyses,
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    await client.stop();
  }
}
