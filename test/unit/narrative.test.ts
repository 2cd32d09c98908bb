/**
 * Narrative checks on small reports: every phrase mapping, the look-alikes that must not map,
 * sums, and percentage base inference. Table values are those of test/helpers/layouts.ts:
 * 一 141, 二 5, (一) 83, (二) 12, Σ(三) 9, Σ(四) 22, Σ(五) 7, Σ(六) 4, (七) 137, 四 9;
 * 规范性文件 12/3/86, 规章 0/0/0, 许可 5621, 处罚 1342, 强制 57, 收费 1286.45 万元;
 * 复议 2/1/0/1/4, 直接起诉 1/0/1/0/2, 复议后起诉 0/0/0/1/1.
 */
import * as assert from 'node:assert/strict';
import { analyze, fixAll } from '../../server/src/core';
import { renderReport, sampleValues } from '../helpers/layouts';

function report(narrative: string): string {
  return renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative, values: sampleValues(), layout: 'pipe-rows' });
}

function narrativeFindings(narrative: string) {
  const text = report(narrative);
  const a = analyze(text);
  return {
    text,
    a,
    found: a.findings.filter((f) => f.rule.startsWith('narrative')).map((f) => ({ rule: f.rule, at: text.slice(f.span.start, f.span.end), zh: f.message.zh, en: f.message.en, f })),
    claims: a.model.reports[0].narrative!.claims.map((c) => `${c.phrase.id}:${c.fig.tok.text}`),
  };
}

