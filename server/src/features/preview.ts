/**
 * The table preview: the three aligned tables of a report as HTML grids laid out like the
 * national format. Every number cell carries the UTF-16 offsets of its source token
 * (data-start/data-end); cells a finding is about are marked `nb-bad`, the cells it cites
 * `nb-related`. Pure: the analysis in, an HTML fragment out; all text is escaped.
 */
import type { Analysis, Cell, Finding, Locale, Msg, Report, Span, T2Row, Table1, Table2, Table3 } from '../core';
import {
  SECTIONS,
  T1_ROWS,
  T2_COLUMNS,
  T2_COLUMNS_EN,
  T2_GROUP_LABELS,
  T2_GROUP_LABELS_EN,
  T2_ROWS,
  T3_COLUMNS,
  T3_COLUMNS_EN,
  normalize,
  t2CellName,
  t3CellName,
  type T1RowId,
  type T2RowDef,
} from '../core';
import { pick, ruleTitle } from '../convert';

/** Header texts of the national format that the template does not name. */
const TEXT = {
  table: { zh: (n: string, title: string) => `表${n} ${title}`, en: (n: string, title: string) => `Table ${n} · ${title}` },
  missing: { zh: '未找到此表', en: 'Table not found' },
  notAligned: { zh: '此表无法与国家格式对齐,未检查其数字', en: 'This table cannot be aligned with the national format, so it was not checked' },
  partly: {
    zh: '此表无法与国家格式完全对齐:下面是已读出的行,各行只检查本行合计',
    en: 'This table cannot be fully aligned with the national format: below are the rows that were read, each checked on its own',
  },
  unread: { zh: '未读出', en: 'not read' },
  expectedFound: { zh: (e: string, f: string) => `期望 ${e},实际 ${f}`, en: (e: string, f: string) => `expected ${e}, found ${f}` },
  source: { zh: '原文:', en: 'Source: ' },
  item: { zh: '信息内容', en: 'Item' },
  applicants: { zh: '申请人情况', en: 'Applicants' },
  legal: { zh: '法人或其他组织', en: 'Legal persons and other organisations' },
  balance: {
    zh: '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
    en: '(In every column: I + II = III + IV)',
  },
  results: { zh: '三、本年度办理结果', en: 'III. Results this year' },
  reconsideration: { zh: '行政复议', en: 'Administrative reconsideration' },
  litigation: { zh: '行政诉讼', en: 'Administrative litigation' },
  direct: { zh: '未经复议直接起诉', en: 'Without reconsideration' },
  after: { zh: '复议后起诉', en: 'After reconsideration' },
};

const T1_BLOCKS: { item: string; itemEn: string; rows: T1RowId[] }[] = [
  { item: '第二十条第(一)项', itemEn: 'Article 20 (1)', rows: ['rules', 'normative'] },
  { item: '第二十条第(五)项', itemEn: 'Article 20 (5)', rows: ['license'] },
  { item: '第二十条第(六)项', itemEn: 'Article 20 (6)', rows: ['penalty', 'coercion'] },
  { item: '第二十条第(八)项', itemEn: 'Article 20 (8)', rows: ['fees'] },
];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const within = (inner: Span, outer: Span) => inner.end > inner.start && inner.start >= outer.start && inner.end <= outer.end;

const SEP = /[\s|]/;
const ORDINAL = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)/;

/**
 * The part of a row's label span that names the row (the span may carry header cells in
 * front): the shortest tail starting at a cell boundary that matches the row's key and begins
 * like the template's label (its ordinal, else its first two characters); else the shortest
 * tail that matches the key.
 */
function labelTail(norm: string, span: Span, def: { key: RegExp; label: string }): Span {
  const s = norm.slice(span.start, span.end);
  const label = normalize(def.label);
  const prefix = ORDINAL.exec(label)?.[0] ?? label.slice(0, 2);
  let fallback: Span | undefined;
  for (let i = s.length - 1; i >= 0; i--) {
    if ((i > 0 && !SEP.test(s[i - 1])) || SEP.test(s[i])) continue;
    const tail = s.slice(i).replace(/[\s|]/g, '');
    if (!def.key.test(tail)) continue;
    const at = { start: span.start + i, end: span.end };
    if (tail.startsWith(prefix)) return at;
    fallback ??= at;
  }
  return fallback ?? span;
}

