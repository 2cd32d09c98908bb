/** Empty cells whose value the table's own sums imply (a value left out, or lost by a converter). */
import { setValueFix } from '../fixes';
import type { Cell } from '../model';
import type { Msg } from '../types';
import type { RuleContext } from './rule';

export function reportInferred(ctx: RuleContext, cell: Cell, name: Msg, sums: Msg, fingerprint: string): void {
  if (!cell.inferred) return;
  const v = cell.value.units;
  ctx.report({
    severity: 'information',
    message: {
      zh: `${name.zh} 为空,按${sums.zh}应为 ${v}(可能漏填,或在转换时丢失)`,
      en: `${name.en} is empty; ${sums.en} make it ${v} (left out, or lost in conversion)`,
    },
    span: cell.span,
    related: [],
    fixes: [setValueFix(cell, v, 'never', false, { zh: '', en: 'the cell' })],
    fingerprint,
  });
}
