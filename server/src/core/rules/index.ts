/** The explicit rule registry. Docs (docs/rules/<id>.md) and the settings schema are tested against it. */
import type { Rule } from './rule';
import { rule as tableUnaligned } from './table-unaligned';
import { rule as table2RowSum } from './table2-row-sum';
import { rule as table2ColumnSum } from './table2-column-sum';
import { rule as table2Balance } from './table2-balance';
import { rule as table3GroupSum } from './table3-group-sum';
import { rule as narrativeTableMismatch } from './narrative-table-mismatch';
import { rule as narrativeSum } from './narrative-sum';
import { rule as narrativePercentage } from './narrative-percentage';
import { rule as duplicateContent } from './duplicate-content';
import { rule as yearMismatch } from './year-mismatch';
import { rule as missingSection } from './missing-section';
import { rule as crossYearCarryover } from './cross-year-carryover';
import { rule as crossYearValidDocs } from './cross-year-valid-docs';
import { rule as contentReuse } from './content-reuse';
import { rule as narrativeNegation } from './narrative-negation';
import { rule as templateLabel } from './template-label';
import { rule as statisticsPeriod } from './statistics-period';
import { rule as publicationDate } from './publication-date';
import { rule as emptyContent } from './empty-content';
import { rule as yearInParagraph } from './year-in-paragraph';
import { rule as sectionNumbering } from './section-numbering';
import { rule as feeStatement } from './fee-statement';

export const RULES: readonly Rule[] = [
  tableUnaligned,
  table2RowSum,
  table2ColumnSum,
  table2Balance,
  table3GroupSum,
  narrativeTableMismatch,
  narrativeSum,
  narrativePercentage,
  duplicateContent,
  yearMismatch,
  missingSection,
  crossYearCarryover,
  crossYearValidDocs,
  contentReuse,
  narrativeNegation,
  templateLabel,
  statisticsPeriod,
  publicationDate,
  emptyContent,
  yearInParagraph,
  sectionNumbering,
  feeStatement,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