/** Rendering state: the locale, the findings, and which of them the current table shows. */
class Ctx {
  readonly shown = new Set<Finding>();
  constructor(
    readonly locale: Locale,
    readonly norm: string,
    readonly findings: readonly Finding[],
  ) {}

  t(m: Msg): string {
    return pick(m, this.locale);
  }

  /** The cells of a template row that was not read (a partly aligned table). */
  unread(colspan: number): string {
    return `<td class="nb-unread" colspan="${colspan}">${escapeHtml(this.t(TEXT.unread))}</td>`;
  }

  /** A number cell, marked when a finding is about it or cites it. */
  td(cell: Cell, name: Msg, colspan = 1): string {
    const bad = this.findings.filter((f) => within(f.span, cell.span));
    const cited = this.findings.flatMap((f) => (bad.includes(f) ? [] : f.related.filter((r) => within(r.span, cell.span)).map((r) => ({ f, r }))));
    bad.forEach((f) => this.shown.add(f));
    cited.forEach(({ f }) => this.shown.add(f));
    const mark = bad.length ? ' nb-bad' : cited.length ? ' nb-related' : '';
    const tip = [this.t(name), ...bad.map((f) => this.t(f.message)), ...cited.map(({ f, r }) => `${this.t(r.message)} — ${this.t(f.message)}`)];
    const span = colspan > 1 ? ` colspan="${colspan}"` : '';
    return `<td class="nb-cell${mark}" data-start="${cell.span.start}" data-end="${cell.span.end}"${span} title="${escapeHtml(tip.join('\n'))}" tabindex="0">${escapeHtml(cell.raw)}</td>`;
  }

  /** A header cell; with a source span it is a row label that can be clicked. */
  th(text: string, o: { colspan?: number; rowspan?: number; cls?: string; label?: { span: Span; def: { key: RegExp; label: string } } } = {}): string {
    let attrs = o.cls ? ` class="${o.cls}"` : '';
    if (o.label) {
      const at = labelTail(this.norm, o.label.span, o.label.def);
      const src = this.norm.slice(at.start, at.end).replace(/\s+/g, '');
      attrs += ` data-start="${at.start}" data-end="${at.end}" title="${escapeHtml(this.t(TEXT.source) + src)}" tabindex="0"`;
    }
    if (o.colspan && o.colspan > 1) attrs += ` colspan="${o.colspan}"`;
    if (o.rowspan && o.rowspan > 1) attrs += ` rowspan="${o.rowspan}"`;
    return `<th${attrs}>${escapeHtml(text)}</th>`;
  }

  /** Findings as a clickable list. */
  list(findings: Iterable<Finding>): string {
    const items = [...findings].map(
      (f) =>
        `<li class="nb-finding nb-${f.severity}" data-start="${f.span.start}" data-end="${f.span.end}" tabindex="0">${escapeHtml(this.t(f.message))} <span class="nb-rule" title="${escapeHtml(f.rule)}">${escapeHtml(ruleTitle(f.rule, this.locale))}</span></li>`,
    );
    return items.length ? `<ul class="nb-findings">${items.join('')}</ul>` : '';
  }
}

