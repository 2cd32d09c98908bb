import * as assert from 'node:assert/strict';
import { analyze, fixAll } from '../../server/src/core';
import { formatDec } from '../../server/src/core/num/decimal';
import { LAYOUTS, T2_IDS, renderReport, sampleValues, type Layout, type ReportParts } from '../helpers/layouts';

const NARRATIVE = '本年度我县持续推进政务公开工作。';

function report(layout: Layout, extra: Partial<ReportParts> = {}): string {
  return renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: NARRATIVE, values: sampleValues(), layout, ...extra });
}

const toFullWidthDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

describe('table alignment in every layout', () => {
  const variants: [string, (l: Layout) => string][] = [
    ['plain', (l) => report(l)],
    ['CRLF', (l) => report(l, { eol: '\r\n' })],
    ['(六) as one row', (l) => report(l, { mergedSix: true })],
    ['full-width digits and punctuation', (l) => toFullWidthDigits(report(l)).replace(/\(/g, '(').replace(/\)/g, ')')],
  ];
  for (const layout of LAYOUTS) {
    for (const [name, make] of variants) {
      it(`${layout}, ${name}: aligns all three tables with no findings`, () => {
        const text = make(layout);
        const a = analyze(text);
        assert.equal(a.isReport, true);
        assert.deepEqual(
          a.findings.map((f) => `${f.rule}: ${f.message.zh}`),
          [],
        );
        const r = a.model.reports[0];
        const v = sampleValues();
        assert.deepEqual(r.t1?.problems, []);
        assert.deepEqual(r.t2?.problems, []);
        assert.deepEqual(r.t3?.problems, []);
        assert.deepEqual(
          r.t1!.rows.normative!.cells.map((c) => formatDec(c.value)),
          v.t1.normative.map(String),
        );
        assert.equal(formatDec(r.t1!.rows.fees!.cells[0].value), v.t1.fees);
        for (const id of T2_IDS) {
          if (name.startsWith('(六)') && /^6\./.test(id)) continue;
          assert.deepEqual(
            r.t2!.byId[id].cells.map((c) => Number(formatDec(c.value))),
            v.t2[id],
            `row ${id}`,
          );
        }
        if (name.startsWith('(六)'))
          assert.deepEqual(
            r.t2!.byId['6'].cells.map((c) => Number(formatDec(c.value))),
            [3, 1, 0, 0, 0, 0, 4],
          );
        assert.deepEqual(
          r.t3!.groups.flat().map((c) => Number(formatDec(c.value))),
          v.t3,
        );
        // Every cell's span covers exactly its written token.
        for (const row of r.t2!.rows) for (const c of row.cells) assert.equal(text.slice(c.span.start, c.span.end), c.raw);
      });
    }
  }
});

