/**
 * Protocol edges from issue 12: headers the reader cannot recover from, URIs that are not local
 * paths, requests after shutdown, malformed params, file-watch events for FIFOs and devices, bursts
 * of edits with no debounce, and versions that repeat or go stale under a command.
 */
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FileChangeType,
  FoldingRangeRequest,
  HoverRequest,
  type CodeAction,
  type InitializeParams,
} from 'vscode-languageserver-protocol/node';
import { renderReport, sampleValues } from '../helpers/layouts';
import { applyTextEdits, LspClient } from '../helpers/lsp';
import { CommandIds, ExtractRequest, PreviewRequest } from '../../server/src/protocol';

const POSIX = process.platform !== 'win32' && existsSync('/dev/zero') && spawnSync('mkfifo', ['--version']).status === 0;
const TITLE = '示例县2023年政府信息公开工作年度报告';
const RANGE0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
let uriCount = 0;
const freshUri = () => `file:///tmp/edges-${process.pid}-${++uriCount}.txt`;

function badReport(n = 116) {
  const v = sampleValues();
  v.t2['7'][0] = n;
  return renderReport({ title: TITLE, narrative: '概述。', values: v, layout: 'pipe-rows' });
}
const goodReport = () => renderReport({ title: TITLE, narrative: '概述。', values: sampleValues(), layout: 'pipe-rows' });
const sumReport = (narrative: string) => {
  const v = sampleValues();
  return renderReport({ title: TITLE, narrative, values: v, layout: 'pipe-rows' });
};

function writeRaw(client: LspClient, data: string): Promise<void> {
  return new Promise((resolve, reject) => client.proc.stdin!.write(data, (e) => (e ? reject(e) : resolve())));
}

function exited(proc: ChildProcess, ms: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (proc.exitCode !== null) return resolve(proc.exitCode);
    const timer = setTimeout(() => reject(new Error(`the server was still running ${ms} ms later`)), ms);
    proc.once('exit', (code) => (clearTimeout(timer), resolve(code)));
  });
}

/** The server still works: a new report gets its one diagnostic. */
async function assertServing(client: LspClient, what: string): Promise<void> {
  const uri = freshUri();
  await client.open(uri, badReport());
  await client
    .diagnostics(uri, (x) => x.diagnostics.length === 1, 5000)
    .catch((e) => {
      throw new Error(`${what}: the server stopped serving (${(e as Error).message.slice(0, 200)})`);
    });
}

const CAPS: InitializeParams['capabilities'] = {
  workspace: { configuration: true, applyEdit: true, didChangeWatchedFiles: { dynamicRegistration: true } },
  window: { showDocument: { support: true } },
  textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { dataSupport: true, isPreferredSupport: true } },
};

