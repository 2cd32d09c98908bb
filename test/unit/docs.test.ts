/**
 * The rule pages (docs/rules/<id>.md) that every diagnostic links to: one per registered rule,
 * each with the same six sections, and an index that agrees with the registry.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/core';
import { NOTICES as NOTICE_LIST } from '../../server/src/notices';
import { ROOT } from '../helpers/paths';

const DIR = join(ROOT, 'docs', 'rules');
const HEADINGS = ['## 检查什么', '## 错误示例', '## 如何修复', '## 何时可能误报', '## 关闭或调整', '## English'];
/** Pages for diagnostics the server publishes that are not registered rules, with their fixed severity. */
const NOTICES: Record<string, string> = Object.fromEntries(NOTICE_LIST.map((n) => [n.id, n.severity]));

interface Page {
  lines: string[];
  /** Level-1 and level-2 headings outside fenced code blocks. */
  headings: { text: string; line: number }[];
}

function readPage(id: string): Page {
  const lines = readFileSync(join(DIR, `${id}.md`), 'utf8').split(/\r?\n/);
  const headings: Page['headings'] = [];
  let fenced = false;
  lines.forEach((l, i) => {
    if (/^\s*```/.test(l)) fenced = !fenced;
    else if (!fenced && /^#{1,2} /.test(l)) headings.push({ text: l.trimEnd(), line: i });
  });
  assert.equal(fenced, false, `${id}.md: a fenced block is not closed`);
  return { lines, headings };
}

/** The lines of one level-2 section. */
function section(p: Page, heading: string): string {
  const at = p.headings.findIndex((h) => h.text === heading);
  assert.ok(at >= 0, `no ${heading}`);
  const end = p.headings[at + 1]?.line ?? p.lines.length;
  return p.lines.slice(p.headings[at].line + 1, end).join('\n');
}

describe('rule documentation (docs/rules)', () => {
  const pages = [...RULES.map((r) => r.id), ...Object.keys(NOTICES)];

  for (const id of pages) {
    describe(id, () => {
      it('has a page titled with its id and a one-line Chinese summary', () => {
        assert.ok(existsSync(join(DIR, `${id}.md`)), `docs/rules/${id}.md is missing`);
        const p = readPage(id);
        assert.equal(p.lines[0], `# ${id}`);
        const summary = p.lines.slice(1).find((l) => l.trim());
        assert.ok(summary && /[\u4e00-\u9fff]/.test(summary) && !summary.startsWith('#'), `summary line: ${summary}`);
        assert.equal(p.headings.filter((h) => h.text.startsWith('# ')).length, 1, 'one level-1 heading');
      });

      it('has exactly the six sections, in order', () => {
        const p = readPage(id);
        assert.deepEqual(
          p.headings.filter((h) => h.text.startsWith('## ')).map((h) => h.text),
          HEADINGS,
        );
      });

      it('shows a bad example in a fenced text block', () => {
        assert.match(section(readPage(id), '## 错误示例'), /^```text$[\s\S]*?^```$/m);
      });

      it('states the default severity of the registry', () => {
        const rule = RULES.find((r) => r.id === id);
        const what = section(readPage(id), '## 检查什么');
        if (rule) {
          assert.match(what, new RegExp(`默认严重级别:\\*\\*${rule.severity}\\*\\*`));
          assert.match(section(readPage(id), '## 关闭或调整'), new RegExp(`"nianbao\\.rules": \\{ "${id}": "off" \\}`));
        } else assert.match(what, new RegExp(`严重级别:\\*\\*${NOTICES[id]}\\*\\*`));
      });
    });
  }

  it('has no page for an unknown rule', () => {
    const known = new Set(pages);
    const extra = readdirSync(DIR)
      .filter((f) => f !== 'README.md')
      .filter((f) => !f.endsWith('.md') || !known.has(f.slice(0, -3)));
    assert.deepEqual(extra, []);
  });

  it('the index lists every rule, in registry order, with its registry severity', () => {
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| \[`([a-z0-9-]+)`\]\(([^)]+)\) \| ([a-z]+) \|/gm)].map((m) => ({ id: m[1], href: m[2], severity: m[3] }));
    const expected = [...RULES.map((r) => ({ id: r.id, href: `${r.id}.md`, severity: r.severity })), ...Object.entries(NOTICES).map(([id, severity]) => ({ id, href: `${id}.md`, severity }))];
    assert.deepEqual(rows, expected);
  });
});
