/**
 * Real published reports as they arrive (test/corpus-dev, and ../shared/corpus/real-world): crawled
 * one-line page text, saved CMS pages (read by the HTML reader), converter Markdown, old-format reports. Their cells were read by hand
 * (test/corpus-dev/facts/*.json); the checker must read the same values, recognise every report,
 * report the certain errors the facts list and no other error or warning.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../server/src/core';
import type { Cell, Report } from '../../server/src/core/model';
import { readInput } from '../../server/src/io/input';
import { CORPUS, HAS_CORPUS, ROOT } from '../helpers/paths';

const DEV = join(ROOT, 'test', 'corpus-dev');

interface Facts {
  file: string;
  t1?: Record<string, number[] | number | string | null>;
  t2?: Record<string, (number | null)[]>;
  t3?: (number | null)[];
}

/** Error and warning findings each report must give (rule ids), from the facts' certain errors. */
const EXPECTED: Record<string, string[]> = {
  'pingtan_2020_old.txt': ['narrative-sum', 'table2-column-sum', 'table2-column-sum'],
  'pingtan_2023.txt': ['narrative-table-mismatch'],
  'pingtan_2023.html': ['narrative-table-mismatch'],
};
/** Tables a reader cannot be expected to read, with the reason. */
const UNREADABLE: Record<string, string> = {
  'shanghai_office_2025.md|t1': 'the converter pulled the 规章 and 规范性文件 cells (with their notes) out of the table',
};

const T1_IDS: Record<string, string> = { 规章: 'rules', 行政规范性文件: 'normative', 行政许可: 'license', 行政处罚: 'penalty', 行政强制: 'coercion', 行政事业性收费: 'fees' };

/** The files a facts file describes: its own, and the saved page of the same shared report. */
function pathsOf(f: Facts): string[] {
  if (f.file.startsWith('../shared/corpus/real-world/')) {
    const name = f.file.split(/[/ ]/)[4];
    const html = join(CORPUS, 'real-world', name.replace(/\.txt$/, '.html'));
    return [join(CORPUS, 'real-world', name), ...(existsSync(html) ? [html] : [])];
  }
  return [join(DEV, f.file)];
}

/** A cell matches a hand-read value: exactly, or — when its digits ran together — among its readings. */
function matches(c: Cell, v: number | string | null): boolean {
  if (v === null) return true;
  const want = typeof v === 'string' ? v : String(v);
  if (c.uncertain) return !c.options || c.options.some((o) => String(o) === want);
  return c.raw.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/,/g, '') === want || String(c.value.units) === want;
}

const errorsAndWarnings = (a: Analysis) =>
  a.findings
    .filter((x) => x.severity === 'error' || x.severity === 'warning')
    .map((x) => x.rule)
    .sort();

describe('real published reports (test/corpus-dev facts)', () => {
  if (!HAS_CORPUS) {
    it('needs ../shared/corpus beside the checkout (SKIPPED: not present)', function () {
      this.skip();
    });
  }
  const facts = readdirSync(join(DEV, 'facts'))
    .filter((n) => n.endsWith('.json'))
    .map((n) => JSON.parse(readFileSync(join(DEV, 'facts', n), 'utf8')) as Facts);
  for (const f of facts)
    for (const path of pathsOf(f)) {
      if (!existsSync(path)) continue;
      const name = path.split('/').pop()!;
      const partial = /fragment/.test(name);
      it(`${name}: recognised, tables read as the facts say, only the certain errors reported`, async () => {
        const input = await readInput(path);
        assert.ok(input.ok, `read: ${!input.ok && input.reason}`);
        const a = analyze(input.text);
        const r = a.model.reports.find((x) => !x.duplicate) as Report;
        if (partial) return assert.ok(r, 'a fragment is read without failing');
        assert.ok(a.isReport, 'recognised as a report');
        if (f.t2) {
          assert.ok(r.t2 && !r.t2.problems.length, `table 2 read: ${JSON.stringify(r.t2?.problems[0])}`);
          for (const [id, vals] of Object.entries(f.t2)) {
            const row = r.t2.byId[id];
            assert.ok(row, `table 2 row ${id}`);
            vals.forEach((v, col) => assert.ok(matches(row.cells[col], v), `table 2 ${id}[${col}]: read ${row.cells[col].raw}, facts say ${v}`));
          }
        }
        if (f.t3) {
          assert.ok(r.t3 && !r.t3.problems.length, 'table 3 read');
          f.t3.forEach((v, i) => assert.ok(matches(r.t3!.groups[Math.floor(i / 5)][i % 5], v), `table 3 cell ${i}: facts say ${v}`));
        }
        if (f.t1 && !UNREADABLE[`${name}|t1`]) {
          assert.ok(r.t1 && !r.t1.problems.length, `table 1 read: ${JSON.stringify(r.t1?.problems[0])}`);
          for (const [label, v] of Object.entries(f.t1)) {
            const row = r.t1.rows[T1_IDS[label] as keyof typeof r.t1.rows];
            assert.ok(row, `table 1 row ${label}`);
            const vals = Array.isArray(v) ? v : [v];
            vals.forEach((x, col) => assert.ok(matches(row.cells[col], x), `table 1 ${label}[${col}]: read ${row.cells[col].raw}, facts say ${x}`));
          }
        }
        assert.deepEqual(errorsAndWarnings(a), (EXPECTED[name] ?? []).sort(), 'errors and warnings');
      });
    }
});
