/**
 * The bundled server (server/dist/server.js --stdio) under hostile or careless clients: malformed
 * JSON-RPC, unknown documents, notifications out of order, cancelled requests, a document closed
 * while it is analysed, invalid settings, and a client that disappears. After each, the server
 * either keeps serving (a later valid request still works) or exits on its own.
 */
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import {
  CancellationTokenSource,
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  type CodeAction,
} from 'vscode-languageserver-protocol/node';
import { renderReport, sampleValues } from '../helpers/layouts';
import { LspClient } from '../helpers/lsp';
import { CommandIds } from '../../server/src/protocol';

const TITLE = '示例县2023年政府信息公开工作年度报告';

function badReport(n = 116) {
  const v = sampleValues();
  v.t2['7'][0] = n;
  return renderReport({ title: TITLE, narrative: '概述。', values: v, layout: 'pipe-rows' });
}

const RANGE0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
let uriCount = 0;
const freshUri = () => `file:///tmp/hardening-${process.pid}-${++uriCount}.txt`;

/** A raw frame: header and body exactly as given. */
function frame(body: string, header?: string): string {
  return `${header ?? `Content-Length: ${Buffer.byteLength(body)}`}\r\n\r\n${body}`;
}

function writeRaw(client: LspClient, data: string): Promise<void> {
  return new Promise((resolve, reject) => client.proc.stdin!.write(data, (e) => (e ? reject(e) : resolve())));
}

/** The server still works: a new report gets its diagnostics and a code action request is answered. */
async function assertServing(client: LspClient, what: string): Promise<void> {
  const uri = freshUri();
  await client.open(uri, badReport());
  const p = await client
    .diagnostics(uri, (x) => x.diagnostics.length === 1, 5000)
    .catch((e) => {
      throw new Error(`${what}: the server stopped serving (${(e as Error).message.slice(0, 200)})`);
    });
  const actions = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: p.diagnostics[0].range, context: { diagnostics: p.diagnostics } })) as CodeAction[];
  assert.ok(
    actions.some((a) => a.title === '改为 118'),
    `${what}: code actions still answered`,
  );
  await client.close(uri);
}

function exited(proc: ChildProcess, ms: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (proc.exitCode !== null) return resolve(proc.exitCode);
    const timer = setTimeout(() => reject(new Error(`the server was still running ${ms} ms later`)), ms);
    proc.once('exit', (code) => (clearTimeout(timer), resolve(code)));
  });
}

