/**
 * Data-driven fixtures: test/fixtures/reports/*.txt (whole reports in every layout) and
 * test/fixtures/rules/<rule>/*.txt. Beside each input: <name>.expected (one finding per line,
 * "line:col severity rule message"), and <name>.fixed.txt when fix-all changes it. valid-* must
 * yield nothing. A fixed text is checked again: no fixable finding may be left, and a second
 * fix-all changes nothing. last-year.txt in a rule folder is given as the other report.
 * NIANBAO_UPDATE_FIXTURES=1 npm test rewrites the .expected and .fixed.txt files (review the diff).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, fixAll, isAutoFix, otherReportOf, ruleById, type AnalyzeOptions } from '../../server/src/core';
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

function suite(dir: string, rule?: string) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt') && !f.endsWith('.fixed.txt') && f !== 'last-year.txt');
  const last = join(dir, 'last-year.txt');
  const opts: AnalyzeOptions = existsSync(last) ? { others: [otherReportOf('last-year.txt', read(last))] } : {};
  for (const f of files) {
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
      if (rule) assert.ok(got.some((l) => l.split(' ')[2] === rule), `an invalid fixture of ${rule} has a ${rule} finding`);
      if (UPDATE) {
        writeFileSync(base + '.expected', got.join('\n') + '\n');
        if (fixed !== text) writeFileSync(base + '.fixed.txt', fixed);
        else if (existsSync(base + '.fixed.txt')) unlinkSync(base + '.fixed.txt');
      }
      assert.deepEqual(got, read(base + '.expected').trimEnd().split('\n'));
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
});
