/** The bundled server driven over stdio by a real LSP client library. */
import * as assert from 'node:assert/strict';
import { CodeActionRequest, ExecuteCommandRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { renderReport, sampleValues } from '../helpers/layouts';
import { LspClient, applyTextEdits } from '../helpers/lsp';
import { CommandIds } from '../../server/src/protocol';

const URI = 'file:///tmp/%E7%A4%BA%E4%BE%8B%E5%8E%BF2023%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.txt';

function badReport() {
  const v = sampleValues();
  v.t2['7'][0] = 116;
  return renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: '概述。', values: v, layout: 'pipe-rows' });
}
const goodReport = () => renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: '概述。', values: sampleValues(), layout: 'pipe-rows' });

describe('language server over stdio', function () {
  this.timeout(20000);
  let client: LspClient;
  afterEach(async () => client && (await client.stop()));

  it('publishes diagnostics, offers the quick fix, and the diagnostic goes after applying it', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    const init = await client.initialize();
    assert.ok(init.capabilities.codeActionProvider);
    const text = badReport();
    await client.open(URI, text);
    const pub = await client.diagnostics(URI, (p) => p.diagnostics.length > 0);
    assert.equal(pub.diagnostics.length, 1);
    const d = pub.diagnostics[0] as Diagnostic;
    assert.equal(d.code, 'table2-column-sum');
    assert.equal(d.source, 'nianbao');
    assert.match(d.message, /^（七）总计·自然人 为 116，但（一）至（六）各项之和为 118；/, 'full-width punctuation in Chinese');
    assert.match(d.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/table2-column-sum\.md$/);
    assert.ok(d.relatedInformation!.length > 0);

    const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('改为 118'), titles.join(' / '));
    assert.ok(titles.some((t) => t.startsWith('查看规则说明')));
    assert.ok(actions.some((a) => a.kind === 'source.fixAll.nianbao'));
    const fix = actions.find((a) => a.title === '改为 118')!;
    assert.equal(fix.isPreferred, true);
    const fixed = applyTextEdits(text, fix.edit!.changes![URI]);
    assert.equal(fixed, goodReport());
    await client.change(URI, fixed);
    const after = await client.diagnostics(URI, (p) => p.version === client.version(URI));
    assert.deepEqual(after.diagnostics, []);
  });

  it('source.fixAll.nianbao fixes everything, and a second run changes nothing', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    const v = sampleValues();
    v.t2['7'][0] = 116;
    v.t3[14] = 9;
    const text = renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: '概述。', values: v, layout: 'pdf' });
    await client.open(URI, text);
    await client.diagnostics(URI, (p) => p.diagnostics.length === 2);
    const ask = async () =>
      (await client.conn.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: URI },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      })) as CodeAction[];
    const [action] = await ask();
    assert.equal(action.kind, 'source.fixAll.nianbao');
    const edits = action.edit!.changes![URI];
    assert.equal(edits.length, 2, 'one edit per fixed number');
    const fixed = applyTextEdits(text, edits);
    assert.equal(fixed, renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: '概述。', values: sampleValues(), layout: 'pdf' }));
    await client.change(URI, fixed);
    await client.diagnostics(URI, (p) => p.version === client.version(URI) && p.diagnostics.length === 0);
    assert.deepEqual(await ask(), []);
  });

  it('a client that resolves edits lazily gets fix-all actions without edits, filled in on codeAction/resolve', async () => {
    const { CodeActionResolveRequest } = await import('vscode-languageserver-protocol/node');
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize({
      capabilities: { workspace: { configuration: true }, textDocument: { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } } },
    });
    const text = badReport();
    await client.open(URI, text);
    await client.diagnostics(URI, (p) => p.diagnostics.length > 0);
    const [action] = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.nianbao'] },
    })) as CodeAction[];
    assert.equal(action.edit, undefined);
    const resolved = await client.conn.sendRequest(CodeActionResolveRequest.type, action);
    assert.equal(applyTextEdits(text, resolved.edit!.changes![URI]), goodReport());
  });

  it('leaves plaintext that is not a report alone, and checks plaintext reports in auto mode', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    await client.open('file:///tmp/notes.txt', '会议记录:共 3 人参加,其中 5 人请假。\n', 'plaintext');
    await client.open('file:///tmp/draft.txt', badReport(), 'plaintext');
    const report = await client.diagnostics('file:///tmp/draft.txt', (p) => p.diagnostics.length > 0);
    assert.equal(report.diagnostics[0].code, 'table2-column-sum');
    const notes = await client.diagnostics('file:///tmp/notes.txt');
    assert.deepEqual(notes.diagnostics, []);
    // Editors such as Neovim send "text" for plain text.
    await client.open('file:///tmp/other-editor.txt', badReport(), 'text');
    assert.equal((await client.diagnostics('file:///tmp/other-editor.txt', (p) => p.diagnostics.length > 0)).diagnostics[0].code, 'table2-column-sum');
  });

  it('plaintext "never" and enable=false switch checking off; rule severities apply', async () => {
    client = new LspClient({ settings: { debounceMs: 0, plaintext: 'never', rules: { 'table2-column-sum': 'warning' } } });
    await client.initialize();
    await client.open('file:///tmp/draft.txt', badReport(), 'plaintext');
    await client.open(URI, badReport());
    const p = await client.diagnostics(URI, (x) => x.diagnostics.length > 0);
    assert.equal(p.diagnostics[0].severity, 2);
    assert.deepEqual((await client.diagnostics('file:///tmp/draft.txt')).diagnostics, []);
  });

  it('a Chinese report gets Chinese messages even when the client locale is English', async () => {
    client = new LspClient({ settings: { debounceMs: 0 }, locale: 'en-US' });
    await client.initialize();
    await client.open(URI, badReport());
    const p = await client.diagnostics(URI, (x) => x.diagnostics.length > 0);
    assert.match(p.diagnostics[0].message, /^（七）总计·自然人 为 116/);
  });

  it('the nianbao.locale setting overrides the report’s language', async () => {
    client = new LspClient({ settings: { debounceMs: 0, locale: 'en' }, locale: 'zh-cn' });
    await client.initialize();
    await client.open(URI, badReport());
    const p = await client.diagnostics(URI, (x) => x.diagnostics.length > 0);
    assert.match(p.diagnostics[0].message, /^\(7\) total · natural persons is 116, but items/);
    assert.doesNotMatch(p.diagnostics[0].message, /[，：；（）]/, 'no full-width punctuation in English');
  });

  it('drops stale versions: only the latest text is reported', async () => {
    client = new LspClient({ settings: { debounceMs: 50 } });
    await client.initialize();
    await client.open(URI, goodReport());
    for (let i = 0; i < 5; i++) await client.change(URI, i % 2 ? goodReport() : badReport());
    await client.change(URI, badReport());
    const p = await client.diagnostics(URI, (x) => x.version === client.version(URI));
    assert.equal(p.diagnostics.length, 1);
  });

  it('opens the rule documentation through window/showDocument', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    await client.conn.sendRequest(ExecuteCommandRequest.type, { command: CommandIds.openRuleDoc, arguments: ['table3-group-sum'] });
    assert.equal(client.shown.length, 1);
    assert.match(client.shown[0].uri, /docs\/rules\/table3-group-sum\.md$/);
  });
});

