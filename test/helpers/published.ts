/**
 * Turns a text report (a corpus report, possibly with an injected error) into what gets
 * published: a document of paragraphs and the three tables in the national layout (with its
 * rowspans and colspans), from which html.ts, docx.ts and pdf.ts in this folder render files.
 * The table values come from the core's reading of the text, so a changed number in the text is a
 * changed number in every rendering.
 */
import { analyze } from '../../server/src/core';
import { T2_LABEL } from './realworld/labels';

export interface GridCell {
  text: string;
  rowspan?: number;
  colspan?: number;
}

export type Block =
  { kind: 'title'; text: string } | { kind: 'heading'; level: 0 | 1; numeral: number; text: string } | { kind: 'para'; text: string } | { kind: 'table'; rows: GridCell[][]; header: number };

export interface PublishedDoc {
  blocks: Block[];
}

export interface PublishOptions {
  /** Write zeros of table 2's five middle columns as empty cells (as many published tables do). */
  blankZeros?: boolean;
}

const c = (text: string, rowspan?: number, colspan?: number): GridCell => ({ text, ...(rowspan ? { rowspan } : {}), ...(colspan ? { colspan } : {}) });

function table1(raw: (id: string) => string[]): GridCell[][] {
  const one = (id: string) => c(raw(id)[0] ?? '', undefined, 3);
  return [
    [c('第二十条第（一）项', undefined, 4)],
    [c('信息内容'), c('本年制发件数'), c('本年废止件数'), c('现行有效件数')],
    [c('规章'), ...raw('rules').map((x) => c(x))],
    [c('行政规范性文件'), ...raw('normative').map((x) => c(x))],
    [c('第二十条第（五）项', undefined, 4)],
    [c('信息内容'), c('本年处理决定数量', undefined, 3)],
    [c('行政许可'), one('license')],
    [c('第二十条第（六）项', undefined, 4)],
    [c('信息内容'), c('本年处理决定数量', undefined, 3)],
    [c('行政处罚'), one('penalty')],
    [c('行政强制'), one('coercion')],
    [c('第二十条第（八）项', undefined, 4)],
    [c('信息内容'), c('本年收费金额（单位：万元）', undefined, 3)],
    [c('行政事业性收费'), one('fees')],
  ];
}

const GROUP: Record<string, string> = { '3': '（三）不予公开', '4': '（四）无法提供', '5': '（五）不予处理', '6': '（六）其他处理' };

