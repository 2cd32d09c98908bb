/** Whether the core reads an empty pipe cell ("|  |") as a blank cell (value 0) — lead's work on core/parse/cells.ts. */
import { analyze } from '../../server/src/core';
import { renderReport, sampleValues } from './layouts';

let known: boolean | undefined;

export function coreReadsBlankCells(): boolean {
  if (known !== undefined) return known;
  const text = renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: '概述。', values: sampleValues(), layout: 'pipe-rows' });
  // Table 3's number row with its zeros left empty.
  const blanked = text.replace(/^2 \| 1 \| 0 \| 1 \| 4 \| 1 \| 0 \| 1 \| 0 \| 2 \| 0 \| 0 \| 0 \| 1 \| 1 \| \|\|$/m, '| 2 | 1 |  | 1 | 4 | 1 |  | 1 |  | 2 |  |  |  | 1 | 1 |');
  if (blanked === text) throw new Error('blank-cell probe: table 3 row not found in the sample report');
  const t3 = analyze(blanked).model.reports[0]?.t3;
  known = !!t3 && !t3.problems.length && t3.groups.flat().length === 15;
  return known;
}