describe('language server: hover, outline, folding', function () {
  this.timeout(20000);
  let client: LspClient;
  afterEach(async () => client && (await client.stop()));

  it('hovers a broken total with its arithmetic, lists symbols and folding ranges', async () => {
    const { HoverRequest, DocumentSymbolRequest, FoldingRangeRequest } = await import('vscode-languageserver-protocol/node');
    client = new LspClient({ settings: { debounceMs: 0 } });
    const init = await client.initialize();
    assert.ok(init.capabilities.hoverProvider && init.capabilities.documentSymbolProvider && init.capabilities.foldingRangeProvider);
    const text = badReport();
    await client.open(URI, text);
    const pub = await client.diagnostics(URI, (p) => p.diagnostics.length > 0);
    const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: pub.diagnostics[0].range.start });
    const value = (h!.contents as { value: string }).value;
    const [arithmetic, related] = value.split('\n\n');
    const lines = arithmetic.split('  \n');
    assert.equal(lines[0], '**表二（七）总计·自然人 = 116**');
    assert.ok(
      lines.slice(1, 4).every((l) => /^✗ .* = \d+/.test(l)),
      `the sums come first: ${lines.slice(1, 4).join(' | ')}`,
    );
    assert.ok(
      lines.some((l) => /= 118，（七）总计 \\\[116\\\]$/.test(l)),
      lines.join('\n'),
    );
    assert.equal(lines.at(-1), '✗ 表二列合计：改为 118', 'the verdict by rule title, after the arithmetic');
    // Related cells by short name, each a link into this document; no file path in the text.
    assert.match(related, /^相关：\[（七）总计·总计 = 137\]\(<file:\/\/\/tmp\/.*#L\d+,\d+>\)/);
    assert.equal(related.replace(/\(<[^>]*>\)/g, '').includes('/tmp'), false);
    const symbols = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as { name: string; children?: { name: string }[] }[];
    assert.equal(symbols.length, 6);
    assert.equal(symbols[0].name, '一、总体情况');
    assert.equal(symbols[2].children![0].name, '表二 收到和处理政府信息公开申请情况');
    const folds = await client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } });
    assert.ok(folds!.length >= 6);
    assert.ok(folds!.every((f) => f.endLine > f.startLine));
  });
});

