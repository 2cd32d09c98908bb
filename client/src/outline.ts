/**
 * The outline follows nianbao.locale: VS Code asks for document symbols again only when the
 * document or the set of symbol providers changes, so after a locale change a provider that adds
 * nothing is registered (and removed a moment later) to make it ask the server again.
 */
import * as vscode from 'vscode';

const SELECTOR: vscode.DocumentSelector = [{ language: 'gov-report' }, { language: 'plaintext' }];

export function refreshOutlineOnLocaleChange(): vscode.Disposable {
  let nudge: vscode.Disposable | undefined;
  const timers: NodeJS.Timeout[] = [];
  const sub = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration('nianbao.locale')) return;
    // After the language client has told the server about the new setting.
    timers.push(
      setTimeout(() => {
        nudge?.dispose();
        nudge = vscode.languages.registerDocumentSymbolProvider(SELECTOR, { provideDocumentSymbols: () => [] });
        timers.push(setTimeout(() => (nudge?.dispose(), (nudge = undefined)), 1500));
      }, 500),
    );
  });
  return { dispose: () => (sub.dispose(), nudge?.dispose(), timers.forEach(clearTimeout)) };
}
