/**
 * Says what fix-all changed ("已修正 4 处：第 54 行 116 → 118；…"): after the `nianbao.fixAll`
 * command (the text before and after), and after `source.fixAll.nianbao` code actions — on save,
 * too — when the client can tell that the edit it resolved is the one that was applied (the next
 * change of the document produces exactly the text the edit would).
 */
import * as vscode from 'vscode';
import { FIX_ALL_KIND } from '../../server/src/protocol';
import { describeChanges, numberChanges } from './fixSummary';
import { localeOf } from './locale';

interface Pending {
  version: number;
  before: string;
  after: string;
  timer: NodeJS.Timeout;
}

function applyEdits(doc: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
  const text = doc.getText();
  const sorted = edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export class FixReporter implements vscode.Disposable {
  private pending = new Map<string, Pending>();
  private disposable = vscode.workspace.onDidChangeTextDocument((e) => this.changed(e));

  /** Tells the user what changed between two texts of a document. */
  report(uri: vscode.Uri, before: string, after: string): void {
    void vscode.window.showInformationMessage(describeChanges(numberChanges(before, after), localeOf(uri)));
  }

  /** A fix-all code action was resolved: report it if its edit is applied next. */
  expect(action: vscode.CodeAction): void {
    if (!action.kind || action.kind.value !== FIX_ALL_KIND || !action.edit) return;
    for (const [uri, edits] of action.edit.entries()) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!doc || !edits.length) continue;
      this.clear(uri.toString());
      const timer = setTimeout(() => this.clear(uri.toString()), 30_000);
      this.pending.set(uri.toString(), { version: doc.version, before: doc.getText(), after: applyEdits(doc, edits), timer });
    }
  }

  /** Forgets an expectation (the command reports by itself). */
  clear(uri: string): void {
    const p = this.pending.get(uri);
    if (p) clearTimeout(p.timer);
    this.pending.delete(uri);
  }

  private changed(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const p = this.pending.get(key);
    if (!p || !e.contentChanges.length || e.document.version <= p.version) return;
    this.clear(key); // the next change decides
    if (e.document.getText() === p.after) this.report(e.document.uri, p.before, p.after);
  }

  dispose(): void {
    this.pending.forEach((p) => clearTimeout(p.timer));
    this.disposable.dispose();
  }
}
