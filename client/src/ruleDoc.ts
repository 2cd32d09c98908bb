/**
 * "查看规则说明": the rule's page (docs/rules/<id>.md, shipped in the extension) as a rendered,
 * read-only Markdown preview beside the editor, not the source file. The server's
 * `nianbao.openRuleDoc` (for other editors it opens the file) and the diagnostics' rule links
 * are routed here in VS Code.
 */
import * as vscode from 'vscode';
import { localeOf, say } from './locale';

export const SHOW_RULE_DOC = 'nianbao.showRuleDoc';

/** A `command:` link that opens a rule's page here (diagnostic code links). */
export function ruleDocLink(rule: string): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_RULE_DOC}?${encodeURIComponent(JSON.stringify([rule]))}`);
}

async function pickRule(dir: vscode.Uri): Promise<string | undefined> {
  const files = (await vscode.workspace.fs.readDirectory(dir)).map(([n]) => n).filter((n) => n.endsWith('.md') && n !== 'README.md');
  const items = await Promise.all(
    files.sort().map(async (n) => {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, n)));
      const summary = text.split('\n').find((l, i) => i > 0 && l.trim() && !l.startsWith('#'));
      return { label: n.slice(0, -3), detail: summary?.trim() };
    }),
  );
  const l = localeOf(vscode.window.activeTextEditor?.document.uri);
  return (await vscode.window.showQuickPick(items, { placeHolder: say(l, '选择要查看说明的规则', 'Pick a rule to read about'), matchOnDetail: true }))?.label;
}

export async function showRuleDoc(extensionUri: vscode.Uri, rule?: unknown): Promise<void> {
  const dir = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
  const id = typeof rule === 'string' ? rule : await pickRule(dir);
  if (!id) return;
  const l = localeOf(vscode.window.activeTextEditor?.document.uri);
  if (!/^[a-z0-9-]+$/.test(id)) return void vscode.window.showErrorMessage(say(l, `nianbao：没有名为“${id}”的规则`, `nianbao: no rule named "${id}"`));
  const page = vscode.Uri.joinPath(dir, `${id}.md`);
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    return void vscode.window.showErrorMessage(say(l, `nianbao：找不到规则说明 ${page.fsPath}`, `nianbao: the rule page ${page.fsPath} is missing`));
  }
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', page);
  } catch {
    // No Markdown preview (the built-in extension disabled): the page as text, in a preview tab.
    await vscode.window.showTextDocument(page, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }
}
