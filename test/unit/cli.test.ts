/** The CLI as outside tools use it: the bundled server/dist/cli.js, its formats and exit codes. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReport, sampleValues } from '../helpers/layouts';
import { CLI, CORPUS, HAS_CORPUS } from '../helpers/paths';

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
  const v = sampleValues();
  v.t3[4] = 3;
  const bad = join(dir, 'bad年度报告.txt');
  const good = join(dir, 'good.txt');
  const notReport = join(dir, 'notes.txt');
  const badText = renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: '概述。', values: v, layout: 'pipe-rows' });
  writeFileSync(bad, badText);
  writeFileSync(good, renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: '概述。', values: sampleValues(), layout: 'tabs' }));
  writeFileSync(notReport, '购物清单:苹果 3 个,梨 5 个,共 8 个。\n');

  it('text format: path:line:col severity rule message, exit 1 on errors', () => {
    const r = run(['check', bad, good, notReport]);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    assert.equal(lines.length, 1);
    const line = badText.split('\n').findIndex((l) => l.startsWith('2 | 1 | 0 | 1 | 3 |')) + 1;
    assert.equal(lines[0], `${bad}:${line}:17 error table3-group-sum 行政复议·总计 为 3，但结果维持、结果纠正、其他结果、尚未审结之和为 4`);
  });

  it('json format: the documented shape, LSP ranges, fixes as edits', () => {
    const r = run(['check', '--format', 'json', bad, notReport]);
    assert.equal(r.code, 1);
    const j = JSON.parse(r.out);
    assert.equal(j.version, 1);
    assert.deepEqual(
      j.files.map((f: { path: string; isReport: boolean }) => [f.path, f.isReport]),
      [
        [bad, true],
        [notReport, false],
      ],
    );
    const d = j.files[0].diagnostics[0];
    assert.deepEqual(Object.keys(d), ['rule', 'severity', 'message', 'range', 'related', 'fixes']);
    assert.equal(d.rule, 'table3-group-sum');
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.range.end, { line: d.range.start.line, character: d.range.start.character + 1 });
    assert.equal(d.related.length, 4);
    assert.deepEqual(d.fixes, [{ title: '改为 4', isPreferred: true, edits: [{ range: d.range, newText: '4' }] }]);
    assert.deepEqual(j.files[1].diagnostics, []);
  });

  it('--locale en and NIANBAO_LOCALE switch messages to English', () => {
    assert.match(run(['check', '--locale', 'en', bad]).out, /reconsideration · total is 3, but upheld \+ corrected \+ other \+ pending is 4/);
    assert.match(run(['check', bad], { NIANBAO_LOCALE: 'en' }).out, /total is 3/);
  });

  it('sarif format is SARIF 2.1.0 with rules and 1-based regions', () => {
    const r = run(['check', '--format', 'sarif', bad]);
    const s = JSON.parse(r.out);
    assert.equal(s.version, '2.1.0');
    const run0 = s.runs[0];
    assert.equal(run0.tool.driver.name, 'nianbao');
    assert.ok(run0.tool.driver.rules.some((x: { id: string; helpUri: string }) => x.id === 'table3-group-sum' && x.helpUri.endsWith('docs/rules/table3-group-sum.md')));
    assert.equal(run0.results[0].ruleId, 'table3-group-sum');
    assert.equal(run0.results[0].level, 'error');
    assert.equal(run0.results[0].locations[0].physicalLocation.region.startColumn, 17);
  });

  it('--fix writes the preferred fixes and reports what is left', () => {
    const copy = join(dir, 'copy年度报告.txt');
    copyFileSync(bad, copy);
    const r = run(['check', '--fix', copy]);
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    assert.equal(readFileSync(copy, 'utf8'), badText.replace('| 2 | 1 | 0 | 1 | 3 |', '| 2 | 1 | 0 | 1 | 4 |').replace(/^2 \| 1 \| 0 \| 1 \| 3 \|/m, '2 | 1 | 0 | 1 | 4 |'));
  });

  it('exit 0 with no errors; unreadable and binary files get a message and exit 2, others still checked', () => {
    assert.equal(run(['check', good]).code, 0);
    const bin = join(dir, 'x.bin');
    writeFileSync(bin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    const gbk = join(dir, 'gbk.txt');
    writeFileSync(gbk, Buffer.from([0xd5, 0xfe, 0xb8, 0xae])); // 政府 in GBK
    const r = run(['check', '--format', 'json', '--locale', 'en', join(dir, 'missing.txt'), bin, gbk, bad]);
    assert.equal(r.code, 2);
    assert.match(r.err, /missing\.txt: no such file/);
    assert.match(r.err, /x\.bin: binary file/);
    assert.match(r.err, /gbk\.txt: not UTF-8 text, probably GBK.*Notepad.*WPS.*iconv/);
    // The same in Chinese, the default: errors included, with how to re-save a GBK file on Windows.
    const zh = run(['check', join(dir, 'missing.txt'), bin, gbk]);
    assert.match(zh.err, /missing\.txt: 文件不存在/);
    assert.match(zh.err, /x\.bin: 是二进制文件/);
    assert.match(zh.err, /gbk\.txt: 不是 UTF-8 文本.*记事本.*另存为.*WPS/);
    const j = JSON.parse(r.out);
    assert.equal(j.files.length, 4);
    assert.equal(j.files[3].diagnostics.length, 1);
  });

  it('--rule sets a severity or turns a rule off', () => {
    assert.match(run(['check', '--rule', 'table3-group-sum=warning', bad]).out, / warning table3-group-sum /);
    const off = run(['check', '--rule=table3-group-sum=off', bad]);
    assert.equal(off.out, '');
    assert.equal(off.code, 0);
    assert.match(run(['check', '--locale', 'en', '--rule', 'no-such-rule=off', bad]).err, /unknown rule: no-such-rule/);
    assert.match(run(['check', '--rule', 'no-such-rule=off', bad]).err, /未知规则:no-such-rule/);
    assert.equal(run(['check', '--rule', 'table3-group-sum=loud', bad]).code, 2);
  });

  it('cross-year: the 洪泽区 pair together is consistent; a changed 上年结转 is reported on the 2024 file', function () {
    if (!HAS_CORPUS) this.skip();
    const y2023 = join(CORPUS, 'real', 'hongze_2023.txt');
    const y2024 = join(CORPUS, 'real', 'hongze_2024.txt');
    const cross = (files: string[]) =>
      (JSON.parse(run(['check', '--format', 'json', ...files]).out).files as { path: string; diagnostics: { rule: string; related: { path?: string }[] }[] }[]).flatMap((f) =>
        f.diagnostics.filter((d) => d.rule.includes('cross-year')).map((d) => ({ file: f.path, related: d.related[0].path })),
      );
    assert.deepEqual(cross([y2023, y2024]), []);
    const changed = join(dir, 'hongze_2024.txt');
    writeFileSync(changed, readFileSync(y2024, 'utf8').replace('二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0', '二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2'));
    assert.deepEqual(cross([y2023, changed]), [
      { file: changed, related: y2023 },
      { file: changed, related: y2023 },
    ]);
  });

  it('usage errors exit 2', () => {
    assert.equal(run([]).code, 2);
    assert.equal(run(['check']).code, 2);
    assert.equal(run(['check', '--format', 'xml', good]).code, 2);
    assert.equal(run(['lint', good]).code, 2);
    assert.match(run(['check', '--bogus', good], { NIANBAO_LOCALE: 'en' }).err, /unknown option: --bogus/);
    assert.match(run(['check', '--bogus', good]).err, /未知选项:--bogus/);
  });
});
