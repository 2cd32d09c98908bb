/** The injectors of issue 13, by the rule that must report what they inject. */
import type { Analysis } from '../../../server/src/core';
import type { Variant } from './base';
import { labelStyleVariant, labelVariants, negationVariants } from './tables';
import { emptyVariants, feeVariants, numberingVariants, periodVariants, publicationVariants, yearVariants } from './prose';

export { apply, newFindings, mainReport, type Variant } from './base';
export { labelStyleVariant };

export const INJECTORS: Record<string, (text: string, a: Analysis) => Variant[]> = {
  'narrative-negation': negationVariants,
  'template-label': labelVariants,
  'statistics-period': periodVariants,
  'publication-date': publicationVariants,
  'empty-content': emptyVariants,
  'year-in-paragraph': yearVariants,
  'section-numbering': numberingVariants,
  'fee-statement': feeVariants,
};
