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
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  type CodeAction,
  type DocumentSymbolParams,
  type FoldingRangeParams,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, fixAllEdits, resolveFixAll, type FixAllData } from './codeActions';
import { commandHandler, COMMANDS, STALE_FIX } from './commands';
import { stdioConnection } from './stdio';
import { Ignores } from './ignores';
import { IGNORE_FILE } from './io/ignoreFile';
import { pick, toDiagnostic, toRange } from './convert';
import { ruleDocUri } from './docs';
import { renderPreview } from './features/preview';
import { statusOf } from './features/status';
import { hover } from './features/hover';
import { extractRequest, isReadOnly } from './features/published';
import { recognize } from './features/recognize';
import { documentSymbols, foldingRanges } from './features/symbols';
import { DEFAULTS, resolveLocale, sanitize, type Settings } from './settings';
import { Workspace } from './workspace';
import { INDEX_BUDGET, ReportIndex, REPORT_GLOB } from './reportIndex';
import { codeActionObject, codeActionParams, commandParams, docParams, positionParams, uriParams } from './params';
import {
  CommandIds,
  commandOf,
  ExtractRequest,
  FIX_ALL_KIND,
  PreviewRequest,
  RecognizeRequest,
  StatusNotification,
  type ExtractParams,
  type PreviewParams,
  type PreviewResult,
  type RecognizeParams,
} from './protocol';

/** Set by the shutdown request: later requests are refused (InvalidRequest), as LSP asks. */
let shutdownRequested = false;

const connection = process.argv.includes('--stdio') ? stdioConnection(() => shutdownRequested) : createConnection(ProposedFeatures.all);
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
let showDocumentSupport = false;
let versionedEdits = false;
/** file: URIs already told that they are not local paths. */
const toldUri = new Set<string>();

/** A message for the user that needs no answer. */
function notify(kind: 'error' | 'warning' | 'info', message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: kind === 'error' ? MessageType.Error : kind === 'warning' ? MessageType.Warning : MessageType.Info, message });
}

/** A request handler that refuses after shutdown and checks its params first (InvalidParams otherwise). */
function handle<P, R>(check: (p: unknown) => void, fn: (p: P) => R): (p: unknown) => R {
  return (p: unknown) => {
    if (shutdownRequested) throw new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down');
    check(p);
    return fn(p as P);
  };
}

/** Re-checks the other open documents (their cross-year checks read this one). */
function revalidateOthers(except?: string): void {
  for (const d of documents.all()) if (d.uri !== except) schedule(d);
}

async function validate(uri: string, version: number): Promise<void> {
  // Let notifications already queued (a burst of edits) be handled first, so that a superseded
  // version is skipped below whatever the debounce.
  await new Promise((r) => setImmediate(r));
  const doc = documents.get(uri);
  if (!doc || doc.version !== version) return;
  const settings = await settingsFor(uri);
  const current = documents.get(uri);
  if (!current || current.version !== version) return; // stale: a newer change is scheduled
  const st = workspace.state(current, settings);
  const locale = resolveLocale(settings.locale, clientLocale, current.getText());
  // Related locations in another file: the open document, else the positions the index kept.
  const locate = (u: string, span: { start: number; end: number }) => {
    const d = documents.get(u);
    return d ? toRange(d, span) : index.locate(u, span);
  };
  const diagnostics = st.findings.map((f) => toDiagnostic(current, f, { locale, docUri: ruleDocUri, uri, locate }));
  for (const e of st.errors) connection.console.error(`nianbao: ${uri}: ${e}`);
  connection.sendDiagnostics({ uri, version, diagnostics });
  const bad = ignores.problem(uri);
  if (bad && !toldUri.has(uri)) {
    toldUri.add(uri);
    notify(
      'warning',
      locale === 'en'
        ? `nianbao: ${uri} cannot be mapped to a local file path (${bad}); it is checked as usual, but ignoring findings (.nianbao-ignore.json) does not work for it.`
        : `nianbao:${uri} 无法转换为本机文件路径(${bad});已照常检查,但“忽略此问题”所需的 .nianbao-ignore.json 对它不可用。`,
    );
  }
  if (st.othersChanged) revalidateOthers(uri);
  void connection.sendNotification(StatusNotification, statusOf(uri, st, locale));
}

