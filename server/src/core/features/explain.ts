/**
 * What a hover says about the figure under the cursor: a table cell's row and column, the sums
 * it takes part in written out term by term, and, for narrative figures, what they were
 * compared with and the arithmetic. Pure: analysis and offset in, text out.
 */
import type { Analysis } from '../check';
import type { Cell, Report, Table2 } from '../model';
import { formatDec, toInt } from '../num/decimal';
import { T3_TOTAL, T1_ROWS, T3_COLUMNS, T3_COLUMNS_EN } from '../template/format';
import { t2CellName, t3CellName } from '../template/names';
import { t2Equations, type Equation } from '../tables/table2';
import type { Finding, Msg, Span } from '../types';
import type { OtherReport } from '../rules/cross-year-summary';
import { summarizeReport } from '../rules/cross-year-summary';
import { previousYear } from '../rules/cross-year';
import { ruleById } from '../rules';
import { reuseOf } from '../rules/reuse';

export interface Explanation {
  span: Span;
  title: Msg;
  /** The arithmetic: each sum or comparison the figure takes part in. */
  lines: Msg[];
  /** The findings about exactly this figure (their fixes and related cells), for the edge to present. */
  findings?: Finding[];
}

const inside = (s: Span, offset: number) => offset >= s.start && offset <= s.end;

function eqLine(e: Equation, cell: Cell): Msg {
  const ok = e.residual === 0n;
  const mark = ok ? '✓' : '✗';
  const terms = (xs: Equation['lhs']) => xs.map((x) => (x.cell === cell ? `[${x.value}]` : String(x.value))).join(' + ');
  const sum = (xs: Equation['lhs']) => xs.reduce((a, x) => a + x.value, 0n);
  switch (e.kind) {
    case 'row':
      return {
        zh: `${mark} 本行:${terms(e.rhs)} = ${sum(e.rhs)},总计 ${terms(e.lhs)}`,
        en: `${mark} row: ${terms(e.rhs)} = ${sum(e.rhs)}, total ${terms(e.lhs)}`,
      };
    case 'col':
      return {
        zh: `${mark} 本列(一)至(六):${terms(e.rhs)} = ${sum(e.rhs)},(七)总计 ${terms(e.lhs)}`,
        en: `${mark} column (1)–(6): ${terms(e.rhs)} = ${sum(e.rhs)}, (7) total ${terms(e.lhs)}`,
      };
    case 'bal':
      return {
        zh: `${mark} 勾稽关系:一 + 二 = ${terms(e.lhs)} = ${sum(e.lhs)};(七) + 四 = ${terms(e.rhs)} = ${sum(e.rhs)}`,
        en: `${mark} balance: I + II = ${terms(e.lhs)} = ${sum(e.lhs)}; (7) + IV = ${terms(e.rhs)} = ${sum(e.rhs)}`,
      };
  }
}

function t2Cell(t: Table2, offset: number): Explanation | undefined {
  for (const row of t.rows) {
    const col = row.cells.findIndex((c) => inside(c.span, offset));
    if (col < 0) continue;
    const cell = row.cells[col];
    const name = t2CellName(row.id, col);
    const lines = t2Equations(t)
      .filter((e) => [...e.lhs, ...e.rhs].some((x) => x.cell === cell))
      .map((e) => eqLine(e, cell));
    return { span: cell.span, title: { zh: `表二 ${name.zh} = ${cell.raw}`, en: `Table 2 ${name.en} = ${cell.raw}` }, lines };
  }
  return undefined;
}

