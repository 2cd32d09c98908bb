/**
 * PDF→Markdown conversion by another tool (family of shanghai_kewei_2024.txt): "正文" first, the
 * title over two lines, sentences wrapped at the page width with spaces around numbers
 * ("发布政府信息 393 件"), page markers "— 3 —", sections apart by blank lines, and the tables as
 * md-tables.ts prints them.
 */
import type { Doc, Values } from './doc';
import { mdTable1, mdTable2, mdTable3 } from './md-tables';
import type { Rng } from './rng';
import { fullWidth, Out, spaceDigits, wrap } from './text';
import type { CellRef, Rendered } from './types';

export function renderMarkdown(doc: Doc, values: Values[], rng: Rng): Rendered {
  const out = new Out();
  const width = rng.int(26, 33);
  const spaced = rng.chance(0.7);
  const markers = rng.chance(0.5);
  let page = 1;
  let since = 0;
  const para = (s: string) => {
    const text = spaced ? spaceDigits(fullWidth(s)) : fullWidth(s);
    for (const line of wrap(text, width)) {
      out.add(line, '\n');
      if (markers && ++since >= 24) {
        out.add(`— ${page++} —`, '\n');
        since = 0;
      }
    }
  };
  if (rng.chance(0.7)) out.add('正文\n');
  doc.lead.forEach(para);
  const tables = {} as Rendered['tables'];
  const lost: CellRef[] = [];
  let t1Readable = true;
  doc.copies.forEach((c, k) => {
    // The same source for every copy: a report pasted twice is the same text twice.
    const t = rng.fork('copy');
    for (const line of c.preamble) {
      const m = /^(.*?)(年度报告|工作报告)$/.exec(line);
      if (m && line.length < 40 && line === c.title) out.lines(t.chance(0.6) ? [m[1], m[2]] : [line]);
      else para(line);
    }
    for (const s of c.sections) {
      out.add('\n');
      const start = out.length;
      out.add(fullWidth(s.heading), '\n');
      s.body.forEach(para);
      if (s.table) {
        const r = t.fork(`t${s.table}`);
        let lines: string[];
        if (s.table === 1) {
          const t1 = mdTable1(values[k].t1, r);
          lines = t1.lines;
          if (k === 0 && t1.pulled) t1Readable = false;
        } else if (s.table === 2) {
          const t2 = mdTable2(values[k], r);
          lines = t2.lines;
          if (k === 0 && t2.lost) lost.push({ table: 2, row: 'next', col: 6 });
        } else lines = mdTable3(values[k].t3, r);
        while (lines[lines.length - 1] === '') lines.pop();
        out.lines(lines.slice(0, -1)).add(lines[lines.length - 1]);
        if (k === 0) tables[s.table] = { start, end: out.length };
        out.add('\n');
        if (s.table === 3) out.add('|' + '---|'.repeat(15), '\n');
        out.add('\n');
      }
      s.after.forEach(para);
    }
  });
  doc.tail.forEach(para);
  return { text: out.text(), tables, t2ids: values[0].t2ids, lost, t1Readable };
}