/** What replaces the grid of a table that could not be aligned: the table-unaligned finding, or its problems. */
function unaligned(t: Table1 | Table2 | Table3, c: Ctx): string {
  // The finding points at the row where reading stopped (or at the table's heading line).
  const f = c.findings.find(
    (x) =>
      x.rule === 'table-unaligned' &&
      x.fingerprint === `unaligned|${t.kind}` &&
      ((x.span.start >= t.span.start && x.span.end <= t.span.end) || (x.span.start === t.anchor.start && x.span.end === t.anchor.end)),
  );
  if (f) {
    const parts = f.related.map((r) => `<li data-start="${r.span.start}" data-end="${r.span.end}" tabindex="0">${escapeHtml(c.t(r.message))}</li>`);
    return (
      `<p class="nb-unaligned" data-start="${f.span.start}" data-end="${f.span.end}" tabindex="0">${escapeHtml(c.t(f.message))}</p>` +
      (parts.length ? `<ul class="nb-problems">${parts.join('')}</ul>` : '')
    );
  }
  const parts = t.problems.map((p) => {
    const text = c.t({ zh: TEXT.expectedFound.zh(p.expected, p.found), en: TEXT.expectedFound.en(p.expectedEn, p.foundEn) });
    const at = p.span ? ` data-start="${p.span.start}" data-end="${p.span.end}" tabindex="0"` : '';
    return `<li${at}>${escapeHtml(text)}</li>`;
  });
  return `<p class="nb-unaligned">${escapeHtml(c.t(t.partial ? TEXT.partly : TEXT.notAligned))}</p><ul class="nb-problems">${parts.join('')}</ul>`;
}

function table1(t: Table1, c: Ctx): string {
  const en = c.locale === 'en';
  const out: string[] = [];
  for (const b of T1_BLOCKS) {
    const defs = b.rows.map((id) => T1_ROWS.find((d) => d.id === id)!);
    const cols = en ? defs[0].columnsEn : defs[0].columns;
    out.push(`<tr>${c.th(en ? b.itemEn : b.item, { colspan: 4, cls: 'nb-block' })}</tr>`);
    const heads = cols.length === 3 ? cols.map((h) => c.th(h)).join('') : c.th(cols[0], { colspan: 3 });
    out.push(`<tr>${c.th(c.t(TEXT.item))}${heads}</tr>`);
    for (const def of defs) {
      const row = t.rows[def.id];
      const label = en ? def.labelEn : def.label;
      if (!row) {
        out.push(`<tr>${c.th(label, { cls: 'nb-label nb-unread' })}${c.unread(3)}</tr>`); // a partly read table
        continue;
      }
      const cells = row.cells.map((cell, i) => c.td(cell, { zh: `${def.label}·${def.columns[i]}`, en: `${def.labelEn} · ${def.columnsEn[i]}` }, row.cells.length === 1 ? 3 : 1));
      out.push(`<tr>${c.th(label, { cls: 'nb-label', label: { span: row.label, def } })}${cells.join('')}</tr>`);
    }
  }
  return `<table class="nb-table nb-t1">${out.join('')}</table>`;
}

function table2(t: Table2, c: Ctx): string {
  const en = c.locale === 'en';
  const cols = en ? T2_COLUMNS_EN : T2_COLUMNS;
  const head = [
    `<tr>${c.th(c.t(TEXT.balance), { colspan: 3, rowspan: 3, cls: 'nb-corner' })}${c.th(c.t(TEXT.applicants), { colspan: 7 })}</tr>`,
    `<tr>${c.th(cols[0], { rowspan: 2 })}${c.th(c.t(TEXT.legal), { colspan: 5 })}${c.th(cols[6], { rowspan: 2 })}</tr>`,
    `<tr>${cols
      .slice(1, 6)
      .map((h) => c.th(h))
      .join('')}</tr>`,
  ];
  const defOf = (id: string) => T2_ROWS.find((d) => d.id === id)!;
  // A partly read table: every row of the template, the ones not read marked so.
  const merged = !!t.byId['6'];
  const entries: { def: T2RowDef; row?: T2Row }[] = t.partial
    ? T2_ROWS.filter((d) => (d.group === 6 ? !!d.mergedSix === merged : true)).map((def) => ({ def, row: t.byId[def.id] }))
    : t.rows.map((row) => ({ def: defOf(row.id), row }));
  const results = entries.filter((e) => typeof e.def.group === 'number');
  const body = entries.map((entry) => {
    const { def, row } = entry;
    const label = en ? def.labelEn : def.label;
    const source = row ? { cls: 'nb-label', label: { span: row.label, def } } : { cls: 'nb-label nb-unread' };
    let heads: string;
    if (typeof def.group !== 'number') {
      heads = c.th(label, { ...source, colspan: 3 });
    } else {
      heads = entry === results[0] ? c.th(c.t(TEXT.results), { rowspan: results.length, cls: 'nb-group' }) : '';
      const g = def.group;
      if (g >= 3 && g <= 6 && !def.mergedSix) {
        const members = results.filter((r) => r.def.group === g);
        if (entry === members[0]) heads += c.th(en ? T2_GROUP_LABELS_EN[g] : T2_GROUP_LABELS[g], { rowspan: members.length, cls: 'nb-group' });
        heads += c.th(label, source);
      } else {
        heads += c.th(label, { ...source, colspan: 2 });
      }
    }
    return `<tr>${heads}${row ? row.cells.map((cell, i) => c.td(cell, t2CellName(row.id, i))).join('') : c.unread(7)}</tr>`;
  });
  return `<table class="nb-table nb-t2">${head.join('')}${body.join('')}</table>`;
}

