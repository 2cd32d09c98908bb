/**
 * The e2e scenarios (see test/e2e/vscode-e2e.mjs) through the VS Code API, inside the extension
 * host, against the nianbao extension under development. The workspace is prepared by
 * test/vscode/run.mjs: <state>/ws with the report drafts, <state>/expected, <state>/meta.json.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const REPORT = '大兴安岭地区2023年政府信息公开工作年度报告.txt';
const DRAFT2 = '大兴安岭地区2023年政府信息公开工作年度报告-二稿.txt';
const NOTES = 'notes.txt';
const CJK = /[\u4e00-\u9fff]/;

interface Meta {
  totalLine: number;
  rowTotalLine: number;
  table3TotalLine: number;
  percentLine: number;
  narrativeLine: number;
}

function ws(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'no workspace folder open: run through test/vscode/run.mjs');
  return f.uri.fsPath;
}
const state = () => path.dirname(ws());
const meta = (): Meta => JSON.parse(fs.readFileSync(path.join(state(), 'meta.json'), 'utf8'));
const uriOf = (name: string) => vscode.Uri.file(path.join(ws(), name));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => T | Promise<T>, accept: (v: T) => boolean, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (accept(last)) return last;
    if (Date.now() > end) throw new Error(`timed out after ${timeout / 1000}s waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 800)}`);
    await sleep(100);
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

const diags = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri);
const withRule = (uri: vscode.Uri, rule: string) => diags(uri).filter((d) => codeOf(d) === rule);

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uriOf(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

function actionTitled(actions: (vscode.CodeAction | vscode.Command)[], title: string): vscode.CodeAction | undefined {
  return actions.find((a): a is vscode.CodeAction => a.title === title && 'edit' in a);
}

describe('nianbao in VS Code', function () {
  this.timeout(60_000);
  let report: vscode.TextDocument;
  let m: Meta;

  before(async () => {
    m = meta();
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'nianbao');
    assert.ok(ext, 'the nianbao extension is not loaded');
    report = await open(REPORT);
    await ext.activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a file named like a draft as gov-report', () => {
    assert.equal(report.languageId, 'gov-report');
  });

  it('reports table2-column-sum on the broken total with a Chinese message', async () => {
    const [d] = await until(
      'a table2-column-sum diagnostic',
      () => withRule(report.uri, 'table2-column-sum'),
      (ds) => ds.length > 0,
      60_000,
    );
    assert.equal(d.range.start.line, m.totalLine - 1);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.source, 'nianbao');
    assert.match(d.message, CJK);
    assert.ok(d.message.includes('96') && d.message.includes('97'), d.message);
  });

  for (const n of [
    { rule: 'narrative-table-mismatch', line: () => m.narrativeLine, numbers: ['488', '448'] },
    { rule: 'narrative-sum', line: () => m.narrativeLine, numbers: ['126', '130'] },
    { rule: 'narrative-percentage', line: () => m.percentLine, numbers: ['78.8'] },
  ]) {
    it(`reports ${n.rule} in the narrative`, async () => {
      const ds = await until(
        `a ${n.rule} diagnostic`,
        () => withRule(report.uri, n.rule),
        (x) => x.some((d) => d.range.start.line === n.line() - 1),
      );
      const d = ds.find((x) => x.range.start.line === n.line() - 1)!;
      assert.match(d.message, CJK);
      for (const num of n.numbers) assert.ok(d.message.includes(num), `${n.rule} message does not mention ${num}: ${d.message}`);
    });
  }

  it('hover on the broken total shows its arithmetic', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', report.uri, new vscode.Position(m.totalLine - 1, 0));
    const text = hoverText(hovers ?? []);
    assert.match(text, /\d[^+=\n]*\+[^+=\n]*\d[^+=\n]*\+[^+=\n]*\d[^=\n]*=\s*[*_`]*97(?!\d)/, `hover: ${text.slice(0, 400)}`);
  });

  it('outline lists the six sections and the tables', async () => {
    const symbols = (await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>('vscode.executeDocumentSymbolProvider', report.uri)) ?? [];
    const top = symbols.filter((s): s is vscode.DocumentSymbol => 'children' in s);
    const names = top.map((s) => s.name);
    const sections = [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ];
    const idx = sections.map((s) => names.findIndex((n) => n.startsWith(s)));
    assert.ok(
      idx.every((i) => i >= 0),
      `sections missing from ${JSON.stringify(names)}`,
    );
    assert.deepEqual(
      [...idx].sort((a, b) => a - b),
      idx,
      'sections out of order',
    );
    for (const k of [1, 2, 3]) assert.ok(top[idx[k]].children.length > 0, `${sections[k]} has no table symbol`);
  });

  it('nianbao.showPreview opens a webview', async () => {
    const cmds = await vscode.commands.getCommands(true);
    assert.ok(cmds.includes('nianbao.showPreview'), 'command nianbao.showPreview is not registered');
    await vscode.window.showTextDocument(report);
    await vscode.commands.executeCommand('nianbao.showPreview');
    await until(
      'a webview tab',
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview).length,
      (n) => n > 0,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    report = await open(REPORT);
  });

  it('quick fix 改为 97 changes exactly that number and the diagnostic goes', async () => {
    const [d] = await until(
      'a table2-column-sum diagnostic',
      () => withRule(report.uri, 'table2-column-sum'),
      (ds) => ds.length > 0,
    );
    const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', report.uri, d.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const fix = actionTitled(actions, '改为 97');
    assert.ok(fix?.edit, `no 改为 97 among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(report.lineAt(m.totalLine - 1).text, '97 |');
    await until(
      'table2-column-sum to go',
      () => withRule(report.uri, 'table2-column-sum'),
      (ds) => ds.length === 0,
    );
    assert.ok(await report.save());
    assert.equal(fs.readFileSync(report.uri.fsPath, 'utf8'), fs.readFileSync(path.join(state(), 'expected', 'after-quickfix.txt'), 'utf8'));
  });

  it('source.fixAll.nianbao leaves no fixable problem (same text as `cli check --fix`)', async () => {
    const doc = await open(DRAFT2);
    await until(
      'diagnostics for the second draft',
      () => diags(doc.uri),
      (ds) => ds.length >= 3,
    );
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    // The server fills in fix-all edits on codeAction/resolve: ask VS Code to resolve the actions.
    const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, whole, 'source.fixAll.nianbao', 10)) ?? [];
    const all = actions.find((a): a is vscode.CodeAction => 'kind' in a && !!a.kind && a.kind.value === 'source.fixAll.nianbao');
    assert.ok(all?.edit, `no source.fixAll.nianbao action among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    assert.ok(await doc.save());
    assert.equal(doc.lineAt(m.rowTotalLine - 1).text, '98 |');
    assert.equal(doc.lineAt(m.totalLine - 1).text, '97 |');
    assert.equal(doc.lineAt(m.table3TotalLine - 1).text, '4 |');
    assert.equal(fs.readFileSync(doc.uri.fsPath, 'utf8'), fs.readFileSync(path.join(state(), 'expected', 'draft2-cli-fix.txt'), 'utf8'));
    await until(
      'no error left in the second draft',
      () => diags(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error),
      (ds) => ds.length === 0,
    );
  });

  it('a plain-text file that is not a report gets no diagnostics', async () => {
    const doc = await open(NOTES);
    assert.equal(doc.languageId, 'plaintext');
    await sleep(3000); // a negative check: the server answers an opened file well within this
    assert.deepEqual(diags(doc.uri), []);
  });

  // ---- editor and first-use (issue 15) ----------------------------------------------------------

  it('editor defaults for gov-report: word wrap on, no boxes around full-width characters', () => {
    const c = vscode.workspace.getConfiguration('editor', { languageId: 'gov-report' });
    assert.equal(c.get('wordWrap'), 'on');
    assert.equal(c.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.equal(c.get('unicodeHighlight.invisibleCharacters'), false);
    assert.equal(c.get('unicodeHighlight.nonBasicASCII'), false);
  });

  it('nianbao.autoDetect "always": a report in an Untitled Markdown tab is switched to gov-report and checked', async () => {
    const config = vscode.workspace.getConfiguration('nianbao');
    await config.update('autoDetect', 'always', vscode.ConfigurationTarget.Global);
    try {
      const text = fs.readFileSync(path.join(state(), 'expected', 'seed.txt'), 'utf8');
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
      await vscode.window.showTextDocument(doc);
      const uri = doc.uri.toString();
      const now = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      await until(
        'the Untitled tab to be switched to gov-report',
        () => now()?.languageId,
        (l) => l === 'gov-report',
      );
      await until(
        'diagnostics for it',
        () => diags(doc.uri).map(codeOf),
        (cs) => cs.includes('narrative-sum'),
      );
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await config.update('autoDetect', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('the outline and the messages follow nianbao.locale', async () => {
    const config = vscode.workspace.getConfiguration('nianbao');
    // run.mjs sets nianbao.locale "zh" in the workspace settings: change it there.
    const before = config.inspect('locale')?.workspaceValue;
    report = await open(REPORT);
    const first = async () => ((await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', report.uri)) ?? [])[0]?.name;
    try {
      await config.update('locale', 'en', vscode.ConfigurationTarget.Workspace);
      await until(
        'English diagnostics',
        () => withRule(report.uri, 'narrative-sum').map((d) => d.message),
        (ms) => ms.some((x) => x.startsWith('The total is')),
      );
      await until('an English outline', first, (n) => /^1\. /.test(n ?? ''));
      await config.update('locale', 'zh', vscode.ConfigurationTarget.Workspace);
      await until(
        'Chinese diagnostics again',
        () => withRule(report.uri, 'narrative-sum').map((d) => d.message),
        (ms) => ms.some((x) => x.startsWith('总数为') && x.includes('，')),
      );
      await until('a Chinese outline', first, (n) => (n ?? '').startsWith('一、'));
    } finally {
      await config.update('locale', before, vscode.ConfigurationTarget.Workspace);
    }
  });
});
