import type { Rule } from './rule';
import { checkTable2 } from './table2-report';

export const rule: Rule = {
  id: 'table2-column-sum',
  severity: 'error',
  fixable: true,
  title: { zh: '表二列合计', en: 'table 2 column total' },
  tags: ['table', 'table2'],
  description: {
    zh: '表二每一列中,(七)总计等于(一)予以公开、(二)部分公开与(三)至(六)各小项之和。',
    en: 'In every column of table 2, (7) total equals (1) + (2) + all sub-rows of (3)–(6).',
  },
  summary: {
    zh: '表二每一列:(七)总计等于(一)至(六)各项之和',
    en: 'table 2: (七)总计 = (一) + (二) + Σ(三) + Σ(四) + Σ(五) + Σ(六)',
  },
  check: (ctx) => checkTable2(ctx, 'col'),
};
