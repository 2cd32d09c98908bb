/**
 * The table preview: a webview beside the editor showing the three tables of the report as the
 * server renders them (`nianbao/preview`). One panel per source editor group; it follows the
 * active editor of that group and re-renders after each validation. Clicking a cell selects
 * its source span in the editor.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PreviewRequest } from '../../server/src/protocol';
import { localeOf, say, setLocale, type Locale } from './locale';

export const isReportLanguage = (doc: vscode.TextDocument) => doc.languageId === 'gov-report' || doc.languageId === 'plaintext';

interface Entry {
  panel: vscode.WebviewPanel;
  /** The editor group the previewed document is shown in. */
  column: vscode.ViewColumn;
  uri: vscode.Uri;
  /** The last rendered body, sent again when the webview reloads after being hidden. */
  html: string;
  /** Increases with every request; older answers are dropped. */
  seq: number;
}

export class Preview implements vscode.Disposable {
  private entries = new Map<vscode.ViewColumn, Entry>();
  private disposables: vscode.Disposable[] = [];

  constructor(private client: LanguageClient) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.follow(e)),
      // A language change closes and reopens the document: show what the server now says of it.
      vscode.workspace.onDidOpenTextDocument((d) => this.refresh(d.uri.toString())),
    );
  }

  /** Opens (or reveals) the preview beside the editor of `uri`, or of the active editor. */
  show(uri?: vscode.Uri): void {
    const active = vscode.window.activeTextEditor;
    const editor = (uri && vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())) || active;
    if (!editor || !isReportLanguage(editor.document)) {
      const l = localeOf(editor?.document.uri);
      void vscode.window.showInformationMessage(
        editor
          ? say(
              l,
              `nianbao：此文档的语言模式为“${editor.document.languageId}”，不做检查，没有表格预览。`,
              `nianbao: this document's language mode is "${editor.document.languageId}"; it is not checked and has no table preview.`,
            )
          : say(l, 'nianbao：请先打开一份年度报告。', 'nianbao: open an annual report first.'),
      );
      return;
    }
    const column = editor.viewColumn ?? vscode.ViewColumn.One;
    let entry = this.entries.get(column);
    if (entry) {
      entry.panel.reveal(undefined, true);
    } else {
      entry = this.create(column, editor.document.uri);
      this.entries.set(column, entry);
    }
    this.point(entry, editor.document.uri);
  }

  /** Re-renders every panel showing `uri` (called after each validation). */
  refresh(uri: string): void {
    for (const e of this.entries.values()) if (e.uri.toString() === uri) void this.render(e);
  }

  dispose(): void {
    for (const e of this.entries.values()) e.panel.dispose();
    this.disposables.forEach((d) => d.dispose());
  }

  private follow(editor: vscode.TextEditor): void {
    const entry = editor.viewColumn && this.entries.get(editor.viewColumn);
    if (entry && isReportLanguage(editor.document) && entry.uri.toString() !== editor.document.uri.toString()) this.point(entry, editor.document.uri);
  }

  private point(entry: Entry, uri: vscode.Uri): void {
    entry.uri = uri;
    this.title(entry);
    void this.render(entry);
  }

  private title(entry: Entry): void {
    entry.panel.title = say(localeOf(entry.uri), '年报表格', 'Report tables') + ' · ' + path.basename(entry.uri.path);
  }

  private create(column: vscode.ViewColumn, uri: vscode.Uri): Entry {
    const panel = vscode.window.createWebviewPanel(
      'nianbao.preview',
      '',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        localResourceRoots: [],
      },
    );
    const entry: Entry = { panel, column, uri, html: '', seq: 0 };
    panel.webview.html = page(randomBytes(16).toString('base64'), localeOf(uri));
    panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(entry, m));
    panel.onDidDispose(() => this.entries.get(column) === entry && this.entries.delete(column));
    return entry;
  }

  private async render(entry: Entry): Promise<void> {
    const seq = ++entry.seq;
    const uri = entry.uri;
    let html: string;
    try {
      const r = await this.client.sendRequest(PreviewRequest, { uri: this.client.code2ProtocolConverter.asUri(uri) });
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      // An answer for an older text than the editor has is replaced by the next one.
      if (r && doc && r.version < doc.version) return;
      if (r) setLocale(uri.toString(), r.locale);
      const l = localeOf(uri);
      const why =
        doc && !isReportLanguage(doc)
          ? say(l, `此文档的语言模式为“${doc.languageId}”，不做检查。`, `This document's language mode is "${doc.languageId}"; it is not checked.`)
          : say(l, '此文件未被识别为年度报告，或未启用检查。', 'This file is not recognised as an annual report, or checking is off.');
      html = r ? r.html : `<p class="nb-empty">${escapeText(why)}</p>`;
    } catch (e) {
      html = `<p class="nb-empty">${say(localeOf(uri), '无法获取预览', 'Preview unavailable')}</p>`;
      this.client.warn(`nianbao: preview failed: ${String(e)}`);
    }
    if (seq !== entry.seq) return; // a newer request (or another document) took over
    this.title(entry);
    entry.html = html;
    void entry.panel.webview.postMessage({ html });
  }

  private async onMessage(entry: Entry, m: unknown): Promise<void> {
    if (!m || typeof m !== 'object') return;
    const msg = m as { ready?: boolean; start?: unknown; end?: unknown };
    if (msg.ready) {
      if (entry.html) void entry.panel.webview.postMessage({ html: entry.html });
      return;
    }
    const { start, end } = msg;
    if (!Number.isInteger(start) || !Number.isInteger(end)) return;
    const doc = await vscode.workspace.openTextDocument(entry.uri);
    const selection = new vscode.Range(doc.positionAt(start as number), doc.positionAt(end as number));
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: entry.column, selection });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

