/**
 * scripts/gen-rules.mjs, run on a copy of the repository: `--check` names each stale output, a run
 * rewrites them as committed, and a new rule file reaches every output (with a first doc page).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths';

const SCRIPT = join(ROOT, 'scripts', 'gen-rules.mjs');
const OUTPUTS = ['server/src/core/rules/index.ts', 'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'docs/rules/README.md', 'README.md', 'docs/domain.md'];

/** A copy of what the generator reads and writes. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-gen-'));
  for (const p of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'README.md', 'docs/rules', 'docs/domain.md', 'server/src', 'test/fixtures/rules']) {
    cpSync(join(ROOT, p), join(dir, p), { recursive: true });
  }
  return dir;
}

function gen(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args, '--root', dir], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: r.stdout + r.stderr };
}

/** The files a `--check` run lists as out of date. */
const listed = (out: string) =>
  out
    .split('\n')
    .filter((l) => l.startsWith('  '))
    .map((l) => l.trim());

describe('scripts/gen-rules.mjs', function () {
  this.timeout(60_000);
  let dir = '';
  const file = (p: string) => join(dir, p);
  const read = (p: string) => readFileSync(file(p), 'utf8');
  const edit = (p: string, from: string | RegExp, to: string) => {
    const before = read(p);
    const after = before.replace(from, to);
    assert.notEqual(after, before, `${p}: nothing to edit`);
    writeFileSync(file(p), after);
  };
  beforeEach(() => (dir = copy()));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the committed outputs up to date', () => {
    const r = gen(dir, '--check');
    assert.equal(r.status, 0, r.out);
  });

  it('--check names each stale output and a missing page; a run rewrites them as committed', () => {
    const committed = Object.fromEntries(OUTPUTS.map((p) => [p, read(p)]));
    edit('server/src/core/rules/index.ts', 'do not edit', 'edited');
    edit('package.json', '"%rule.year-mismatch%"', '"year"');
    edit('package.nls.json', /"rule\.fee-statement": "[^"]*"/, '"rule.fee-statement": "old"');
    edit('package.nls.zh-cn.json', /\n {2}"rule\.table2-balance": "[^"]*",/, '');
    edit('docs/rules/README.md', '| [`narrative-sum`](narrative-sum.md) | error |', '| [`narrative-sum`](narrative-sum.md) | warning |');
    edit('README.md', /\| \[table-unaligned\].*\n/, '');
    edit('docs/domain.md', '| `table2-balance` | error |', '| `table2-balance` | warning |');
    unlinkSync(file('docs/rules/fee-statement.md'));

    const check = gen(dir, '--check');
    assert.equal(check.status, 1, check.out);
    assert.deepEqual(listed(check.out), [...OUTPUTS, 'docs/rules/fee-statement.md (missing)']);

    const run = gen(dir);
    assert.equal(run.status, 0, run.out);
    for (const p of OUTPUTS) assert.equal(read(p), committed[p], p);
    const page = read('docs/rules/fee-statement.md');
    assert.match(page, /^# fee-statement\n\n第六部分没有说明信息处理费的收取情况。\n/);
    assert.match(page, /默认严重级别:\*\*information\*\*/);
    assert.match(page, /没有快速修复/);
    assert.equal(gen(dir, '--check').status, 0);
  });

  it('a new rule file and its fixtures reach every output', () => {
    const id = 'zz-new-rule';
    writeFileSync(file(`server/src/core/rules/${id}.ts`), read('server/src/core/rules/fee-statement.ts').replace("id: 'fee-statement'", `id: '${id}'`));
    cpSync(file('test/fixtures/rules/fee-statement'), file(`test/fixtures/rules/${id}`), { recursive: true });

    const check = gen(dir, '--check');
    assert.equal(check.status, 1, check.out);
    assert.deepEqual(listed(check.out), [...OUTPUTS, `docs/rules/${id}.md (missing)`]);

    const run = gen(dir);
    assert.equal(run.status, 0, run.out);
    const index = readFileSync(join(ROOT, 'server/src/core/rules/index.ts'), 'utf8')
      .replace(/(from '[^']+';\n)\n/, "$1import { rule as zzNewRule } from './zz-new-rule';\n\n")
      .replace('\n];', '\n  zzNewRule,\n];');
    assert.equal(read('server/src/core/rules/index.ts'), index, 'the registry keeps its order, the new rule last');
    const pkg = JSON.parse(read('package.json'));
    assert.deepEqual(pkg.contributes.configuration.properties['nianbao.rules'].properties[id], {
      type: 'string',
      enum: ['error', 'warning', 'information', 'hint', 'off'],
      description: `%rule.${id}%`,
    });
    const zh = JSON.parse(read('package.nls.zh-cn.json'));
    assert.equal(zh[`rule.${id}`], zh['rule.fee-statement']);
    assert.match(read('README.md'), new RegExp(`\\| \\[${id}\\]\\(docs/rules/${id}\\.md\\) \\| information \\| section 六 says nothing`));
    assert.match(read('docs/rules/README.md'), new RegExp(`\\| \\[\`${id}\`\\]\\(${id}\\.md\\) \\| information \\| 第六部分没有说明`));
    assert.match(
      read('docs/domain.md'),
      new RegExp(
        `\\n\\| \`${id}\` \\| information \\| section 六 says nothing about the 信息处理费 charged \\(国办函〔2020〕109号\\) \\| see \\[its page\\]\\(rules/${id}\\.md\\) \\|\\n<!-- rules:end -->`,
      ),
    );

    // The page shows the fixture's line that the rule reports, and the report itself.
    const page = read(`docs/rules/${id}.md`);
    const fixture = read(`test/fixtures/rules/${id}/invalid-1.txt`).split('\n');
    const [at, message] = read(`test/fixtures/rules/${id}/invalid-1.expected`)
      .trim()
      .replace(' fee-statement ', ` ${id} `)
      .split(/ (?=information)/);
    assert.ok(page.includes(fixture[Number(at.split(':')[0]) - 1]), 'the reported line');
    assert.ok(page.includes(`invalid-1.txt:${at} ${message}`), 'the report');
    assert.equal(gen(dir, '--check').status, 0);
  });

  it('refuses a rule whose id is not its file name, and a new rule without fixtures to show', () => {
    writeFileSync(file('server/src/core/rules/zz-other.ts'), read('server/src/core/rules/fee-statement.ts'));
    let r = gen(dir);
    assert.equal(r.status, 2, r.out);
    assert.match(r.out, /zz-other\.ts: its rule's id is "fee-statement", not "zz-other"/);

    edit('server/src/core/rules/zz-other.ts', "id: 'fee-statement'", "id: 'zz-other'");
    r = gen(dir);
    assert.equal(r.status, 2, r.out);
    assert.match(r.out, /docs\/rules\/zz-other\.md: no page, and no zz-other finding/);
    assert.ok(!existsSync(file('docs/rules/zz-other.md')));
  });
});
