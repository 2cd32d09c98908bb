/** The table preview's HTML, rendered from the model of reports in every layout. */
import * as assert from 'node:assert/strict';
import { analyze, type AnalyzeOptions } from '../../server/src/core';
import { T2_GROUP_LABELS, T2_ROWS } from '../../server/src/core/template/format';
import { normalize } from '../../server/src/core/text/normalize';
import { renderPreview } from '../../server/src/features/preview';
import { pick } from '../../server/src/convert';
import { LAYOUTS, T2_IDS, renderReport, sampleValues, type Layout, type ReportParts, type TableValues } from '../helpers/layouts';

const TITLE = '示例县2023年政府信息公开工作年度报告';

function report(layout: Layout, extra: Partial<ReportParts> = {}, values: TableValues = sampleValues()): string {
  return renderReport({ title: TITLE, narrative: '本年度我县持续推进政务公开工作。', values, layout, ...extra });
}

function preview(text: string, locale: 'zh' | 'en' = 'zh', options: AnalyzeOptions = {}) {
  const a = analyze(text, options);
  return { a, html: renderPreview(a, locale) };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

interface El {
  cls: string;
  start: number;
  end: number;
  title: string;
  text: string;
}

/** Number cells and row labels, with their attributes (the renderer writes them in this order). */
function cells(html: string): El[] {
  const re = /<td class="(nb-cell[^"]*)" data-start="(\d+)" data-end="(\d+)"[^>]*? title="([^"]*)"[^>]*>([^<]*)<\/td>/g;
  return [...html.matchAll(re)].map((m) => ({ cls: m[1], start: +m[2], end: +m[3], title: unescape(m[4]), text: unescape(m[5]) }));
}
function labels(html: string): El[] {
  const re = /<th class="(nb-label)" data-start="(\d+)" data-end="(\d+)" title="([^"]*)"[^>]*>([^<]*)<\/th>/g;
  return [...html.matchAll(re)].map((m) => ({ cls: m[1], start: +m[2], end: +m[3], title: unescape(m[4]), text: unescape(m[5]) }));
}

/** All table numbers in template order, as written by the layout helper. */
function expectedNumbers(v: TableValues, mergedSix = false): string[] {
  const t1 = [...v.t1.rules, ...v.t1.normative, v.t1.license, v.t1.penalty, v.t1.coercion, v.t1.fees].map(String);
  const t2: number[] = [];
  for (const id of T2_IDS) {
    if (mergedSix && /^6\./.test(id)) {
      if (id === '6.1') t2.push(...v.t2['6.1'].map((x, c) => x + v.t2['6.2'][c] + v.t2['6.3'][c]));
      continue;
    }
    t2.push(...v.t2[id]);
  }
  return [...t1, ...t2.map(String), ...v.t3.map(String)];
}

