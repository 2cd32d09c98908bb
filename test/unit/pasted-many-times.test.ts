/**
 * Issue 12 item 13: a report pasted many times over (sections 三–六 repeated 14 times) was taken
 * as one big duplicate and every real error was hidden (exit 0). A duplicate warning never hides
 * the checks of the first copy.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../server/src/core';
import { CLI, CORPUS, FIXTURES, HAS_CORPUS } from '../helpers/paths';

/** What was found besides the duplicate warnings, independent of offsets. */
const checks = (text: string) =>
  analyze(text)
    .findings.filter((f) => f.rule !== 'duplicate-content')
    .map((f) => `${f.rule} ${f.message.zh}`)
    .sort();
const duplicates = (text: string) => analyze(text).findings.filter((f) => f.rule === 'duplicate-content');

/** The national part 三, under whatever numeral (local orders number it 二). */
const SECTION_3 = /[一二三四五六][、.]\s*收到和处理/;

/** The report with everything from section 三 on pasted `times` times in all. */
function tailRepeated(text: string, times: number): string {
  const at = text.search(SECTION_3);
  assert.ok(at > 0, 'the report has a section 三');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const tail = text.slice(at);
  return text + (tail.endsWith(eol) ? '' : eol) + Array.from({ length: times - 1 }, () => tail).join(tail.endsWith(eol) ? '' : eol);
}

const BASES: { name: string; text: string }[] = [
  ...readdirSync(join(FIXTURES, 'reports'))
    .filter((f) => f.startsWith('invalid-') && f.endsWith('.txt') && !f.endsWith('.fixed.txt'))
    // Crawled page text has the whole body on one line: nothing to paste line by line.
    .filter((f) => !f.includes('crawled'))
    .sort()
    .map((f) => ({ name: `fixtures/${f}`, text: readFileSync(join(FIXTURES, 'reports', f), 'utf8') })),
  ...(HAS_CORPUS
    ? ['seeds', 'real'].flatMap((d) =>
        readdirSync(join(CORPUS, d))
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .map((f) => ({ name: `${d}/${f}`, text: readFileSync(join(CORPUS, d, f), 'utf8') })),
      )
    : []),
];

describe('a report pasted many times over (issue 12 item 13)', function () {
  this.timeout(60000);

  for (const base of BASES) {
    it(`${base.name}: sections 三–六 pasted 14 times — the first copy is checked as before, and the repeats are reported`, () => {
      const text = tailRepeated(base.text, 14);
      assert.deepEqual(checks(text), checks(base.text));
      assert.ok(duplicates(text).length > 0, 'the repeats are not reported');
    });
  }

  it('the whole report pasted 5 times: the first copy is checked, the other four are one warning each at most', () => {
    const base = readFileSync(join(FIXTURES, 'reports', 'invalid-pipe-rows.txt'), 'utf8');
    const text = Array.from({ length: 5 }, () => base).join('\n');
    assert.deepEqual(checks(text), checks(base));
    assert.ok(checks(base).length > 0);
    const dups = duplicates(text);
    assert.ok(dups.length >= 1 && dups.length <= 4, `${dups.length} duplicate warnings`);
  });

  it('the CLI exits 1 on a report with errors whose sections 三–六 are pasted 14 times', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-pasted-'));
    const file = join(dir, 'pasted年度报告.txt');
    writeFileSync(file, tailRepeated(readFileSync(join(FIXTURES, 'reports', 'invalid-pipe-cells.txt'), 'utf8'), 14));
    const r = spawnSync(process.execPath, [CLI, 'check', file], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, / error table2-/);
  });
});
