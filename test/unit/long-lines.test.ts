/**
 * Issue 12 item 9: one long narrative line (figures packed without a full stop) must not make
 * analysis blow up. Shapes that were cubic or quadratic in the line's length (shares scored against
 * every earlier figure, a phrase regex over a long clause without punctuation, 其中 lists scanned
 * to the end of the sentence), then random packed lines. The time bound is a generous
 * "does not hang" budget, not a benchmark: `npm run bench` prints the timings.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixAll } from '../../server/src/core';
import { LONG, checkAnalysis, params } from '../helpers/fuzz';
import { renderReport, sampleValues } from '../helpers/layouts';

const TITLE = '示例县2023年政府信息公开工作年度报告';

/** The "does not hang" bound: 250 ms + 10 ms per KB, far above a linear analysis, far below a cubic one (a run over it is repeated). */
const budgetMs = (text: string) => 250 + (10 * Buffer.byteLength(text)) / 1024;

/** A report whose section 一 holds `line` (no 。 inside it) after one ordinary sentence. */
function reportWith(line: string): string {
  const narrative = `2023年,本县共收到政府信息公开申请141件。\n${line}。`;
  return renderReport({ title: TITLE, narrative, values: sampleValues(), layout: 'pipe-rows' });
}

/** Repeats `piece(i)` until the line has `bytes` UTF-8 bytes. */
function packed(piece: (i: number) => string, bytes: number): string {
  let s = '';
  for (let i = 0; Buffer.byteLength(s) < bytes; i++) s += piece(i);
  return s;
}

const SHAPES: [string, (i: number) => string][] = [
  ['shares of a list without a table cell (电话咨询N件,占P%,…)', (i) => `电话咨询${10 + (i % 80)}件,占${(i % 90) + 1}.${i % 10}%,`],
  ['a phrase that almost matches, no punctuation (收到申请了N件…)', (i) => `收到申请了${i}件`],
  ['totals, claims and shares run together (共收到申请N件办结N件咨询N件占P%…)', (i) => `共收到申请${100 + i}件办结${90 + i}件咨询${i % 50}件占${i % 99}%`],
  ['one 其中 list with a share after every part (共100件,其中咨询N件,占5%;…)', (i) => (i === 0 ? '共100件,其中' : `咨询${i}件,占5%;`)],
  ['a total and 其中 before every figure (共N件其中M件…)', (i) => `共${100 + i}件其中${i}件`],
  ['unclosed parentheses (共N件(其中M件,…)', (i) => `共${100 + i}件(其中${i}件,`],
  [
    'ordinary clauses of section 一 without full stops',
    (i) => ['本年度共收到政府信息公开申请141件', '其中予以公开83件,占60.6%;', '部分公开12件,占8.8%,', '行政复议4件,其中结果纠正1件', '现行有效86件', '电话咨询20件占40%', '共100件其中50件'][i % 7],
  ],
];

/** Fragments of section 一 for random packed lines: figures, units, shares, lists, no 。. */
const FRAGMENT = fc.oneof(
  fc.constantFrom(
    '共',
    '其中',
    '占',
    '%',
    '件',
    '条',
    ',',
    ';',
    '、',
    '(',
    ')',
    ':',
    '收到',
    '申请',
    '办结',
    '予以公开',
    '部分公开',
    '不予公开',
    '行政复议',
    '结果纠正',
    '现行有效',
    '规范性文件',
    '电话咨询',
    '余',
    '约',
    '了',
  ),
  fc.integer({ min: 0, max: 999 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 9 })).map(([n, p, d]) => `${n}件,占${p}.${d}%`),
);
/** A recipe (fragments repeated to a size), so that a failure prints short. */
const LINE = fc.record({ fragments: fc.array(FRAGMENT, { minLength: 20, maxLength: 60 }), kb: fc.integer({ min: 4, max: 16 }) });
function lineOf(r: { fragments: string[]; kb: number }): string {
  const unit = r.fragments.join('');
  return unit.repeat(Math.ceil((r.kb * 1024) / Math.max(1, Buffer.byteLength(unit))));
}

describe('long packed narrative lines (issue 12 item 9): analysis stays linear', function () {
  this.timeout(LONG ? 0 : 60000);

  for (const [name, piece] of SHAPES) {
    it(`14 KB: ${name}`, () => {
      const text = reportWith(packed(piece, 14 * 1024));
      checkAnalysis(text, undefined, budgetMs(text));
      // Fix-all on it settles (and terminates: the analysis it repeats is bounded).
      const once = fixAll(text).text;
      assert.equal(fixAll(once).text, once, 'fix-all is not idempotent');
    });
  }

  it('random packed lines of section-一 fragments, 4–16 KB', () => {
    fc.assert(
      fc.property(LINE, (r) => {
        const text = reportWith(lineOf(r));
        checkAnalysis(text, undefined, budgetMs(text));
      }),
      params(12),
    );
  });
});
