import type { Rule } from './rule';
import { checkTable2 } from './table2-report';

export const rule: Rule = {
  id: 'table2-row-sum',
  severity: 'error',
  fixable: true,
  title: { zh: '表二行合计', en: 'table 2 row total' },
  tags: ['table', 'table2'],
  description: {
    zh: '表二每一行中,六类申请人(自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他)之和等于总计。',
    en: 'In every row of table 2 the six applicant columns add up to the total column.',
  },
  summary: {
    zh: '表二每一行:六类申请人之和等于总计',
    en: 'table 2: the six applicant columns add up to 总计',
  },
  check: (ctx) => checkTable2(ctx, 'row'),
};
