/** Injected errors for the published-format tests and bench: one changed number per case. */
import { analyze } from '../../server/src/core';

export interface Injection {
  family: 'table' | 'narrative';
  what: string;
  text: string;
}

/** One changed number per case: table 2 and 3 cells, narrative figures with a counterpart, shares, totals of sums. */
export function injections(original: string): Injection[] {
  const r = analyze(original).model.reports.find((x) => !x.duplicate)!;
  const out: Injection[] = [];
  const mutate = (span: { start: number; end: number }, to: string) => original.slice(0, span.start) + to + original.slice(span.end);
  const t2 = r.t2!.byId;
  const picks: [string, number][] = [
    ['new', 0],
    ['1', 6],
    ['2', 0],
    ['7', 6],
    ['next', 0],
    ['4.1', 0],
  ];
  for (const [id, col] of picks) {
    const c = t2[id]?.cells[col];
    if (c) out.push({ family: 'table', what: `表二 ${id}/${col}`, text: mutate(c.span, String(Number(c.raw) + 2)) });
  }
  for (const [g, k] of [
    [0, 0],
    [1, 4],
    [2, 1],
  ]) {
    const c = r.t3!.groups[g][k];
    out.push({ family: 'table', what: `表三 ${g}/${k}`, text: mutate(c.span, String(Number(c.raw) + 2)) });
  }
  const n = r.narrative!;
  for (const c of n.claims.filter((x) => !x.narrower).slice(0, 4)) out.push({ family: 'narrative', what: `claim ${c.fig.tok.text}`, text: mutate(c.fig.span, String(Number(c.fig.tok.text) + 1)) });
  for (const sh of n.shares.slice(0, 2))
    out.push({
      family: 'narrative',
      what: `share ${sh.pct.tok.text}`,
      text: mutate(
        sh.pct.span,
        sh.pct.tok.text.replace(/^\d+/, (d) => String(Number(d) + 1)),
      ),
    });
  for (const s of n.sums.slice(0, 2)) {
    const parts = s.parts.reduce((a, x) => a + Number(x.tok.text), 0);
    if (parts >= 1) out.push({ family: 'narrative', what: `sum ${s.total.tok.text}`, text: mutate(s.total.span, String(parts - 1)) });
  }
  return out;
}