describe('table-2 sums', () => {
  for (const layout of LAYOUTS) {
    it(`${layout}: a wrong detail cell is reported once, on that cell, and the fix restores it`, () => {
      const v = sampleValues();
      v.t2['4.1'][0] = 16; // was 15: breaks its row and the natural-person column
      const text = renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: NARRATIVE, values: v, layout });
      const a = analyze(text);
      assert.equal(a.findings.length, 1, a.findings.map((f) => f.message.zh).join('\n'));
      const f = a.findings[0];
      assert.equal(f.rule, 'table2-row-sum');
      assert.equal(text.slice(f.span.start, f.span.end), '16');
      assert.match(f.message.zh, /本机关不掌握相关政府信息·自然人 为 16,但本行总计、本列\(七\)总计都要求它为 15/);
      assert.equal(fixAll(text).text, report(layout));
    });

    it(`${layout}: a wrong (七) total names its parts' sum`, () => {
      const v = sampleValues();
      v.t2['7'][0] = 116;
      const text = renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: NARRATIVE, values: v, layout });
      const a = analyze(text);
      assert.deepEqual(
        a.findings.map((f) => f.rule),
        ['table2-column-sum'],
      );
      assert.match(a.findings[0].message.zh, /^\(七\)总计·自然人 为 116,但\(一\)至\(六\)各项之和为 118/);
      assert.match(a.findings[0].message.en, /^\(7\) total · natural persons is 116, but items \(1\)–\(6\) add up to 118/);
      assert.ok(a.findings[0].related.length > 3);
      assert.equal(fixAll(text).text, report(layout));
    });
  }

  it('a wrong carried-into-next-year cell breaks the balance and its row', () => {
    const v = sampleValues();
    v.t2.next[1] = 5;
    const text = renderReport({ title: 't', narrative: NARRATIVE, values: v, layout: 'pipe-rows' });
    const a = analyze(text);
    assert.deepEqual(
      a.findings.map((f) => f.rule),
      ['table2-balance'],
    );
    assert.match(a.findings[0].message.zh, /四、结转下年度继续办理·商业企业 为 5,但一\+二−\(七\)为 2/);
  });

  it('two independent errors in one column are reported on their own equations', () => {
    const v = sampleValues();
    v.t2['1'][6] = 84; // row (一) total
    v.t2.new[6] = 140; // row 一 total
    const text = renderReport({ title: 't', narrative: NARRATIVE, values: v, layout: 'tabs' });
    const a = analyze(text);
    assert.deepEqual(
      a.findings.map((f) => [f.rule, text.slice(f.span.start, f.span.end)]),
      [
        ['table2-row-sum', '140'],
        ['table2-row-sum', '84'],
      ],
    );
    assert.equal(fixAll(text).text, renderReport({ title: 't', narrative: NARRATIVE, values: sampleValues(), layout: 'tabs' }));
  });
});

describe('table-2 diagnosis wording and fix safety', () => {
  it('the (七) total of the total column names its sums, not itself', () => {
    const v = sampleValues();
    v.t2['7'][6] = 138;
    const text = renderReport({ title: 't', narrative: NARRATIVE, values: v, layout: 'pipe-rows' });
    const [f] = analyze(text).findings;
    assert.equal(f.message.zh, '(七)总计·总计 为 138,但六类申请人之和为 137;(一)至(六)各项之和、勾稽关系 一+二=(七)+四也要求它为 137');
    assert.equal(f.message.en, '(7) total · total is 138, but the six applicant columns add up to 137; items (1)–(6) and the balance I + II = (7) + IV also require 137');
  });

  it('uses "requires" for one constraint', () => {
    const v = sampleValues();
    v.t2['3.5'][6] = 4;
    const text = renderReport({ title: 't', narrative: NARRATIVE, values: v, layout: 'pipe-rows' });
    const [f] = analyze(text).findings;
    assert.match(f.message.en, /but the six applicant columns add up to 3; the column total \(7\) also requires 3$/);
  });

  it('two wrong cells that cancel in their row: the recompute is offered, but fix-all does not make them "consistent"', () => {
    const text = report('pipe-rows').replace('2.重复申请 | 2 | 0 |', '2.重复申请 | 1 | 1 |');
    const a = analyze(text);
    assert.deepEqual(
      a.findings.map((f) => f.rule),
      ['table2-column-sum', 'table2-column-sum'],
    );
    for (const f of a.findings) {
      assert.match(f.message.zh, /可能不止一个单元格有误/);
      assert.equal(f.fixes[0].isPreferred, false);
    }
    assert.equal(fixAll(text).text, text);
  });
});

describe('table-3 group sums', () => {
  it('reports the group total with the sum of its parts', () => {
    const v = sampleValues();
    v.t3[4] = 3;
    const text = renderReport({ title: 't', narrative: NARRATIVE, values: v, layout: 'pdf' });
    const a = analyze(text);
    assert.deepEqual(
      a.findings.map((f) => f.message.zh),
      ['行政复议·总计 为 3,但结果维持、结果纠正、其他结果、尚未审结之和为 4'],
    );
    assert.equal(a.findings[0].related.length, 4);
    assert.equal(fixAll(text).text, renderReport({ title: 't', narrative: NARRATIVE, values: sampleValues(), layout: 'pdf' }));
  });
});

