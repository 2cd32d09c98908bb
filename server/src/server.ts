/**
 * nianbao language server: LSP wiring only. Runs over IPC (VS Code) or `--stdio` (any editor).
 * Analysis lives in ./core; conversion to LSP shapes in ./convert.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, fixAllEdits, resolveFixAll, CMD_IGNORE, CMD_IGNORE_RULE, CMD_OPEN_DOC, FIX_ALL_KIND, type FixAllData } from './codeActions';
import { Ignores } from './ignores';
import { IGNORE_FILE } from './io/ignoreFile';
import { toDiagnostic, toRange } from './convert';
import { ruleDocUri } from './docs';
import { PREVIEW_REQUEST, renderPreview, type PreviewParams, type PreviewResult } from './features/preview';
import { STATUS_NOTIFICATION, statusOf } from './features/status';
import { hover } from './features/hover';
import { documentSymbols, foldingRanges } from './features/symbols';
import { DEFAULTS, resolveLocale, sanitize, type Settings } from './settings';
import { Workspace } from './workspace';
import { INDEX_BUDGET, ReportIndex, REPORT_GLOB } from './reportIndex';

const CMD_FIX_ALL = 'nianbao.applyFixAll';

/**
 * Over --stdio the message reader is made here so that its errors are seen: after a header without
 * a usable Content-Length the JSON-RPC reader cannot find the next message again, and the server
 * would sit deaf forever; it exits instead (code 1), so the client can restart it. The library only
 * wires end-of-input and console redirection for the streams it opens itself, so both are done here.
 */
function stdioConnection() {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((e) => {
    if (!/Content-Length/i.test(e.message)) return; // a bad body: the next message is still found
    process.stderr.write(`nianbao: unreadable message header, exiting: ${e.message}\n`);
    process.exit(1);
  });
  let shutdown = false;
  reader.onClose(() => process.exit(shutdown ? 0 : 1));
  console.log = console.info = console.debug = console.error; // stdout carries the protocol
  const c = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  c.onShutdown(() => void (shutdown = true));
  return c;
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let clientLocale: string | undefined;
let configPull = false;

const settingsCache = new Map<string, Promise<Settings>>();
function settingsFor(uri: string): Promise<Settings> {
  if (!configPull) return Promise.resolve(DEFAULTS);
  let s = settingsCache.get(uri);
  if (!s) {
    s = connection.workspace.getConfiguration({ scopeUri: uri, section: 'nianbao' }).then(sanitize, () => DEFAULTS);
    settingsCache.set(uri, s);
  }
  return s;
}

const index = new ReportIndex(INDEX_BUDGET, (m) => connection.console.info(m));
const ignores = new Ignores((msg) => connection.console.error(`nianbao: ignore file ${msg}`));
const workspace = new Workspace(index, ignores);
const timers = new Map<string, NodeJS.Timeout>();
let folders: string[] = [];
let watchFiles = false;
let lazyEdits = false;

/** Re-checks the other open documents (their cross-year checks read this one). */
function revalidateOthers(except?: string): void {
  for (const d of documents.all()) if (d.uri !== except) schedule(d);
}

async function validate(uri: string, version: number): Promise<void> {
  const doc = documents.get(uri);
  if (!doc || doc.version !== version) return;
  const settings = await settingsFor(uri);
  const current = documents.get(uri);
  if (!current || current.version !== version) return; // stale: a newer change is scheduled
  const st = workspace.state(current, settings);
  const locale = resolveLocale(settings.locale, clientLocale);
  // Related locations in another file: the open document, else the positions the index kept.
  const locate = (u: string, span: { start: number; end: number }) => {
    const d = documents.get(u);
    return d ? toRange(d, span) : index.locate(u, span);
  };
  const diagnostics = st.findings.map((f) => toDiagnostic(current, f, { locale, docUri: ruleDocUri, uri, locate }));
  for (const e of st.errors) connection.console.error(`nianbao: ${uri}: ${e}`);
  connection.sendDiagnostics({ uri, version, diagnostics });
  if (st.othersChanged) revalidateOthers(uri);
  void connection.sendNotification(STATUS_NOTIFICATION, statusOf(uri, st, locale));
}

function schedule(doc: TextDocument, immediate = false): void {
  const uri = doc.uri;
  clearTimeout(timers.get(uri));
  void settingsFor(uri).then((s) => {
    clearTimeout(timers.get(uri));
    const run = () => {
      timers.delete(uri);
      validate(uri, doc.version).catch((e) => connection.console.error(`nianbao: validate failed: ${String(e)}`));
    };
    if (immediate || s.debounceMs === 0) run();
    else timers.set(uri, setTimeout(run, s.debounceMs));
  });
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  clientLocale = params.locale;
  configPull = !!params.capabilities.workspace?.configuration;
  watchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  lazyEdits = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
  folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  ignores.folders = folders;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      executeCommandProvider: { commands: [CMD_FIX_ALL, CMD_OPEN_DOC, CMD_IGNORE, CMD_IGNORE_RULE] },
      hoverProvider: true,
      documentSymbolProvider: { label: 'nianbao' },
      foldingRangeProvider: true,
    },
    serverInfo: { name: 'nianbao' },
  };
});

