/**
 * The status bar item: whether the active document was recognised as a report and how many
 * problems it has, from the server's `nianbao/status` notification (sent after each validation).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isReportLanguage } from './preview';

/** Mirrors StatusParams in server/src/features/status.ts. */
interface StatusParams {
  uri: string;
  state: 'report' | 'not-report' | 'disabled' | 'too-large';
  errors: number;
  warnings: number;
  infos: number;
  locale?: 'zh' | 'en';
}
const STATUS_NOTIFICATION = 'nianbao/status';

const PROBLEMS = 'workbench.actions.view.problems';
const PREVIEW = 'nianbao.showPreview';

/** Text, tooltip and click of the item for one status, in English when `en`. */
export function presentStatus(p: StatusParams, en: boolean): { text: string; tooltip: string; command: string } {
  const say = (zh: string, english: string) => (en ? english : zh);
  const total = p.errors + p.warnings + p.infos;
  const counts = [
    p.errors ? `$(error) ${p.errors}` : '',
    p.warnings ? `$(warning) ${p.warnings}` : '',
    p.infos ? `$(info) ${p.infos}` : '',
  ].filter(Boolean);
  const command = total ? PROBLEMS : p.state === 'report' ? PREVIEW : PROBLEMS;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const problems = say(
    `${p.errors} 个错误,${p.warnings} 个警告,${p.infos} 条提示`,
    `${plural(p.errors, 'error')}, ${plural(p.warnings, 'warning')}, ${plural(p.infos, 'info')}`,
  );
  const click = total ? say('点击打开“问题”面板。', 'Click to open the Problems view.') : say('点击打开表格预览。', 'Click to open the table preview.');
  switch (p.state) {
    case 'report':
      return {
        text: `${counts.length ? counts.join(' ') : '$(check)'} ${say('年报', 'Report')}`,
        tooltip: say('已识别为政府信息公开工作年度报告:', 'Recognised as a government information-disclosure annual report: ') + problems + '\n' + click,
        command,
      };
    case 'not-report':
      return {
        text: `${counts.length ? counts.join(' ') : '$(circle-slash)'} ${say('非年报', 'Not a report')}`,
        tooltip: say('未识别为政府信息公开工作年度报告,', 'Not recognised as a government information-disclosure annual report; ') + (total ? problems : say('未做检查', 'not checked')),
        command,
      };
    case 'too-large':
      return {
        text: say('$(warning) 年报:文档过大,未检查', '$(warning) Report: too large, not checked'),
        tooltip: say('文档超过设置 nianbao.maxDocumentSize 的上限,未做检查。', 'The document exceeds the setting nianbao.maxDocumentSize, so it was not checked.'),
        command: PROBLEMS,
      };
    case 'disabled':
      return {
        text: say('$(circle-slash) 年报:未启用', '$(circle-slash) Report: off'),
        tooltip: say('此文件未检查(见设置 nianbao.enable 和 nianbao.plaintext)。', 'This file is not checked (see the settings nianbao.enable and nianbao.plaintext).'),
        command: PROBLEMS,
      };
  }
}

export class StatusBar implements vscode.Disposable {
  private item = vscode.window.createStatusBarItem('nianbao.status', vscode.StatusBarAlignment.Right, 100);
  private byUri = new Map<string, StatusParams>();
  private changed = new vscode.EventEmitter<string>();
  private disposables: vscode.Disposable[] = [];
  /** Fires with the document URI after each status (that is, after each validation). */
  readonly onDidChange = this.changed.event;

  constructor(client: LanguageClient) {
    this.item.name = 'nianbao';
    this.disposables.push(
      client.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => {
        const uri = client.protocol2CodeConverter.asUri(p.uri).toString();
        this.byUri.set(uri, p);
        this.update();
        this.changed.fire(uri);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString())),
    );
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const p = doc && isReportLanguage(doc) ? this.byUri.get(doc.uri.toString()) : undefined;
    if (!p) {
      this.item.hide();
      return;
    }
    // The server's language (the nianbao.locale setting wins over VS Code's display language).
    const d = presentStatus(p, p.locale ? p.locale === 'en' : vscode.env.language.startsWith('en'));
    this.item.text = d.text;
    this.item.tooltip = d.tooltip;
    this.item.command = d.command;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.changed.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
