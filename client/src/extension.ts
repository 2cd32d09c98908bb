/**
 * nianbao VS Code client: starts the bundled language server and adds editor commands.
 * No analysis happens here.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Preview } from './preview';
import { registerPublished, SCHEME as PUBLISHED_SCHEME } from './published';
import { StatusBar } from './status';

let client: LanguageClient | undefined;

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
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'gov-report' },
      { scheme: 'untitled', language: 'gov-report' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'plaintext' },
      { scheme: PUBLISHED_SCHEME },
    ],
    synchronize: { configurationSection: 'nianbao' },
  };
  client = new LanguageClient('nianbao', 'nianbao 年报校对', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('nianbao.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      // The version lets the server refuse to fix a text the user has changed since.
      if (editor && client) await vscode.commands.executeCommand('nianbao.applyFixAll', editor.document.uri.toString(), editor.document.version);
    }),
    vscode.commands.registerCommand('nianbao.showOutput', () => client?.outputChannel.show()),
  );
  registerPublished(context, client);
  const preview = new Preview(client);
  const status = new StatusBar(client);
  status.onDidChange((uri) => preview.refresh(uri));
  context.subscriptions.push(preview, status, vscode.commands.registerCommand('nianbao.showPreview', (uri?: vscode.Uri) => preview.show(uri)));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