describe('language server on seed 000 (issue 4: done when)', function () {
  this.timeout(20000);
  let client: LspClient;
  afterEach(async () => client && (await client.stop()));

  it('diagnostics with rule-doc links, a hover, ≥ 6 outline symbols, folding ranges, quick fixes and source.fixAll.nianbao', async function () {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { CORPUS, HAS_CORPUS } = await import('../helpers/paths');
    if (!HAS_CORPUS) {
      console.warn('\n  !! ../shared/corpus not found: the seed 000 protocol test is SKIPPED\n');
      this.skip();
    }
    const { HoverRequest, DocumentSymbolRequest, FoldingRangeRequest } = await import('vscode-languageserver-protocol/node');
    const uri = 'file:///tmp/%E5%A4%A7%E5%85%B4%E5%AE%89%E5%B2%AD2023%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.txt';
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    await client.open(uri, readFileSync(join(CORPUS, 'seeds', '000_1e860eacff34bb2b.txt'), 'utf8'));
    const p = await client.diagnostics(uri, (x) => x.diagnostics.length > 0);
    assert.deepEqual(
      p.diagnostics.map((d) => [d.range.start.line + 1, d.code]),
      [
        [7, 'narrative-table-mismatch'],
        [7, 'narrative-sum'],
      ],
    );
    for (const d of p.diagnostics) assert.match(d.codeDescription!.href, new RegExp(`docs/rules/${d.code}\\.md$`));
    const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: p.diagnostics[0].range.start });
    assert.match((h!.contents as { value: string }).value, /表一 行政规范性文件·现行有效件数/);
    const symbols = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as unknown[];
    assert.ok(symbols.length >= 6);
    const folds = await client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.ok(folds!.length >= 6);
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: p.diagnostics[0].range,
      context: { diagnostics: p.diagnostics },
    })) as CodeAction[];
    assert.ok(actions.some((a) => a.kind === 'quickfix' && a.isPreferred && a.title === '改为表格中的 448'));
    assert.ok(actions.some((a) => a.kind === 'quickfix' && a.title === '将总数改为各项之和 130'));
    assert.ok(actions.some((a) => a.kind === 'source.fixAll.nianbao'));
  });
});
