/** Published files in the editor: the nianbao/extract request and the read-only nianbao-published: documents. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, ExecuteCommandRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lsp';
import { publish } from '../helpers/published';
import { renderPdf } from '../helpers/renderPdf';
import { renderReport, sampleValues } from '../helpers/layouts';
import { CommandIds, ExtractRequest, PUBLISHED_SCHEME } from '../../server/src/protocol';

describe('lsp: published files', function () {
  this.timeout(30000);
  let client: LspClient;
  afterEach(async () => client && (await client.stop()));

  const dir = mkdtempSync(join(tmpdir(), 'nianbao-lsp-published-'));
  const v = sampleValues();
  v.t2['7'][0] = 116;
  const pdf = join(dir, '示例县年报.pdf');
  writeFileSync(pdf, renderPdf(publish(renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: '概述。', values: v, layout: 'pipe-rows' }))));
  const source = pathToFileURL(pdf).toString();
  const view = source.replace(/^file:/, `${PUBLISHED_SCHEME}:`) + '?file';

  it('nianbao/extract returns the text view of a PDF, or a reason', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    const r = await client.conn.sendRequest(ExtractRequest, { uri: source });
    assert.ok('text' in r, JSON.stringify(r));
    assert.equal(r.format, 'pdf');
    assert.match(r.text, /^\| （七）总计 \| 116 \|/m);
    const missing = await client.conn.sendRequest(ExtractRequest, { uri: pathToFileURL(join(dir, 'none.pdf')).toString() });
    assert.ok('error' in missing && /无法读取文件/.test(missing.error));
    const remote = await client.conn.sendRequest(ExtractRequest, { uri: 'https://example.org/x.pdf' });
    assert.ok('error' in remote);
  });

  it('a nianbao-published: document gets diagnostics and documentation actions, but no edits and no fix-all', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    const r = await client.conn.sendRequest(ExtractRequest, { uri: source });
    assert.ok('text' in r, JSON.stringify(r));
    await client.open(view, r.text);
    const pub = await client.diagnostics(view, (p) => p.diagnostics.length > 0);
    const d = pub.diagnostics[0] as Diagnostic;
    assert.equal(d.code, 'table2-column-sum');
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: view },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    assert.ok(actions.length > 0);
    assert.ok(actions.some((a) => a.title.startsWith('查看规则说明')));
    assert.deepEqual(
      actions.filter((a) => a.edit || a.data),
      [],
    );
    const all = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: view },
      range: d.range,
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(all, []);
    await client.conn.sendRequest(ExecuteCommandRequest.type, { command: CommandIds.applyFixAll, arguments: [view] });
    assert.deepEqual(client.applied, []);
  });
});
