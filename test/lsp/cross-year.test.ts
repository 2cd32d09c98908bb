/** Cross-year checks in the server: other reports come from the workspace folder and from open documents. */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lsp';
import { CORPUS, HAS_CORPUS } from '../helpers/paths';

describe('language server: cross-year checks', function () {
  this.timeout(20000);
  let client: LspClient;
  afterEach(async () => client && (await client.stop()));
  before(function () {
    if (!HAS_CORPUS) this.skip();
  });

  const CARRIED = '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0';
  const CARRIED_2 = '二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2';

  it('reads last year from the workspace folder and points into it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-ws-'));
    copyFileSync(join(CORPUS, 'real', 'hongze_2023.txt'), join(dir, '洪泽区2023年度报告.txt'));
    const lastUri = pathToFileURL(join(dir, '洪泽区2023年度报告.txt')).toString();
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize({ rootUri: pathToFileURL(dir).toString(), workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }] });
    const uri = pathToFileURL(join(dir, '洪泽区2024年度报告.txt')).toString();
    const text = readFileSync(join(CORPUS, 'real', 'hongze_2024.txt'), 'utf8').replace(CARRIED, CARRIED_2);
    await client.open(uri, text);
    const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'cross-year-carryover'));
    const d = p.diagnostics.filter((x) => x.code === 'cross-year-carryover');
    assert.equal(d.length, 2);
    assert.equal(d[0].relatedInformation![0].location.uri, lastUri);
    assert.equal(d[0].relatedInformation![0].location.range.start.line, 110);
    // The hover names last year's cell and its report by file name only, not by path.
    const { HoverRequest } = await import('vscode-languageserver-protocol/node');
    const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: d[0].range.start });
    const value = (h!.contents as { value: string }).value;
    assert.match(value, /相关：2023 年报告：四、结转下年度继续办理·自然人（洪泽区2023年度报告\.txt）/);
    assert.ok(!value.includes(dir), `no folder path in the hover: ${value}`);
  });

  it('follows edits of last year’s open report', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    const last = 'file:///tmp/hz/2023年度报告.txt';
    const now = 'file:///tmp/hz/2024年度报告.txt';
    const y2023 = readFileSync(join(CORPUS, 'real', 'hongze_2023.txt'), 'utf8');
    await client.open(last, y2023);
    await client.open(now, readFileSync(join(CORPUS, 'real', 'hongze_2024.txt'), 'utf8').replace(CARRIED, CARRIED_2));
    await client.diagnostics(now, (x) => x.diagnostics.some((d) => d.code === 'cross-year-carryover'));
    // Last year actually carried 2 natural-person requests into 2024: the 2024 file becomes consistent.
    await client.change(last, y2023.replace('四、结转下年度继续办理 0 0 0 0 0 0 0', '四、结转下年度继续办理 2 0 0 0 0 0 2'));
    const p = await client.diagnostics(now, (x) => !x.diagnostics.some((d) => d.code === 'cross-year-carryover'));
    assert.equal(p.diagnostics.filter((d) => String(d.code).startsWith('cross-year')).length, 0);
  });
});