function table3(t: Table3, c: Ctx): string {
  const cols = c.locale === 'en' ? T3_COLUMNS_EN : T3_COLUMNS;
  const colHeads = cols.map((h) => c.th(h)).join('');
  const head = [
    `<tr>${c.th(c.t(TEXT.reconsideration), { colspan: 5 })}${c.th(c.t(TEXT.litigation), { colspan: 10 })}</tr>`,
    `<tr>${cols.map((h) => c.th(h, { rowspan: 2 })).join('')}${c.th(c.t(TEXT.direct), { colspan: 5 })}${c.th(c.t(TEXT.after), { colspan: 5 })}</tr>`,
    `<tr>${colHeads}${colHeads}</tr>`,
  ];
  const cells = t.groups.flatMap((g, gi) => g.map((cell, ci) => c.td(cell, t3CellName(gi, ci))));
  return `<table class="nb-table nb-t3">${head.join('')}<tr>${cells.join('')}</tr></table>`;
}

function section(kind: 1 | 2 | 3, t: Table1 | Table2 | Table3 | undefined, c: Ctx): string {
  const sec = SECTIONS[kind];
  const n = c.locale === 'en' ? String(kind) : '一二三'[kind - 1];
  const title = c.locale === 'en' ? TEXT.table.en(n, sec.titleEn) : TEXT.table.zh(n, sec.title);
  const h = `<h3${t ? ` data-start="${t.anchor.start}" data-end="${t.anchor.end}"` : ''}>${escapeHtml(title)}</h3>`;
  if (!t) return `<section class="nb-section">${h}<p class="nb-missing">${escapeHtml(c.t(TEXT.missing))}</p></section>`;
  if (t.problems.length && !t.partial) return `<section class="nb-section">${h}${unaligned(t, c)}</section>`;
  // A partly aligned table: what stopped the reading, then the rows that were read.
  const notice = t.problems.length ? unaligned(t, c) : '';
  c.shown.clear();
  const grid = t.kind === 1 ? table1(t, c) : t.kind === 2 ? table2(t, c) : table3(t, c);
  const shown = c.findings.filter((f) => c.shown.has(f));
  return `<section class="nb-section${t.partial ? ' nb-partial' : ''}">${h}${notice}<div class="nb-scroll">${grid}</div>${c.list(shown)}</section>`;
}

function report(r: Report, c: Ctx): string {
  const title = r.title ? `<h2 data-start="${r.title.span.start}" data-end="${r.title.span.end}">${escapeHtml(r.title.text)}</h2>` : '';
  return `<article class="nb-report">${title}${section(1, r.t1, c)}${section(2, r.t2, c)}${section(3, r.t3, c)}</article>`;
}

/** The preview of every report in the file (repeated copies left out), as an HTML fragment. */
export function renderPreview(analysis: Analysis, locale: Locale): string {
  // Findings about another file (cross-year checks) have spans in that file, not here.
  // Related locations in other files (cross-year) have offsets of those files: leave them out.
  const c = new Ctx(
    locale,
    analysis.model.norm,
    analysis.findings.map((f) => ({ ...f, related: f.related.filter((r) => !r.uri) })),
  );
  const reports = analysis.model.reports.filter((r) => !r.duplicate);
  return reports.map((r) => report(r, c)).join('');
}
