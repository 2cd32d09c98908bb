/**
 * Fix-all and ignore carry the document version they were offered for (as vscode-eslint's
 * commands do). A stale fix-all — the command or a lazily resolved code action — is refused and the
 * user told in the report's message language; a stale ignore is refused when its finding is gone and
 * recorded when the same finding (same fingerprint) is still there; current ones work.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, CodeActionResolveRequest, ExecuteCommandRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { CommandIds, FIX_ALL_KIND } from '../../server/src/protocol';
import { renderReport, sampleValues } from '../helpers/layouts';
import { applyTextEdits, LspClient } from '../helpers/lsp';

const TITLE = '示例县2023年政府信息公开工作年度报告';
const RANGE0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
/** 20 + 15 + 12 = 47, not 45: one narrative-sum finding. */
const WRONG_SUM = '全年发布政策解读总量达45篇,其中文字解读20篇,图片解读15篇,视频解读12篇。';
const RIGHT_SUM = WRONG_SUM.replace('45篇', '47篇');

const report = (narrative = '概述。', total = 118) => {
  const v = sampleValues();
  v.t2['7'][0] = total;
  return renderReport({ title: TITLE, narrative, values: v, layout: 'pipe-rows' });
};

describe('lsp: stale fix-all and ignore commands', function () {
  this.timeout(20000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  const actionsAt = async (uri: string, diagnostics: Diagnostic[], only?: string[]) =>
    (await client!.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0]?.range ?? RANGE0, context: { diagnostics, ...(only ? { only } : {}) } })) as CodeAction[];

  it('fix-all: the command with a stale version edits nothing and says so in English when the messages are English; the current version applies', async () => {
    client = new LspClient({ settings: { debounceMs: 0, locale: 'en' } });
    await client.initialize();
    const uri = `file:///tmp/stale-fixall-${process.pid}.txt`;
    await client.open(uri, report('概述。', 116));
    await client.diagnostics(uri, (p) => p.version === 1 && p.diagnostics.length > 0);
    await client.change(uri, '说明。\n' + report('概述。', 116));
    await client.diagnostics(uri, (p) => p.version === 2);
    await client.conn.sendRequest(ExecuteCommandRequest.type, { command: CommandIds.applyFixAll, arguments: [uri, 1] });
    assert.equal(client.applied.length, 0);
    await client.until('the stale notice', () => client!.messages.length > 0);
    assert.equal(client.messages[0].message, 'nianbao: the document has changed; fix-all was not applied, run it again');
    await client.conn.sendRequest(ExecuteCommandRequest.type, { command: CommandIds.applyFixAll, arguments: [uri, 2] });
    assert.equal(client.applied.length, 1);
    const edits = client.applied[0].edit.changes?.[uri] ?? [];
    assert.equal(applyTextEdits('说明。\n' + report('概述。', 116), edits), '说明。\n' + report());
  });

  it('fix-all: a lazily resolved code action offered for an older version gets no edit, and the user is told; one offered now resolves', async () => {
    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize({
      capabilities: { workspace: { configuration: true }, textDocument: { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } } },
    });
    const uri = `file:///tmp/stale-resolve-${process.pid}.txt`;
    await client.open(uri, report('概述。', 116));
    await client.diagnostics(uri, (p) => p.version === 1 && p.diagnostics.length > 0);
    const [old] = await actionsAt(uri, [], [FIX_ALL_KIND]);
    assert.deepEqual(old.data, { fixAll: { uri, version: 1 } });
    const changed = '说明。\n' + report('概述。', 116);
    await client.change(uri, changed);
    await client.diagnostics(uri, (p) => p.version === 2);
    const refused = await client.conn.sendRequest(CodeActionResolveRequest.type, old);
    assert.equal(refused.edit, undefined, 'no edit for a text that is no longer there');
    await client.until('the stale notice', () => client!.messages.some((m) => /文档已更改/.test(m.message)));
    const [now] = await actionsAt(uri, [], [FIX_ALL_KIND]);
    const resolved = await client.conn.sendRequest(CodeActionResolveRequest.type, now);
    assert.equal(applyTextEdits(changed, resolved.edit!.changes![uri]), '说明。\n' + report());
  });

  it('ignore: stale with its finding gone is refused; stale with the same finding still there is recorded; a current one is recorded', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-stale-'));
    const file = join(root, '示例县2023年度报告.txt');
    writeFileSync(file, report(WRONG_SUM));
    const uri = pathToFileURL(file).toString();
    const ignoreFile = join(root, '.nianbao-ignore.json');
    client = new LspClient({ settings: { debounceMs: 0, locale: 'en' } });
    await client.initialize({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }] });
    await client.open(uri, report(WRONG_SUM));
    const v1 = await client.diagnostics(uri, (p) => p.version === 1 && p.diagnostics.length === 1);
    const ignoreOf = (actions: CodeAction[]) => actions.find((a) => a.command?.command === CommandIds.ignoreFinding)!.command!;
    const staleIgnore = ignoreOf(await actionsAt(uri, v1.diagnostics));
    assert.equal(staleIgnore.arguments![1], 1, 'the version the action was offered for');

    // The sentence is corrected: the old ignore has nothing left to ignore.
    await client.change(uri, report(RIGHT_SUM));
    await client.diagnostics(uri, (p) => p.version === 2 && p.diagnostics.length === 0);
    await client.conn.sendRequest(ExecuteCommandRequest.type, staleIgnore);
    await client.until('the stale notice', () => client!.messages.length > 0);
    assert.equal(client.messages[0].message, 'nianbao: the document has changed and the problem is gone; nothing was recorded');
    assert.ok(!existsSync(ignoreFile));

    // The mistake is back and a line is added above it: same finding, new version.
    await client.change(uri, report(WRONG_SUM));
    const v3 = await client.diagnostics(uri, (p) => p.version === 3 && p.diagnostics.length === 1);
    const atV3 = ignoreOf(await actionsAt(uri, v3.diagnostics));
    await client.change(uri, '说明。\n' + report(WRONG_SUM));
    await client.diagnostics(uri, (p) => p.version === 4 && p.diagnostics.length === 1);
    await client.conn.sendRequest(ExecuteCommandRequest.type, atV3);
    const entries = () => (JSON.parse(readFileSync(ignoreFile, 'utf8')) as { ignore: { rule: string; fingerprint?: string }[] }).ignore;
    assert.deepEqual(
      entries().map((e) => e.rule),
      ['narrative-sum'],
    );
    await client.diagnostics(uri, (p) => p.diagnostics.length === 0);

    // A current "ignore this rule in the file" is recorded as well.
    await client.change(uri, report('概述。', 116));
    const v5 = await client.diagnostics(uri, (p) => p.version === 5 && p.diagnostics.length > 0);
    const rule = (await actionsAt(uri, v5.diagnostics)).find((a) => a.command?.command === CommandIds.ignoreRuleInFile)!.command!;
    assert.equal(rule.arguments![1], 5);
    await client.conn.sendRequest(ExecuteCommandRequest.type, rule);
    assert.ok(
      entries().some((e) => e.rule === v5.diagnostics[0].code && e.fingerprint === undefined),
      JSON.stringify(entries()),
    );
  });
});