connection.onInitialized(() => {
  if (configPull) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' });
  if (watchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: REPORT_GLOB }, { globPattern: `**/${IGNORE_FILE}` }] });
  }
  // Other reports of the workspace, for the cross-year checks: read file by file, requests in between.
  index.scan(folders).then(
    () => revalidateOthers(),
    (e) => connection.console.error(`nianbao: scanning the workspace failed: ${String(e)}`),
  );
});

connection.onDidChangeWatchedFiles((p) => {
  const before = workspace.generation();
  for (const c of p.changes) {
    if (c.uri.endsWith(`/${IGNORE_FILE}`)) ignores.changed();
    else if (c.type === FileChangeType.Deleted) index.remove(c.uri);
    else index.load(c.uri);
  }
  if (workspace.generation() !== before) revalidateOthers();
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  workspace.clear();
  documents.all().forEach((d) => schedule(d, true));
});

documents.onDidOpen((e) => schedule(e.document, true));
documents.onDidChangeContent((e) => schedule(e.document));
documents.onDidClose((e) => {
  clearTimeout(timers.get(e.document.uri));
  timers.delete(e.document.uri);
  settingsCache.delete(e.document.uri);
  workspace.forget(e.document.uri);
  connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

/** The analysis of an open, checked document, with the message locale; undefined otherwise. */
async function checked(uri: string) {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  const settings = await settingsFor(uri);
  const st = workspace.state(doc, settings);
  return st.checked ? { doc, st, locale: resolveLocale(settings.locale, clientLocale) } : undefined;
}

const actionContext = (c: NonNullable<Awaited<ReturnType<typeof checked>>>) => ({
  doc: c.doc,
  analysis: c.st.analysis,
  options: c.st.options,
  locale: c.locale,
  canIgnore: ignores.canWrite(c.doc.uri),
  lazy: lazyEdits,
});

connection.onCodeAction(async (params) => {
  const c = await checked(params.textDocument.uri);
  if (c) return codeActions(actionContext(c), params);
  // An unchecked document can still carry a notice (too large): offer its documentation.
  return params.context.diagnostics
    .filter((d) => d.source === 'nianbao' && typeof d.code === 'string')
    .map((d) => ({ title: `nianbao: ${d.code}`, kind: 'quickfix', diagnostics: [d], command: { title: 'Show documentation', command: CMD_OPEN_DOC, arguments: [d.code] } }));
});

connection.onCodeActionResolve(async (action) => {
  const uri = (action.data as FixAllData | undefined)?.fixAll?.uri;
  const c = uri ? await checked(uri) : undefined;
  return c ? resolveFixAll(actionContext(c), action) : action;
});

connection.onExecuteCommand(async (params) => {
  const arg = params.arguments?.[0];
  if (typeof arg !== 'string') return;
  if (params.command === CMD_OPEN_DOC) {
    await connection.window.showDocument({ uri: ruleDocUri(arg), takeFocus: true });
  } else if (params.command === CMD_IGNORE || params.command === CMD_IGNORE_RULE) {
    const [, rule, fingerprint, note] = params.arguments ?? [];
    if (typeof rule !== 'string') return;
    try {
      ignores.add(arg, rule, params.command === CMD_IGNORE && typeof fingerprint === 'string' ? fingerprint : undefined, typeof note === 'string' ? note : undefined);
    } catch (e) {
      void connection.window.showErrorMessage(`nianbao: ${(e as Error).message}`);
    }
    revalidateOthers();
  } else if (params.command === CMD_FIX_ALL) {
    const c = await checked(arg);
    const edits = c ? fixAllEdits(actionContext(c)) : [];
    if (edits.length) await connection.workspace.applyEdit({ label: 'nianbao: fix all', edit: { changes: { [arg]: edits } } });
  }
});

connection.onHover(async (p) => {
  const c = await checked(p.textDocument.uri);
  return c ? hover(c.doc, c.st.analysis, p.position, c.locale, c.st.options.others) : null;
});

connection.onDocumentSymbol(async (p) => {
  const c = await checked(p.textDocument.uri);
  return c ? documentSymbols(c.doc, c.st.analysis.model, c.locale) : [];
});

connection.onFoldingRanges(async (p) => {
  const c = await checked(p.textDocument.uri);
  return c ? foldingRanges(c.doc, c.st.analysis.model) : [];
});

connection.onRequest(PREVIEW_REQUEST, async (p: PreviewParams): Promise<PreviewResult | null> => {
  const c = await checked(p.uri);
  return c ? { uri: c.doc.uri, version: c.doc.version, html: renderPreview(c.st.analysis, c.locale) } : null;
});

documents.listen(connection);
connection.listen();
