/**
 * GBK/GB18030 files opened as UTF-8 (or Latin-1) show garbage and are "not a report". When a
 * file's text looks like that, offer to reopen it with GB18030 (a superset of GBK), in a
 * notification and in the status bar. VS Code ≥ 1.100 reopens with
 * `workspace.openTextDocument(uri, { encoding })`; older versions get VS Code's own
 * "Change File Encoding" picker (`workbench.action.editor.changeEncoding`, which takes no argument).
 */
import * as vscode from 'vscode';
import { detectMojibake } from './mojibake';
import { localeOf, say } from './locale';
import type { StatusBar } from './status';

const CHINESE_ENCODINGS = new Set(['gbk', 'gb18030', 'gb2312']);

/** Reopens a file with GB18030; true when the running VS Code could do it without asking. */
export async function reopenWithGb18030(uri: vscode.Uri): Promise<boolean> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open && 'encoding' in open) {
    // The encoding option of openTextDocument (finalised in VS Code 1.100; @types/vscode here is older).
    const openWith = vscode.workspace.openTextDocument as unknown as (u: vscode.Uri, o: { encoding: string }) => Thenable<vscode.TextDocument>;
    const doc = await openWith(uri, { encoding: 'gb18030' });
    await vscode.window.showTextDocument(doc);
    return true;
  }
  await vscode.window.showTextDocument(uri);
  await vscode.commands.executeCommand('workbench.action.editor.changeEncoding');
  return false;
}

export class EncodingWatch implements vscode.Disposable {
  private offered = new Set<string>();
  private disposables: vscode.Disposable[] = [];

  constructor(private status: StatusBar) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.check(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.check(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.status.hint(d.uri)?.kind === 'mojibake' && this.status.setHint(d.uri, undefined)),
    );
    vscode.workspace.textDocuments.forEach((d) => this.check(d));
  }

  private check(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== 'file') return;
    const encoding = (doc as { encoding?: string }).encoding;
    const garbled = !(encoding && CHINESE_ENCODINGS.has(encoding)) && !!detectMojibake(doc.getText());
    const had = this.status.hint(doc.uri)?.kind === 'mojibake';
    if (garbled) this.status.setHint(doc.uri, { kind: 'mojibake' });
    else if (had) this.status.setHint(doc.uri, undefined);
    if (garbled && !this.offered.has(doc.uri.toString())) {
      this.offered.add(doc.uri.toString());
      void this.offer(doc.uri);
    }
  }

  private async offer(uri: vscode.Uri): Promise<void> {
    const l = localeOf(uri);
    const action = say(l, '用 GB18030 重新打开', 'Reopen with GB18030');
    const name = uri.path.split('/').pop();
    const choice = await vscode.window.showWarningMessage(
      say(
        l,
        `nianbao：“${name}”像是 GBK/GB18030 编码的文件，却按 UTF-8 打开，显示为乱码，无法检查。用 GB18030 编码重新打开？`,
        `nianbao: "${name}" looks like a GBK/GB18030 file opened as UTF-8: it shows garbage and cannot be checked. Reopen it with GB18030?`,
      ),
      action,
    );
    if (choice === action) await reopenWithGb18030(uri);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
