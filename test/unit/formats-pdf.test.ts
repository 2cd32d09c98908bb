/** The PDF reader on PDFs written in the test: tables from rules and positions, pages, headers and footers, refusals. */
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core';
import { extract } from '../../server/src/formats';
import { layoutPdf, type PItem } from '../../server/src/formats/pdfLayout';
import { originAt } from '../../server/src/formats/types';
import { publish } from '../helpers/published';
import { renderPdf } from '../helpers/renderPdf';
import { writePdf } from '../helpers/pdfWriter';
import { renderReport, sampleValues } from '../helpers/layouts';

const report = (edit?: (v: ReturnType<typeof sampleValues>) => void) => {
  const v = sampleValues();
  edit?.(v);
  return renderReport({
    title: '示例县2023年政府信息公开工作年度报告',
    narrative: '2023年,本机关共收到政府信息公开申请141件,办结137件,其中予以公开83件,占60.6%。'.repeat(6),
    values: v,
    layout: 'pipe-cells',
  });
};
async function read(bytes: Buffer) {
  const r = await extract(bytes, 'report.pdf');
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.value;
}

describe('formats: PDF', function () {
  this.timeout(30000);

  it('rebuilds the tables of a printed report, one split over pages with its header rows repeated, and drops page numbers and running headers', async () => {
    const text = report((v) => (v.t2['7'][6] = 138));
    const pdf = await read(renderPdf(publish(text)));
    const pages = new Set(pdf.origins.map((o) => o.page));
    assert.ok(pages.size >= 3, `pages ${[...pages]}`);
    assert.equal(pdf.text.split('\n').filter((l) => l.includes('商业企业')).length, 1, 'the repeated header row appears once');
    assert.doesNotMatch(pdf.text, /^- \d+ -$/m);
    assert.equal(pdf.text.split('\n').filter((l) => l === '示例县2023年政府信息公开工作年度报告').length, 1, 'running header dropped, title kept');
    assert.match(pdf.text, /^\| （七）总计 \| 118 \| 14 \| 0 \| 1 \| 3 \| 1 \| 138 \|$/m);
    // Wrapped lines are joined into their paragraph: no figure is cut in two.
    assert.ok(pdf.text.includes('共收到政府信息公开申请141件'));
    const a = analyze(pdf.text);
    assert.deepEqual(
      a.findings.map((f) => f.message.zh),
      analyze(text).findings.map((f) => f.message.zh),
    );
    const o = originAt(pdf.origins, a.findings.find((f) => f.rule.startsWith('table2'))!.span.start)!;
    assert.equal(o.table, 2);
    assert.ok(o.page! >= 2 && o.row! > 3 && o.col! >= 4, JSON.stringify(o));
  });

  it('reads the same tables when header rows are not repeated on continuation pages', async () => {
    const text = report();
    const pdf = await read(renderPdf(publish(text), { repeatHeader: false }));
    const a = analyze(pdf.text);
    assert.equal(a.isReport, true);
    assert.deepEqual(a.findings, []);
  });

  it('reads an unruled table from the positions of its columns, an empty position as an empty cell', () => {
    const items: PItem[] = [];
    const row = (y: number, cells: (string | undefined)[]) => cells.forEach((c, k) => c !== undefined && items.push({ str: c, x: k === 0 ? 72 : 250 + k * 40, y, w: c.length * 9, size: 9 }));
    items.push({ str: '说明文字一行。', x: 72, y: 700, w: 90, size: 12 });
    row(680, ['甲项', '1', '2', '3']);
    row(665, ['乙项', '4', undefined, '6']);
    row(650, ['丙项', '7', '8', '9']);
    const v = layoutPdf([{ width: 595, height: 842, items, segs: [] }]);
    assert.equal(v.text, '说明文字一行。\n\n| 甲项 | 1 | 2 | 3 |\n| 乙项 | 4 |  | 6 |\n| 丙项 | 7 | 8 | 9 |\n\n');
  });

  it('a row cut by a page break is joined with its rest on the next page; a table whose last row moved to the next page stays one table', () => {
    const rule = (x1: number, y1: number, x2: number, y2: number) => ({ x1, y1, x2, y2 });
    const it = (str: string, x: number, y: number) => ({ str, x, y, w: str.length * 9, size: 9 });
    // Page 1: rows 甲 and a row cut at the page bottom (no rule below it).
    const p1 = {
      width: 595,
      height: 842,
      items: [it('前文。', 72, 760), it('甲项', 80, 705), it('1', 300, 705), it('1.申请人无正当理由', 80, 675), it('3', 300, 675)],
      segs: [rule(72, 720, 400, 720), rule(72, 690, 400, 690), rule(72, 650, 72, 720), rule(200, 650, 200, 720), rule(400, 650, 400, 720)],
    };
    // Page 2: the rest of the cut row (no rule above it), then a whole row.
    const p2 = {
      width: 595,
      height: 842,
      items: [it('逾期不补正', 80, 790), it('乙项', 80, 760), it('4', 300, 760), it('后文。', 72, 700)],
      segs: [rule(72, 780, 400, 780), rule(72, 750, 400, 750), rule(72, 750, 72, 800), rule(200, 750, 200, 800), rule(400, 750, 400, 800)],
    };
    const v = layoutPdf([p1, p2]);
    assert.equal(v.text, '前文。\n\n| 甲项 | 1 |\n| 1.申请人无正当理由逾期不补正 | 3 |\n| 乙项 | 4 |\n\n后文。\n');
    // The last row alone on the next page, with its own rules all round: still the same table.
    const q2 = {
      ...p2,
      items: [it('乙项', 80, 760), it('4', 300, 760), it('后文。', 72, 700)],
      segs: [rule(72, 780, 400, 780), rule(72, 750, 400, 750), rule(72, 750, 72, 780), rule(200, 750, 200, 780), rule(400, 750, 400, 780)],
    };
    const q1 = { ...p1, items: p1.items.slice(0, 3), segs: [rule(72, 720, 400, 720), rule(72, 690, 400, 690), rule(72, 690, 72, 720), rule(200, 690, 200, 720), rule(400, 690, 400, 720)] };
    assert.equal(layoutPdf([q1, q2]).text, '前文。\n\n| 甲项 | 1 |\n| 乙项 | 4 |\n\n后文。\n');
  });

  it('says a scanned PDF has no text layer, and warns about scanned pages in a PDF with text', async () => {
    const scan = await extract(
      writePdf([
        { texts: [], image: true },
        { texts: [], image: true },
      ]),
      'scan.pdf',
    );
    assert.equal(scan.ok, false);
    if (!scan.ok) {
      assert.match(scan.reason, /没有文字层.*扫描件/);
      assert.match(scan.reasonEn, /no text layer/);
    }
    const mixed = await read(writePdf([{ texts: [{ x: 72, y: 700, size: 12, text: '第一页有文字。' }] }, { texts: [], image: true }]));
    assert.equal(mixed.text, '第一页有文字。\n');
    assert.deepEqual(mixed.warnings, ['第 2 页没有文字层(可能是扫描页),其内容未读取']);
  });

  it('refuses an encrypted PDF and a damaged one with a reason', async () => {
    const enc = await extract(writePdf([{ texts: [{ x: 72, y: 700, size: 12, text: '机密' }] }], { encrypted: true }), 'secret.pdf');
    assert.ok(!enc.ok && /已加密/.test(enc.reason) && /encrypted/.test(enc.reasonEn), JSON.stringify(enc));
    const bad = await extract(Buffer.from('%PDF-1.7\n garbage without objects'), 'bad.pdf');
    assert.ok(!bad.ok && /PDF/.test(bad.reason), JSON.stringify(bad));
    const notPdf = await extract(Buffer.from('hello'), 'x.pdf');
    assert.equal(notPdf.ok, false);
  });
});