describe('narrative phrase mappings', () => {
  // [sentence, phrase id, figure, consistent with the table?]
  const cases: [string, string, string, boolean][] = [
    ['发生行政复议案件4件,其中结果维持2件,结果纠正1件。', 't3-outcome', '2', true],
    ['发生行政复议案件4件,其中结果纠正2件。', 't3-outcome', '2', false],
    ['收到行政复议申请4件。', 't3-reconsideration', '4', true],
    ['收到行政复议申请5件。', 't3-reconsideration', '5', false],
    ['发生行政诉讼案件3件。', 't3-litigation', '3', true],
    ['发生未经复议直接起诉的行政诉讼2件。', 't3-litigation', '2', true],
    ['复议后起诉的行政诉讼2件。', 't3-litigation', '2', false],
    ['另有5件为上年结转。', 't2-carried-after', '5', true],
    ['另有9件顺延至下年度办理。', 't2-next-after', '9', true],
    ['上年结转申请6件。', 't2-carried', '6', false],
    ['结转下年度继续办理9件。', 't2-next', '9', true],
    ['全年共收到政府信息公开申请141件。', 't2-received', '141', true],
    ['全年共受理政府信息公开申请146件(含上年结转5件)。', 't2-received', '146', true],
    ['全年共受理政府信息公开申请141件(含上年结转5件)。', 't2-received', '141', false],
    ['其中予以公开83件。', 't2-disclosed', '83', true],
    ['“部分公开”13件。', 't2-partly', '13', false],
    ['不予公开9件。', 't2-withheld', '9', true],
    ['无法提供22件。', 't2-unavailable', '22', true],
    ['不予处理7件。', 't2-not-processed', '7', true],
    ['其他情形4件。', 't2-other', '4', true],
    ['其他处理5件。', 't2-other', '5', false],
    ['依申请公开办结137件。', 't2-concluded', '137', true],
    ['答复申请136件。', 't2-concluded', '136', false],
    ['制发规范性文件12件。', 't1-issued', '12', true],
    ['印发行政规范性文件12件,废止3件,现行有效86件。', 't1-repealed', '3', true],
    ['印发行政规范性文件12件,废止4件。', 't1-repealed', '4', false],
    ['现行有效的规范性文件共计68件。', 't1-in-force', '68', false],
    ['出台规章0件。', 't1-issued', '0', true],
    ['作出行政许可决定5621件,行政处罚1342件。', 't1-decisions', '1342', true],
    ['行政强制58件。', 't1-decisions', '58', false],
    ['行政事业性收费1286.45万元。', 't1-fees', '1286.45', true],
    ['行政事业性收费1286.5万元。', 't1-fees', '1286.5', true],
    ['行政事业性收费1287.5万元。', 't1-fees', '1287.5', false],
    // Real wordings: 受理/办理 may count new requests only or new plus carried-over ones.
    ['全年共受理申请146件,共办理137件,结转下一年9件。', 't2-received', '146', true],
    ['全年共受理申请146件,共办理137件,结转下一年9件。', 't2-handled', '137', true],
    ['全年共受理申请146件,共办理137件,结转下一年9件。', 't2-next', '9', true],
    ['全年办理政府信息公开申请146件。', 't2-handled', '146', true],
    ['全年办理政府信息公开申请150件。', 't2-handled', '150', false],
    ['全年共受理申请150件。', 't2-received', '150', false],
    ['所有办结的申请中同意公开答复83件,部分公开答复12件,不予公开答复9件。', 't2-disclosed', '83', true],
    ['所有办结的申请中同意公开答复83件,部分公开答复12件,不予公开答复9件。', 't2-withheld', '9', true],
    ['转下一年度办理答复的有9件。', 't2-next', '9', true],
    ['予以公开及部分公开95件,占69.34%。', 't2-disclosed-and-partly', '95', true],
    ['予以公开及部分公开96件。', 't2-disclosed-and-partly', '96', false],
    ['本年有4件涉及政府信息公开工作的行政复议,该复议未被纠错。', 't3-reconsideration-after', '4', true],
    ['本年有5件涉及政府信息公开工作的行政复议。', 't3-reconsideration-after', '5', false],
    ['有3件行政诉讼。', 't3-litigation-after', '3', true],
  ];
  for (const [sentence, id, fig, ok] of cases) {
    it(`${sentence} → ${id} ${ok ? 'consistent' : 'mismatch'}`, () => {
      const r = narrativeFindings(sentence);
      assert.ok(r.claims.includes(`${id}:${fig}`), `claims: ${r.claims.join(', ')}`);
      const onFig = r.found.filter((f) => f.rule === 'narrative-table-mismatch' && f.at === fig);
      assert.equal(onFig.length, ok ? 0 : 1, r.found.map((f) => f.zh).join('\n'));
      if (!ok) assert.equal(analyze(fixAll(r.text).text).findings.length, 0, 'fix-all leaves it clean');
    });
  }

  it('a mismatch offers the table value (preferred) and the table-cell alternative', () => {
    const r = narrativeFindings('现行有效的规范性文件共计68件。');
    const f = r.found[0].f;
    assert.equal(f.message.zh, '叙述中“现行有效”为 68件,但表一 行政规范性文件·现行有效件数为 86');
    assert.deepEqual(
      f.fixes.map((x) => [x.title.zh, x.isPreferred, x.stage]),
      [
        ['改为表格中的 86', true, 'narrative'],
        ['将表格单元格改为 68', false, 'never'],
      ],
    );
    assert.equal(r.text.slice(f.related[0].span.start, f.related[0].span.end), '86');
  });

  it('keeps the written form when fixing: Chinese numerals and 万', () => {
    const t = report('收到行政复议申请五件。');
    assert.match(fixAll(t).text, /收到行政复议申请四件。/);
    const fee = report('行政事业性收费1290.1万元,其中罚没0.2万元。');
    assert.match(fixAll(fee).text, /行政事业性收费1286\.5万元,/);
  });

  it('a figure that fits no reading names the readings tried', () => {
    const r = narrativeFindings('全年共受理申请150件。');
    assert.equal(r.found.length, 1);
    assert.match(r.found[0].zh, /但表二 一、本年新收政府信息公开申请数量·总计为 141\(也按 表二 一、本年新收政府信息公开申请数量 \+ 二、上年结转政府信息公开申请数量·总计 = 146 核对过,均不符\)/);
    assert.match(r.found[0].en, /also tried .* = 146; none fits/);
  });

  it('办结 in a list of outcomes written with 答复 is not the total concluded', () => {
    const r = narrativeFindings('所有办结的信息公开申请中同意公开答复83件,部分公开答复12件,不予公开答复9件,无法提供的22件。');
    assert.deepEqual(
      r.found.map((f) => f.zh),
      [],
    );
    assert.ok(!r.claims.some((c) => c.startsWith('t2-concluded')), r.claims.join(', '));
  });

  it('says the narrative may cover a narrower body, as a warning without fix-all', () => {
    const r = narrativeFindings('区政府办代表区政府受理政府信息公开申请17件。');
    assert.equal(r.found.length, 1);
    assert.equal(r.found[0].f.severity, 'warning');
    assert.match(r.found[0].zh, /叙述可能只涉及部分机关/);
    assert.equal(fixAll(r.text).text, r.text);
  });

  it('fix titles show what is written; the table-side fix is not offered for totals', () => {
    const fee = narrativeFindings('行政事业性收费1290.1万元。').found[0].f;
    assert.equal(fee.fixes[0].title.zh, '改为表格中的 1286.5');
    assert.equal(fee.fixes[0].edits[0].newText, '1286.5');
    const total = narrativeFindings('全年共收到政府信息公开申请140件。').found[0].f;
    assert.deepEqual(
      total.fixes.map((x) => x.title.zh),
      ['改为表格中的 141'],
    );
    const part = narrativeFindings('部分公开13件。').found[0].f;
    assert.deepEqual(
      part.fixes.map((x) => x.title.zh),
      ['改为表格中的 12'],
    );
    const detail = narrativeFindings('发生行政复议案件4件,其中结果纠正2件。').found[0].f;
    assert.deepEqual(
      detail.fixes.map((x) => x.title.zh),
      ['改为表格中的 1', '将表格单元格改为 2(相关合计需随之调整)'],
    );
  });

  it('a configured severity does not turn the hedged narrower-body warning into an error', () => {
    const text = report('区政府办代表区政府受理政府信息公开申请17件。');
    const [f] = analyze(text, { severity: { 'narrative-table-mismatch': 'error' } }).findings;
    assert.equal(f.severity, 'warning');
    const [g] = analyze(text, { severity: { 'narrative-table-mismatch': 'information' } }).findings;
    assert.equal(g.severity, 'information');
  });

  it('fingerprints survive edits of other figures in the sentence', () => {
    const a = narrativeFindings('全年共收到政府信息公开申请141件,其中予以公开84件,占59.6%。');
    const b = narrativeFindings('全年共收到政府信息公开申请141件,其中予以公开84件,占59.9%。');
    const fp = (r: typeof a) => r.found.filter((f) => f.rule === 'narrative-table-mismatch').map((f) => f.f.fingerprint);
    assert.deepEqual(fp(a), fp(b));
    assert.equal(fp(a).length, 1);
  });

  const lookalikes = [
    '市政府办印发政策性文件11件。',
    '政务服务热线办结率100%。',
    '收到并及时处理网上互动咨询261件。',
    '县长信箱累计办理群众来信922件。',
    '收取政府信息公开信息处理费3元。',
    '公开行政许可事项清单356件。',
    '共处理依申请公开件98件。',
    '收到市人大建议、政协提案共17件。',
    '收到行政复议决定书后及时整改。',
    '全年办理群众咨询50件,按时答复48件,其中电话咨询20件,占40%。',
  ];
  for (const s of lookalikes) {
    it(`does not map: ${s}`, () => {
      const r = narrativeFindings(s);
      assert.deepEqual(r.claims, []);
      assert.deepEqual(r.found, []);
    });
  }
});

