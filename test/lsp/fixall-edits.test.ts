/** Issue 12 item 15: source.fixAll.nianbao sends one small edit per fixed number, also for full-width digits. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { fixAll } from '../../server/src/core';
import { LspClient, applyTextEdits } from '../helpers/lsp';
import { ROOT } from '../helpers/paths';

const URI = 'file:///tmp/%E5%85%A8%E8%A7%92%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.txt';
const EXAMPLE = readFileSync(join(ROOT, 'examples', '示例县2023年政府信息公开工作年度报告.txt'), 'utf8');
const toFull = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

describe('language server: fix-all edits', function () {
  this.timeout(20000);
  let client: LspClient;
  afterEach(async () => client && (await client.stop()));

  for (const [name, text] of [
    ['full-width digits', toFull(EXAMPLE)],
    ['half-width digits', EXAMPLE],
    // "1,068" → "86" changes the number's shape (no comma left): still one edit of that number.
    ['a figure with a thousands separator', EXAMPLE.replace('规范性文件共计68件', '规范性文件共计1,068件')],
  ] as const) {
    it(`${name}: one edit per fixed number, none longer than the number`, async () => {
      client = new LspClient({ settings: { debounceMs: 0 } });
      await client.initialize();
      await client.open(URI, text);
      await client.diagnostics(URI, (p) => p.diagnostics.length > 0);
      const [action] = (await client.conn.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: URI },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.nianbao'] },
      })) as CodeAction[];
      const edits = action.edit!.changes![URI];
      const expected = fixAll(text);
      assert.equal(edits.length, expected.edits.length);
      assert.ok(edits.length >= 4, `${edits.length} edits`);
      for (const e of edits) {
        assert.equal(e.range.start.line, e.range.end.line);
        assert.ok(e.range.end.character - e.range.start.character <= 6, JSON.stringify(e));
        assert.ok(e.newText.length <= 6, JSON.stringify(e));
      }
      assert.equal(applyTextEdits(text, edits), expected.text);
    });
  }
});
