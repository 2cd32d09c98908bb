/** The preview request and the status notification, over stdio with the bundled server. */
import * as assert from 'node:assert/strict';
import { renderReport, sampleValues } from '../helpers/layouts';
import { LspClient } from '../helpers/lsp';
import { PreviewRequest, StatusNotification, type StatusParams as Status } from '../../server/src/protocol';

const URI = 'file:///tmp/%E7%A4%BA%E4%BE%8B%E5%8E%BF2023%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.txt';
const NOTES = 'file:///tmp/notes.txt';

function report(breakIt = false) {
  const v = sampleValues();
  if (breakIt) {
    v.t2['7'][0] = 116;
    v.t3[14] = 9;
  }
  return renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: '概述。', values: v, layout: 'pipe-cells' });
}

/** Collects `nianbao/status` notifications; `next` resolves with the latest (or next) one matching. */
function watchStatus(client: LspClient) {
  const latest = new Map<string, Status>();
  let waiters: { uri: string; pred: (s: Status) => boolean; resolve: (s: Status) => void }[] = [];
  client.conn.onNotification(StatusNotification, (s) => {
    latest.set(s.uri, s);
    const done = waiters.filter((w) => w.uri === s.uri && w.pred(s));
    waiters = waiters.filter((w) => !done.includes(w));
    done.forEach((w) => w.resolve(s));
  });
  return {
    next(uri: string, pred: (s: Status) => boolean = () => true, timeoutMs = 10000): Promise<Status> {
      const have = latest.get(uri);
      if (have && pred(have)) return Promise.resolve(have);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching status for ${uri}; last: ${JSON.stringify(latest.get(uri))}`)), timeoutMs);
        waiters.push({ uri, pred, resolve: (s) => (clearTimeout(timer), resolve(s)) });
      });
    },
  };
}

const ask = (client: LspClient, uri: string) => client.conn.sendRequest(PreviewRequest, { uri });

describe('preview and status over stdio', function () {
  this.timeout(20000);
  let client: LspClient;
  afterEach(async () => client && (await client.stop()));

  it('nianbao/preview returns the tables of an open report, follows edits, and is null otherwise', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    const status = watchStatus(client);
    await client.initialize();
    await client.open(URI, report(true));
    await client.open(NOTES, '会议记录:共 3 人参加。\n', 'plaintext');
    await status.next(URI);

    const p = await ask(client, URI);
    assert.ok(p);
    assert.equal(p.uri, URI);
    assert.equal(p.version, 1);
    for (const t of ['nb-t1', 'nb-t2', 'nb-t3']) assert.ok(p.html.includes(`<table class="nb-table ${t}">`), t);
    const bad = [...p.html.matchAll(/<td class="nb-cell nb-bad" data-start="(\d+)" data-end="(\d+)"/g)].map((m) => report(true).slice(+m[1], +m[2]));
    assert.deepEqual(bad, ['116', '9']);
    assert.match(p.html, /title="[^"]*（七）总计·自然人 为 116，但/);

    await client.change(URI, report());
    await status.next(URI, (s) => s.errors === 0);
    const fixed = await ask(client, URI);
    assert.equal(fixed?.version, 2);
    assert.ok(!fixed.html.includes('nb-bad'));

    assert.equal(await ask(client, NOTES), null, 'not a report');
    assert.equal(await ask(client, 'file:///tmp/never-opened.txt'), null, 'unknown document');
  });

  it('nianbao/preview speaks the locale of the messages (here the setting nianbao.locale: en)', async () => {
    client = new LspClient({ settings: { debounceMs: 0, locale: 'en' } });
    await client.initialize();
    await client.open(URI, report(true));
    const p = await ask(client, URI);
    assert.ok(p);
    assert.equal(p.locale, 'en', 'the client titles the panel in the same language');
    assert.ok(p.html.includes('Table 2 · Disclosure requests received and handled'));
    assert.match(p.html, /title="[^"]*\(7\) total · natural persons is 116, but/);
  });

  it('nianbao/status reports the state and the counts after each validation', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    const status = watchStatus(client);
    await client.initialize();
    await client.open(URI, report(true));
    await client.open(NOTES, '会议记录:共 3 人参加,其中 5 人请假。\n', 'plaintext');
    assert.deepEqual(await status.next(URI), { uri: URI, state: 'report', errors: 2, warnings: 0, infos: 0, suppressed: 0, locale: 'zh' });
    assert.deepEqual(await status.next(NOTES), { uri: NOTES, state: 'not-report', errors: 0, warnings: 0, infos: 0, suppressed: 0, locale: 'zh' });

    // A table that cannot be aligned is a warning.
    await client.change(URI, report().replace(/^2\.重复申请 \|\n2 \|\n/m, ''));
    assert.deepEqual(await status.next(URI, (s) => s.errors === 0), { uri: URI, state: 'report', errors: 0, warnings: 1, infos: 0, suppressed: 0, locale: 'zh' });
  });

  it('nianbao/status says too-large past nianbao.maxDocumentSize, and disabled when checking is off', async () => {
    client = new LspClient({ settings: { debounceMs: 0, maxDocumentSize: 200, plaintext: 'never' } });
    const status = watchStatus(client);
    await client.initialize();
    await client.open(URI, report(true));
    await client.open(NOTES, report(true), 'plaintext');
    assert.deepEqual(await status.next(URI), { uri: URI, state: 'too-large', errors: 0, warnings: 0, infos: 1, suppressed: 0, locale: 'zh' });
    assert.deepEqual(await status.next(NOTES), { uri: NOTES, state: 'disabled', errors: 0, warnings: 0, infos: 0, suppressed: 0, locale: 'zh' });
    assert.equal(await ask(client, URI), null);
  });
});
