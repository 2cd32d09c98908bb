/**
 * Crawled page text (family of pingtan_2024.txt and the 平潭 pages 2019–2025): a few header lines
 * written by the crawler, then the whole body on one line. Headings and sub-headings run on after
 * the previous sentence, tables are flattened row after row with their header cells run together,
 * and the cells of a row are separated by a space, by nothing ("（一）予以公开710000071"), or by a
 * mixture ("230 000023"); the ordinal of the next label sticks to the digits ("00000003.危及…").
 */
import type { CopyDoc, Doc, Values } from './doc';
import { oldT1Blocks, T2_COLS, T2_GROUP, T2_LABEL, T2_NOTE, T3_RESULTS, t1Blocks, t2Rows, type T1Block } from './labels';
import type { Rng } from './rng';
import { cite, fullWidth, Out, pubDate } from './text';
import type { Rendered } from './types';

export type Sep = 'none' | 'space' | 'mixed';

interface Gaps {
  /** Between two cells of a row. */
  cell(): string;
  /** Between a row's label and its first cell. */
  label(long: boolean): string;
  /** Between a row's last cell and the next label. */
  end(): string;
  /** Between header words. */
  head(): string;
}

function gaps(sep: Sep, rng: Rng): Gaps {
  const labelGap = rng.chance(0.3) ? ' ' : '';
  const headGap = rng.chance(0.25) ? ' ' : '';
  return {
    cell: () => (sep === 'space' ? ' ' : sep === 'mixed' ? (rng.chance(0.35) ? ' ' : '') : ''),
    label: (long) => (rng.chance(long ? 0.5 : 0.15) ? ' ' : labelGap),
    end: () => (sep === 'none' ? '' : rng.chance(sep === 'space' ? 0.5 : 0.2) ? ' ' : ''),
    head: () => (rng.chance(0.1) ? ' ' : headGap),
  };
}

/** Cells joined by the gaps; returns the text and its runs of digits. */
function cells(xs: string[], g: Gaps): { text: string; runs: string[] } {
  let text = '';
  xs.forEach((x, i) => {
    const gap = g.cell();
    text += (i ? gap : '') + x;
  });
  return { text, runs: text.split(' ') };
}

function table1(out: Out, blocks: T1Block[], g: Gaps): void {
  for (const b of blocks) {
    out.add(b.head, g.head(), b.cols.join(g.head()));
    for (const [label, xs] of b.rows) out.add(g.head(), label, g.label(false), cells(xs, g).text);
  }
}

function table2(out: Out, v: Values, g: Gaps, rng: Rng, runs: Record<string, string[]>, old: boolean): void {
  const split = (s: string) => (rng.chance(0.3) ? s.slice(0, 4) + ' ' + s.slice(4) + ' ' : s);
  out.add(T2_NOTE, g.head(), '申请人情况', g.head(), '自然人', g.head(), '法人或其他组织', g.head(), '总计', g.head());
  out.add(T2_COLS.map((c) => (c.length > 4 && rng.chance(0.3) ? c.slice(0, 4) + ' ' + c.slice(4) + ' ' : c)).join(g.head()));
  const repeatGroup = rng.chance(0.15);
  for (const row of t2Rows(v, old)) {
    let label = T2_LABEL[row.id];
    if (row.id === '1') label = split(T2_GROUP['1']) + (rng.chance(0.5) ? ' ' : '') + label;
    else if (T2_GROUP[row.id]) label = (row.id === '4.1' && repeatGroup ? T2_GROUP['1'] : '') + T2_GROUP[row.id] + label;
    const c = cells(row.cells.map(String), g);
    runs[row.id] = c.runs;
    out.add(label, g.label(label.length > 20), c.text, g.end());
  }
}

function table3(out: Out, v: number[], g: Gaps, runs: string[]): void {
  const r = T3_RESULTS.join(g.head());
  out.add('行政复议', g.head(), '行政诉讼', g.head(), r, g.head(), '未经复议直接起诉', g.head(), '复议后起诉', g.head(), r, g.head(), r, g.head());
  const c = cells(v.map(String), g);
  runs.push(...c.runs);
  out.add(c.text, g.end());
}

function titleOf(c: CopyDoc): string {
  return (c.title ?? `${c.year ?? 2023}年政府信息公开工作年度报告`).replace(/\s+/g, '');
}

/** `old`: the 2019 format (its table 1, (六) as one row), as 平潭 2019 and 2020 were crawled. */
export function renderCrawled(doc: Doc, values: Values[], sep: Sep, rng: Rng, old = false): Rendered {
  const first = doc.copies[0];
  const title = titleOf(first);
  const year = first.year ?? 2023;
  const h = rng.fork('header');
  const date = pubDate(year, h);
  const ym = date.slice(0, 7).replace('-', '');
  const id = h.int(10000, 99999);
  const slug = Array.from({ length: 6 }, () => 'abcdefghijklmnopqrstuvwxyz'[h.int(0, 25)]).join('');
  const out = new Out().lines([
    `标题: ${title}`,
    `发布时间: ${date}`,
    '文号: ',
    `发布机构: ${h.chance(0.5) ? '' : (/^(.+?(?:政府|局|委|办|区|县|市))/.exec(title)?.[1] ?? '') + '办公室'}`,
    '栏目: 政府信息公开年报',
    `原文链接: https://www.${slug}.gov.cn/zwgk/zfxxgk/zfxxgknb/${ym}/t${date.slice(0, 10).replace(/-/g, '')}_${id}.htm`,
    `本地目录: zwgk/zfxxgk/zfxxgknb/${ym}/${id}_${title}`,
    '页面链接与图片详见 links.tsv(同目录)',
    '==================== 正文 ====================',
  ]);
  if (h.chance(0.3)) out.add(`当前位置： 首页政务公开政府信息公开政府信息公开年报 ${title} 来源：${/^(.+?)20\d\d/.exec(title)?.[1] ?? '本机关'} 时间：${date} `);
  // Random choices inside a copy come from one source per copy, restarted for each: a report pasted twice is the same text twice.
  let t = rng.fork('copy');
  const para = (s: string) => out.add(fullWidth(s), t.chance(0.2) ? ' ' : '');
  const tables = {} as Rendered['tables'];
  const runs: NonNullable<Rendered['runs']> = { t2: {}, t3: [] };
  doc.lead.forEach(para);
  doc.copies.forEach((c, k) => {
    t = rng.fork('copy');
    (old ? cite(c.preamble) : c.preamble).forEach(para);
    for (const s of c.sections) {
      const start = out.length;
      out.add(fullWidth(s.heading), t.chance(0.6) ? ' ' : '');
      (old ? cite(s.body) : s.body).forEach(para);
      if (s.table) {
        const g = gaps(sep, t.fork(`t${s.table}`));
        const r = k === 0 ? runs : { t2: {}, t3: [] };
        const normative = t.chance(0.2) ? '规范性文件' : '行政规范性文件';
        if (s.table === 1) table1(out, old ? oldT1Blocks(values[k].t1, t.fork('old')) : t1Blocks(values[k].t1, normative), g);
        if (s.table === 2) table2(out, values[k], g, t.fork('t2labels'), r.t2, old);
        if (s.table === 3) table3(out, values[k].t3, g, r.t3);
        if (k === 0) tables[s.table] = { start, end: out.length };
      }
      s.after.forEach(para);
    }
  });
  doc.tail.forEach(para);
  if (h.chance(0.3)) out.add('附件下载');
  out.add('\n');
  return { text: out.text(), tables, t2ids: t2Rows(values[0], old).map((x) => x.id), runs, t1Readable: sep === 'space' && !old };
}
