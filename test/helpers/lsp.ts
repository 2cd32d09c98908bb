/** A small LSP client over stdio for protocol tests, built on vscode-languageserver-protocol. */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  ConfigurationRequest,
  ShowDocumentRequest,
  ApplyWorkspaceEditRequest,
  ShowMessageNotification,
  MessageType,
  LogMessageNotification,
  ShowMessageRequest,
  type MessageActionItem,
  type ShowMessageRequestParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeParams,
  type ShowDocumentParams,
  type ApplyWorkspaceEditParams,
} from 'vscode-languageserver-protocol/node';
import { SERVER } from './paths';

export interface StartOptions {
  settings?: Record<string, unknown>;
  locale?: string;
  initializationOptions?: unknown;
  /** Node flags for the server process (e.g. the heap limits the extension starts it with). */
  execArgv?: string[];
}

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  private latest = new Map<string, PublishDiagnosticsParams>();
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  private waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly shown: ShowDocumentParams[] = [];
  readonly applied: ApplyWorkspaceEditParams[] = [];
  /** window/showMessage notifications and window/showMessageRequest requests, in order. */
  readonly messages: ShowMessageRequestParams[] = [];
  /** window/logMessage texts. */
  readonly logs: string[] = [];
  /**
   * How window/showMessageRequest is answered. Default: the first action of an error or warning, as
   * a user clicking it; an information ("ignored", with Undo) is left alone.
   */
  answerMessage: (p: ShowMessageRequestParams) => MessageActionItem | null | Promise<MessageActionItem | null> = (p) => (p.type === MessageType.Info ? null : (p.actions?.[0] ?? null));
  private versions = new Map<string, number>();
  stderr = '';

  constructor(private opts: StartOptions = {}) {
    this.proc = spawn(process.execPath, [...(opts.execArgv ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.latest.set(p.uri, p);
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && w.pred(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.conn.onRequest(ConfigurationRequest.type, (p) => p.items.map((it) => (it.section === 'nianbao' ? (this.opts.settings ?? {}) : null)));
    this.conn.onRequest(ShowDocumentRequest.type, (p) => {
      this.shown.push(p);
      return { success: true };
    });
    this.conn.onNotification(ShowMessageNotification.type, (p) => void this.messages.push(p));
    this.conn.onNotification(LogMessageNotification.type, (p) => void this.logs.push(p.message));
    this.conn.onRequest(ShowMessageRequest.type, (p) => {
      this.messages.push(p);
      return this.answerMessage(p);
    });
    this.conn.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      this.applied.push(p);
      return { applied: true };
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.listen();
  }

  async initialize(extra: Partial<InitializeParams> = {}) {
    const result = await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      locale: this.opts.locale,
      initializationOptions: this.opts.initializationOptions,
      capabilities: {
        workspace: { configuration: true, applyEdit: true },
        window: { showDocument: { support: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true, versionSupport: true },
          codeAction: { dataSupport: true, isPreferredSupport: true },
        },
      },
      workspaceFolders: null,
      ...extra,
    } as InitializeParams);
    await this.conn.sendNotification(InitializedNotification.type, {});
    return result;
  }

  open(uri: string, text: string, languageId = 'gov-report') {
    this.versions.set(uri, 1);
    return this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, text: string) {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    return this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string) {
    return this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  version(uri: string) {
    return this.versions.get(uri) ?? 0;
  }

  /** Resolves with the first diagnostics for `uri` (already received or coming) that satisfy `pred`. */
  diagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    const have = this.latest.get(uri);
    if (have && pred(have)) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, pred, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** Resolves when `pred` holds (polled), or rejects after `timeoutMs` saying what was awaited. */
  async until(what: string, pred: () => boolean, timeoutMs = 10000): Promise<void> {
    for (const end = Date.now() + timeoutMs; !pred();) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Stops the server politely, or kills it after 3 s when it no longer answers (some tests hang it on purpose). */
  async stop() {
    const exited = new Promise<void>((r) => (this.proc.exitCode !== null || this.proc.signalCode !== null ? r() : this.proc.once('exit', () => r())));
    const killer = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    void (async () => {
      try {
        await this.conn.sendRequest(ShutdownRequest.type);
        await this.conn.sendNotification(ExitNotification.type);
      } catch {
        /* already gone */
      }
    })();
    await exited;
    clearTimeout(killer);
    this.conn.dispose();
  }
}

/** Applies LSP text edits (ranges in UTF-16 line/character) to a string. */
export function applyTextEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  const off = (p: { line: number; character: number }) => starts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  for (const e of sorted) text = text.slice(0, off(e.range.start)) + e.newText + text.slice(off(e.range.end));
  return text;
}
