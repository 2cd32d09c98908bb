/**
 * A second PDF→Markdown converter (OCR/LLM-like; the 沭阳县 2025 report): "#"/"##"/"###" headings,
 * paragraphs apart by blank lines (now and then broken mid-sentence), "一是…。" points promoted to
 * headings, and every table-2 row or group as its own small table under "### <label>" with the
 * header "| 类别 | 数据1 | … | 数据6 | 总计 |", placeholder tables "- | -" for the applicant header,
 * a wrong header row inserted mid-table, labels reworded ("1. 属于国家秘密", "(六) 其他"), and
 * table 3 as three tables.
 */
import type { Doc, Values } from './doc';
import { T2_LABEL, t1Blocks, t2Rows } from './labels';
import type { Rng } from './rng';
import { halfWidth, Out, spaceDigits } from './text';
import type { Rendered } from './types';

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const sep = (n: number) => '|' + '---|'.repeat(n);
const HEAD = ['类别', '数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计'];
const WRONG = ['项目', '本年新收件数', '上年结转件数', '予以公开', '部分公开', '不予公开', '结转下年度', '总计'];
const GROUP_TITLE: Record<string, string> = { '3': '(三) 不予公开', '4': '(四) 无法提供', '5': '(五) 不予处理', '6': '(六) 其他' };

/** "(一)予以公开" → "予以公开"; "1.属于国家秘密" → "1. 属于国家秘密". */
const plain = (label: string) =>
  halfWidth(label)
    .replace(/^[一二三四]、|^\([一二七]\)/, '')
    .replace(/^(\d)\./, '$1. ')
    .replace(/,/g, ', ');

function table2(v: Values, rng: Rng): string[] {
  const out = ['(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)', ''];
  out.push('### 申请人情况 (自然人)', row(['(数据项目)', '数量']), sep(2), row(['-', '-']), '');
  out.push('### 申请人情况 (法人或其他组织)', row(['商业企业', '科研机构', '社会公益', '法律服务机构', '其他']), sep(5), row(['-', '-', '-', '-', '-']), '');
  out.push('### 申请人情况 (总计)', row(['(数据项目)', '数量']), sep(2), row(['-', '-']), '');
  const rows = t2Rows(v);
  const wrongAt = rng.chance(0.6) ? rng.int(Math.max(1, rows.length - 6), rows.length - 2) : -1;
  let group = '';
  rows.forEach((r, i) => {
    const g = /^(\d)\.\d$/.exec(r.id)?.[1] ?? '';
    if (r.id === '1') out.push('', '### 三、本年度办理结果');
    // Rows after the wrong header stay in its table.
    if (i === wrongAt) out.push('', row(WRONG), sep(8));
    else if ((wrongAt < 0 || i < wrongAt) && (!g || g !== group)) {
      const title = g ? GROUP_TITLE[g] : halfWidth(T2_LABEL[r.id]).replace(/^\(([一二六七])\)/, '($1) ');
      out.push('', `### ${title}`, row(HEAD), sep(8));
    }
    group = g;
    out.push(row([r.id === '7' || r.id === 'next' ? T2_LABEL[r.id] : plain(T2_LABEL[r.id]), ...r.cells]));
  });
  return out;
}

function table3(v: number[]): string[] {
  const titles = ['### 行政复议', '### 行政诉讼（未经复议直接起诉）', '### 行政诉讼（复议后起诉）'];
  return titles.flatMap((t, g) => [t, row(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']), '|----------|----------|----------|----------|------|', row(v.slice(g * 5, g * 5 + 5)), '']);
}

export function renderMdRows(doc: Doc, values: Values[], rng: Rng): Rendered {
  const out = new Out();
  // One source per copy, restarted for each: a report pasted twice is the same text twice.
  let t = rng.fork('copy');
  const para = (s: string) => {
    let text = t.chance(0.5) ? spaceDigits(s) : s;
    if (/^[一二三四五]是[^。]{2,30}。/.test(text) && t.chance(0.3)) {
      const k = text.indexOf('。') + 1;
      out.lines([`### ${text.slice(0, k)}`]);
      text = text.slice(k);
    }
    // Now and then a paragraph broken in the middle of a sentence.
    const cut = t.chance(0.1) && text.length > 40 ? text.slice(20).search(/[\u4e00-\u9fff]/) + 20 : -1;
    if (cut > 20) out.lines([text.slice(0, cut), '', text.slice(cut), '']);
    else if (text) out.lines([text, '']);
  };
  const heading = (s: string, level: string) => out.lines([`${level} ${s}`, '']);
  const tables = {} as Rendered['tables'];
  doc.lead.forEach(para);
  doc.copies.forEach((c, k) => {
    t = rng.fork('copy');
    c.preamble.forEach((x) => (x === c.title ? heading(spaceDigits(x), '#') : para(x)));
    for (const s of c.sections) {
      const start = out.length;
      heading(s.heading, '##');
      for (const p of s.body) {
        if (/^[(（][一二三四五六七八九十][)）]/.test(p) && p.length < 40) heading(p.replace(/^[(（]([一二三四五六七八九十])[)）]\s*/, '($1) '), '###');
        else para(p);
      }
      if (s.table) {
        const lines =
          s.table === 1
            ? t1Blocks(values[k].t1).flatMap((b) => [`### ${b.head}`, row(b.cols), sep(b.cols.length), ...b.rows.map(([l, xs]) => row([l, ...xs])), ''])
            : s.table === 2
              ? table2(values[k], rng.fork('t2'))
              : table3(values[k].t3);
        while (lines[lines.length - 1] === '') lines.pop();
        out.lines(lines.slice(0, -1)).add(lines[lines.length - 1]);
        if (k === 0) tables[s.table] = { start, end: out.length };
        out.add('\n\n');
      }
      s.after.forEach(para);
    }
  });
  doc.tail.forEach(para);
  return { text: out.text(), tables, t2ids: values[0].t2ids };
}
