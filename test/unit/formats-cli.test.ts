/** The CLI on published files: check with origins in JSON and SARIF, extract, unreadable files, --fix. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../helpers/paths';
import { publish } from '../helpers/published';
import { renderDocx } from '../helpers/renderDocx';
import { renderHtml } from '../helpers/renderHtml';
import { renderPdf } from '../helpers/renderPdf';
import { writePdf } from '../helpers/pdfWriter';
import { renderReport, sampleValues } from '../helpers/layouts';

const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('cli: published files', function () {
  this.timeout(60000);
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-formats-cli-'));
  const v = sampleValues();
  v.t3[4] = 3; // 行政复议·总计 3, its parts add up to 4
  const text = renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: '全年共收到政府信息公开申请141件。', values: v, layout: 'pipe-rows' });
  const doc = publish(text);
  const files = { pdf: join(dir, 'r.pdf'), html: join(dir, 'r.html'), docx: join(dir, 'r.docx') };
  writeFileSync(files.pdf, renderPdf(doc));
  writeFileSync(files.html, renderHtml(doc));
  writeFileSync(files.docx, renderDocx(doc));
  const scan = join(dir, 'scan.pdf');
  writeFileSync(scan, writePdf([{ texts: [], image: true }]));

  it('checks .pdf, .html and .docx files: the finding of the text, in the text view, exit 1', () => {
    const r = run(['check', files.pdf, files.html, files.docx]);
    assert.equal(r.code, 1, r.err);
    const lines = r.out.trim().split('\n');
    assert.equal(lines.length, 3);
    for (const [k, f] of Object.entries(files))
      assert.ok(
        lines.some((l) => l.startsWith(`${f}:`) && l.includes('table3-group-sum 行政复议·总计 为 3')),
        k,
      );
  });

  it('JSON and SARIF carry the page, table, row and column of a finding', () => {
    const j = JSON.parse(run(['check', '--format', 'json', files.pdf, files.docx]).out);
    const pdf = j.files[0].diagnostics[0];
    assert.deepEqual(Object.keys(pdf.origin).sort(), ['col', 'page', 'row', 'table']);
    assert.deepEqual({ table: pdf.origin.table, row: pdf.origin.row, col: pdf.origin.col }, { table: 3, row: 4, col: 5 });
    assert.deepEqual(j.files[1].diagnostics[0].origin, { table: 3, row: 4, col: 5 });
    const s = JSON.parse(run(['check', '--format', 'sarif', files.html]).out);
    assert.deepEqual(s.runs[0].results[0].properties.origin, { table: 3, row: 4, col: 5 });
  });

  it('a scanned PDF: exit 2 with the reason, the other files still checked', () => {
    const r = run(['check', scan, files.html]);
    assert.equal(r.code, 2);
    assert.match(r.err, /scan\.pdf: PDF 没有文字层/);
    assert.match(r.out, /r\.html:.*table3-group-sum/);
    const en = run(['check', '--locale', 'en', scan]);
    assert.match(en.err, /no text layer/);
  });

  it('a folder search takes published reports recognised by content, with their origins in the HTML summary', () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.pdf'), renderPdf(doc));
    writeFileSync(join(folder, 'b.docx'), renderDocx(doc));
    writeFileSync(join(folder, 'c.html'), renderHtml(doc));
    writeFileSync(join(folder, 'menu.html'), '<html><body><p>首页 · 政务公开 · 联系我们</p></body></html>');
    const j = JSON.parse(run(['check', '--format', 'json', folder]).out);
    assert.deepEqual(
      j.files.map((f: { path: string }) => f.path.slice(folder.length + 1)),
      ['a.pdf', 'b.docx', 'c.html'],
      'the page that is not a report is left out',
    );
    const html = run(['check', '--format', 'html', join(folder, 'a.pdf')]).out;
    assert.match(html, /<div class="sub">第 \d+ 页 · 表 \d+ · 第 \d+ 行 · 第 \d+ 列<\/div>/);
  });

  it('--fix leaves a published file untouched and says so', () => {
    const before = readFileSync(files.docx);
    const r = run(['check', '--fix', '--locale', 'en', files.docx]);
    assert.equal(r.code, 1);
    assert.match(r.err, /--fix changes text files only/);
    assert.match(run(['check', '--fix', files.docx]).err, /--fix 只修改文本文件/, 'in Chinese by default');
    assert.deepEqual(readFileSync(files.docx), before);
  });

  it('extract writes the text view to stdout or -o, refuses to overwrite its input, exit 2 on an unreadable file', () => {
    const stdout = run(['extract', files.docx]);
    assert.equal(stdout.code, 0);
    assert.ok(stdout.out.startsWith('示例县2023年政府信息公开工作年度报告\n一、总体情况\n'));
    const out = join(dir, 'r.txt');
    assert.equal(run(['extract', files.pdf, '-o', out]).code, 0);
    assert.match(readFileSync(out, 'utf8'), /^\| 2 \| 1 \| 0 \| 1 \| 3 \|/m);
    assert.equal(run(['extract', files.pdf, '-o', files.pdf]).code, 2);
    assert.equal(run(['extract']).code, 2);
    const bad = run(['extract', scan]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /没有文字层/);
  });
});