describe('narrative sums', () => {
  it('parts that add up to more than the total are an error, fixed by setting the total', () => {
    const r = narrativeFindings('全年发布政策解读总量达45篇,其中文字解读20篇,图片解读15篇,视频解读12篇。');
    assert.deepEqual(
      r.found.map((f) => [f.rule, f.at, f.zh]),
      [['narrative-sum', '45', '总数为 45篇,但其中各项之和为 20 + 15 + 12 = 47']],
    );
    assert.match(fixAll(r.text).text, /总量达47篇/);
  });

  it('a partial list may add up to less', () => {
    assert.deepEqual(narrativeFindings('共发布政策解读50条,其中图解34条。').found, []);
  });

  it('an exhaustive list (percentages add up to 100%) must add up to the total', () => {
    const r = narrativeFindings('共收到材料50份,其中甲类20份,占50%;乙类20份,占50%。');
    assert.deepEqual(
      r.found.map((f) => f.rule),
      ['narrative-sum'],
    );
    assert.match(r.found[0].zh, /只有 20 \+ 20 = 40,而其中各项的百分比合计为 100%/);
  });

  it('an exhaustive list (all four outcomes) must add up to the total', () => {
    const r = narrativeFindings('共收到材料9件,其中结果维持2件,结果纠正1件,其他结果0件,尚未审结1件。');
    assert.deepEqual(r.found, [], 'no review context: outcomes do not map and the list is not known to be complete');
    const s = narrativeFindings('行政复议5件,其中结果维持2件,结果纠正1件,其他结果0件,尚未审结1件。');
    assert.deepEqual(s.found.map((f) => [f.rule, f.at]).sort(), [
      ['narrative-sum', '5'],
      ['narrative-table-mismatch', '5'],
    ]);
  });

  it('a list inside parentheses ends there; a semicolon ends a list without percentages; 另有 is not a part', () => {
    assert.deepEqual(narrativeFindings('主动公开规范性文件12件(其中县级5件),废止3件,现行有效86件。').found, []);
    assert.deepEqual(narrativeFindings('发生行政复议案件4件,其中结果纠正1件;行政诉讼案件3件,其中结果维持1件。').found, []);
    assert.deepEqual(narrativeFindings('共收到材料10份,其中甲类8份,另有乙类5份。').found, []);
  });

  it('parts of which some add up to the total exactly are nested, not an error (real: 2139 = 1744 + 393 + 2)', () => {
    const r = narrativeFindings('“上海科技”网站全年累计发布信息2139条,其中动态类信息发布1744条,政务信息发布393条,解读类信息发布21条,回应公众关注热点信息2条。');
    assert.deepEqual(
      r.found.map((f) => f.zh),
      [],
    );
    const over = narrativeFindings('全年累计发布信息2139条,其中动态类信息发布1744条,政务信息发布393条,解读类信息发布23条。');
    assert.equal(over.found.length, 1, 'no subset adds up: still an error');
  });

  it('restated table rows do not nest: a lowered total of outcomes is still an error', () => {
    const r = narrativeFindings('全年共办结申请136件,其中予以公开83件,部分公开12件,不予公开9件,无法提供22件,不予处理7件,其他处理4件。');
    assert.ok(
      r.found.some((f) => f.rule === 'narrative-sum' && f.at === '136'),
      r.found.map((f) => f.zh).join('\n'),
    );
  });

  it("a list continued after ';' stops where another table's subject begins", () => {
    const r = narrativeFindings('全年共受理申请5件(上年结转),其中予以公开2件,占40%;行政复议案件4件、行政诉讼案件3件。');
    assert.ok(!r.found.some((f) => f.rule === 'narrative-sum'), r.found.map((f) => f.zh).join('\n'));
  });

  it('approximate parts or totals are not checked', () => {
    assert.deepEqual(narrativeFindings('共发布信息5000余条,其中动态信息4000条,公告1500条。').found, []);
    assert.deepEqual(narrativeFindings('共发布信息300条,其中动态信息约200条,公告150条。').found, []);
  });
});

