/**
 * The status bar item for the active document: whether it was recognised as a report and how many
 * problems it has (from the server's `nianbao/status` notification, sent after each validation),
 * or, for documents the server does not check, why not: a report in another language mode
 * (click: check it), or garbled GBK text (click: reopen with GB18030).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification, type StatusParams } from '../../server/src/protocol';
import { forgetLocale, localeOf, setLocale } from './locale';
import { isReportLanguage } from './preview';

/** What the client found about a document the server does not check. */
export type Hint = { kind: 'unchecked'; language: string } | { kind: 'mojibake' };

const PROBLEMS = 'workbench.actions.view.problems';
const PREVIEW = 'nianbao.showPreview';
export const CHECK_AS_REPORT = 'nianbao.checkAsReport';
export const REOPEN_GB18030 = 'nianbao.reopenWithGb18030';

export interface Presentation {
  text: string;
  tooltip: string;
  command: string;
}

/** Text, tooltip and click of the item for a client hint. */
function presentHint(h: Hint, en: boolean): Presentation {
  const say = (zh: string, english: string) => (en ? english : zh);
  if (h.kind === 'mojibake') {
    return {
      text: say('$(warning) 乱码？用 GB18030 重新打开', '$(warning) Garbled? Reopen as GB18030'),
      tooltip: say(
        '此文件像是 GBK/GB18030 编码，却按 UTF-8 打开，显示为乱码，无法检查。点击用 GB18030 编码重新打开。',
        'This file looks GBK/GB18030-encoded but was opened as UTF-8, so it shows garbage and cannot be checked. Click to reopen it with GB18030.',
      ),
      command: REOPEN_GB18030,
    };
  }
  return {
    text: say('$(question) 年报（未检查）', '$(question) Report (not checked)'),
    tooltip: say(
      `内容是政府信息公开工作年度报告，但语言模式为“${h.language}”，未做检查。点击切换为“政府信息公开年度报告”并检查。`,
      `The content is an annual disclosure report, but the language mode is "${h.language}", so it is not checked. Click to switch to the report language and check it.`,
    ),
    command: CHECK_AS_REPORT,
  };
}

/** Text, tooltip and click of the item for one status, in English when `en`. */
function presentStatus(p: StatusParams, en: boolean): Presentation {
  const say = (zh: string, english: string) => (en ? english : zh);
  const total = p.errors + p.warnings + p.infos;
  const suppressed = p.suppressed ?? 0;
  const counts = [p.errors ? `$(error) ${p.errors}` : '', p.warnings ? `$(warning) ${p.warnings}` : '', p.infos ? `$(info) ${p.infos}` : ''].filter(Boolean);
  const command = total ? PROBLEMS : p.state === 'report' ? PREVIEW : PROBLEMS;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const problems = say(`${p.errors} 个错误，${p.warnings} 个警告，${p.infos} 条提示`, `${plural(p.errors, 'error')}, ${plural(p.warnings, 'warning')}, ${plural(p.infos, 'info')}`);
  const hidden = suppressed ? '\n' + say(`另有 ${suppressed} 个问题已按 .nianbao-ignore.json 忽略。`, `${plural(suppressed, 'more problem')} ignored (listed in .nianbao-ignore.json).`) : '';
  const ignored = suppressed ? ` $(eye-closed) ${suppressed}` : '';
  const click = total ? say('点击打开“问题”面板。', 'Click to open the Problems view.') : say('点击打开表格预览。', 'Click to open the table preview.');
  switch (p.state) {
    case 'report':
      return {
        text: `${counts.length ? counts.join(' ') : '$(check)'} ${say('年报', 'Report')}${ignored}`,
        tooltip: say('已识别为政府信息公开工作年度报告：', 'Recognised as a government information-disclosure annual report: ') + problems + hidden + '\n' + click,
        command,
      };
    case 'not-report':
      return {
        text: `${counts.length ? counts.join(' ') : '$(circle-slash)'} ${say('非年报', 'Not a report')}${ignored}`,
        tooltip: say('未识别为政府信息公开工作年度报告，', 'Not recognised as a government information-disclosure annual report; ') + (total ? problems : say('未做检查', 'not checked')) + hidden,
        command,
      };
    case 'too-large':
      return {
        text: say('$(warning) 年报：文档过大，未检查', '$(warning) Report: too large, not checked'),
        tooltip: say('文档超过设置 nianbao.maxDocumentSize 的上限，未做检查。', 'The document exceeds the setting nianbao.maxDocumentSize, so it was not checked.'),
        command: PROBLEMS,
      };
    case 'disabled':
      return {
        text: say('$(circle-slash) 年报：未启用', '$(circle-slash) Report: off'),
        tooltip: say('此文件未检查（见设置 nianbao.enable 和 nianbao.plaintext）。', 'This file is not checked (see the settings nianbao.enable and nianbao.plaintext).'),
        command: PROBLEMS,
      };
  }
}

export class StatusBar implements vscode.Disposable {
  private item = vscode.window.createStatusBarItem('nianbao.status', vscode.StatusBarAlignment.Right, 100);
  private byUri = new Map<string, StatusParams>();
  private hints = new Map<string, Hint>();
  private changed = new vscode.EventEmitter<string>();
  private disposables: vscode.Disposable[] = [];
  /** Fires with the document URI after each status (that is, after each validation). */
  readonly onDidChange = this.changed.event;

  constructor(client: LanguageClient) {
    this.item.name = 'nianbao';
    this.disposables.push(
      client.onNotification(StatusNotification, (p) => {
        const uri = client.protocol2CodeConverter.asUri(p.uri).toString();
        this.byUri.set(uri, p);
        setLocale(uri, p.locale);
        this.update();
        this.changed.fire(uri);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      // A language change closes and reopens the document: the old status must not linger.
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.byUri.delete(d.uri.toString());
        this.update();
      }),
      vscode.workspace.onDidOpenTextDocument(() => this.update()),
    );
  }

  /** Sets (or clears) what the client found about a document the server does not check. */
  setHint(uri: vscode.Uri, hint: Hint | undefined): void {
    const key = uri.toString();
    const before = JSON.stringify(this.hints.get(key));
    if (hint) this.hints.set(key, hint);
    else this.hints.delete(key);
    if (JSON.stringify(hint) !== before) this.update();
  }

  hint(uri: vscode.Uri): Hint | undefined {
    return this.hints.get(uri.toString());
  }

  /** The server's last status for a document (undefined when it does not check it). */
  status(uri: vscode.Uri): StatusParams | undefined {
    return this.byUri.get(uri.toString());
  }

  forget(uri: vscode.Uri): void {
    this.hints.delete(uri.toString());
    forgetLocale(uri.toString());
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) return this.item.hide();
    const en = localeOf(doc.uri) === 'en';
    const hint = this.hints.get(doc.uri.toString());
    const p = isReportLanguage(doc) ? this.byUri.get(doc.uri.toString()) : undefined;
    // Garbled text first (nothing else is meaningful), then a report in another language mode.
    const d = hint?.kind === 'mojibake' || (hint && !p) ? presentHint(hint, en) : p ? presentStatus(p, en) : undefined;
    if (!d) return this.item.hide();
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
