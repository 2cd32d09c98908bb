/**
 * nianbao VS Code client: starts the bundled language server and adds editor commands.
 * No analysis happens here.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type Middleware, type ServerOptions } from 'vscode-languageclient/node';
import { CommandIds, PUBLISHED_SCHEME, type CommandArguments } from '../../server/src/protocol';
import { ReportDetector } from './detect';
import { EncodingWatch, reopenWithGb18030 } from './encoding';
import { FixReporter } from './fixReport';
import { localeOf, say } from './locale';
import { Preview } from './preview';
import { refreshOutlineOnLocaleChange } from './outline';
import { registerPublished } from './published';
import { ruleDocLink, showRuleDoc, SHOW_RULE_DOC } from './ruleDoc';
import { CHECK_AS_REPORT, REOPEN_GB18030, StatusBar } from './status';

let client: LanguageClient | undefined;

/** VS Code-only presentation of what the server sends (other editors get it unchanged). */
function middleware(extensionUri: vscode.Uri, fixes: FixReporter): Middleware {
  return {
    // The rule link opens the rendered page; related cells of this file are in our hover (short
    // names, links) and in the preview, so that VS Code's diagnostic hover stays short: the
    // message (the arithmetic) first, not a dozen "file name(line, col)" lines.
    handleDiagnostics: (uri, diagnostics, next) => {
      for (const d of diagnostics) {
        if (d.source !== 'nianbao') continue;
        const rule = typeof d.code === 'object' ? String(d.code.value) : typeof d.code === 'string' ? d.code : undefined;
        if (rule) d.code = { value: rule, target: ruleDocLink(rule) };
        if (d.relatedInformation) d.relatedInformation = d.relatedInformation.filter((r) => r.location.uri.toString() !== uri.toString());
      }
      next(uri, diagnostics);
    },
    executeCommand: (command, args, next) => (command === CommandIds.openRuleDoc ? showRuleDoc(extensionUri, args[0]) : next(command, args)),
    provideCodeActions: async (doc, range, context, token, next) => {
      const actions = await next(doc, range, context, token);
      for (const a of actions ?? []) if (a instanceof vscode.CodeAction) fixes.expect(a);
      return actions;
    },
    resolveCodeAction: async (item, token, next) => {
      const a = await next(item, token);
      if (a) fixes.expect(a);
      return a;
    },
  };
}

/**
 * Node flags for the language server: small V8 heaps keep it near 100 MB instead of 160–180 MB
 * while a document of the largest checked size (5 MB) still analyses. Same as SERVER_NODE_FLAGS in
 * server/src/heap.ts (test/lsp/heap.test.ts checks that they agree and that 5 MB fits).
 */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=1', '--max-old-space-size=256'];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('server', 'dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6010'] } },
  };
  const fixes = new FixReporter();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'gov-report' },
      { scheme: 'untitled', language: 'gov-report' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'plaintext' },
      { scheme: PUBLISHED_SCHEME },
    ],
    synchronize: { configurationSection: 'nianbao' },
    middleware: middleware(context.extensionUri, fixes),
  };
  client = new LanguageClient('nianbao', 'nianbao 年报校对', serverOptions, clientOptions);
  const lc = client;

  registerPublished(context, lc);
  const preview = new Preview(lc);
  const status = new StatusBar(lc);
  const detector = new ReportDetector(lc, status);
  status.onDidChange((uri) => preview.refresh(uri));
  context.subscriptions.push(
    fixes,
    preview,
    status,
    detector,
    new EncodingWatch(status),
    refreshOutlineOnLocaleChange(),
    vscode.commands.registerCommand('nianbao.showPreview', (uri?: vscode.Uri) => preview.show(uri)),
    vscode.commands.registerCommand('nianbao.fixAll', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc) return;
      fixes.clear(doc.uri.toString());
      const before = doc.getText();
      // The version lets the server refuse to fix a text the user has changed since.
      const args: CommandArguments[typeof CommandIds.applyFixAll] = [lc.code2ProtocolConverter.asUri(doc.uri), doc.version];
      await vscode.commands.executeCommand(CommandIds.applyFixAll, ...args);
      fixes.report(doc.uri, before, doc.getText());
    }),
    vscode.commands.registerCommand(CHECK_AS_REPORT, async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (doc) await detector.switchLanguage(doc, false);
    }),
    vscode.commands.registerCommand(REOPEN_GB18030, async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (target?.scheme === 'file') await reopenWithGb18030(target);
      else void vscode.window.showInformationMessage(say(localeOf(target), 'nianbao：只有磁盘上的文件可以换编码重新打开。', 'nianbao: only files on disk can be reopened with another encoding.'));
    }),
    vscode.commands.registerCommand(SHOW_RULE_DOC, (rule?: string) => showRuleDoc(context.extensionUri, rule)),
    vscode.commands.registerCommand('nianbao.showOutput', () => lc.outputChannel.show()),
    vscode.workspace.onDidCloseTextDocument((d) => status.forget(d.uri)),
  );
  await lc.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
