/**
 * A CMS page turned into text (family of pingtan_2024.html and the CMS tables of the issue): one
 * paragraph a line, the tables as one pipe row per HTML row, merged cells printed once (in the
 * first row they span), and zeros left empty ("| 26 |  |  |  |  |  | 26 |") or written as a
 * placeholder ("—", "-", "/", "无").
 */
import type { Doc, Values } from './doc';
import { T2_COLS, T2_GROUP, T2_LABEL, T2_NOTE, T3_RESULTS, t1Blocks, t2Rows } from './labels';
import type { Rng } from './rng';
import { fullWidth, Out } from './text';
import type { Rendered } from './types';

export type Zero = 'blank' | 'placeholder';
const MARKS = ['—', '-', '/', '无', '——'];

interface Style {
  row(cells: string[]): string;
  number(x: string): string;
  /** How a zero cell is printed (drawn for every cell, so the layout does not depend on the values). */
  zero(): string;
  label(s: string): string;
}

function style(zero: Zero, rng: Rng): Style {
  const edges = rng.chance(0.75);
  const tight = rng.chance(0.2);
  const keepSome = rng.chance(0.3);
  const main = rng.pick(MARKS);
  const ws = rng.chance(0.25);
  // Word-pasted tables sometimes carry full-width digits (１２).
  const wide = rng.chance(0.1);
  return {
    number: (x) => (wide ? x.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : x),
    row: (cells) => (tight ? `|${cells.join('|')}|` : edges ? `| ${cells.join(' | ')} |` : cells.join(' | ')),
    zero: () => {
      const keep = rng.chance(0.15);
      const other = rng.chance(0.15);
      const alt = rng.pick(MARKS);
      if (zero === 'blank') return keepSome && keep ? '0' : '';
      return other ? alt : main;
    },
    // A line break inside an HTML cell becomes a space in the text.
    label: (s) => (ws && s.length > 6 && rng.chance(0.3) ? s.slice(0, 4) + ' ' + s.slice(4) : s),
  };
}

const print = (s: Style, x: string | number) => {
  const z = s.zero();
  return String(x) === '0' ? z : s.number(String(x));
};

function table1(v: Values['t1'], s: Style, normative: string): string[] {
  const lines: string[] = [];
  for (const b of t1Blocks(v, normative)) {
    lines.push(s.row([b.head]), s.row(b.cols));
    for (const [label, xs] of b.rows) lines.push(s.row([label, ...xs.map((x) => print(s, x))]));
  }
  return lines;
}

function table2(v: Values, s: Style): string[] {
  const lines = [s.row([T2_NOTE, '申请人情况']), s.row(['自然人', '法人或其他组织', '总计']), s.row(T2_COLS.map(s.label))];
  for (const row of t2Rows(v)) {
    const head = T2_GROUP[row.id] ? [s.label(T2_GROUP[row.id])] : [];
    lines.push(s.row([...head, s.label(T2_LABEL[row.id]), ...row.cells.map((x) => print(s, x))]));
  }
  return lines;
}

function table3(v: number[], s: Style): string[] {
  return [s.row(['行政复议', '行政诉讼']), s.row([...T3_RESULTS, '未经复议直接起诉', '复议后起诉']), s.row([...T3_RESULTS, ...T3_RESULTS]), s.row(v.map((x) => print(s, x)))];
}

export function renderHtml(doc: Doc, values: Values[], zero: Zero, rng: Rng): Rendered {
  const out = new Out();
  const full = rng.chance(0.8);
  const p = (x: string) => (full ? fullWidth(x) : x);
  if (rng.chance(0.4)) out.lines(['您现在的位置：首页 > 政府信息公开 > 政府信息公开年报']);
  const tables = {} as Rendered['tables'];
  out.lines(doc.lead.map(p));
  doc.copies.forEach((c, k) => {
    // The same source for every copy: a report pasted twice is the same text twice.
    const t = rng.fork('copy');
    out.lines(c.preamble.map(p));
    for (const sec of c.sections) {
      const start = out.length;
      out.lines([p(sec.heading), ...sec.body.map(p)]);
      if (sec.table) {
        const s = style(zero, t.fork(`t${sec.table}`));
        const lines = sec.table === 1 ? table1(values[k].t1, s, t.chance(0.3) ? '规范性文件' : '行政规范性文件') : sec.table === 2 ? table2(values[k], s) : table3(values[k].t3, s);
        out.lines(lines.slice(0, -1)).add(lines[lines.length - 1]);
        if (k === 0) tables[sec.table] = { start, end: out.length };
        out.add('\n');
      }
      out.lines(sec.after.map(p));
    }
  });
  out.lines(doc.tail.map(p));
  if (rng.chance(0.4)) out.lines(['扫一扫在手机打开当前页', '【打印】 【关闭】']);
  return { text: out.text(), tables, t2ids: values[0].t2ids };
}
