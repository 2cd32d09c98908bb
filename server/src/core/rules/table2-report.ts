/** Turns table-2 diagnoses of one kind into findings (shared by the three table-2 rules). */
import type { Related } from '../types';
import { setValueFix } from '../fixes';
import type { RuleContext } from './rule';
import {
  anchorExpected,
  constraintDesc,
  diagnosisKind,
  memoDiagnosis,
  partsDesc,
  refName,
  type EqKind,
  type Equation,
  type Ref,
} from './table2-engine';

const MAX_RELATED = 12;

function related(eqs: Equation[], blamed: Ref): Related[] {
  const out: Related[] = [];
  const seen = new Set<string>();
  for (const e of eqs) {
    for (const r of [...e.lhs, ...e.rhs]) {
      const k = `${r.row}|${r.col}`;
      if (r === blamed || seen.has(k) || (r.value === 0n && r !== e.anchor)) continue;
      seen.add(k);
      const n = refName(r);
      out.push({ span: r.cell.span, message: { zh: `${n.zh} = ${r.value}`, en: `${n.en} = ${r.value}` } });
    }
  }
  return out.slice(0, MAX_RELATED);
}

export function checkTable2(ctx: RuleContext, kind: EqKind): void {
  ctx.reports.forEach((report, i) => {
    const { diagnoses, lone } = memoDiagnosis(report, ctx.memo, i);
    for (const d of diagnoses) {
      if (diagnosisKind(d) !== kind) continue;
      const name = refName(d.ref);
      const own = d.eqs.find((e) => e.anchor.row === d.ref.row && e.anchor.col === d.ref.col);
      const others = d.eqs.filter((e) => e !== own);
      const w = d.expected;
      let message;
      if (own) {
        const p = partsDesc(own);
        const also = others.map(constraintDesc);
        message = {
          zh: `${name.zh} 为 ${d.ref.value},但${p.zh}为 ${w}` + (also.length ? `;${also.map((a) => a.zh).join('和')}也要求它为 ${w}` : ''),
          en: `${name.en} is ${d.ref.value}, but ${p.en} ${w}` + (also.length ? `; ${also.map((a) => a.en).join(' and ')} also require ${w}` : ''),
        };
      } else {
        const all = d.eqs.map(constraintDesc);
        message = {
          zh: `${name.zh} 为 ${d.ref.value},但${all.map((a) => a.zh).join('和')}都要求它为 ${w}`,
          en: `${name.en} is ${d.ref.value}, but ${all.map((a) => a.en).join(' and ')} require ${w}`,
        };
      }
      ctx.report({
        message,
        span: d.ref.cell.span,
        related: related(d.eqs, d.ref),
        fixes: [setValueFix(d.ref.cell, w, 'table')],
        fingerprint: `t2|${d.ref.row}|${d.ref.col}`,
      });
    }
    for (const e of lone) {
      if (e.kind !== kind) continue;
      const a = e.anchor;
      const name = refName(a);
      const sign = e.lhs.includes(a) ? 1n : -1n;
      const computed = a.value - e.residual * sign;
      const p = partsDesc(e);
      const expected = anchorExpected(e);
      ctx.report({
        message: { zh: `${name.zh} 为 ${a.value},但${p.zh}为 ${computed}`, en: `${name.en} is ${a.value}, but ${p.en} ${computed}` },
        span: a.cell.span,
        related: related([e], a),
        fixes: expected === undefined ? [] : [setValueFix(a.cell, expected, 'table')],
        fingerprint: `t2|${e.kind}|${e.key}`,
      });
    }
  });
}
