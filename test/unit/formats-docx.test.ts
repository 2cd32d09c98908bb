/** The Word reader: list numbering rendered as text, merged cells, tracked changes, refusals. */
import * as assert from 'node:assert/strict';
import { zipSync, strToU8 } from 'fflate';
import { analyze } from '../../server/src/core';
import { readDocx } from '../../server/src/formats/docx';
import { chineseCounting, formatNumber } from '../../server/src/formats/numbering';
import { extract } from '../../server/src/formats';
import { publish } from '../helpers/published';
import { renderDocx } from '../helpers/renderDocx';
import { renderReport, sampleValues } from '../helpers/layouts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (body: string, numbering?: string) =>
  Buffer.from(
    zipSync({
      'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
      ...(numbering ? { 'word/numbering.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${numbering}</w:numbering>`) } : {}),
    }),
  );
const p = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const num = (ilvl: number, id = 1) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${id}"/></w:numPr>`;
const text = (b: Buffer) => {
  const r = readDocx(b);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.value.text;
};

describe('formats: DOCX', () => {
  it('renders Chinese counting: 一 … 十 十一 二十 二十一 一百〇五', () => {
    assert.deepEqual([1, 9, 10, 11, 20, 21, 99, 105, 110].map(chineseCounting), ['一', '九', '十', '十一', '二十', '二十一', '九十九', '一百〇五', '一百一十']);
    assert.deepEqual(
      ['decimal', 'decimalEnclosedCircle', 'upperRoman', 'lowerLetter', 'ideographTraditional'].map((f) => formatNumber(4, f)),
      ['4', '④', 'IV', 'd', '丁'],
    );
  });

  it('writes Word list numbering at the start of the paragraph: 一、 （一） restarting under each heading, 1. continuing', () => {
    const numbering = `<w:abstractNum w:abstractNumId="7">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>`;
    const body = [p('总体情况', num(0)), p('主动公开', num(1)), p('依申请公开', num(1)), p('第一点', num(2)), p('主动公开政府信息情况', num(0)), p('平台建设', num(1)), p('无编号段落。')].join('');
    assert.equal(text(docx(body, numbering)), '一、总体情况\n（一）主动公开\n（二）依申请公开\n1. 第一点\n二、主动公开政府信息情况\n（一）平台建设\n无编号段落。\n');
  });

  it('reads merged cells once where they start (gridSpan, vMerge) and keeps empty cells', () => {
    const tc = (t: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${t === '' ? '<w:p/>' : p(t)}</w:tc>`;
    const body = `<w:tbl>
      <w:tr>${tc('组', '<w:vMerge w:val="restart"/>')}${tc('表头', '<w:gridSpan w:val="2"/>')}</w:tr>
      <w:tr>${tc('', '<w:vMerge/>')}${tc('1')}${tc('')}</w:tr>
      <w:tr>${tc('尾')}${tc('')}<w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p><w:p><w:r><w:t>6</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`;
    assert.equal(text(docx(p('前文') + body + p('后文'))), '前文\n\n| 组 | 表头 |\n| 1 |  |\n| 尾 |  | 2 6 |\n\n后文\n');
  });

  it('leaves out deleted text of tracked changes and field codes, keeps inserted text, hyperlinks and content controls', () => {
    const body = `<w:p><w:r><w:t>共收到申请</w:t></w:r><w:del><w:r><w:delText>12</w:delText></w:r></w:del><w:ins><w:r><w:t>13</w:t></w:r></w:ins><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>件</w:t></w:r><w:hyperlink><w:r><w:t>,详见链接</w:t></w:r></w:hyperlink></w:p><w:sdt><w:sdtContent>${p('控件中的段落')}</w:sdtContent></w:sdt>`;
    assert.equal(text(docx(body)), '共收到申请13件,详见链接\n控件中的段落\n');
  });

  it('a report drafted in Word (numbered headings, merged header cells) gives the text report’s findings', () => {
    const values = sampleValues();
    values.t2['1'][0] = 71; // (一) 予以公开·自然人 off by one: row and column sums break
    const report = renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: '全年共收到政府信息公开申请141件。', values, layout: 'tabs' });
    const t = text(renderDocx(publish(report)));
    assert.match(t, /^一、总体情况$/m);
    assert.match(t, /^六、其他需要报告的事项$/m);
    assert.deepEqual(
      analyze(t).findings.map((f) => f.message.zh),
      analyze(report).findings.map((f) => f.message.zh),
    );
    assert.ok(analyze(t).findings.some((f) => f.rule.startsWith('table2')));
  });

  it('refuses what is not a .docx with a reason', async () => {
    const cases: [Buffer, RegExp][] = [
      [Buffer.from('PK\u0003\u0004garbage'), /不是有效的 Word 文档/],
      [Buffer.from(zipSync({ 'a.txt': strToU8('x') })), /没有 word\/document\.xml/],
      [Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0', 'latin1')]), /已加密/],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /旧版 Word/],
    ];
    for (const [bytes, reason] of cases) {
      const r = await extract(bytes, 'report.docx');
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.match(r.reason, reason);
        assert.ok(r.reasonEn.length > 10);
      }
    }
    const doc = await extract(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.doc');
    assert.ok(!doc.ok && /另存为 \.docx/.test(doc.reason));
  });
});
