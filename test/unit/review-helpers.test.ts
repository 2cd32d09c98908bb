/** The pure helpers behind the issue 13 rules: dates, wording comparison, negated statements, the issuing body. */
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core';
import { extractNegations } from '../../server/src/core/narrative/negation';
import { findDates } from '../../server/src/core/text/dates';
import { bestMatch, canonRef } from '../../server/src/core/text/wording';
import { bodyKind } from '../../server/src/core/rules/report-facts';
import { renderReport, sampleValues } from '../helpers/layouts';

const dates = (s: string) => findDates(s).map((d) => `${d.year?.value ?? '-'}/${d.month.value}/${d.day.value}`);

describe('dates in prose', () => {
  it('reads Arabic, Chinese and ISO dates, with and without a year', () => {
    assert.deepEqual(dates('统计期限自2023年1月1日起至2023年12月31日止'), ['2023/1/1', '2023/12/31']);
    assert.deepEqual(dates('为2024年1月1日至12月31日'), ['2024/1/1', '-/12/31']);
    assert.deepEqual(dates('二〇二三年一月一日至二〇二三年十二月三十一日'), ['2023/1/1', '2023/12/31']);
    assert.deepEqual(dates('发布时间:2025-03-10_15:35'), ['2025/3/10']);
    assert.deepEqual(dates('2023.1.1-2023.12.31'), ['2023/1/1', '2023/12/31']);
  });

  it('does not read phone numbers, document numbers or impossible dates', () => {
    assert.deepEqual(dates('电话:0517-87222589,邮编:223100'), []);
    assert.deepEqual(dates('国办公开办函〔2021〕30号'), []);
    assert.deepEqual(dates('2023年13月40日'), []);
  });
});

describe('wording comparison', () => {
  const match = (ref: string, printed: string) => {
    const r = canonRef(ref);
    const m = bestMatch(r.s, canonRef(printed).s);
    return m.distance;
  };
  it('ignores width, punctuation and spacing but not lost quotes', () => {
    assert.equal(match('3.危及“三安全一稳定”', '3、危及"三安全一稳定"'), 0);
    assert.equal(match('3.危及“三安全一稳定”', '3.危及三安全一稳定'), 2);
    assert.equal(match('2.其他法律行政法规禁止公开', '2.其他法律行政止公开'), 3);
    assert.equal(match('(五)不予处理', '(五)不与处理'), 1);
  });
});

describe('negated statements', () => {
  const read = (s: string) => extractNegations([{ c: { s, map: new Int32Array(s.length + 1).map((_, i) => i) }, span: { start: 0, end: s.length } }]).map((n) => `${n.says} ${n.phrase.id}`);
  it('maps the negated object through the phrase table', () => {
    assert.deepEqual(read('本年度未发生政府信息公开行政复议案件。'), ['none t3-reconsideration']);
    assert.deepEqual(read('全年未收到政府信息公开申请。'), ['none t2-received']);
    assert.deepEqual(read('无上年结转的申请。'), ['none t2-carried']);
    assert.deepEqual(read('行政复议、行政诉讼案件均为零。'), ['none t3-reconsideration', 'none t3-litigation']);
    assert.deepEqual(read('未收到行政复议、依申请公开件。'), ['none t3-reconsideration', 'none t2-received']);
    assert.deepEqual(read('全年未发生因依申请公开被行政复议纠错的情形。'), ['none t3-outcome']);
    assert.deepEqual(read('本年度发生政府信息公开行政复议案件。'), ['some t3-reconsideration']);
    assert.deepEqual(read('收到一起行政诉讼。'), ['one t3-litigation']);
  });

  it('leaves alone what is not a negated count', () => {
    for (const s of [
      '无论是否收到申请,均依法办理。',
      '尚未审结的行政复议1件。',
      '无法提供18件。',
      '上半年未收到行政复议申请。',
      '力争不发生行政复议。',
      '未收取信息处理费。',
      '有效降低行政复议发生率。',
      '依法做好相关行政复议、行政诉讼案件的应诉工作。',
      '与复议机关一起研究。',
    ]) {
      assert.deepEqual(read(s), [], s);
    }
  });
});

describe('issuing body', () => {
  const kind = (title: string) => {
    const text = renderReport({ title, narrative: '概述。', values: sampleValues(), layout: 'pipe-rows' });
    const a = analyze(text);
    return bodyKind(a.model.reports[0], a.model.norm);
  };
  it('tells a government’s own report from a department’s', () => {
    assert.equal(kind('洪泽区人民政府2023年政府信息公开工作年度报告'), 'government');
    assert.equal(kind('平潭综合实验区2024年度政府信息公开工作年度报告'), 'government');
    assert.equal(kind('咸宁市政务服务和大数据管理局2022年政府信息公开工作年度报告'), 'department');
    assert.equal(kind('示例县人民政府办公室2023年政府信息公开工作年度报告'), 'department');
    assert.equal(kind('2023年政府信息公开工作年度报告'), 'unknown');
  });
});
