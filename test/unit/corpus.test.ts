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

/** The known narrative findings of docs/domain.md (and hongze_2024's narrower-body warning). */
const NARRATIVE: Record<string, string[]> = {
  [join('seeds', '000_1e860eacff34bb2b.txt')]: ['7 narrative-table-mismatch 488', '7 narrative-sum 126'],
  [join('seeds', '003_23d160e7ec491542.txt')]: ['5 narrative-table-mismatch 1'],
  [join('real', 'hongze_2024.txt')]: ['25 narrative-table-mismatch 17'],
};

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

  for (const f of files) {
    const text = () => readFileSync(join(CORPUS, f), 'utf8');
    const summary = (t: string) =>
      analyze(t)
        .findings.filter((x) => x.rule.startsWith('narrative'))
        .map((x) => `${lineOf(t, x.span.start)} ${x.rule} ${t.slice(x.span.start, x.span.end)}`);

    it(`${f}: narrative findings are exactly the known ones`, () => {
      assert.deepEqual(summary(text()), NARRATIVE[f] ?? []);
    });

    it(`${f}: a changed prose figure with a table counterpart, a changed share or a lowered total is reported and fixed back`, () => {
      const original = text();
      const fixedOriginal = fixAll(original).text;
      const n = analyze(original).model.reports.find((x) => !x.duplicate)!.narrative!;
      const mutate = (span: { start: number; end: number }, to: string) => original.slice(0, span.start) + to + original.slice(span.end);
      const reportedAt = (t: string, span: { start: number }, rule: string) => analyze(t).findings.some((x) => x.rule === rule && lineOf(t, x.span.start) === lineOf(t, span.start));

      for (const c of n.claims) {
        if (c.narrower) continue;
        const t = mutate(c.fig.span, String(Number(c.fig.tok.text) + 1));
        assert.ok(reportedAt(t, c.fig.span, 'narrative-table-mismatch'), `claim ${c.fig.tok.text} at line ${lineOf(t, c.fig.span.start)}`);
        assert.equal(fixAll(t).text, fixedOriginal, `fix of claim ${c.fig.tok.text}`);
      }
      for (const sh of n.shares) {
        const p = sh.pct.tok.text;
        const t = mutate(
          sh.pct.span,
          p.replace(/^\d+/, (d) => String(Number(d) + 1)),
        );
        assert.ok(reportedAt(t, sh.pct.span, 'narrative-percentage'), `share ${p}`);
        assert.equal(fixAll(t).text, fixedOriginal, `fix of share ${p}`);
      }
      for (const sum of n.sums) {
        const parts = sum.parts.reduce((a, x) => a + Number(x.tok.text), 0);
        if (parts < 1) continue;
        const t = mutate(sum.total.span, String(parts - 1));
        assert.ok(reportedAt(t, sum.total.span, 'narrative-sum'), `sum ${sum.total.tok.text}`);
        const fixed = fixAll(t).text;
        if (Number(sum.total.tok.text) === parts || n.claims.some((c) => c.fig === sum.total)) assert.equal(fixed, fixedOriginal, `fix of sum ${sum.total.tok.text}`);
        else
          assert.deepEqual(
            summary(fixed).filter((x) => x.includes('narrative-sum')),
            [],
            'a partial list is fixed to a consistent total',
          );
      }
    });

    it(`${f}: changing a figure without counterpart reports nothing new`, () => {
      const original = text();
      const before = summary(original).join('|');
      const n = analyze(original).model.reports.find((x) => !x.duplicate)!.narrative!;
      const used = new Set([...n.claims.map((c) => c.fig), ...n.sums.flatMap((x) => [x.total, ...x.parts]), ...n.shares.flatMap((x) => [x.pct, x.part])]);
      for (const fig of n.figures.filter((x) => !used.has(x) && !x.tok.chinese)) {
        const t = original.slice(0, fig.span.start) + String(Number(fig.tok.text.replace(/,/g, '')) + 7) + original.slice(fig.span.end);
        assert.equal(
          summary(t)
            .map((x) => x.replace(/^\d+ /, ''))
            .join('|'),
          before.replace(/(^|\|)\d+ /g, '$1'),
          `figure ${fig.tok.text} at line ${lineOf(t, fig.span.start)}`,
        );
      }
      // Non-figures: every phone number, year and document number changed.
      const shifted = original.replace(/(\d{3,4}-)(\d{7,8})/g, (_m, a, b) => a + String(Number(b) + 1)).replace(/〔(\d{4})〕(\d+)号/g, (_m, y, k) => `〔${y}〕${Number(k) + 3}号`);
      assert.equal(summary(shifted).join('|'), before);
    });
  }
});
