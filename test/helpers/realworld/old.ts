/**
 * The 2019–2020 format (国办公开办函〔2019〕60号; 平潭 2019 and 2020, 上海市 2019): the same six
 * sections, tables 2 and 3 as now but (六)其他处理 as a single row, and a different table 1
 * (本年新制作数量 / 本年新公开数量 / 对外公开总数量; 上一年项目数量 / 本年增/减 / 处理决定数量 for
 * licences, 其他对外管理服务事项, penalties and enforcement; fee items; 政府集中采购). The tables are
 * printed in one of the pasted layouts of layouts.ts, the narrative as in the original.
 */
import { LAYOUTS, render, t2Rows as layoutT2Rows, t3Rows, type Row } from '../layouts';
import type { Doc, Values } from './doc';
import { oldT1Blocks } from './labels';
import type { Rng } from './rng';
import { cite, Out } from './text';
import type { Rendered } from './types';

/** (六) as one row: 6.1 carries the sum when the original already printed one row. */
function sixRows(v: Values): Record<string, number[]> {
  const t2 = { ...v.t2 };
  if (t2['6']) Object.assign(t2, { '6.1': t2['6'], '6.2': [0, 0, 0, 0, 0, 0, 0], '6.3': [0, 0, 0, 0, 0, 0, 0] });
  return t2;
}

export function renderOld(doc: Doc, values: Values[], rng: Rng): Rendered {
  const out = new Out().lines(cite(doc.lead));
  const layout = rng.pick(LAYOUTS);
  const page = { n: 1 };
  const tables = {} as Rendered['tables'];
  doc.copies.forEach((c, k) => {
    // The same source for every copy: a report pasted twice is the same text twice.
    const t = rng.fork('copy');
    out.lines(cite(c.preamble));
    for (const s of c.sections) {
      const start = out.length;
      out.lines([s.heading, ...cite(s.body)]);
      if (s.table) {
        let rows: Row[];
        if (s.table === 1)
          rows = oldT1Blocks(values[k].t1, t.fork('t1')).flatMap((b) => [
            { labels: [b.head], numbers: [] },
            { labels: b.cols, numbers: [] },
            ...b.rows.map(([l, xs]) => ({ labels: [l], numbers: xs })),
          ]);
        else if (s.table === 2) rows = layoutT2Rows(sixRows(values[k]), true);
        else rows = t3Rows(values[k].t3);
        out.add(render(rows, layout, page));
        if (k === 0) tables[s.table] = { start, end: out.length };
        out.add('\n');
      }
      out.lines(cite(s.after));
    }
  });
  out.lines(cite(doc.tail));
  const t2ids = values[0].t2ids.filter((id) => !/^6\.[23]$/.test(id)).map((id) => (id === '6.1' ? '6' : id));
  return { text: out.text(), tables, t2ids, t1Readable: false };
}