function schedule(doc: TextDocument, immediate = false): void {
  if (shutdownRequested) return;
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
  showDocumentSupport = !!params.capabilities.window?.showDocument?.support;
  versionedEdits = !!params.capabilities.workspace?.workspaceEdit?.documentChanges;
  folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  ignores.folders = folders;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      executeCommandProvider: { commands: COMMANDS },
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
  index
    .scan(folders, () => shutdownRequested)
    .then(
      () => shutdownRequested || revalidateOthers(),
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
connection.onShutdown(() => void (shutdownRequested = true));

documents.onDidClose((e) => {
  clearTimeout(timers.get(e.document.uri));
  toldUri.delete(e.document.uri);
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
  return st.checked ? { doc, st, locale: resolveLocale(settings.locale, clientLocale, doc.getText()) } : undefined;
}

const actionContext = (c: NonNullable<Awaited<ReturnType<typeof checked>>>) => ({
  doc: c.doc,
  analysis: c.st.analysis,
  options: c.st.options,
  locale: c.locale,
  canIgnore: ignores.canWrite(c.doc.uri),
  lazy: lazyEdits,
});

connection.onCodeAction(
  handle(codeActionParams, async (params: Parameters<typeof codeActions>[1]) => {
    const c = await checked(params.textDocument.uri);
    // A read-only view of a published file gets no edits, only the rule documentation.
    if (c && isReadOnly(c.doc.uri)) return codeActions(actionContext(c), params).filter((a) => !a.edit && !a.data);
    if (c) return codeActions(actionContext(c), params);
    // An unchecked document can still carry a notice (too large): offer its documentation.
    return params.context.diagnostics
      .filter((d) => d.source === 'nianbao' && typeof d.code === 'string')
      .map((d) => ({ title: `nianbao: ${d.code}`, kind: 'quickfix', diagnostics: [d], command: commandOf('Show documentation', CommandIds.openRuleDoc, d.code as string) }));
  }),
);

connection.onCodeActionResolve(
  handle(codeActionObject, async (action: CodeAction) => {
    const uri = (action.data as FixAllData | undefined)?.fixAll?.uri;
    const c = typeof uri === 'string' ? await checked(uri) : undefined;
    if (!c) return action;
    const resolved = resolveFixAll(actionContext(c), action);
    if (!resolved) notify('warning', pick(STALE_FIX, c.locale));
    return resolved ?? action;
  }),
);

const executeCommand = commandHandler({
  doc: (uri) => documents.get(uri),
  analysis: async (uri) => (await checked(uri))?.st.analysis,
  fixAllEdits: async (uri) => {
    // A read-only view of a published file is never edited.
    const c = isReadOnly(uri) ? undefined : await checked(uri);
    return c && { doc: c.doc, edits: fixAllEdits(actionContext(c)) };
  },
  locale: async (uri) => resolveLocale((await settingsFor(uri)).locale, clientLocale, documents.get(uri)?.getText()),
  ignores,
  say: async (kind, text, action) => {
    if (!action) {
      notify(kind, text);
      return false;
    }
    const show = kind === 'error' ? 'showErrorMessage' : kind === 'warning' ? 'showWarningMessage' : 'showInformationMessage';
    const choice = await connection.window[show](text, { title: action }).catch(() => undefined);
    return choice?.title === action;
  },
  showDocument: (uri) => connection.window.showDocument({ uri, takeFocus: true }),
  canShowDocument: () => showDocumentSupport,
  applyEdit: (label, edit) => connection.workspace.applyEdit({ label, edit }),
  versionedEdits: () => versionedEdits,
  revalidate: () => revalidateOthers(),
});
connection.onExecuteCommand(handle(commandParams, executeCommand));

connection.onHover(
  handle(positionParams, async (p: HoverParams) => {
    const c = await checked(p.textDocument.uri);
    return c ? hover(c.doc, c.st.analysis, p.position, c.locale, c.st.options.others) : null;
  }),
);

connection.onDocumentSymbol(
  handle(docParams, async (p: DocumentSymbolParams) => {
    const c = await checked(p.textDocument.uri);
    return c ? documentSymbols(c.doc, c.st.analysis.model, c.locale) : [];
  }),
);

connection.onFoldingRanges(
  handle(docParams, async (p: FoldingRangeParams) => {
    const c = await checked(p.textDocument.uri);
    return c ? foldingRanges(c.doc, c.st.analysis.model) : [];
  }),
);

connection.onRequest(
  PreviewRequest,
  handle(uriParams, async (p: PreviewParams): Promise<PreviewResult | null> => {
    const c = await checked(p.uri);
    return c ? { uri: c.doc.uri, version: c.doc.version, html: renderPreview(c.st.analysis, c.locale), locale: c.locale } : null;
  }),
);

// Documents the server is not given (another language mode): is their text a report?
connection.onRequest(
  RecognizeRequest,
  handle(
    () => undefined, // recognize() takes anything and answers "not a report" for junk
    async (p: RecognizeParams) => recognize(p, typeof p?.uri === 'string' ? await settingsFor(p.uri) : DEFAULTS, clientLocale),
  ),
);

connection.onRequest(
  ExtractRequest,
  handle(uriParams, async (p: ExtractParams) => extractRequest(p, resolveLocale((await settingsFor(p.uri)).locale, clientLocale))),
);

documents.listen(connection);
connection.listen();