describe('table preview', () => {
  for (const layout of LAYOUTS) {
    for (const [name, extra] of [
      ['LF', {}],
      ['CRLF, (六) as one row', { eol: '\r\n', mergedSix: true }],
    ] as [string, Partial<ReportParts>][]) {
      it(`${layout}, ${name}: three grids whose cells point at exactly their source tokens`, () => {
        const text = report(layout, extra);
        const { html } = preview(text);
        for (const t of ['nb-t1', 'nb-t2', 'nb-t3']) assert.equal(html.split(`<table class="nb-table ${t}">`).length, 2, t);
        assert.ok(!html.includes('nb-unaligned'));
        const cs = cells(html);
        assert.deepEqual(
          cs.map((c) => c.text),
          expectedNumbers(sampleValues(), !!extra.mergedSix),
        );
        for (const c of cs) assert.equal(text.slice(c.start, c.end), c.text);
        assert.ok(
          cs.every((c) => c.cls === 'nb-cell'),
          'nothing marked in a consistent report',
        );

        // Row labels point at their own label text, without the header cells in front of them.
        const norm = normalize(text);
        const ls = labels(html);
        assert.equal(ls.length, 6 + (extra.mergedSix ? 23 : 25));
        for (const l of ls) {
          const source = norm.slice(l.start, l.end).replace(/\s+/g, '');
          assert.equal(l.title, '原文：' + source);
          assert.ok(source.startsWith(normalize(l.text)), `${l.text} ← ${source}`);
        }
      });
    }
  }

  it('lays table 2 out with the national row groups as row spans', () => {
    const { html } = preview(report('pipe-rows'));
    assert.match(html, /<th class="nb-corner" colspan="3" rowspan="3">（本列数据的勾稽关系为/);
    assert.match(html, /<th colspan="7">申请人情况<\/th><\/tr><tr><th rowspan="2">自然人<\/th><th colspan="5">法人或其他组织<\/th><th rowspan="2">总计<\/th>/);
    assert.match(html, /<th>商业企业<\/th><th>科研机构<\/th><th>社会公益组织<\/th><th>法律服务机构<\/th><th>其他<\/th>/);
    assert.match(html, /<th class="nb-group" rowspan="22">三、本年度办理结果<\/th>/);
    assert.ok(html.includes(`<th class="nb-group" rowspan="8">${T2_GROUP_LABELS[3]}</th>`));
    assert.ok(html.includes(`<th class="nb-group" rowspan="3">${T2_GROUP_LABELS[4]}</th>`));
    assert.ok(html.includes(`<th class="nb-group" rowspan="3">${T2_GROUP_LABELS[6]}</th>`));
    assert.match(html, /<th colspan="5">行政复议<\/th><th colspan="10">行政诉讼<\/th>/);
    for (const block of ['一', '五', '六', '八']) assert.ok(html.includes(`<th class="nb-block" colspan="4">第二十条第(${block})项</th>`), block);
  });

  it('renders (六) printed as one row as one row', () => {
    const { html } = preview(report('tabs', { mergedSix: true }));
    const six = T2_ROWS.find((d) => d.id === '6')!;
    assert.match(html, new RegExp(`<th class="nb-label"[^>]*colspan="2">${escapeRe(six.label)}</th>(<td class="nb-cell"[^>]*>\\d+</td>){7}</tr>`));
    assert.match(html, /<th class="nb-group" rowspan="20">三、本年度办理结果<\/th>/);
    assert.ok(!html.includes('1.申请人无正当理由'));
    assert.ok(!html.includes(`rowspan="3">${six.label}`));
  });

  it('marks a broken total, its related cells, and lists the finding under its table', () => {
    const v = sampleValues();
    v.t2['7'][0] = 116;
    v.t3[14] = 9;
    const text = report('pdf', {}, v);
    const { a, html } = preview(text);
    assert.deepEqual(
      a.findings.map((f) => f.rule),
      ['table2-column-sum', 'table3-group-sum'],
    );
    const cs = cells(html);
    for (const f of a.findings) {
      const bad = cs.filter((c) => c.cls.includes('nb-bad'));
      const cell = bad.find((c) => c.start === f.span.start && c.end === f.span.end);
      assert.ok(cell, f.rule);
      assert.ok(cell.title.includes(pick(f.message, 'zh')), cell.title);
      for (const r of f.related) {
        const rel = cs.find((c) => c.start === r.span.start);
        assert.ok(rel && (rel === cell || rel.cls.includes('nb-related')), `related ${r.message.zh}`);
      }
    }
    assert.deepEqual(
      cs.filter((c) => c.cls.includes('nb-bad')).map((c) => c.text),
      ['116', '9'],
    );
    // Each finding is listed under the table it marks, clickable to its span.
    const [t2part, t3part] = html.split('<table class="nb-table nb-t3">');
    const item = (f: (typeof a.findings)[number]) => `<li class="nb-finding nb-error" data-start="${f.span.start}" data-end="${f.span.end}" tabindex="0">${pick(f.message, 'zh')} `;
    assert.ok(t2part.includes(item(a.findings[0])) && !t2part.includes(item(a.findings[1])));
    assert.ok(t3part.includes(item(a.findings[1])) && !t3part.includes(item(a.findings[0])));
  });

  it('does not mark cells cited by related locations in another file', () => {
    const { a } = preview(report('pipe-rows'));
    const cell = a.model.reports[0].t3!.groups[0][4];
    const first = a.model.reports[0].t2!.rows[0].cells[0];
    a.findings.push({
      rule: 'x',
      severity: 'error',
      message: { zh: '与去年不符', en: 'differs from last year' },
      span: first.span,
      related: [{ span: cell.span, message: { zh: '去年', en: 'last year' }, uri: 'file:///last-year.txt' }],
      fixes: [],
      fingerprint: 'x',
    });
    const html = renderPreview(a, 'zh');
    assert.ok(!html.includes('nb-related') && !html.includes('>去年<'));
  });

  it('escapes text from the report: a label with markup stays text', () => {
    const text = report('pipe-rows').replace('行政许可', '行政许可<script>alert(1)</script>');
    const { a, html } = preview(text);
    assert.deepEqual(a.findings, [], 'the row still aligns');
    assert.ok(!/<script/i.test(html));
    assert.ok(html.includes('title="原文：行政许可&lt;script&gt;alert(1)&lt;/script&gt;"'));

    const broken = report('pipe-rows').replace('2.重复申请', '2.<img src=x onerror="alert(1)">');
    const b = preview(broken);
    assert.deepEqual(
      b.a.findings.map((f) => f.rule),
      ['table-unaligned'],
    );
    assert.ok(!/<img/i.test(b.html));
    assert.ok(b.html.includes('&lt;img'), 'the unrecognised label is shown, escaped');
  });

  it('a partly aligned table: the table-unaligned message, then the rows that were read, the others marked 未读出', () => {
    const text = report('pipe-rows').replace(/^3\.危及.*\n/m, '');
    const { a, html } = preview(text);
    assert.deepEqual(
      a.findings.map((f) => f.rule),
      ['table-unaligned'],
    );
    assert.equal(a.model.reports[0].t2!.partial, true);
    const f = a.findings[0];
    assert.ok(html.includes(`<p class="nb-unaligned" data-start="${f.span.start}" data-end="${f.span.end}" tabindex="0">${pick(f.message, 'zh')}</p>`));
    const t2 = html.slice(html.indexOf('<table class="nb-table nb-t2">'), html.indexOf('</table>', html.indexOf('nb-t2')));
    assert.ok(t2, 'the grid of the rows read is shown');
    const read = a.model.reports[0].t2!.rows.length;
    assert.equal(cells(t2).length, 7 * read, 'every cell of every row read');
    assert.equal(t2.split('<td class="nb-unread" colspan="7">未读出</td>').length - 1, 25 - read, 'one 未读出 per template row not read');
    assert.match(t2, /<th class="nb-label nb-unread">3\.危及“三安全一稳定”<\/th><td class="nb-unread" colspan="7">未读出<\/td>/);
    assert.ok(html.includes('nb-t1') && html.includes('nb-t3'));

    // With the rule switched off the table's own problems are shown.
    const off = preview(text, 'zh', { severity: { 'table-unaligned': 'off' } });
    assert.deepEqual(off.a.findings, []);
    assert.match(
      off.html,
      /<p class="nb-unaligned">此表无法与国家格式完全对齐：下面是已读出的行，各行只检查本行合计<\/p><ul class="nb-problems"><li>期望 全部 25 行，实际 缺少 3\.危及“三安全一稳定”<\/li><\/ul><div class="nb-scroll"><table class="nb-table nb-t2">/,
    );
  });

  it('where reading stopped is a link to that row', () => {
    const text = report('pipe-rows').replace('2.重复申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |', '2.重复申请 | 2 | 0 | 0 | 0 | 2 |');
    const { a, html } = preview(text);
    const f = a.findings.find((x) => x.rule === 'table-unaligned')!;
    assert.equal(text.slice(f.span.start, f.span.end), '2.重复申请');
    assert.ok(html.includes(`<p class="nb-unaligned" data-start="${f.span.start}" data-end="${f.span.end}" tabindex="0">`), 'the message points at the row');
    assert.ok(html.includes(`<ul class="nb-problems"><li data-start="${f.span.start}" data-end="${f.span.end}" tabindex="0">期望 “2.重复申请”7 个数（六类申请人和总计），实际 5 个</li></ul>`));
  });

  it('a table nothing could be read from shows only the message', () => {
    const text = report('pipe-rows').replace('| 0 | 0 | 0 | 1 | 1 |', '| 0 | 0 | 0 | 1 | 1 | 7 |');
    const { a, html } = preview(text);
    assert.equal(a.model.reports[0].t3!.problems.length > 0 && !a.model.reports[0].t3!.partial, true);
    assert.ok(!html.includes('nb-t3'));
    assert.ok(html.includes('class="nb-unaligned"'));
  });

  it('says when a table is missing, and renders a report pasted twice once', () => {
    const text = report('pipe-rows');
    const cut = text.slice(0, text.indexOf('四、政府信息公开行政复议'));
    const { html } = preview(cut);
    assert.match(html, /<h3>表三 政府信息公开行政复议、行政诉讼情况<\/h3><p class="nb-missing">未找到此表<\/p>/);
    const twice = preview(text + text).html;
    assert.equal(twice.split('<article').length, 2);
    assert.equal(cells(twice).length, 200);
  });

  it('speaks English', () => {
    const v = sampleValues();
    v.t2['7'][0] = 116;
    const { a, html } = preview(report('markdown', {}, v), 'en');
    assert.ok(html.includes('Table 2 · Disclosure requests received and handled'));
    assert.ok(html.includes('<th colspan="7">Applicants</th>'));
    assert.ok(html.includes('<th rowspan="2">natural persons</th>'));
    assert.ok(html.includes('III. Results this year'));
    assert.ok(html.includes('<th class="nb-block" colspan="4">Article 20 (1)</th>'));
    assert.ok(html.includes('title="Source: 规章"'));
    assert.ok(html.includes(`>${a.findings[0].message.en} <span class="nb-rule" title="${a.findings[0].rule}">table 2 column total</span>`), 'the rule by its title, the id as tooltip');
    assert.ok(!/>[^<]*[\u4e00-\u9fff][^<]*</.test(html.replace(/<h2[^>]*>[^<]*<\/h2>/, '')), 'no Chinese text outside attributes except the title');
  });
});
