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
    await client.initialize({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'root' }] });
    await client.open(uri, text());
    const p = await client.diagnostics(uri, (x) => x.diagnostics.length === 2);
    const sum = p.diagnostics.find((d) => d.code === 'narrative-sum')!;
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: sum.range, context: { diagnostics: [sum] } })) as CodeAction[];
    const ignore = actions.find((a) => a.title === '忽略此问题(记入 .nianbao-ignore.json)')!;
    assert.ok(ignore, actions.map((a) => a.title).join(' / '));
    await client.conn.sendRequest(ExecuteCommandRequest.type, ignore.command!);
    await client.diagnostics(uri, (x) => x.diagnostics.length === 1 && x.diagnostics[0].code === 'table3-group-sum');

    const sidecar = join(root, '.nianbao-ignore.json');
    assert.ok(existsSync(sidecar), 'written at the workspace root');
    const data = JSON.parse(readFileSync(sidecar, 'utf8'));
    assert.equal(data.version, 1);
    assert.equal(data.ignore.length, 1);
    assert.equal(data.ignore[0].rule, 'narrative-sum');
    assert.equal(data.ignore[0].file, 'reports/示例县2023年度报告.txt');
    assert.match(data.ignore[0].note, /总数为 45篇/);

    assert.deepEqual(cli(file).map((d) => d.rule), ['table3-group-sum'], 'the CLI honours it');
    writeFileSync(file, '说明:本稿为征求意见稿。\n\n' + text());
    assert.deepEqual(cli(file).map((d) => d.rule), ['table3-group-sum'], 'lines inserted above do not matter');

    // Ignore a rule for the whole file.
    const t3 = p.diagnostics.find((d) => d.code === 'table3-group-sum')!;
    const more = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: t3.range, context: { diagnostics: [t3] } })) as CodeAction[];
    await client.conn.sendRequest(ExecuteCommandRequest.type, more.find((a) => a.title === '在本文件中忽略 table3-group-sum')!.command!);
    await client.diagnostics(uri, (x) => x.diagnostics.length === 0);
    assert.deepEqual(cli(file), []);
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
