/** Human names of template cells, in both languages, for messages and hovers. */
import type { Msg } from '../types';
import { T2_COLUMNS, T2_COLUMNS_EN, T2_GROUP_LABELS, T2_GROUP_LABELS_EN, T2_ROWS, T3_COLUMNS, T3_COLUMNS_EN, T3_GROUPS, T3_GROUPS_EN } from './format';

export function t2RowName(id: string): Msg {
  const def = T2_ROWS.find((d) => d.id === id)!;
  if (typeof def.group === 'number' && def.group >= 3 && def.group <= 6 && !def.mergedSix) {
    return { zh: `${T2_GROUP_LABELS[def.group]} ${def.label}`, en: `${T2_GROUP_LABELS_EN[def.group]} ${def.labelEn}` };
  }
  return { zh: def.label, en: def.labelEn };
}

export function t2CellName(id: string, col: number): Msg {
  const r = t2RowName(id);
  return { zh: `${r.zh}·${T2_COLUMNS[col]}`, en: `${r.en} · ${T2_COLUMNS_EN[col]}` };
}

export function t3CellName(group: number, col: number): Msg {
  return { zh: `${T3_GROUPS[group]}·${T3_COLUMNS[col]}`, en: `${T3_GROUPS_EN[group]} · ${T3_COLUMNS_EN[col]}` };
}
