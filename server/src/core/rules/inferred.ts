/** Cells a converter lost, whose value the table's own sums imply: said once, as information. */
import type { Cell } from '../model';
import type { Msg } from '../types';
import type { RuleContext } from './rule';

export function reportInferred(ctx: RuleContext, cell: Cell, name: Msg, fingerprint: string): void {
  if (!cell.inferred) return;
  const v = cell.value.units;
  ctx.report({
    severity: 'information',
    message: {
      zh: `${name.zh} 的数没有读到(可能在转换时丢失),按表内关系应为 ${v},已按此检查`,
      en: `${name.en} is missing from the text (probably lost in conversion); the table's sums make it ${v}, which was used`,
    },
    span: cell.span,
    related: [],
    fixes: [],
    fingerprint,
  });
}
