/**
 * Runs on ../shared/corpus when it exists beside the checkout (reported as pending otherwise):
 * every table aligns, the only table findings are hongze_2023's two, and changing any single
 * number of table 2 or 3 is reported there and fixed back to a consistent table.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, fixAll } from '../../server/src/core';
import { CORPUS, HAS_CORPUS } from '../helpers/paths';

const files = HAS_CORPUS
  ? ['seeds', 'real'].flatMap((d) =>
      readdirSync(join(CORPUS, d))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(d, f)),
    )
  : [];

const lineOf = (text: string, offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length;
const isTable = (rule: string) => rule.startsWith('table');

describe('corpus reports', function () {
  before(function () {
    if (!HAS_CORPUS) {
      console.warn(`\n  !! ${CORPUS} not found: the corpus tests are SKIPPED\n`);
      this.skip();
    }
  });

  it('has the eight reports', () => assert.equal(files.length, 8));

  for (const f of files) {
    const text = () => readFileSync(join(CORPUS, f), 'utf8');

    it(`${f}: is a report and its three tables align`, () => {
      const a = analyze(text());
      assert.equal(a.isReport, true);
      const r = a.model.reports.find((x) => !x.duplicate)!;
      for (const t of [r.t1, r.t2, r.t3]) {
        assert.ok(t, 'table found');
        assert.deepEqual(t!.problems, []);
      }
      assert.equal(r.t2!.rows.length >= 23, true);
    });

    it(`${f}: table findings are exactly the known ones`, () => {
      const a = analyze(text());
      const got = a.findings.filter((x) => isTable(x.rule)).map((x) => `${lineOf(text(), x.span.start)} ${x.rule} ${x.message.zh}`);
      const expected =
        f === join('real', 'hongze_2023.txt')
          ? [
              '138 table3-group-sum 行政复议·总计 为 0,但结果维持、结果纠正、其他结果、尚未审结之和为 11',
              '138 table3-group-sum 行政诉讼·复议后起诉·总计 为 0,但结果维持、结果纠正、其他结果、尚未审结之和为 5',
            ]
          : [];
      assert.deepEqual(got, expected);
    });

    it(`${f}: any single changed number of tables 2 and 3 is reported at its table and fixed consistently`, () => {
      const original = text();
      const base = analyze(original);
      const r = base.model.reports.find((x) => !x.duplicate)!;
      const baseTable = base.findings.filter((x) => isTable(x.rule)).length;
      const fixedOriginal = fixAll(original).text;
      const cells = [...r.t2!.rows.flatMap((x) => x.cells), ...r.t3!.groups.flat()];
      for (const c of cells) {
        const table = r.t2!.rows.some((x) => x.cells.includes(c)) ? r.t2! : r.t3!;
        const changed = String(Number(c.raw) + 2);
        const text = original.slice(0, c.span.start) + changed + original.slice(c.span.end);
        const a = analyze(text);
        const inTable = a.findings.filter((x) => isTable(x.rule) && x.span.start >= table.span.start && x.span.end <= table.span.end + 2);
        assert.ok(inTable.length > baseTable || (baseTable > 0 && inTable.length > 0), `change at ${lineOf(text, c.span.start)} not reported`);
        const fixed = fixAll(text).text;
        assert.equal(analyze(fixed).findings.filter((x) => isTable(x.rule)).length, 0, `fix at ${lineOf(text, c.span.start)} left the table inconsistent`);
        if (table.kind === 2 && baseTable === 0) assert.equal(fixed, fixedOriginal, 'a single table-2 change is fixed back exactly');
      }
    });
  }
});
