// The first page (docs/rules/<id>.md) of a rule that has none, for scripts/gen-rules.mjs: the
// sections of every rule page (test/unit/docs.test.ts), written from the rule's metadata and from
// what it reports in its invalid fixtures. Once written, the page is the author's to improve.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const LEVEL = { error: '错误', warning: '警告', information: '提示', hint: '暗示' };
const MAX = 6;

/** The rule's findings in its first invalid fixture that has any (with last-year.txt as the other report). */
function example(rule, core, dir) {
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /^invalid-.*\.txt$/.test(f) && !f.endsWith('.fixed.txt'))
        .sort()
    : [];
  const last = join(dir, 'last-year.txt');
  const opts = existsSync(last) ? { others: [core.otherReportOf('last-year.txt', readFileSync(last, 'utf8'))] } : {};
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const findings = core.analyze(text, opts).findings.filter((f) => f.rule === rule.id);
    if (findings.length) return { file, text, findings: findings.slice(0, MAX) };
  }
  throw new Error(`docs/rules/${rule.id}.md: no page, and no ${rule.id} finding in test/fixtures/rules/${rule.id}/invalid-*.txt to show; add the fixtures first (or write the page)`);
}

/** 1-based line and column, as the CLI prints them. */
function position(text, offset) {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

export function rulePage(rule, core, dir) {
  const { file, text, findings } = example(rule, core, dir);
  const lines = text.split(/\r\n|\r|\n/);
  const at = findings.map((f) => position(text, f.span.start));
  const shown = [...new Set(at.map((p) => p.line))].map((n) => lines[n - 1]);
  const fixes = findings.flatMap((f) => f.fixes);
  const titles = (lang) => [...new Set(fixes.map((x) => x.title[lang]))].slice(0, 3);
  const auto = fixes.some(core.isAutoFix);
  const off = `"nianbao.rules": { "${rule.id}": "off" }`;
  return `# ${rule.id}

${rule.summary.zh}。

## 检查什么

- ${rule.description.zh}
- 默认严重级别:**${rule.severity}**(${LEVEL[rule.severity]})。

## 错误示例

\`test/fixtures/rules/${rule.id}/${file}\` 中的:

\`\`\`text
${shown.join('\n')}
\`\`\`

\`\`\`text
${findings.map((f, i) => `${file}:${at[i].line}:${at[i].col} ${f.severity} ${rule.id} ${f.message.zh}`).join('\n')}
\`\`\`

## 如何修复

${
  fixes.length
    ? `- 快速修复(Ctrl+.):${titles('zh')
        .map((t) => `“${t}”`)
        .join('、')}。` + (auto ? '首选的修复由全部修复(`source.fixAll.nianbao`、`nianbao check --fix`)应用。' : '需要逐个确认,全部修复不应用它。')
    : rule.fixable
      ? '- 有快速修复(Ctrl+.),这个例子中没有提供。'
      : '- 没有快速修复:按提示改正原文。'
}

## 何时可能误报

- \`test/fixtures/rules/${rule.id}/\` 中的 valid-*.txt 是本规则必须保持沉默的写法,测试确认它们没有任何提示。

## 关闭或调整

- 设置:\`${off}\`(或 \`"error"\`、\`"warning"\`、\`"information"\`、\`"hint"\`)。
  命令行用 \`--rule ${rule.id}=off\`。
- 单个问题:快速修复菜单中的“忽略此问题(记入 .nianbao-ignore.json)”,或“在本文件中忽略 ${rule.id}”。命令行 \`nianbao check\` 同样遵守。

## English

**${rule.id}** (default **${rule.severity}**): ${rule.description.en} ${
    fixes.length
      ? `Quick fix: ${titles('en')
          .map((t) => `“${t}”`)
          .join(', ')}${auto ? ' (the preferred one is applied by fix-all).' : ' (not applied by fix-all).'}`
      : rule.fixable
        ? 'Quick fixes are offered.'
        : 'No fix.'
  } Turn off with \`${off}\` (CLI: \`--rule ${rule.id}=off\`) or ignore one finding in \`.nianbao-ignore.json\`.
`;
}
