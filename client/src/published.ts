/**
 * "Check with nianbao" for published reports (.pdf, .docx, .html/.htm): the language server reads
 * the file and returns its text view, shown here as a read-only gov-report document of the
 * `nianbao-published:` scheme (squiggles, hover, outline and the table preview come from the
 * server as for any report). "Save as editable text" writes it beside the source as a .txt draft.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExtractRequest, PUBLISHED_SCHEME as SCHEME } from '../../server/src/protocol';

const PUBLISHED = /\.(pdf|docx|html?|xhtml|shtml)$/i;

const zh = () => !vscode.env.language.toLowerCase().startsWith('en');
const t = (cn: string, en: string) => (zh() ? cn : en);

/** The read-only view of a source file, and back. The source's scheme rides in the query. */
const viewOf = (source: vscode.Uri) => source.with({ scheme: SCHEME, query: source.scheme });
const sourceOf = (view: vscode.Uri) => view.with({ scheme: view.query || 'file', query: '' });

export function registerPublished(context: vscode.ExtensionContext, client: LanguageClient): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const source = sourceOf(uri);
      await client.start().catch(() => undefined);
      const r = await client.sendRequest(ExtractRequest, { uri: source.toString() });
      if ('error' in r) {
        void vscode.window.showErrorMessage(`nianbao: ${vscode.workspace.asRelativePath(source)}: ${r.error}`);
        return t(`无法读取 ${source.fsPath}:${r.error}\n`, `Cannot read ${source.fsPath}: ${r.error}\n`);
      }
      for (const w of r.warnings) void vscode.window.showWarningMessage(`nianbao: ${w}`);
      return r.text;
    },
  };

  const open = async (arg?: vscode.Uri) => {
    let source = arg ?? vscode.window.activeTextEditor?.document.uri;
    if (source?.scheme === SCHEME) source = sourceOf(source);
    if (!source || !PUBLISHED.test(source.path)) {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { [t('已发布的报告', 'Published reports')]: ['pdf', 'docx', 'html', 'htm'] },
      });
      source = picked?.[0];
      if (!source) return;
    }
    const view = viewOf(source);
    changed.fire(view); // re-read when the command runs again on a changed file
    const doc = await vscode.workspace.openTextDocument(view);
    const report = doc.languageId === 'gov-report' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'gov-report');
    await vscode.window.showTextDocument(report, { preview: false });
  };

  const saveAsText = async (arg?: vscode.Uri) => {
    const view = arg?.scheme === SCHEME ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!view || view.scheme !== SCHEME) {
      void vscode.window.showInformationMessage(t('请先用“用 nianbao 检查”打开一份已发布的报告', 'Open a published report with "Check with nianbao" first'));
      return;
    }
    const doc = await vscode.workspace.openTextDocument(view);
    const source = sourceOf(view);
    const target = source.with({ path: source.path.replace(/\.[^./]+$/, '') + '.txt' });
    let exists = true;
    try {
      await vscode.workspace.fs.stat(target);
    } catch {
      exists = false;
    }
    if (exists) {
      const overwrite = t('覆盖', 'Overwrite');
      const answer = await vscode.window.showWarningMessage(t(`${target.fsPath} 已存在,是否覆盖?`, `${target.fsPath} exists. Overwrite it?`), { modal: true }, overwrite);
      if (answer !== overwrite) return;
    }
    await vscode.workspace.fs.writeFile(target, Buffer.from(doc.getText(), 'utf8'));
    const draft = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(draft.languageId === 'gov-report' ? draft : await vscode.languages.setTextDocumentLanguage(draft, 'gov-report'));
  };

  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    vscode.commands.registerCommand('nianbao.checkPublished', open),
    vscode.commands.registerCommand('nianbao.saveAsText', saveAsText),
  );
}
