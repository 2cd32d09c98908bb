/**
 * The outline of a file: each report's sections (with sub-headings) and its three tables (with
 * their blocks). Folding ranges come from the same tree. Pure.
 */
import type { Cell, Model, Report } from '../model';
import { T3_GROUPS, T3_GROUPS_EN, type T1RowId } from '../template/format';
import type { Msg, Span } from '../types';

export type OutlineKind = 'report' | 'section' | 'subsection' | 'table' | 'block';

export interface OutlineNode {
  name: Msg;
  kind: OutlineKind;
  span: Span;
  selection: Span;
  children: OutlineNode[];
}

const cover = (spans: Span[]): Span | undefined => (spans.length ? { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) } : undefined);

function block(name: Msg, spans: Span[]): OutlineNode | undefined {
  const span = cover(spans);
  return span && { name, kind: 'block', span, selection: { start: span.start, end: span.start }, children: [] };
}

const T1_BLOCKS: { zh: string; en: string; rows: T1RowId[] }[] = [
  { zh: '第二十条第(一)项 规章和规范性文件', en: 'Art. 20 (1) rules and normative documents', rows: ['rules', 'normative'] },
  { zh: '第二十条第(五)项 行政许可', en: 'Art. 20 (5) licences', rows: ['license'] },
  { zh: '第二十条第(六)项 行政处罚、行政强制', en: 'Art. 20 (6) penalties and enforcement', rows: ['penalty', 'coercion'] },
  { zh: '第二十条第(八)项 行政事业性收费', en: 'Art. 20 (8) fees', rows: ['fees'] },
];

const T2_BLOCKS: { zh: string; en: string; match: (id: string) => boolean }[] = [
  { zh: '一、本年新收', en: 'I. new requests', match: (id) => id === 'new' },
  { zh: '二、上年结转', en: 'II. carried over', match: (id) => id === 'carried' },
  { zh: '三、本年度办理结果', en: 'III. results', match: (id) => /^[1-7]/.test(id) },
  { zh: '四、结转下年度继续办理', en: 'IV. carried into next year', match: (id) => id === 'next' },
];

function rowSpans(label: Span, cells: Cell[]): Span[] {
  return [label, ...cells.map((c) => c.span)];
}

function tables(r: Report): OutlineNode[] {
  const out: OutlineNode[] = [];
  const add = (name: Msg, anchor: Span, blocks: (OutlineNode | undefined)[]) => {
    const children = blocks.filter((b): b is OutlineNode => !!b);
    const span = cover(children.map((c) => c.span)) ?? anchor;
    out.push({ name, kind: 'table', span, selection: { start: span.start, end: span.start }, children });
  };
  if (r.t1) {
    const rows = r.t1.rows;
    add(
      { zh: '表一 主动公开政府信息情况', en: 'Table 1 · proactive disclosure' },
      r.t1.anchor,
      T1_BLOCKS.map((b) =>
        block(
          { zh: b.zh, en: b.en },
          b.rows.flatMap((id) => {
            const row = rows[id];
            return row ? rowSpans(row.label, row.cells) : [];
          }),
        ),
      ),
    );
  }
  if (r.t2) {
    const t2 = r.t2;
    add(
      { zh: '表二 收到和处理政府信息公开申请情况', en: 'Table 2 · requests received and handled' },
      t2.anchor,
      T2_BLOCKS.map((b) =>
        block(
          { zh: b.zh, en: b.en },
          t2.rows.filter((row) => b.match(row.id)).flatMap((row) => rowSpans(row.label, row.cells)),
        ),
      ),
    );
  }
  if (r.t3) {
    const t3 = r.t3;
    add(
      { zh: '表三 行政复议、行政诉讼情况', en: 'Table 3 · reconsideration and litigation' },
      t3.anchor,
      t3.groups.map((g, i) =>
        block(
          { zh: T3_GROUPS[i], en: T3_GROUPS_EN[i] },
          g.map((c) => c.span),
        ),
      ),
    );
  }
  return out;
}

function reportNodes(r: Report): OutlineNode[] {
  const tbl = tables(r);
  return r.sections.map((s) => {
    const children: OutlineNode[] = s.subs.map((sub, i) => ({
      name: { zh: sub.title, en: sub.title },
      kind: 'subsection',
      span: { start: sub.span.start, end: i + 1 < s.subs.length ? s.subs[i + 1].span.start : s.span.end },
      selection: sub.span,
      children: [],
    }));
    for (const t of tbl) if (t.span.start >= s.span.start && t.span.end <= s.span.end) children.push(t);
    return { name: { zh: s.def.ordinal + '、' + s.def.title, en: `${s.def.num}. ${s.def.titleEn}` }, kind: 'section', span: s.span, selection: s.heading, children };
  });
}

export function outline(model: Model): OutlineNode[] {
  const out: OutlineNode[] = [];
  for (const r of model.reports) {
    if (r.duplicate) {
      out.push({
        name: { zh: '重复粘贴的报告副本', en: 'Repeated copy of the report' },
        kind: 'report',
        span: r.span,
        selection: { start: r.span.start, end: r.span.start },
        children: [],
      });
    } else out.push(...reportNodes(r));
  }
  return out;
}