describe('tables that cannot be aligned', () => {
  it('a missing row is reported once on the section heading, and no sums across rows are checked', () => {
    const text = report('pipe-rows').replace(/^3\.危及.*\n/m, '');
    const a = analyze(text);
    assert.deepEqual(
      a.findings.map((f) => f.rule),
      ['table-unaligned'],
    );
    const f = a.findings[0];
    assert.equal(text.slice(f.span.start, f.span.end), '三、收到和处理政府信息公开申请情况');
    assert.match(f.message.zh, /表二.*无法与国家格式完全对齐,只检查已读出各行的本行合计.*期望 全部 25 行,实际 缺少 3\.危及“三安全一稳定”/);
  });

  it('the rows read from a table that does not align are still checked on their own', () => {
    // One row missing, and another row's total mistyped: its row sum is still reported; the column
    // sums and the balance (which need every row) are not.
    const text = report('pipe-rows')
      .replace(/^3\.危及.*\n/m, '')
      .replace('2.重复申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |', '2.重复申请 | 2 | 0 | 0 | 0 | 0 | 0 | 3 |');
    const a = analyze(text);
    assert.deepEqual(a.findings.map((f) => f.rule).sort(), ['table-unaligned', 'table2-row-sum']);
    const sum = a.findings.find((f) => f.rule === 'table2-row-sum')!;
    assert.equal(text.slice(sum.span.start, sum.span.end), '3');
    assert.equal(a.model.reports[0].t2!.partial, true);
    // A narrative figure restating a row that was read is still compared.
    const told = analyze(text.replace('2023年', '2023年,全年共收到政府信息公开申请140件。2023年'));
    assert.ok(
      told.findings.some((f) => f.rule === 'narrative-table-mismatch'),
      told.findings.map((f) => f.message.zh).join('\n'),
    );
  });

  it('a row with the wrong number of cells is pointed at, not the section heading', () => {
    const text = report('pipe-rows').replace('2.重复申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |', '2.重复申请 | 2 | 0 | 0 | 0 | 2 |');
    const f = analyze(text).findings.find((x) => x.rule === 'table-unaligned')!;
    assert.equal(text.slice(f.span.start, f.span.end), '2.重复申请');
  });

  it('a row with a missing cell says how many numbers it found', () => {
    const text = report('pipe-rows').replace('2.重复申请 | 2 | 0 |', '2.重复申请 | 2 |');
    const a = analyze(text);
    assert.deepEqual(
      a.findings.map((f) => f.rule),
      ['table-unaligned'],
    );
    assert.match(a.findings[0].message.zh, /期望 “2\.重复申请”7 个数\(六类申请人和总计\),实际 6 个/);
    assert.match(a.findings[0].message.en, /expected 7 numbers in “2\. repeated requests”, found 6$/, 'one problem, not also "missing"');
  });

  it('table 3 with a cell too many', () => {
    const text = report('pipe-rows').replace(/^(0 \| 0 \| 0 \| 1 \| 1 \| ||)$/m, '0 | $1');
    const withExtra = text.replace('| 0 | 0 | 0 | 1 | 1 |', '| 0 | 0 | 0 | 1 | 1 | 7 |');
    const a = analyze(withExtra);
    assert.deepEqual(
      a.findings.map((f) => f.rule),
      ['table-unaligned'],
    );
    assert.match(a.findings[0].message.zh, /表三.*期望 15 个数.*实际 16 个数/);
  });

  it('an unrecognised row label is named', () => {
    const text = report('pipe-rows').replace('2.重复申请', '2.莫名其妙');
    const a = analyze(text);
    assert.deepEqual(
      a.findings.map((f) => f.rule),
      ['table-unaligned'],
    );
    assert.match(a.findings[0].message.zh, /无法识别的行“2\.莫名其妙”/);
  });
});
