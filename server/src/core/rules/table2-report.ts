/** Turns table-2 diagnoses of one kind into findings (shared by the three table-2 rules). */
import type { Msg, Related, Severity } from '../types';
import { usable, type Table2 } from '../model';
import { t2CellName, t2RowName } from '../template/names';
import { reportInferred } from './inferred';
import { setValueFix } from '../fixes';
import type { RuleContext } from './rule';
import { anchorExpected, loneAutoFix, constraintDesc, isAnchor, sumName, diagnosisKind, memoDiagnosis, partsDesc, refName, type EqKind, type Equation, type Ref } from '../tables/table2';

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

/** Why a finding of this table is less than certain: digits that ran together, or a blank cell read as 0. */
function doubt(t: Table2, eqs: Equation[], blamed?: Ref): { note: Msg; severity?: Severity; certain: boolean } {
  if (t.ambiguous?.length || eqs.some((e) => [...e.lhs, ...e.rhs].some((r) => r.cell.uncertain))) {
    const rows = (t.ambiguous ?? []).map((id) => t2RowName(id));
    return {
      note: {
        zh: `(表中数字连写,${rows.length ? `${rows.map((r) => r.zh).join('、')} 的拆分不唯一,` : ''}任何拆分都不能使表内关系成立)`,
        en: ` (digits run together${rows.length ? `; ${rows.map((r) => r.en).join(', ')} can be split several ways` : ''}; no split makes the table consistent)`,
      },
      certain: false,
    };
  }
  if (blamed?.cell.blank) {
    // An empty cell of a real table is an omission; in converter output it may be a lost value.
    return t.byOrder
      ? { note: { zh: '(该单元格空白,按 0 计;可能漏填,或在转换时丢失)', en: ' (the cell is blank and was read as 0; left out, or lost in conversion)' }, severity: 'information', certain: false }
      : { note: { zh: '(该单元格空白,按 0 计)', en: ' (the cell is blank and was read as 0)' }, certain: true };
  }
  return { note: { zh: '', en: '' }, certain: true };
}

export function checkTable2(ctx: RuleContext, kind: EqKind): void {
  ctx.reports.forEach((report, i) => {
    const diagnosis = memoDiagnosis(report, ctx.memo, i);
    const { diagnoses, lone } = diagnosis;
    const t2 = report.t2;
    if (!usable(t2)) return;
    if (kind === 'row') for (const r of t2.rows) r.cells.forEach((c, col) => c.inferred && reportInferred(ctx, c, t2CellName(r.id, col), `t2-lost|${r.id}|${col}`));
    for (const d of diagnoses) {
      if (diagnosisKind(d) !== kind) continue;
      const name = refName(d.ref);
      const own = d.eqs.find((e) => e.anchor.row === d.ref.row && e.anchor.col === d.ref.col);
      const others = d.eqs.filter((e) => e !== own);
      const w = d.expected;
      let message;
      // How each other equation constrains the cell: as its total ("六类申请人之和"), or as a part.
      const describe = (e: Equation) => (isAnchor(e, d.ref) ? sumName(e) : constraintDesc(e));
      const verb = (n: number) => (n === 1 ? 'requires' : 'require');
      if (own) {
        const p = partsDesc(own);
        const also = others.map(describe);
        message = {
          zh: `${name.zh} 为 ${d.ref.value},但${p.zh}为 ${w}` + (also.length ? `;${also.map((a) => a.zh).join('、')}也要求它为 ${w}` : ''),
          en: `${name.en} is ${d.ref.value}, but ${p.en} ${w}` + (also.length ? `; ${also.map((a) => a.en).join(' and ')} also ${verb(also.length)} ${w}` : ''),
        };
      } else {
        const all = d.eqs.map(describe);
        message = {
          zh: `${name.zh} 为 ${d.ref.value},但${all.map((a) => a.zh).join('、')}都要求它为 ${w}`,
          en: `${name.en} is ${d.ref.value}, but ${all.map((a) => a.en).join(' and ')} ${verb(all.length)} ${w}`,
        };
      }
      const dbt = doubt(t2, d.eqs, d.ref);
      ctx.report({
        severity: dbt.severity,
        message: { zh: message.zh + dbt.note.zh, en: message.en + dbt.note.en },
        span: d.ref.cell.span,
        related: related(d.eqs, d.ref),
        fixes: [dbt.certain ? setValueFix(d.ref.cell, w, 'table') : setValueFix(d.ref.cell, w, 'never', false)],
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
      // More than one cell is wrong here. Recomputing the total is offered, but fix-all applies it
      // only when it breaks no sum that holds now (else it would make wrong numbers "consistent")
      // and no other wrong cell explains the sum as well.
      const breaks = expected !== undefined && !loneAutoFix(diagnosis, e, expected);
      const hint = breaks ? { zh: '(可能不止一个单元格有误,请核对各项)', en: ' (more than one cell may be wrong; check the parts)' } : { zh: '', en: '' };
      const dbt = doubt(t2, [e], a);
      ctx.report({
        severity: dbt.severity,
        message: { zh: `${name.zh} 为 ${a.value},但${p.zh}为 ${computed}${hint.zh}${dbt.note.zh}`, en: `${name.en} is ${a.value}, but ${p.en} ${computed}${hint.en}${dbt.note.en}` },
        span: a.cell.span,
        related: related([e], a),
        fixes: expected === undefined ? [] : [dbt.certain ? setValueFix(a.cell, expected, 'table', !breaks) : setValueFix(a.cell, expected, 'never', false)],
        fingerprint: `t2|${e.kind}|${e.key}`,
      });
    }
  });
}
