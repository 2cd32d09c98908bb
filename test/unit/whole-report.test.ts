/** Whole-report checks: repeated pastes, years, missing parts, and the cross-year checks. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, applyFixes, fixAll, otherReportOf, type OtherReport } from '../../server/src/core';
import { sameBody } from '../../server/src/core/rules/cross-year';
import { renderReport, sampleValues } from '../helpers/layouts';
import { CORPUS, HAS_CORPUS } from '../helpers/paths';

const lineOf = (text: string, offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length;
const rules = (text: string, opts = {}) => analyze(text, opts).findings.map((f) => `${lineOf(text, f.span.start)} ${f.rule}`);

function report(title: string, narrative = '本年度持续推进政务公开。', mut?: (v: ReturnType<typeof sampleValues>) => void) {
  const v = sampleValues();
  mut?.(v);
  return renderReport({ title, narrative, values: v, layout: 'pipe-rows' }).replace(
    '本年度未收取信息处理费。',
    '本年度未收取信息处理费。本年度报告中使用数据统计期限为2023年1月1日起至2023年12月31日止。',
  );
}

describe('duplicate-content', () => {
  it('seed 001: exactly one warning, at line 341, and the second copy is not checked again', function () {
    if (!HAS_CORPUS) this.skip();
    const text = readFileSync(join(CORPUS, 'seeds', '001_e734d4ff9f7ecc9d.txt'), 'utf8');
    const a = analyze(text);
    assert.deepEqual(
      a.findings.map((f) => `${lineOf(text, f.span.start)} ${f.rule}`),
      ['341 duplicate-content'],
    );
    const f = a.findings[0];
    assert.equal(f.severity, 'warning');
    assert.match(f.message.zh, /^整份报告重复粘贴:第 341–680 行与第 1–340 行相同$/);
    assert.equal(lineOf(text, f.related[0].span.start), 1);
    // The fix removes the copy, is never preferred and fix-all leaves it alone.
    assert.equal(f.fixes[0].isPreferred, false);
    assert.equal(fixAll(text).text, text);
    const removed = applyFixes(text, f.fixes);
    const lines = text.split('\n');
    assert.equal(removed, [...lines.slice(0, 340), ...lines.slice(680)].join('\n'));
    assert.deepEqual(rules(removed), []);
  });

  it('a section pasted twice is one warning', () => {
    const long = '本年度我县坚持以公开为常态、不公开为例外,围绕县委县政府中心工作,持续深化政务公开,推进决策、执行、管理、服务、结果公开,不断提升政务公开的质量和实效。'.repeat(3);
    const base = report('示例县2023年政府信息公开工作年度报告', long);
    const sec1 = base.slice(base.indexOf('一、总体情况'), base.indexOf('二、主动公开'));
    const text = base.replace(sec1, sec1 + sec1);
    const found = rules(text);
    assert.deepEqual(found, [`${lineOf(text, text.indexOf(sec1) + sec1.length)} duplicate-content`]);
  });

  it('a table pasted twice is one warning, and the table is read once', () => {
    const base = report('示例县2023年政府信息公开工作年度报告');
    const t2 = base.slice(base.indexOf('(本列数据'), base.indexOf('四、政府信息公开行政复议'));
    const text = base.replace(t2, t2 + t2);
    assert.deepEqual(
      rules(text).map((r) => r.split(' ')[1]),
      ['duplicate-content'],
    );
  });

  it('tables full of zeros are not duplicates of each other', () => {
    const zero = sampleValues();
    for (const k of Object.keys(zero.t2)) zero.t2[k] = [0, 0, 0, 0, 0, 0, 0];
    zero.t3 = new Array(15).fill(0);
    const text = renderReport({ title: '某街道2023年政府信息公开工作年度报告', narrative: '无。', values: zero, layout: 'pipe-cells' });
    assert.deepEqual(rules(text), []);
  });
});

describe('year-mismatch', () => {
  it('a statistics period left at last year is the odd one out', () => {
    const text = report('示例县2023年政府信息公开工作年度报告', '2023年,我县持续推进政务公开。').replace('期限为2023年1月1日起至2023年12月31日', '期限为2022年1月1日起至2022年12月31日');
    const a = analyze(text);
    const found = a.findings.filter((f) => f.rule === 'year-mismatch');
    assert.equal(found.length, 2);
    for (const f of found) {
      assert.equal(text.slice(f.span.start, f.span.end), '2022');
      assert.match(f.message.zh, /^统计期限中的年份 2022 与报告其他处的 2023 年\(标题、正文\)不一致$/);
      assert.equal(f.fixes[0].edits[0].newText, '2023');
      assert.equal(f.fixes[0].stage, 'never', 'not applied by fix-all');
    }
  });

  it('a title left at last year', () => {
    const text = report('示例县2022年政府信息公开工作年度报告', '2023年,我县持续推进政务公开。');
    assert.deepEqual(rules(text), ['1 year-mismatch']);
  });

  it('a tie between the title and the period is settled by the title; the period votes once', () => {
    const text = report('示例县2023年政府信息公开工作年度报告').replace('期限为2023年1月1日起至2023年12月31日', '期限为2022年1月1日起至2022年12月31日');
    const found = analyze(text).findings.filter((f) => f.rule === 'year-mismatch');
    assert.deepEqual(
      found.map((f) => text.slice(f.span.start, f.span.end)),
      ['2022', '2022'],
    );
    assert.ok(found.every((f) => !f.fixes[0].isPreferred));
  });

  it('only the opening sentence of a section or sub-section counts, so past events stay quiet', () => {
    const narrative = '2023年,我县持续推进政务公开。2021年,我县被确定为全国政务公开试点县。\n(一)主动公开情况\n2023年,全县主动公开信息6835条。';
    assert.deepEqual(rules(report('示例县2023年政府信息公开工作年度报告', narrative)), []);
  });

  it('stays quiet on plans, references to last year, comparisons, titles of documents', () => {
    const narrative = [
      '2023年,我县持续推进政务公开。',
      '2024年,我县将继续加强培训。',
      '2022年上年度存在的问题已整改。',
      '与2022年相比,公开数量增加。',
      '印发《2022年政务公开工作要点》。',
      '依据国办公开办函〔2021〕30号。',
    ].join('\n');
    assert.deepEqual(rules(report('示例县2023年政府信息公开工作年度报告', narrative)), []);
  });

  it('the corpus reports agree with themselves', function () {
    if (!HAS_CORPUS) this.skip();
    for (const f of ['seeds/000_1e860eacff34bb2b.txt', 'seeds/002_0e857ebabbcaf76f.txt', 'seeds/004_5ddfc993aefd2777.txt', 'real/hongze_2024.txt']) {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      assert.deepEqual(
        analyze(text).findings.filter((x) => x.rule === 'year-mismatch'),
        [],
        f,
      );
    }
  });
});

describe('missing-section', () => {
  it('a missing section is one information diagnostic where it would be', () => {
    const base = report('示例县2023年政府信息公开工作年度报告');
    const text = base.replace(/五、存在的主要问题及改进情况\n[^\n]*\n/, '');
    const a = analyze(text);
    assert.deepEqual(
      a.findings.map((f) => [f.rule, f.severity, text.slice(f.span.start, f.span.end), f.message.zh]),
      [['missing-section', 'information', '六、其他需要报告的事项', '缺少第五部分“存在的主要问题及改进情况”(应在此处之前)']],
    );
  });

  it('a missing last section belongs after the end', () => {
    const text = report('示例县2023年政府信息公开工作年度报告').replace(/六、其他需要报告的事项\n[^\n]*\n?/, '');
    const a = analyze(text);
    assert.deepEqual(
      a.findings.map((f) => f.message.zh),
      ['缺少第六部分“其他需要报告的事项”(应在此处之后)'],
    );
    assert.equal(text.slice(a.findings[0].span.start, a.findings[0].span.end), '一是政策解读形式还不够丰富;二是基层公开队伍力量薄弱。下一步将加强培训。');
  });

  it('a section without its table, and a whole table section missing', () => {
    const base = report('示例县2023年政府信息公开工作年度报告');
    const noT3 = base.replace(/(四、政府信息公开行政复议、行政诉讼情况\n)[\s\S]*?(五、)/, '$1本年度无行政复议、行政诉讼。\n$2');
    assert.deepEqual(
      analyze(noT3).findings.map((f) => f.message.zh),
      ['第四部分缺少表三(行政复议、行政诉讼情况)'],
    );
    const noSec2 = base.replace(/二、主动公开政府信息情况\n[\s\S]*?(三、收到)/, '$1');
    assert.deepEqual(
      analyze(noSec2).findings.map((f) => f.message.zh),
      ['缺少第二部分“主动公开政府信息情况”及其表一(主动公开政府信息情况)(应在此处之前)'],
    );
  });

  it('is quiet on every corpus report', function () {
    if (!HAS_CORPUS) this.skip();
    for (const d of ['seeds', 'real']) {
      for (const f of [
        '000_1e860eacff34bb2b.txt',
        '001_e734d4ff9f7ecc9d.txt',
        '002_0e857ebabbcaf76f.txt',
        '003_23d160e7ec491542.txt',
        '004_5ddfc993aefd2777.txt',
        'hongze_2023.txt',
        'hongze_2024.txt',
        'huaian_2024.txt',
      ]) {
        let text: string;
        try {
          text = readFileSync(join(CORPUS, d, f), 'utf8');
        } catch {
          continue;
        }
        assert.deepEqual(
          analyze(text).findings.filter((x) => x.rule === 'missing-section'),
          [],
          f,
        );
      }
    }
  });
});

describe('cross-year', () => {
  const other = (uri: string, text: string): OtherReport => otherReportOf(uri, text);

  it('same body: equal names or one the tail of the other', () => {
    assert.ok(sameBody('洪泽区人民政府', '淮安市洪泽区人民政府'));
    assert.ok(!sameBody('淮安市人民政府', '淮安市洪泽区人民政府'));
    assert.ok(!sameBody('人民政府', '淮安市人民政府'), 'too short to say');
    assert.ok(!sameBody('', '淮安市人民政府'));
  });

  it('the 洪泽区 pair is consistent; a changed 上年结转 is reported on the 2024 file pointing into 2023', function () {
    if (!HAS_CORPUS) this.skip();
    const y2023 = readFileSync(join(CORPUS, 'real', 'hongze_2023.txt'), 'utf8');
    const y2024 = readFileSync(join(CORPUS, 'real', 'hongze_2024.txt'), 'utf8');
    const cross = (t: string, o: OtherReport[]) => analyze(t, { others: o }).findings.filter((f) => f.rule.startsWith('cross-year'));
    assert.deepEqual(cross(y2024, [other('2023.txt', y2023)]), []);
    assert.deepEqual(cross(y2023, [other('2024.txt', y2024)]), [], 'only the later year is checked');
    const changed = y2024.replace('二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0', '二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2');
    const found = cross(changed, [other('2023.txt', y2023)]);
    assert.deepEqual(
      found.map((f) => [f.rule, lineOf(changed, f.span.start), changed.slice(f.span.start, f.span.end)]),
      [
        ['cross-year-carryover', 76, '2'],
        ['cross-year-carryover', 76, '2'],
      ],
    );
    assert.equal(found[0].related[0].uri, '2023.txt');
    assert.equal(lineOf(y2023, found[0].related[0].span.start), 111);
    assert.match(found[0].message.zh, /^二、上年结转·自然人 为 2,但 2023 年报告的“四、结转下年度继续办理”·自然人 为 0$/);
  });

  it('现行有效 continuity is a warning with the arithmetic', () => {
    const last = report('示例县2022年政府信息公开工作年度报告').replace(/2023年/g, '2022年');
    const now = report('示例县2023年政府信息公开工作年度报告');
    // Last year 80 in force; this year 80 + 12 − 3 = 89, but the table says 86.
    const lastText = last.replace('行政规范性文件 | 12 | 3 | 86 |', '行政规范性文件 | 10 | 0 | 80 |');
    const found = analyze(now, { others: [other('last.txt', lastText)] }).findings.filter((f) => f.rule === 'cross-year-valid-docs');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message.zh, /行政规范性文件·现行有效件数 为 86,但 2022 年报告的现行有效件数 \+ 本年制发 − 本年废止 = 80 \+ 12 − 3 = 89/);
    assert.deepEqual(analyze(now, { others: [other('other-body.txt', lastText.replace('示例县', '别的县'))] }).findings, []);
    assert.deepEqual(analyze(now, { others: [other('two-years.txt', lastText.replace('2022年政府', '2021年政府'))] }).findings, []);
  });
});
