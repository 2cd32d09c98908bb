/** Pieces of the batch CLI and the workspace index, in-process. */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { otherReportOf, PartnerIndex, previousYear, reuseOf, type OtherReport, type ReportSummary } from '../../server/src/core';
import { glob } from '../../server/src/cli/inputs';
import { progress } from '../../server/src/cli/progress';
import { sayer } from '../../server/src/cli/messages';
import { changes } from '../../server/src/cli/write';
import { ReportIndex } from '../../server/src/reportIndex';
import { SEED } from '../helpers/fuzz';
import { renderReport, sampleValues } from '../helpers/layouts';

const summary = (body: string, year: number): ReportSummary => ({
  body,
  year,
  title: { start: 0, end: 1 },
  prose: { section: new Uint8Array(), hash: new Float64Array(), length: new Uint32Array() },
});

describe('batch pieces', () => {
  it('the partner index finds what previousYear() finds, for random bodies, years and orders', () => {
    const names = [
      '洪泽区人民政府',
      '淮安市洪泽区人民政府',
      '南京市鼓楼区人民政府',
      '鼓楼区人民政府',
      '区人民政府',
      '示例县',
      '示例县人民政府',
      '大兴安岭地区行政公署',
      '天津港保税区管委会',
      '港保税区管委会',
    ];
    fc.assert(
      fc.property(fc.array(fc.array(fc.record({ name: fc.constantFrom(...names), year: fc.integer({ min: 2020, max: 2023 }) }), { maxLength: 3 }), { maxLength: 12 }), (files) => {
        const others: OtherReport[] = files.map((rs, i) => ({ uri: `f${i}`, reports: rs.map((r) => summary(r.name, r.year)) }));
        const index = new PartnerIndex();
        others.forEach((o, i) => index.add(i, o));
        others.forEach((o, i) => {
          for (const s of o.reports) {
            const linear = previousYear(
              s,
              others.filter((_, j) => j !== i),
            );
            const indexed = index.previous(s, i);
            assert.equal(indexed?.report, linear?.report);
            assert.equal(indexed?.uri, linear?.uri);
          }
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('reuse: characters of sentences found in last year’s report, per section or for the whole report', () => {
    const title = (y: number) => `示例县${y}年政府信息公开工作年度报告`;
    const text = (y: number, s1: string) =>
      renderReport({ title: title(y), narrative: s1, values: sampleValues(), layout: 'tabs' }).replace('本年度未收取信息处理费。', `本年度未收取信息处理费${y}。`);
    const last = otherReportOf('2022.txt', text(2022, '全县持续推进政务公开。坚持以公开为常态。'));
    const now = otherReportOf('2023.txt', text(2023, '全县持续推进政务公开。今年新建专栏。')).reports[0];
    const all = reuseOf(now, last.reports[0]);
    // Same: 全县持续推进政务公开。(11) and section 5's sentences; different: 今年新建专栏。 and section 6.
    const s1 = reuseOf(now, last.reports[0], 1);
    assert.deepEqual(s1, { same: 11, total: 11 + 7 });
    assert.ok(all.same > s1.same && all.total > all.same);
    assert.deepEqual(reuseOf(now, last.reports[0], 6).same, 0);
  });

  it('--fix changes: each differing number of a line, with its line', () => {
    assert.deepEqual(changes('a 1 | 2 | 3\nb 10\nc 5%', 'a 1 | 2 | 4\nb 10\nc 5.5%'), [
      { line: 1, old: '3', new: '4' },
      { line: 3, old: '5%', new: '5.5%' },
    ]);
    assert.deepEqual(changes('x 96 y 3\r\nz', 'x 97 y 4\r\nz'), [
      { line: 1, old: '96', new: '97' },
      { line: 1, old: '3', new: '4' },
    ]);
    assert.deepEqual(changes('same', 'same'), []);
    // Not only numbers changed: the differing middle.
    assert.deepEqual(changes('共 5 件', '共计 5 件'), [{ line: 1, old: '', new: '计' }]);
  });

  it('glob: * ? [..] {a,b} and ** over folders, hidden entries only when named', () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-glob-'));
    for (const d of ['a', 'a/b', 'a/.h', 'c']) mkdirSync(join(root, d), { recursive: true });
    for (const f of ['a/1年报.txt', 'a/b/2年报.txt', 'a/b/3.md', 'a/.h/4年报.txt', 'c/5年报.txt', 'c/6年报.doc', 'x1.txt', 'x2.txt']) writeFileSync(join(root, f), '');
    const g = (p: string) => glob(`${root}/${p}`).map((x) => x.slice(root.length + 1));
    assert.deepEqual(g('**/*年报.txt'), ['a/1年报.txt', 'a/b/2年报.txt', 'c/5年报.txt']);
    assert.deepEqual(
      g('a/**'),
      ['a/.h', 'a/1年报.txt', 'a/b', 'a/b/2年报.txt', 'a/b/3.md'].filter((x) => !x.includes('.h')),
    );
    assert.deepEqual(g('*/*.{txt,doc}'), ['a/1年报.txt', 'c/5年报.txt', 'c/6年报.doc']);
    assert.deepEqual(g('x?.txt'), ['x1.txt', 'x2.txt']);
    assert.deepEqual(g('x[!1].txt'), ['x2.txt']);
    assert.deepEqual(g('a/.h/*'), ['a/.h/4年报.txt']);
    assert.deepEqual(g('nothing/*.txt'), []);
  });

  it('progress: nothing in the first second or when disabled, then done/total, rate and ETA, erased at the end', () => {
    let now = 0;
    const written: string[] = [];
    const stream = { write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const p = progress(sayer('en'), true, stream, () => now);
    now = 500;
    p.update(10, 100);
    assert.deepEqual(written, []);
    now = 2000;
    p.update(40, 100);
    assert.equal(written.length, 1);
    // eslint-disable-next-line no-control-regex -- the terminal's erase-line escape
    assert.match(written[0], /^\r\x1b\[2Knianbao: 40\/100 files · 20\/s · ETA 3 s$/);
    now = 2100;
    p.update(41, 100);
    assert.equal(written.length, 1, 'not redrawn within 200 ms');
    p.end();
    assert.equal(written[1], '\r\x1b[2K');
    const off: string[] = [];
    const q = progress(sayer('en'), false, { write: (s: string) => off.push(s) } as unknown as NodeJS.WriteStream, () => (now += 5000));
    q.update(1, 2);
    q.end();
    assert.deepEqual(off, []);
  });

  it('the workspace index keeps summaries within its budget and says once when it is full', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-index-'));
    for (const [i, stem] of ['甲', '乙', '丙'].entries()) {
      writeFileSync(
        join(root, `${i}示例${stem}县2023年度报告.txt`),
        renderReport({ title: `示例${stem}县2023年政府信息公开工作年度报告`, narrative: '概述。', values: sampleValues(), layout: 'tabs' }),
      );
    }
    const logs: string[] = [];
    const unlimited = new ReportIndex(Infinity, (m) => logs.push(m));
    await unlimited.scan([pathToFileURL(root).toString()]);
    const others = unlimited.others('none');
    assert.equal(others.length, 3);
    assert.deepEqual(Object.keys(others[0]).sort(), ['reports', 'uri'], 'no text, no model');
    const perFile = unlimited.bytes / 3;
    const small = new ReportIndex(perFile * 2.5, (m) => logs.push(m));
    await small.scan([pathToFileURL(root).toString()]);
    assert.equal(small.others('none').length, 2);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /index is full .*2示例丙县2023年度报告\.txt/);
  });
});
