import type { Rule } from './rule';

const NAMES = {
  1: { zh: '表一(主动公开政府信息情况)', en: 'Table 1 (proactive disclosure)' },
  2: { zh: '表二(收到和处理政府信息公开申请情况)', en: 'Table 2 (requests received and handled)' },
  3: { zh: '表三(行政复议、行政诉讼情况)', en: 'Table 3 (reconsideration and litigation)' },
};

export const rule: Rule = {
  id: 'table-unaligned',
  severity: 'warning',
  fixable: false,
  title: { zh: '表格无法对齐', en: 'table not aligned' },
  tags: ['table', 'structure'],
  description: {
    zh: '表格无法与国家格式逐行对齐(缺行、多行或数字个数不对),因此没有检查它的合计。',
    en: 'A table cannot be aligned to the national format (missing rows, extra rows or a wrong number of cells), so its sums were not checked.',
  },
  summary: {
    zh: '表格无法与国家格式逐行对齐,因此没有检查它的数字',
    en: 'a table that cannot be aligned to the national format (says what was expected and found; its numbers are not checked)',
  },
  check(ctx) {
    for (const report of ctx.reports) {
      for (const t of [report.t1, report.t2, report.t3]) {
        if (!t || !t.problems.length) continue;
        const p = t.problems[0];
        // Point at the row where reading stopped, when there is one.
        const at = t.problems.find((x) => x.span)?.span ?? t.anchor;
        const more = t.problems.length - 1;
        const name = NAMES[t.kind];
        ctx.report({
          // Table 1 has no sums of its own; not reading it only loses the narrative comparisons.
          severity: t.kind === 1 ? 'information' : undefined,
          message: {
            zh: t.partial
              ? `${name.zh}无法与国家格式完全对齐,${t.kind === 1 ? '只用已读出的行核对叙述' : '只检查已读出各行的本行合计'}:期望 ${p.expected},实际 ${p.found}` + (more ? `(另有 ${more} 处问题)` : '')
              : `${name.zh}无法与国家格式对齐,未检查其数字:期望 ${p.expected},实际 ${p.found}` + (more ? `(另有 ${more} 处问题)` : ''),
            en: t.partial
              ? `${name.en} cannot be fully aligned with the national format; ${t.kind === 1 ? 'only the rows read are compared with the narrative' : 'only the rows read are checked, each on its own'}: expected ${p.expectedEn}, found ${p.foundEn}` +
                (more ? ` (${more} more problem(s))` : '')
              : `${name.en} cannot be aligned with the national format, so it was not checked: expected ${p.expectedEn}, found ${p.foundEn}` + (more ? ` (${more} more problem(s))` : ''),
          },
          span: at,
          related: t.problems.filter((x) => x.span).map((x) => ({ span: x.span!, message: { zh: `期望 ${x.expected},实际 ${x.found}`, en: `expected ${x.expectedEn}, found ${x.foundEn}` } })),
          fixes: [],
          fingerprint: `unaligned|${t.kind}`,
        });
      }
    }
  },
};
