/** Suppression without comments: the server writes .nianbao-ignore.json, the server and the CLI honour it. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, ExecuteCommandRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { renderReport, sampleValues } from '../helpers/layouts';
import { LspClient } from '../helpers/lsp';
import { CommandIds, StatusNotification } from '../../server/src/protocol';
import { CLI } from '../helpers/paths';

const narrative = '全年发布政策解读总量达45篇,其中文字解读20篇,图片解读15篇,视频解读12篇。';
function text() {
  const v = sampleValues();
  v.t3[4] = 3;
  return renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative, values: v, layout: 'pipe-rows' });
}
const cli = (file: string) => JSON.parse(spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], { encoding: 'utf8' }).stdout).files[0].diagnostics as { rule: string }[];

describe('ignoring findings (.nianbao-ignore.json)', function () {
  this.timeout(20000);
  let client: LspClient;
  afterEach(async () => client && (await client.stop()));

  it('the quick fix records the finding; the diagnostic goes; the CLI and later edits above keep it ignored', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-ignore-'));
    mkdirSync(join(root, 'reports'));
    const file = join(root, 'reports', '示例县2023年度报告.txt');
    writeFileSync(file, text());
    const uri = pathToFileURL(file).toString();
    client = new LspClient({ settings: { debounceMs: 0 } });
    const statuses: { uri: string; suppressed: number; errors: number }[] = [];
    client.conn.onNotification(StatusNotification, (s) => statuses.push(s));
    const statusOf = async (u: string, pred: (s: (typeof statuses)[number]) => boolean) => {
      for (let i = 0; i < 100; i++, await new Promise((r) => setTimeout(r, 50))) if (statuses.some((s) => s.uri === u && pred(s))) return;
      assert.fail(`no such status for ${u}: ${JSON.stringify(statuses.filter((s) => s.uri === u))}`);
    };
    await client.initialize({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'root' }] });
    await client.open(uri, text());
    const p = await client.diagnostics(uri, (x) => x.diagnostics.length === 2);
    const sum = p.diagnostics.find((d) => d.code === 'narrative-sum')!;
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: sum.range, context: { diagnostics: [sum] } })) as CodeAction[];
    const ignore = actions.find((a) => a.title === '忽略此问题（记入 .nianbao-ignore.json）')!;
    assert.ok(ignore, actions.map((a) => a.title).join(' / '));
    await client.conn.sendRequest(ExecuteCommandRequest.type, ignore.command!);
    await client.diagnostics(uri, (x) => x.diagnostics.length === 1 && x.diagnostics[0].code === 'table3-group-sum');
    await statusOf(uri, (s) => s.errors === 1 && s.suppressed === 1); // the status counts the ignored finding

    const sidecar = join(root, '.nianbao-ignore.json');
    assert.ok(existsSync(sidecar), 'written at the workspace root');
    const data = JSON.parse(readFileSync(sidecar, 'utf8'));
    assert.equal(data.version, 1);
    assert.equal(data.ignore.length, 1);
    assert.equal(data.ignore[0].rule, 'narrative-sum');
    assert.equal(data.ignore[0].file, 'reports/示例县2023年度报告.txt');
    assert.match(data.ignore[0].note, /总数为 45篇/);

    assert.deepEqual(
      cli(file).map((d) => d.rule),
      ['table3-group-sum'],
      'the CLI honours it',
    );
    writeFileSync(file, '说明:本稿为征求意见稿。\n\n' + text());
    assert.deepEqual(
      cli(file).map((d) => d.rule),
      ['table3-group-sum'],
      'lines inserted above do not matter',
    );

    // Ignore a rule for the whole file.
    const t3 = p.diagnostics.find((d) => d.code === 'table3-group-sum')!;
    const more = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: t3.range, context: { diagnostics: [t3] } })) as CodeAction[];
    await client.conn.sendRequest(ExecuteCommandRequest.type, more.find((a) => a.title === '在本文件中忽略 表三分组合计')!.command!);
    await client.diagnostics(uri, (x) => x.diagnostics.length === 0);
    await statusOf(uri, (s) => s.errors === 0 && s.suppressed === 2);
    assert.deepEqual(cli(file), []);
  });

  it('ignoring says what was done, with Undo that removes the entry again', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-undo-'));
    const file = join(root, '示例县2023年度报告.txt');
    writeFileSync(file, text());
    const uri = pathToFileURL(file).toString();
    client = new LspClient({ settings: { debounceMs: 0 } });
    let undo: (choice: { title: string } | null) => void = () => {};
    client.answerMessage = () => new Promise((r) => (undo = r)); // the user decides later
    await client.initialize({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'root' }] });
    await client.open(uri, text());
    const p = await client.diagnostics(uri, (x) => x.diagnostics.length === 2);
    const t3 = p.diagnostics.find((d) => d.code === 'table3-group-sum')!;
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: t3.range, context: { diagnostics: [t3] } })) as CodeAction[];
    const ignore = actions.find((a) => a.title === '忽略此问题（记入 .nianbao-ignore.json）')!;
    // The command returns at once; the message waits for the user.
    await client.conn.sendRequest(ExecuteCommandRequest.type, ignore.command!);
    await client.diagnostics(uri, (x) => x.diagnostics.length === 1);
    const sidecar = join(root, '.nianbao-ignore.json');
    assert.equal(JSON.parse(readFileSync(sidecar, 'utf8')).ignore.length, 1);
    const asked = () => client.messages.filter((m) => 'actions' in m && m.actions?.length);
    for (let i = 0; i < 50 && !asked().length; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(asked().length, 1);
    assert.equal(asked()[0].message, 'nianbao：已忽略此“表三分组合计”问题（记入 .nianbao-ignore.json）');
    assert.deepEqual(asked()[0].actions, [{ title: '撤销' }]);
    undo({ title: '撤销' });
    await client.diagnostics(uri, (x) => x.diagnostics.length === 2 && x.diagnostics.some((d) => d.code === 'table3-group-sum'));
    assert.deepEqual(JSON.parse(readFileSync(sidecar, 'utf8')).ignore, [], 'the entry is gone, the file stays valid');
    assert.equal(cli(file).length, 2, 'the CLI sees it again too');
    // Undo of an entry that is gone: told, nothing written.
    await client.conn.sendRequest(ExecuteCommandRequest.type, { command: CommandIds.unignore, arguments: [uri, 'table3-group-sum', t3.data.fingerprint] });
    assert.deepEqual(JSON.parse(readFileSync(sidecar, 'utf8')).ignore, []);
  });

  it('an entry for another file does not apply, and a broken ignore file is reported and ignored', () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-ignore-'));
    const file = join(root, 'a年度报告.txt');
    writeFileSync(file, text());
    writeFileSync(join(root, '.nianbao-ignore.json'), JSON.stringify({ version: 1, ignore: [{ rule: 'table3-group-sum', file: 'b年度报告.txt' }] }));
    assert.equal(cli(file).length, 2);
    writeFileSync(join(root, '.nianbao-ignore.json'), '{ not json');
    const r = spawnSync(process.execPath, [CLI, 'check', '--locale', 'en', file], { encoding: 'utf8' });
    assert.match(r.stderr, /ignore file .*\.nianbao-ignore\.json/);
    assert.match(spawnSync(process.execPath, [CLI, 'check', file], { encoding: 'utf8' }).stderr, /忽略文件 .*\.nianbao-ignore\.json/, 'in Chinese by default');
    assert.equal(r.stdout.trim().split('\n').length, 2);
  });
});
