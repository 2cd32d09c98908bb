/**
 * Data-driven fixtures: test/fixtures/reports/*.txt (whole reports in every layout) and
 * test/fixtures/rules/<rule>/*.txt. Beside each input: <name>.expected (one finding per line,
 * "line:col severity rule message"), and <name>.fixed.txt when fix-all changes it. valid-* must
 * yield nothing. A fixed text is checked again: no fixable finding may be left, and a second
 * fix-all changes nothing. last-year.txt in a rule folder is given as the other report.
 * NIANBAO_UPDATE_FIXTURES=1 npm test rewrites the .expected and .fixed.txt files (review the diff).
 * Every registered rule has fixtures, and its `fixable` agrees with them.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, fixAll, isAutoFix, otherReportOf, ruleById, RULES, type AnalyzeOptions } from '../../server/src/core';
import { FIXTURES } from '../helpers/paths';

const UPDATE = process.env.NIANBAO_UPDATE_FIXTURES === '1';
const read = (p: string) => readFileSync(p, 'utf8');

function render(text: string, opts: AnalyzeOptions): string[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  const pos = (o: number) => {
    let l = starts.length - 1;
    while (starts[l] > o) l--;
    return `${l + 1}:${o - starts[l] + 1}`;
  };
  return analyze(text, opts).findings.map((f) => `${pos(f.span.start)} ${f.severity} ${f.rule} ${f.message.zh}`);
}

function fixable(text: string, opts: AnalyzeOptions): string[] {
  return analyze(text, opts)
    .findings.filter((f) => f.fixes.some(isAutoFix))
    .map((f) => f.rule);
}

/** The inputs of a fixture folder (not the fixed texts, not last year's report). */
const inputs = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.txt') && !f.endsWith('.fixed.txt') && f !== 'last-year.txt');

function optionsFor(dir: string): AnalyzeOptions {
  const last = join(dir, 'last-year.txt');
  return existsSync(last) ? { others: [otherReportOf('last-year.txt', read(last))] } : {};
}

function suite(dir: string, rule?: string) {
  const opts = optionsFor(dir);
  for (const f of inputs(dir)) {
    const base = join(dir, f.replace(/\.txt$/, ''));
    it(`${rule ?? 'reports'}/${f}`, () => {
      const text = read(join(dir, f));
      const got = render(text, opts);
      const fixed = fixAll(text, opts).text;
      if (f.startsWith('valid')) {
        assert.deepEqual(got, [], 'a valid fixture yields nothing');
        assert.equal(fixed, text);
        return;
      }
      if (rule)
        assert.ok(
          got.some((l) => l.split(' ')[2] === rule),
          `an invalid fixture of ${rule} has a ${rule} finding`,
        );
      if (UPDATE) {
        writeFileSync(base + '.expected', got.join('\n') + '\n');
        if (fixed !== text) writeFileSync(base + '.fixed.txt', fixed);
        else if (existsSync(base + '.fixed.txt')) unlinkSync(base + '.fixed.txt');
      }
      assert.deepEqual(
        got,
        read(base + '.expected')
          .trimEnd()
          .split('\n'),
      );
      if (fixed === text) {
        assert.ok(!existsSync(base + '.fixed.txt'), 'fix-all changes nothing, so there is no .fixed.txt');
        return;
      }
      assert.equal(fixed, read(base + '.fixed.txt'));
      assert.deepEqual(fixable(fixed, opts), [], 'Fixable error(s) not fixed');
      assert.equal(fixAll(fixed, opts).text, fixed, 'a second fix-all changes nothing');
    });
  }
}

describe('fixtures', () => {
  suite(join(FIXTURES, 'reports'));
  const rules = join(FIXTURES, 'rules');
  for (const id of readdirSync(rules)) {
    it(`rules/${id} names a registered rule`, () => assert.ok(ruleById(id)));
    suite(join(rules, id), id);
  }

  // A nested suite runs after the tests above, so a new rule's .expected files are written first.
  describe('every registered rule', () => {
    for (const r of RULES) {
      const dir = join(rules, r.id);
      it(`${r.id} has an invalid-*.txt with its .expected and a valid-*.txt`, () => {
        assert.ok(existsSync(dir), `test/fixtures/rules/${r.id}/ is missing`);
        const files = inputs(dir);
        const invalid = files.filter((f) => f.startsWith('invalid-'));
        assert.ok(invalid.length > 0, `test/fixtures/rules/${r.id}/ has no invalid-*.txt`);
        assert.ok(
          files.some((f) => f.startsWith('valid-')),
          `test/fixtures/rules/${r.id}/ has no valid-*.txt`,
        );
        for (const f of invalid) assert.ok(existsSync(join(dir, f.replace(/\.txt$/, '.expected'))), `${r.id}/${f} has no .expected`);
      });

      it(`${r.id}: fixable is ${r.fixable}, as its findings in the fixtures show`, () => {
        const offers = inputs(dir).flatMap((f) =>
          analyze(read(join(dir, f)), optionsFor(dir))
            .findings.filter((x) => x.rule === r.id)
            .map((x) => x.fixes.length > 0),
        );
        assert.ok(offers.length > 0, `no ${r.id} finding in its fixtures`);
        if (r.fixable) assert.ok(offers.includes(true), `fixable, but no ${r.id} finding in its fixtures offers a fix`);
        else assert.ok(!offers.includes(true), `a ${r.id} finding offers a fix: set fixable: true`);
      });
    }
  });
});