describe('protocol edges (issue 12)', function () {
  this.timeout(30000);
  let client: LspClient | undefined;
  before(() => {
    if (!POSIX) console.warn('    SKIPPED: the FIFO and /dev/zero cases need mkfifo and /dev/zero (not available here)');
  });
  afterEach(async () => {
    const c = client;
    client = undefined;
    await c?.stop();
  });

  for (const [name, raw] of [
    ['a Content-Length of 2^40', 'Content-Length: 1099511627776\r\n\r\n{}'],
    ['an LF-only header', 'Content-Length: 2\n\n{}'],
  ] as const) {
    it(`item 16: ${name}: the server exits by itself instead of waiting deaf`, async () => {
      client = new LspClient({ settings: { debounceMs: 0 } });
      await client.initialize();
      await writeRaw(client, raw);
      assert.equal(await exited(client.proc, 5000), 1);
      assert.match(client.stderr, /unreadable message header, exiting/);
    });
  }

  for (const uri of ['file://fileserver/share/%E7%A4%BA%E4%BE%8B2023%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.txt', 'file:///tmp/%E7%A4%BA%ZZ2023%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.txt']) {
    it(`item 16: ${uri.slice(0, 30)}…: not a local path, still checked, and the user is told ignoring cannot work`, async () => {
      client = new LspClient({ settings: { debounceMs: 0 } });
      await client.initialize();
      await client.open(uri, badReport());
      const p = await client.diagnostics(uri, (x) => x.diagnostics.length === 1, 5000);
      await client.until('a message about the URI', () => client!.messages.some((m) => m.message.includes('.nianbao-ignore.json')));
      assert.match(client.messages.find((m) => m.message.includes('.nianbao-ignore.json'))!.message, /本机文件路径/);
      const actions = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: p.diagnostics[0].range, context: { diagnostics: p.diagnostics } })) as CodeAction[];
      assert.ok(actions.some((a) => a.title === '改为 118'));
      assert.ok(!actions.some((a) => a.title.startsWith('忽略')), 'no ignore action that could not work');
    });
  }

  it('item 16: requests after shutdown are refused with InvalidRequest', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    const uri = freshUri();
    await client.open(uri, badReport());
    await client.diagnostics(uri, (x) => x.diagnostics.length === 1);
    await client.conn.sendRequest('shutdown');
    const refused = (e: { code?: number }) => e.code === -32600;
    await assert.rejects(client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }), refused);
    await assert.rejects(client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: RANGE0, context: { diagnostics: [] } }), refused);
    await assert.rejects(client.conn.sendRequest(ExecuteCommandRequest.type, { command: CommandIds.applyFixAll, arguments: [uri] }), refused);
    await assert.rejects(client.conn.sendRequest(PreviewRequest, { uri }), refused);
    await assert.rejects(client.conn.sendRequest(ExtractRequest, { uri }), refused);
    await client.conn.sendNotification('exit');
    assert.equal(await exited(client.proc, 5000), 0);
  });

  it('item 16: malformed params get InvalidParams (-32602), not an internal error', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    const uri = freshUri();
    await client.open(uri, badReport());
    await client.diagnostics(uri, (x) => x.diagnostics.length === 1);
    const bad: [string, unknown][] = [
      [HoverRequest.method, {}],
      [HoverRequest.method, { textDocument: { uri: 5 }, position: { line: 0, character: 0 } }],
      [HoverRequest.method, { textDocument: { uri }, position: { line: 'zero' } }],
      [CodeActionRequest.method, null],
      [CodeActionRequest.method, { textDocument: { uri }, range: RANGE0 }],
      [CodeActionRequest.method, { textDocument: { uri }, range: RANGE0, context: { diagnostics: 'all' } }],
      [DocumentSymbolRequest.method, {}],
      [FoldingRangeRequest.method, { textDocument: null }],
      [ExecuteCommandRequest.method, { command: CommandIds.applyFixAll, arguments: [123] }],
      [ExecuteCommandRequest.method, { command: CommandIds.ignoreFinding, arguments: [uri, 1, 42] }],
      [ExecuteCommandRequest.method, { arguments: [] }],
      [PreviewRequest.method, { uri: ['x'] }],
      [ExtractRequest.method, {}],
      [ExtractRequest.method, { uri: 7 }],
    ];
    for (const [method, params] of bad) {
      await assert.rejects(client.conn.sendRequest(method, params), (e: { code?: number }) => e.code === -32602, `${method} ${JSON.stringify(params)}`);
    }
    await assertServing(client, 'after malformed params');
  });

  it('item 8: file-watch events for a FIFO and a link to /dev/zero neither hang nor exhaust the server', async function () {
    if (!POSIX) this.skip();
    const root = mkdtempSync(join(tmpdir(), 'nianbao-watch-'));
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize({ capabilities: CAPS, workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }] });
    const fifo = join(root, '示例县2022年度报告.txt');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const zero = join(root, '示例县2021年度报告.txt');
    symlinkSync('/dev/zero', zero);
    const changes = [
      { uri: pathToFileURL(fifo).toString(), type: FileChangeType.Created },
      { uri: pathToFileURL(zero).toString(), type: FileChangeType.Created },
      { uri: pathToFileURL(fifo).toString(), type: FileChangeType.Changed },
    ];
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
    await assertServing(client, 'after watch events for a FIFO and /dev/zero');
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${client.proc.pid}/status`, 'utf8'));
    if (rss) assert.ok(+rss[1] < 1024 * 1024, `server RSS ${rss[1]} kB`);
  });

  it('item 10: debounceMs 0 and 100 quick edits: far fewer than 101 analyses, the last version published, a hover right after is answered promptly', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    const uri = freshUri();
    const text = Array.from({ length: 40 }, (_, i) => badReport(100 + i)).join('\n');
    await client.open(uri, text);
    await client.diagnostics(uri, (x) => x.version === 1, 10000);
    const before = client.published.length;
    const sends: Promise<void>[] = [];
    for (let v = 2; v <= 101; v++) {
      sends.push(client.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ range: RANGE0, text: '。' }] }));
    }
    const hover = client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
    await Promise.all(sends);
    await hover;
    const beforeHover = client.published.length - before;
    const last = await client.diagnostics(uri, (x) => x.version === 101, 20000);
    assert.ok(last.diagnostics.length > 0);
    // Let anything still queued arrive, then count.
    await new Promise((r) => setTimeout(r, 300));
    const mine = client.published.slice(before).filter((p) => p.uri === uri);
    assert.ok(mine.length < 50, `${mine.length} analyses published for 100 edits`);
    assert.equal(mine[mine.length - 1].version, 101, 'the last word is the last version');
    assert.ok(beforeHover <= 10, `the hover waited for ${beforeHover} analyses`);
  });

  it('item 12: didOpen again with the same version and new text is analysed anew, and its quick fix edits the right cell', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    const uri = freshUri();
    await client.open(uri, badReport(116));
    await client.diagnostics(uri, (x) => x.version === 1 && /为 116/.test(x.diagnostics[0]?.message ?? ''));
    const textB = '说明:本稿为征求意见稿。\n\n' + badReport(117);
    await client.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-report', version: 1, text: textB } });
    const p = await client.diagnostics(uri, (x) => /为 117/.test(x.diagnostics[0]?.message ?? ''), 5000);
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: p.diagnostics[0].range, context: { diagnostics: p.diagnostics } })) as CodeAction[];
    const fix = actions.find((a) => a.title === '改为 118');
    assert.ok(fix, actions.map((a) => a.title).join(' / '));
    assert.equal(applyTextEdits(textB, fix.edit!.changes![uri]), '说明:本稿为征求意见稿。\n\n' + goodReport());
  });

  it('item 12: a didChange that repeats the version number is analysed anew', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    const uri = freshUri();
    await client.open(uri, badReport(116));
    await client.diagnostics(uri, (x) => x.version === 1);
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: badReport(120) }] });
    await client.diagnostics(uri, (x) => x.version === 2 && /为 120/.test(x.diagnostics[0]?.message ?? ''));
    await client.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: badReport(121) }] });
    await client.diagnostics(uri, (x) => /为 121/.test(x.diagnostics[0]?.message ?? ''), 5000);
  });

  it('item 12: fix-all with a stale version is refused (nothing applied, the user told); with the current one it applies', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    const uri = freshUri();
    await client.open(uri, badReport(116));
    await client.diagnostics(uri, (x) => x.version === 1);
    await client.change(uri, '说明。\n' + badReport(116));
    await client.diagnostics(uri, (x) => x.version === 2);
    await client.conn.sendRequest(ExecuteCommandRequest.type, { command: CommandIds.applyFixAll, arguments: [uri, 1] });
    assert.equal(client.applied.length, 0, 'a stale fix-all is not applied');
    await client.until('a message saying the document changed', () => client!.messages.length > 0);
    assert.match(client.messages[0].message, /已更改/);
    await client.conn.sendRequest(ExecuteCommandRequest.type, { command: CommandIds.applyFixAll, arguments: [uri, 2] });
    assert.equal(client.applied.length, 1);
  });

  it('item 12: the ignore commands carry the version; a stale one whose finding is gone is refused', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-stale-ignore-'));
    const file = join(root, '示例县2023年度报告.txt');
    const wrong = sumReport('全年发布政策解读总量达45篇,其中文字解读20篇,图片解读15篇,视频解读12篇。');
    writeFileSync(file, wrong);
    const uri = pathToFileURL(file).toString();
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }] });
    await client.open(uri, wrong);
    const p = await client.diagnostics(uri, (x) => x.diagnostics.length === 1);
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: p.diagnostics[0].range, context: { diagnostics: p.diagnostics } })) as CodeAction[];
    const ignore = actions.find((a) => a.title.startsWith('忽略此问题'))!;
    const rule = actions.find((a) => a.title.startsWith('在本文件中忽略'))!;
    assert.equal(ignore.command!.arguments![1], 1, 'the version is the second argument');
    assert.equal(rule.command!.arguments![1], 1);
    // The user corrects the sentence; the old action is then executed.
    await client.change(uri, sumReport('全年发布政策解读总量达47篇,其中文字解读20篇,图片解读15篇,视频解读12篇。'));
    await client.diagnostics(uri, (x) => x.version === 2 && x.diagnostics.length === 0);
    await client.conn.sendRequest(ExecuteCommandRequest.type, ignore.command!);
    await client.conn.sendRequest(ExecuteCommandRequest.type, rule.command!);
    assert.ok(!existsSync(join(root, '.nianbao-ignore.json')), 'nothing recorded for a finding that is gone');
    await client.until('a message saying the document changed', () => client!.messages.some((m) => /已更改/.test(m.message)));
  });
});
