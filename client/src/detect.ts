/**
 * Reports in another language mode: an Untitled tab VS Code guessed as Ini or Markdown after a
 * paste, or a `.md` draft whose name lacks 年报/年度报告. The server is not given these documents,
 * so their text is sent to it once (`nianbao/recognize`, the core's own recognition) and, when it
 * is a report, the user is offered to switch it to the report language (setting nianbao.autoDetect:
 * ask / always / never). Meanwhile the status bar says that it is a report that is not checked.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RecognizeRequest } from '../../server/src/protocol';
import { localeOf, say, setLocale } from './locale';
import type { StatusBar } from './status';

const REPORT_LANGUAGE = 'gov-report';

/** A document nianbao does not check by its language mode, but might be a report. */
function isCandidate(doc: vscode.TextDocument): boolean {
  if (doc.languageId === REPORT_LANGUAGE || doc.languageId === 'plaintext') return false;
  return doc.uri.scheme === 'untitled' || (doc.uri.scheme === 'file' && doc.languageId === 'markdown');
}

export class ReportDetector implements vscode.Disposable {
  private timers = new Map<string, NodeJS.Timeout>();
  /** Documents already asked about, or switched once (never switched back and forth). */
  private asked = new Set<string>();
  private switched = new Set<string>();
  private disposables: vscode.Disposable[] = [];

  constructor(
    private client: LanguageClient,
    private status: StatusBar,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && this.schedule(e.document, 500)),
      vscode.workspace.onDidCloseTextDocument((d) => clearTimeout(this.timers.get(d.uri.toString()))),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('nianbao') && vscode.workspace.textDocuments.forEach((d) => this.schedule(d, 0))),
    );
    vscode.workspace.textDocuments.forEach((d) => this.schedule(d, 0));
  }

  private schedule(doc: vscode.TextDocument, ms: number): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    if (!isCandidate(doc)) {
      if (this.status.hint(doc.uri)?.kind === 'unchecked') this.status.setHint(doc.uri, undefined);
      return;
    }
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.check(doc).catch((e) => this.client.warn(`nianbao: recognising ${key} failed: ${String(e)}`));
      }, ms),
    );
  }

  private async check(doc: vscode.TextDocument): Promise<void> {
    const config = vscode.workspace.getConfiguration('nianbao', doc.uri);
    const mode = config.get<string>('autoDetect', 'ask');
    const text = doc.getText();
    const version = doc.version;
    // The core requires 信息公开 in a report: no need to send anything else.
    const r = /信息公开/.test(text) && config.get<boolean>('enable', true) ? await this.client.sendRequest(RecognizeRequest, { text, uri: doc.uri.toString() }) : undefined;
    if (doc.isClosed || doc.version !== version || !isCandidate(doc)) return;
    if (!r?.isReport) return this.status.setHint(doc.uri, undefined);
    setLocale(doc.uri.toString(), r.locale);
    this.status.setHint(doc.uri, { kind: 'unchecked', language: doc.languageId });
    const key = doc.uri.toString();
    if (mode === 'always' && !this.switched.has(key)) return void this.switchLanguage(doc, true);
    if (mode !== 'ask' || this.asked.has(key)) return;
    this.asked.add(key);
    const l = localeOf(doc.uri);
    const yes = say(l, '切换并检查', 'Switch and check');
    const always = say(l, '总是自动切换', 'Always switch');
    const never = say(l, '不再提示', 'Never ask');
    const choice = await vscode.window.showInformationMessage(
      say(
        l,
        `nianbao：此文档的内容是政府信息公开工作年度报告，但语言模式为“${doc.languageId}”，因此没有检查。切换为“政府信息公开年度报告”？`,
        `nianbao: this document is an annual disclosure report, but its language mode is "${doc.languageId}", so it is not checked. Switch it to the report language?`,
      ),
      yes,
      always,
      never,
    );
    if (choice === always) await config.update('autoDetect', 'always', vscode.ConfigurationTarget.Global);
    if (choice === never) await config.update('autoDetect', 'never', vscode.ConfigurationTarget.Global);
    if ((choice === yes || choice === always) && !doc.isClosed) await this.switchLanguage(doc, false);
  }

  /** Switches a document to the report language (the status bar item and the command do this too). */
  async switchLanguage(doc: vscode.TextDocument, automatic: boolean): Promise<void> {
    const key = doc.uri.toString();
    this.switched.add(key);
    this.status.setHint(doc.uri, undefined);
    await vscode.languages.setTextDocumentLanguage(doc, REPORT_LANGUAGE);
    if (automatic) {
      const l = localeOf(doc.uri);
      vscode.window.setStatusBarMessage(say(l, 'nianbao：内容是年度报告，已切换为“政府信息公开年度报告”语言模式', 'nianbao: the content is an annual report; switched to the report language'), 8000);
    }
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.disposables.forEach((d) => d.dispose());
  }
}
