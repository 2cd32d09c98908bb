/** nianbao/recognize: the client asks whether a document in another language mode is a report. */
import * as assert from 'node:assert/strict';
import { renderReport, sampleValues } from '../helpers/layouts';
import { LspClient } from '../helpers/lsp';
import { RecognizeRequest } from '../../server/src/protocol';

const report = () => renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: '概述。', values: sampleValues(), layout: 'markdown' });

describe('nianbao/recognize', function () {
  this.timeout(20000);
  let client: LspClient;
  afterEach(async () => client && (await client.stop()));
  // Any params: bad ones are sent on purpose.
  const ask = (p: unknown) => client.conn.sendRequest(RecognizeRequest, p as never);

  it('agrees with the checker: a report (as Markdown) is one, in Chinese even for an English editor; notes are not', async () => {
    client = new LspClient({ locale: 'en-US' });
    await client.initialize();
    assert.deepEqual(await ask({ text: report(), uri: 'untitled:Untitled-1' }), { isReport: true, locale: 'zh' });
    assert.deepEqual(await ask({ text: '会议纪要:讨论政府信息公开工作的安排。' }), { isReport: false, locale: 'zh' });
    assert.deepEqual(await ask({ text: '[section]\nkey = value\n' }), { isReport: false, locale: 'en' });
    // The same text, opened as a report, is checked: recognition and checking agree.
    await client.open('untitled:Untitled-1', report(), 'gov-report');
    const p = await client.diagnostics('untitled:Untitled-1');
    assert.deepEqual(p.diagnostics, []);
  });

  it('is bounded by nianbao.maxDocumentSize and survives bad params', async () => {
    client = new LspClient({ settings: { maxDocumentSize: 1000 } });
    await client.initialize();
    assert.deepEqual(await ask({ text: report(), uri: 'file:///tmp/a.md' }), { isReport: false, locale: 'zh', tooLarge: true });
    assert.equal((await ask({})).isReport, false);
    assert.equal((await ask(null)).isReport, false);
  });
});