function table2(rows: { id: string; cells: string[] }[], blankZeros: boolean): GridCell[][] {
  const nums = (r: { cells: string[] }) => r.cells.map((x, k) => c(blankZeros && k >= 1 && k <= 5 && x === '0' ? '' : x));
  const out: GridCell[][] = [
    [c('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), c('申请人情况', undefined, 7)],
    [c('自然人', 2), c('法人或其他组织', undefined, 5), c('总计', 2)],
    [c('商业企业'), c('科研机构'), c('社会公益组织'), c('法律服务机构'), c('其他')],
  ];
  const results = rows.filter((r) => r.id !== 'new' && r.id !== 'carried' && r.id !== 'next');
  for (const r of rows) {
    const label = T2_LABEL[r.id] ?? r.id;
    if (r.id === 'new' || r.id === 'carried' || r.id === 'next') {
      out.push([c(label, undefined, 3), ...nums(r)]);
      continue;
    }
    const row: GridCell[] = [];
    if (r === results[0]) row.push(c('三、本年度办理结果', results.length));
    const group = /^(\d)\.\d$/.exec(r.id)?.[1];
    if (group) {
      const members = results.filter((x) => x.id.startsWith(group + '.'));
      if (members[0] === r) row.push(c(GROUP[group], members.length));
      row.push(c(label));
    } else row.push(c(label, undefined, 2));
    out.push([...row, ...nums(r)]);
  }
  return out;
}

function table3(values: string[]): GridCell[][] {
  const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    [c('行政复议', undefined, 5), c('行政诉讼', undefined, 10)],
    [...five.map((x) => c(x, 2)), c('未经复议直接起诉', undefined, 5), c('复议后起诉', undefined, 5)],
    [...five.map((x) => c(x)), ...five.map((x) => c(x))],
    values.map((x) => c(x)),
  ];
}

const HEADING0 = /^([一二三四五六])、/;
const HEADING1 = /^[（(]([一二三四五六七八九十])[）)]/;
const NUMERALS = '一二三四五六七八九十';

/** The published form of a text report: its lines as paragraphs, its tables in the national layout. */
export function publish(text: string, options: PublishOptions = {}): PublishedDoc {
  const a = analyze(text);
  const lines: { start: number; end: number; text: string }[] = [];
  for (let i = 0, m: RegExpExecArray | null, re = /[^\r\n]*(\r\n|\r|\n|$)/g; (m = re.exec(text)) && m[0].length; i++) {
    lines.push({ start: m.index, end: m.index + m[0].length, text: m[0].replace(/[\r\n]+$/, '') });
    if (re.lastIndex >= text.length) break;
  }
  // Table regions: from the line after the section heading to the table's last cell; prose inside stays.
  const regions: { start: number; end: number; rows: GridCell[][]; header: number }[] = [];
  for (const r of a.model.reports) {
    const raw1 = (id: string) => (r.t1?.rows as Record<string, { cells: { raw: string }[] }> | undefined)?.[id]?.cells.map((x) => x.raw) ?? [];
    if (r.t1 && !r.t1.problems.length) regions.push({ ...r.t1.span, rows: table1(raw1), header: 0 });
    if (r.t2 && !r.t2.problems.length)
      regions.push({
        ...r.t2.span,
        rows: table2(
          r.t2.rows.map((x) => ({ id: x.id, cells: x.cells.map((y) => y.raw) })),
          !!options.blankZeros,
        ),
        header: 3,
      });
    if (r.t3 && !r.t3.problems.length) regions.push({ ...r.t3.span, rows: table3(r.t3.groups.flat().map((x) => x.raw)), header: 3 });
  }
  const blocks: Block[] = [];
  const emitted = new Set<object>();
  let title = false;
  // Where each block came from, so a report pasted twice is published twice, tables and all.
  const from: number[] = [];
  const copied = new Set<object>();
  let prevStart = 0;
  for (const l of lines) {
    while (from.length < blocks.length) from.push(prevStart);
    prevStart = l.start;
    const dup = a.model.duplicates.find((d) => l.start >= d.span.start && l.start < d.span.end);
    if (dup) {
      if (!copied.has(dup)) {
        copied.add(dup);
        const n = blocks.length;
        for (let k = 0; k < n; k++) if (from[k] >= dup.firstCopy.start && from[k] < dup.firstCopy.end) blocks.push(blocks[k]);
      }
      continue;
    }
    const region = regions.find((g) => l.end > g.start && l.start < g.end);
    const t = l.text.replace(/\s*\|+\s*$/, '').trim();
    const isHeading = HEADING0.test(t) && t.length < 40;
    if (region && !(isHeading && l.start <= region.start)) {
      // Prose inside the table's section stays where it is; every other line is the table's.
      if (/。/.test(t)) blocks.push({ kind: 'para', text: t });
      else if (t && !emitted.has(region)) {
        emitted.add(region);
        blocks.push({ kind: 'table', rows: region.rows, header: region.header });
      }
      continue;
    }
    if (!t) continue;
    if (!title && /年.*(报告|年报)/.test(t) && !blocks.some((b) => b.kind !== 'para')) {
      title = true;
      blocks.push({ kind: 'title', text: t });
      continue;
    }
    const h0 = HEADING0.exec(t);
    const h1 = HEADING1.exec(t);
    if (h0 && t.length < 40) blocks.push({ kind: 'heading', level: 0, numeral: NUMERALS.indexOf(h0[1]) + 1, text: t.slice(h0[0].length) });
    else if (h1 && t.length < 40 && !/。/.test(t)) blocks.push({ kind: 'heading', level: 1, numeral: NUMERALS.indexOf(h1[1]) + 1, text: t.slice(h1[0].length) });
    else blocks.push({ kind: 'para', text: t });
  }
  return { blocks };
}

/** The text a heading block prints as. */
export function headingText(b: Extract<Block, { kind: 'heading' }>): string {
  return b.level === 0 ? `${NUMERALS[b.numeral - 1]}、${b.text}` : `（${NUMERALS[b.numeral - 1]}）${b.text}`;
}