describe('percentage base inference', () => {
  it('takes the total the sentence states when it fits (办结 99, not 处理 98)', () => {
    const r = narrativeFindings('共处理依申请公开件141件,办结137件,其中予以公开83件,占60.6%;部分公开12件,占8.8%。');
    assert.deepEqual(r.found, []);
    const note = r.a.notes.find((n) => n.rule === 'narrative-percentage')!;
    assert.match(note.lines[0].zh, /^83 ÷ 137 = 60\.584%/);
  });

  it('takes the sum of the listed parts when no total is stated', () => {
    const list = '予以公开83件,占60.6%;部分公开12件,占8.8%;不予公开9件,占6.6%;无法提供22件,占16.1%;不予处理7件,占5.1%;其他处理4件,占2.9%。';
    assert.deepEqual(narrativeFindings(list).found, []);
  });

  it('takes the matching table total when the sentence has none', () => {
    assert.deepEqual(narrativeFindings('予以公开83件,占60.6%。').found, []);
    const r = narrativeFindings('予以公开83件,占61.6%。');
    assert.equal(r.found.length, 1);
    assert.match(r.found[0].zh, /^占比 61\.6% 与 83 ÷ 137 = 60\.584% 不符\(基数:表二 \(七\)总计·总计\),按 1 位小数应为 60\.6%$/);
  });

  it('shares of a total that includes the carried-over requests (seed 001)', () => {
    const s = '全年共收到信息公开申请146件(含上年结转5件),“予以公开”83件,占总数的56.85%;“结转下年度继续办理”9件,占总数的6.16%。';
    assert.deepEqual(narrativeFindings(s).found, []);
  });

  it('a wrong share names its base and the computed value; the fix keeps the decimals', () => {
    const r = narrativeFindings('全年共收到申请141件,办结137件,其中予以公开83件,占60.6%;部分公开12件,占9.8%;不予公开9件,占6.6%。');
    assert.deepEqual(
      r.found.map((f) => [f.rule, f.at]),
      [['narrative-percentage', '9.8']],
    );
    assert.match(r.found[0].zh, /12 ÷ 137 = 8\.759%.*按 1 位小数应为 8\.8%/);
    assert.match(r.found[0].en, /^The share 9\.8% does not match 12 ÷ 137 = 8\.759%/);
    assert.match(fixAll(r.text).text, /占8\.8%/);
    const whole = narrativeFindings('办结137件,其中予以公开83件,占60%。');
    assert.match(fixAll(whole.text).text, /占61%/, 'no decimals stay no decimals: 60.58 rounds to 61');
  });

  it('a share of a count that disagrees with its table cell waits for the count fix', () => {
    const r = narrativeFindings('办结137件,其中予以公开84件,占60.6%。');
    assert.deepEqual(
      r.found.map((f) => f.rule),
      ['narrative-table-mismatch'],
    );
    assert.equal(analyze(fixAll(r.text).text).findings.length, 0);
  });

  it('bare shares right after the figure are checked: N件(P%) and N件,P%', () => {
    assert.deepEqual(
      narrativeFindings('办结137件,其中予以公开83件(60.6%),部分公开12件,8.8%。').found.map((f) => f.zh),
      [],
    );
    const bad = narrativeFindings('办结137件,其中予以公开83件(61.6%)。');
    assert.ok(
      bad.found.some((f) => f.rule === 'narrative-percentage' && f.at === '61.6'),
      bad.found.map((f) => f.zh).join('\n'),
    );
    assert.deepEqual(
      narrativeFindings('办结137件,50%通过网上申请。').found.map((f) => f.zh),
      [],
      'a percentage that goes on into its own clause is not a share of the figure',
    );
  });

  it('only shares after 占 are checked, and approximate ones are not', () => {
    assert.deepEqual(narrativeFindings('办结137件,办结率99%。').found, []);
    assert.deepEqual(narrativeFindings('办结137件,其中予以公开83件,约占70%。').found, []);
  });
});
