import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, explainAt, otherReportOf, outline, type OutlineNode } from '../../server/src/core';
import { renderReport, sampleValues } from '../helpers/layouts';
import { CORPUS, HAS_CORPUS } from '../helpers/paths';

const narrative = '全年共收到政府信息公开申请141件,办结137件,其中予以公开83件,占60.6%。';

function make(mut?: (v: ReturnType<typeof sampleValues>) => void) {
  const v = sampleValues();
  mut?.(v);
  return renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative, values: v, layout: 'pipe-rows' });
}

describe('hover explanations', () => {
  it('a (七) total: its labels, and every sum it is in, term by term', () => {
    const text = make((v) => (v.t2['7'][0] = 116));
    const a = analyze(text);
    const at = text.indexOf('116');
    const e = explainAt(a, at + 1)!;
    assert.equal(text.slice(e.span.start, e.span.end), '116');
    assert.equal(e.title.zh, '表二 (七)总计·自然人 = 116');
    const lines = e.lines.map((l) => l.zh);
    assert.ok(lines.includes('✗ 本列(一)至(六):70 + 10 + 0 + 1 + 0 + 2 + 3 + 1 + 0 + 2 + 15 + 3 + 1 + 4 + 2 + 0 + 0 + 1 + 2 + 0 + 1 = 118,(七)总计 [116]'), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('✗ 本行:[116] + 14 + 0 + 1 + 3 + 1 = 135,总计 137')));
    assert.ok(lines.some((l) => l.startsWith('✗ 勾稽关系:一 + 二 = 120 + 4 = 124;(七) + 四 = [116] + 6 = 122')));
    assert.deepEqual(
      e.findings!.map((f) => f.rule),
      ['table2-column-sum'],
      'the finding about the cell, for the verdict and its related cells',
    );
    assert.equal(e.lines[0].en.startsWith('✗ row:') || e.lines.some((l) => l.en.startsWith('✗ column (1)–(6):')), true);
  });

  it('a consistent table-3 total shows its sum', () => {
    const text = make();
    const a = analyze(text);
    const line = text.split('\n').find((l) => l.startsWith('2 | 1 | 0 | 1 | 4'))!;
    const at = text.indexOf(line) + line.indexOf('4');
    const e = explainAt(a, at)!;
    assert.equal(e.title.zh, '表三 行政复议·总计 = 4');
    assert.deepEqual(
      e.lines.map((l) => l.zh),
      ['✓ 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 2 + 1 + 0 + 1 = 4,总计 4'],
    );
  });

  it('a consistent narrative figure shows what it was compared with', () => {
    const text = make();
    const a = analyze(text);
    const e = explainAt(a, text.indexOf('83件'))!;
    assert.equal(e.title.zh, '叙述数字 83件');
    assert.deepEqual(
      e.lines.map((l) => l.zh),
      ['✓ 叙述与表格不一致', '叙述“予以公开” 83件 ↔ 表二 (一)予以公开·总计', '表格:83'],
    );
    const p = explainAt(a, text.indexOf('60.6'))!;
    assert.deepEqual(
      p.lines.map((l) => l.zh),
      ['✓ 百分比', '83 ÷ 137 = 60.584%(基数:句中所述总数 137)'],
    );
  });

  it('nothing to say elsewhere', () => {
    const text = make();
    assert.equal(explainAt(analyze(text), text.indexOf('总体情况')), undefined);
  });
});

describe('outline', () => {
  const names = (ns: OutlineNode[], depth = 0): string[] => ns.flatMap((n) => [`${'  '.repeat(depth)}${n.name.zh}`, ...names(n.children, depth + 1)]);

  it('sections with sub-headings and the three tables with their blocks', () => {
    const text = make().replace('一、总体情况\n', '一、总体情况\n(一)主动公开情况\n本年度公开信息6835条。\n(二)依申请公开情况\n');
    const tree = outline(analyze(text).model);
    assert.deepEqual(names(tree), [
      '一、总体情况',
      '  (一)主动公开情况',
      '  (二)依申请公开情况',
      '二、主动公开政府信息情况',
      '  表一 主动公开政府信息情况',
      '    第二十条第(一)项 规章和规范性文件',
      '    第二十条第(五)项 行政许可',
      '    第二十条第(六)项 行政处罚、行政强制',
      '    第二十条第(八)项 行政事业性收费',
      '三、收到和处理政府信息公开申请情况',
      '  表二 收到和处理政府信息公开申请情况',
      '    一、本年新收',
      '    二、上年结转',
      '    三、本年度办理结果',
      '    四、结转下年度继续办理',
      '四、政府信息公开行政复议、行政诉讼情况',
      '  表三 行政复议、行政诉讼情况',
      '    行政复议',
      '    行政诉讼·未经复议直接起诉',
      '    行政诉讼·复议后起诉',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    const walk = (ns: OutlineNode[], parent?: OutlineNode): void =>
      ns.forEach((n) => {
        assert.ok(n.selection.start >= n.span.start && n.selection.end <= n.span.end, `${n.name.zh}: selection inside range`);
        if (parent) assert.ok(n.span.start >= parent.span.start && n.span.end <= parent.span.end, `${n.name.zh} inside ${parent.name.zh}`);
        walk(n.children, n);
      });
    walk(tree);
  });

  it('a report pasted twice shows its copy as one node (seed 001)', function () {
    if (!HAS_CORPUS) this.skip();
    const text = readFileSync(join(CORPUS, 'seeds', '001_e734d4ff9f7ecc9d.txt'), 'utf8');
    const tree = outline(analyze(text).model);
    assert.equal(tree.length, 7);
    assert.equal(tree[6].name.zh, '重复粘贴的报告副本');
  });
});

describe('reuse of last year’s text', () => {
  it('a section heading says how much of its text is word for word in last year’s report', function () {
    if (!HAS_CORPUS) this.skip();
    const y2023 = readFileSync(join(CORPUS, 'real', 'hongze_2023.txt'), 'utf8');
    const y2024 = readFileSync(join(CORPUS, 'real', 'hongze_2024.txt'), 'utf8');
    const others = [otherReportOf('2023.txt', y2023)];
    const a = analyze(y2024, { others });
    const e1 = explainAt(a, y2024.indexOf('一、总体情况'), others)!;
    assert.match(e1.lines[0].zh, /^与 2023 年报告相同的文字占 \d+%\(\d+\/\d+ 字\)$/);
    const pct = Number(/占 (\d+)%/.exec(e1.lines[0].zh)![1]);
    assert.ok(pct > 0 && pct < 100, `${pct}`);
    const e6 = explainAt(a, y2024.indexOf('六、其他需要报告的事项'), others)!;
    assert.match(e6.lines[0].zh, /占 0%/, 'the 2024 sentence differs from 2023 in its year');
    assert.equal(explainAt(a, y2024.indexOf('一、总体情况'), []), undefined, 'nothing without last year');
    assert.equal(explainAt(a, y2024.indexOf('二、主动公开'), others), undefined, 'nothing for a section without prose');
  });
});