describe('server hardening', function () {
  this.timeout(20000);
  let client: LspClient;
  afterEach(() => client?.stop());

  it('a body that is not JSON (framing intact) is dropped and the server keeps serving', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    await writeRaw(client, frame('{"jsonrpc":"2.0","id":77,"method":'));
    await writeRaw(client, frame('\u0000\u0001 not json at all'));
    await writeRaw(client, frame(''));
    await assertServing(client, 'after bodies that are not JSON');
  });

  it('JSON that is not JSON-RPC, unknown methods and wrong parameter shapes get errors, not a dead server', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    await writeRaw(client, frame('{"foo":1}'));
    await writeRaw(client, frame('[1,2,3]'));
    await writeRaw(client, frame('{"jsonrpc":"2.0","id":{"nested":true},"method":"shutdown"}'.replace('shutdown', 'nianbao/nothing')));
    await assert.rejects(client.conn.sendRequest('nianbao/unknownMethod', {}), (e: { code?: number }) => e.code === -32601);
    await assert.rejects(client.conn.sendRequest(CodeActionRequest.type.method, null));
    await client.conn.sendNotification(DidOpenTextDocumentNotification.type.method, null);
    await client.conn.sendNotification(DidOpenTextDocumentNotification.type.method, { textDocument: { uri: freshUri(), languageId: 'gov-report', version: 1, text: 5 } });
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type.method, { textDocument: { uri: 42 }, contentChanges: 'x' });
    await assert.rejects(client.conn.sendRequest(ExecuteCommandRequest.type, { command: CommandIds.applyFixAll, arguments: [123] }), (e: { code?: number }) => e.code === -32602);
    await client.conn.sendRequest(ExecuteCommandRequest.type, { command: CommandIds.openRuleDoc, arguments: [{}] }).catch(() => undefined);
    await client.conn.sendRequest(ExecuteCommandRequest.type, { command: 'nianbao.noSuchCommand', arguments: [] }).catch(() => undefined);
    await assertServing(client, 'after malformed JSON-RPC');
    assert.equal(client.shown.length, 0, 'no document shown for a bad argument');
  });

  for (const [name, header] of [
    ['a header without Content-Length', 'Garbage-Header: 1'],
    ['a Content-Length that is not a number', 'Content-Length: abc'],
  ] as const) {
    it(`${name}: the stream cannot be resynchronised, so the server exits instead of hanging deaf`, async () => {
      client = new LspClient({ settings: { debounceMs: 0 } });
      await client.initialize();
      await writeRaw(client, frame('{}', header));
      // Either it keeps serving, or it exits by itself within a few seconds: hanging is the failure.
      const outcome = await new Promise<string>((resolve) => {
        assertServing(client, name).then(
          () => resolve('served'),
          () => undefined,
        );
        exited(client.proc, 6000).then(
          (code) => resolve(`exited with code ${code}`),
          () => resolve('hung: neither serving nor exiting'),
        );
      });
      assert.ok(outcome === 'served' || outcome.startsWith('exited'), `${name}: ${outcome}`);
    });
  }

  it('requests and notifications for documents that were never opened', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    const ghost = freshUri();
    assert.deepEqual(await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: ghost }, range: RANGE0, context: { diagnostics: [] } }), []);
    assert.deepEqual(await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: ghost }, range: RANGE0, context: { diagnostics: [], only: ['source.fixAll'] } }), []);
    await client.conn.sendRequest(ExecuteCommandRequest.type, { command: CommandIds.applyFixAll, arguments: [ghost] });
    assert.equal(client.applied.length, 0);
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: ghost, version: 2 }, contentChanges: [{ range: RANGE0, text: 'x' }] });
    await client.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: ghost } });
    await assertServing(client, 'after requests for unknown documents');
  });

  it('didChange before didOpen, didOpen twice, didClose twice, a change range past the end', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    const uri = freshUri();
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 5 }, contentChanges: [{ text: badReport(100) }] });
    await client.open(uri, badReport());
    let p = await client.diagnostics(uri, (x) => x.version === 1);
    assert.equal(p.diagnostics.length, 1);
    assert.match(p.diagnostics[0].message, /为 116/);
    // Opened again without a close: the newer text is what counts.
    await client.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-report', version: 7, text: badReport(117) } });
    p = await client.diagnostics(uri, (x) => x.version === 7);
    assert.match(p.diagnostics[0].message, /为 117/);
    // A range far past the end of the document.
    const far = { start: { line: 100000, character: 5 }, end: { line: 100001, character: 0 } };
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 8 }, contentChanges: [{ range: far, text: '\n附:本报告完。\n' }] });
    p = await client.diagnostics(uri, (x) => x.version === 8);
    assert.equal(p.diagnostics.length, 1);
    await client.close(uri);
    await client.close(uri);
    await assertServing(client, 'after out-of-order notifications');
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, [], 'the last word on a closed document is an empty list');
  });

  it('$/cancelRequest: cancelled code action requests settle and the server keeps serving', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    const uri = freshUri();
    await client.open(uri, badReport());
    const p = await client.diagnostics(uri, (x) => x.version === 1);
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const cts = new CancellationTokenSource();
        const req = client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: p.diagnostics[0].range, context: { diagnostics: p.diagnostics } }, cts.token);
        if (i % 3 === 0) cts.cancel();
        else setTimeout(() => cts.cancel(), i % 5);
        return req.then(
          () => 'answered',
          (e: { code?: number }) => `error ${e.code}`,
        );
      }),
    );
    for (const o of outcomes) assert.ok(o === 'answered' || o === 'error -32800', o);
    await assertServing(client, 'after cancelled requests');
  });

  it('a document closed right after a change (while it is analysed) gets no diagnostics after its close', async () => {
    for (const debounceMs of [0, 30]) {
      client = new LspClient({ settings: { debounceMs } });
      await client.initialize();
      const big = Array.from({ length: 40 }, (_, i) => badReport(100 + i)).join('\n');
      const uri = freshUri();
      await client.open(uri, big);
      await client.diagnostics(uri, (x) => x.version === 1, 10000);
      for (let i = 0; i < 5; i++) {
        await client.change(uri, big.replace('| 116 |', `| ${120 + i} |`));
        if (i === 4) await client.close(uri);
      }
      // Let any pending analysis finish, then make sure everything sent before has been handled.
      await new Promise((r) => setTimeout(r, 100 + debounceMs * 3));
      await assertServing(client, 'after closing during analysis');
      assert.deepEqual((await client.diagnostics(uri)).diagnostics, [], `debounce ${debounceMs}: diagnostics published after the document was closed`);
      assert.deepEqual(await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: RANGE0, context: { diagnostics: [] } }), []);
      await client.stop();
    }
  });

  const INVALID_SETTINGS: [string, unknown][] = [
    ['values of the wrong types', { enable: 'yes', plaintext: 42, rules: 'all', debounceMs: 'fast', locale: { zh: true }, maxDocumentSize: 'big' }],
    ['values out of range', { debounceMs: -5, maxDocumentSize: -1, rules: { 'table2-column-sum': 'fatal', '': 'error' } }],
    ['huge and fractional numbers', { debounceMs: 1e308, maxDocumentSize: 0.5 }],
    ['null', null],
    ['a string', 'nianbao'],
    ['an array', [1, 2, 3]],
  ];
  for (const [name, settings] of INVALID_SETTINGS) {
    it(`invalid settings (${name}) fall back to defaults`, async () => {
      client = new LspClient({});
      client.conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => settings));
      await client.initialize();
      const uri = freshUri();
      await client.open(uri, badReport());
      const p = await client.diagnostics(uri, (x) => x.version === 1, 5000);
      assert.equal(p.diagnostics.length, 1);
      assert.equal(p.diagnostics[0].code, 'table2-column-sum');
    });
  }

  it('a client that fails workspace/configuration or answers it with the wrong shape', async () => {
    for (const answer of [() => Promise.reject(new Error('no configuration here')), () => ({ not: 'an array' }), () => []]) {
      client = new LspClient({});
      client.conn.onRequest(ConfigurationRequest.type, answer as never);
      await client.initialize();
      await assertServing(client, 'with a broken configuration answer');
      await client.stop();
    }
  });

  it('a client that disappears (stdin closed, no shutdown or exit): the server exits within a few seconds', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    const uri = freshUri();
    await client.open(uri, badReport());
    await client.diagnostics(uri, (x) => x.version === 1);
    client.proc.stdin!.end();
    const code = await exited(client.proc, 5000);
    assert.notEqual(code, null);
  });

  it('a polite client: shutdown then exit, or shutdown then stdin closed, ends with code 0', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    await client.stop();
    assert.equal(client.proc.exitCode, 0);
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    await client.conn.sendRequest('shutdown');
    client.proc.stdin!.end();
    assert.equal(await exited(client.proc, 5000), 0);
  });

  it('a client that disappears in the middle of a message: the server exits within a few seconds', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    await writeRaw(client, 'Content-Length: 500\r\n\r\n{"jsonrpc":"2.0","method":"textDoc');
    client.proc.stdin!.end();
    assert.notEqual(await exited(client.proc, 5000), null);
  });
});
