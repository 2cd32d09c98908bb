import type { Rule } from './rule';
import { checkTable2 } from './table2-report';

export const rule: Rule = {
  id: 'table2-balance',
  severity: 'error',
  fixable: true,
  title: { zh: '表二勾稽关系', en: 'table 2 balance' },
  tags: ['table', 'table2'],
  description: {
    zh: '表二勾稽关系:每一列中,一、本年新收 + 二、上年结转 = (七)总计 + 四、结转下年度继续办理。',
    en: 'Table 2 balance: in every column, I (new) + II (carried over) = (7) total + IV (carried into next year).',
  },
  summary: {
    zh: '表二勾稽关系:一 + 二 = (七)总计 + 四',
    en: 'table 2: 一 + 二 = (七) + 四 in every column',
  },
  check: (ctx) => checkTable2(ctx, 'bal'),
};