function tableCell(r: Report, offset: number): Explanation | undefined {
  if (r.t2 && !r.t2.problems.length && inside(r.t2.span, offset)) {
    const e = t2Cell(r.t2, offset);
    if (e) return e;
  }
  const t3 = r.t3;
  if (t3 && !t3.problems.length) {
    for (let g = 0; g < t3.groups.length; g++) {
      const col = t3.groups[g].findIndex((c) => inside(c.span, offset));
      if (col < 0) continue;
      const cells = t3.groups[g];
      const parts = cells.slice(0, T3_TOTAL).map((c) => toInt(c.value));
      const sum = parts.reduce((a, v) => a + v, 0n);
      const ok = sum === toInt(cells[T3_TOTAL].value) ? '✓' : '✗';
      const name = t3CellName(g, col);
      return {
        span: cells[col].span,
        title: { zh: `表三 ${name.zh} = ${cells[col].raw}`, en: `Table 3 ${name.en} = ${cells[col].raw}` },
        lines: [
          {
            zh: `${ok} ${T3_COLUMNS.slice(0, T3_TOTAL).join(' + ')} = ${parts.join(' + ')} = ${sum},总计 ${cells[T3_TOTAL].raw}`,
            en: `${ok} ${T3_COLUMNS_EN.slice(0, T3_TOTAL).join(' + ')} = ${parts.join(' + ')} = ${sum}, total ${cells[T3_TOTAL].raw}`,
          },
        ],
      };
    }
  }
  const t1 = r.t1;
  if (t1 && !t1.problems.length) {
    for (const def of T1_ROWS) {
      const row = t1.rows[def.id];
      const col = row ? row.cells.findIndex((c) => inside(c.span, offset)) : -1;
      if (!row || col < 0) continue;
      const cell = row.cells[col];
      return {
        span: cell.span,
        title: { zh: `表一 ${def.label}·${def.columns[col]} = ${formatDec(cell.value)}`, en: `Table 1 ${def.labelEn} · ${def.columnsEn[col]} = ${formatDec(cell.value)}` },
        lines: [],
      };
    }
  }
  return undefined;
}

const findingsAt = (findings: readonly Finding[], span: Span) => findings.filter((f) => f.span.start === span.start && f.span.end === span.end);

/** A rule's short title, or its id. */
const titleOf = (rule: string): Msg => ruleById(rule)?.title ?? { zh: rule, en: rule };

/** On a section heading: how much of the section's text is word for word in last year's report. */
function reuse(r: Report, offset: number, others: readonly OtherReport[]): Explanation | undefined {
  const sec = r.sections.find((s) => inside(s.heading, offset));
  const mine = sec && others.length ? summarizeReport(r) : undefined;
  const prev = mine && previousYear(mine, others);
  if (!sec || !mine || !prev) return undefined;
  const { same, total } = reuseOf(mine, prev.report, sec.def.num);
  if (!total) return undefined;
  const pct = Math.round((100 * same) / total);
  const year = prev.report.year;
  return {
    span: sec.heading,
    title: { zh: `${sec.def.ordinal}、${sec.def.title}`, en: `${sec.def.num}. ${sec.def.titleEn}` },
    lines: [
      {
        zh: `与 ${year} 年报告相同的文字占 ${pct}%(${same}/${total} 字)${pct > 50 ? ',超过一半,评议时可能扣分' : ''}`,
        en: `${pct}% of this section's text (${same}/${total} characters) is word for word in the ${year} report${pct > 50 ? ' — more than half, which reviewers penalise' : ''}`,
      },
    ],
  };
}

export function explainAt(a: Analysis, offset: number, others: readonly OtherReport[] = []): Explanation | undefined {
  for (const r of a.model.reports) {
    if (r.duplicate || offset < r.span.start || offset > r.span.end) continue;
    const cell = tableCell(r, offset);
    if (cell) return { ...cell, findings: findingsAt(a.findings, cell.span) };
    const same = reuse(r, offset, others);
    if (same) return same;
  }
  const notes = a.notes.filter((n) => inside(n.span, offset));
  if (notes.length) {
    const span = notes[0].span;
    const fig = a.model.reports.flatMap((r) => r.narrative?.figures ?? []).find((f) => f.span.start === span.start);
    const written = fig ? `${fig.tok.text}${fig.tok.percent ? '%' : fig.tok.unit}` : '';
    return {
      span,
      title: { zh: `叙述数字 ${written}`, en: `Narrative figure ${written}` },
      lines: [...notes.flatMap((n) => [{ zh: `${n.ok ? '✓' : '✗'} ${titleOf(n.rule).zh}`, en: `${n.ok ? '✓' : '✗'} ${titleOf(n.rule).en}` }, ...n.lines])],
      findings: findingsAt(a.findings, span),
    };
  }
  return undefined;
}