/** The webview page: a strict policy, styles and one script, both under the nonce; the body comes by message. */
const escapeText = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function page(nonce: string, l: Locale): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="${l === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${CSS}</style>
</head>
<body>
<main id="root"><p class="nb-empty">${say(l, '正在加载…', 'Loading…')}</p></main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}

const SCRIPT = `
const vscode = acquireVsCodeApi();
const root = document.getElementById('root');
window.addEventListener('message', (e) => {
  if (e.data && typeof e.data.html === 'string') root.innerHTML = e.data.html;
});
function go(target) {
  const el = target instanceof Element ? target.closest('[data-start]') : null;
  if (el) vscode.postMessage({ start: Number(el.dataset.start), end: Number(el.dataset.end) });
}
document.addEventListener('click', (e) => go(e.target));
document.addEventListener('keydown', (e) => { if (e.key === 'Enter') go(e.target); });
vscode.postMessage({ ready: true });
`;

const CSS = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); }
h2 { font-size: 1.2em; } h3 { font-size: 1.05em; margin-top: 1.5em; }
.nb-scroll { overflow-x: auto; }
.nb-table { border-collapse: collapse; }
.nb-table th, .nb-table td { border: 1px solid var(--vscode-panel-border, rgba(128, 128, 128, 0.4)); padding: 2px 6px; }
.nb-table th { font-weight: normal; background: var(--vscode-editorWidget-background); }
.nb-table th.nb-label { text-align: left; }
.nb-table th.nb-block { text-align: left; font-weight: bold; }
.nb-table th.nb-corner { font-size: 0.85em; max-width: 16em; }
td.nb-cell { text-align: right; font-variant-numeric: tabular-nums; }
[data-start] { cursor: pointer; }
[data-start]:hover, [data-start]:focus { outline: 1px solid var(--vscode-focusBorder); }
td.nb-bad { background: var(--vscode-inputValidation-errorBackground, rgba(255, 0, 0, 0.3)); outline: 2px solid var(--vscode-inputValidation-errorBorder, red); outline-offset: -2px; }
td.nb-related { background: var(--vscode-editor-findMatchHighlightBackground, rgba(255, 200, 0, 0.2)); }
.nb-findings li, .nb-problems li { margin: 0.2em 0; }
.nb-finding.nb-error::marker { color: var(--vscode-errorForeground); }
.nb-finding.nb-warning::marker { color: var(--vscode-editorWarning-foreground); }
.nb-rule { opacity: 0.7; font-size: 0.9em; }
.nb-unaligned { color: var(--vscode-editorWarning-foreground); }
.nb-missing, .nb-empty { opacity: 0.8; }
.nb-table .nb-unread { opacity: 0.55; font-style: italic; }
td.nb-unread { text-align: center; }
`;
