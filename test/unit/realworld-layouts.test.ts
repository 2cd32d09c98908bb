/**
 * Issue 10, "Must show": every corpus report rendered in every real-world family (crawled page
 * text, blank and placeholder cells, converter Markdown, local section order, 2019 format) by
 * test/helpers/realworld. (a) The unchanged variant is a report, tables 2 and 3 are read with
 * the generated values, and it has no error or warning beyond the original's known findings;
 * (b) every single-cell change of tables 2 and 3 is reported at its table. For run-together
 * digits a change is only required when no reading of the changed table is consistent (the
 * splits oracle). Rates per variant are printed at the end.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis, type Finding } from '../../server/src/core';
import type { Report } from '../../server/src/core/model';
import { CORPUS, HAS_CORPUS } from '../helpers/paths';
import { cellName, cellsOf, generate, parseDoc, VARIANTS, valueAt, withValue, type CellRef, type Doc, type Rendered, type Variant } from '../helpers/realworld';
import { t2Consistent, t3Consistent } from '../helpers/realworld/splits';
import { expectations, judge, type Expectations } from '../helpers/realworld/expect';

/** Every n-th cell only (NIANBAO_REALWORLD_STRIDE=n, for a quick run); every cell by default. */
const STRIDE = Math.max(1, Number(process.env.NIANBAO_REALWORLD_STRIDE ?? 1));
const files = HAS_CORPUS
  ? ['seeds', 'real'].flatMap((d) =>
      readdirSync(join(CORPUS, d))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(d, f)),
    )
  : [];
const isTableRule = (rule: string) => rule.startsWith('table') && rule !== 'table-unaligned';
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
const first = (a: Analysis): Report | undefined => a.model.reports.find((r) => !r.duplicate);
const show = (text: string, f: Finding) => `${f.rule}@${lineOf(text, f.span.start)}:${f.span.start} ${f.message.zh.slice(0, 120)}`;

interface Rate {
  variants: number;
  read: number;
  clean: number;
  changes: number;
  found: number;
  ambiguous: number;
}
const rates = new Map<string, Rate>();
const rate = (name: string) => rates.get(name) ?? (rates.set(name, { variants: 0, read: 0, clean: 0, changes: 0, found: 0, ambiguous: 0 }).get(name) as Rate);

/** Why tables 2 and 3 were not read, or [] when they were. */
function readProblems(a: Analysis): string[] {
  const r = first(a);
  if (!a.isReport) return ['not recognised as a report'];
  if (!r) return ['no report found'];
  const out: string[] = [];
  for (const [n, t] of [
    [2, r.t2],
    [3, r.t3],
  ] as const) {
    if (!t) out.push(`table ${n} not found`);
    else for (const p of t.problems) out.push(`table ${n} unaligned: expected ${p.expected}, found ${p.found}`);
  }
  return out;
}

/** Cells read with another value than generated (cells the reader marks uncertain excepted). */
function valueProblems(a: Analysis, doc: Doc, r: Rendered): string[] {
  const rep = first(a)!;
  const out: string[] = [];
  for (const c of cellsOf(r)) {
    const cell = c.table === 2 ? rep.t2?.byId[c.row]?.cells[c.col] : rep.t3?.groups[Math.floor(c.index / 5)]?.[c.index % 5];
    const want = valueAt(doc.copies[0].values, c);
    if (!cell) out.push(`${cellName(c)}: not read (generated ${want})`);
    else if (!cell.uncertain && Number(cell.value.units) / 10 ** cell.value.scale !== want) out.push(`${cellName(c)}: read ${cell.raw} as ${Number(cell.value.units)}, generated ${want}`);
  }
  return out;
}

function fail(title: string, problems: string[], max = 25): void {
  if (problems.length) assert.fail(`${title}\n  ${problems.slice(0, max).join('\n  ')}${problems.length > max ? `\n  … and ${problems.length - max} more` : ''}`);
}

/** The value a cell is changed to: +2, or for run-together digits the first nearby value no reading can hide. */
function changeFor(doc: Doc, v: Variant, c: CellRef): { to: number; r: Rendered } | undefined {
  const x = valueAt(doc.copies[0].values, c);
  const tries = v.sep ? [x + 2, x + 1, x + 3, x - 1, x - 2, x + 5, x + 10, x + 20, x + 100].filter((y) => y >= 0 && y !== x) : [x + 2];
  for (const to of tries) {
    const r = generate(doc, v, withValue(doc.copies[0].values, c, to));
    if (!r.runs) return { to, r };
    const consistent = c.table === 2 ? t2Consistent(r.runs.t2, r.t2ids) : t3Consistent(r.runs.t3);
    if (consistent === false) return { to, r };
  }
  return undefined;
}

/** Where two texts differ: [start, end in a, end in b]. */
function diff(a: string, b: string): [number, number, number] {
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) s++;
  let e = 0;
  while (e < a.length - s && e < b.length - s && a[a.length - 1 - e] === b[b.length - 1 - e]) e++;
  return [s, a.length - e, b.length - e];
}

describe('real-world layouts (issue 10)', function () {
  before(function () {
    if (!HAS_CORPUS) {
      console.warn(`\n  !! ${CORPUS} not found: the real-world layout tests are SKIPPED\n`);
      this.skip();
    }
  });

  after(() => {
    if (!rates.size) return;
    const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)}%` : '-');
    const lines = [
      '',
      `  real-world variants${STRIDE > 1 ? ` (every ${STRIDE}th cell only: NIANBAO_REALWORLD_STRIDE)` : ''}: read = recognised, tables 2 and 3 aligned and read as generated; clean = recognised, and findings exactly the original's;`,
      '  changes = single-cell changes of tables 2/3 reported at their table (ambiguous = no value nearby that every reading exposes)',
      '',
    ];
    lines.push(`  ${'variant'.padEnd(22)} ${'read'.padStart(9)} ${'clean'.padStart(9)} ${'changes found'.padStart(20)} ${'ambiguous'.padStart(9)}`);
    const fam = new Map<string, Rate>();
    const row = (name: string, r: Rate) =>
      `  ${name.padEnd(22)} ${`${r.read}/${r.variants}`.padStart(9)} ${`${r.clean}/${r.variants}`.padStart(9)} ${`${r.found}/${r.changes} ${pct(r.found, r.changes)}`.padStart(20)} ${String(r.ambiguous).padStart(9)}`;
    for (const [name, r] of rates) {
      lines.push(row(name, r));
      const f = name.split('/')[0];
      const t = fam.get(f) ?? { variants: 0, read: 0, clean: 0, changes: 0, found: 0, ambiguous: 0 };
      for (const k of Object.keys(t) as (keyof Rate)[]) t[k] += r[k];
      fam.set(f, t);
    }
    lines.push('  per family:');
    for (const [name, r] of fam) lines.push(row(name, r));
    console.log(lines.join('\n'));
  });

  for (const f of files) {
    let doc: Doc;
    let exp: Expectations;
    const load = () => {
      if (!doc) {
        const text = readFileSync(join(CORPUS, f), 'utf8');
        doc = parseDoc(f, text);
        exp = expectations(text);
      }
    };
    for (const v of VARIANTS) {
      it(`${f} · ${v.name}: a report, tables 2 and 3 read, nothing beyond the original's findings`, () => {
        load();
        const r = generate(doc, v);
        const a = analyze(r.text);
        const rt = rate(v.name);
        rt.variants++;
        const read = readProblems(a);
        const values = read.length ? [] : valueProblems(a, doc, r);
        if (!read.length && !values.length) rt.read++;
        const judged = judge(a, r, exp);
        if (a.isReport && !judged.length) rt.clean++;
        if (r.runs) {
          // The oracle must accept the true reading of the unchanged tables (hongze_2023's table 3 is inconsistent as published).
          assert.notEqual(t2Consistent(r.runs.t2, r.t2ids), false, 'splits oracle: no consistent reading of the unchanged table 2');
          if (!exp.known.some((k) => k.table === 3)) assert.equal(t3Consistent(r.runs.t3), true, 'splits oracle: no consistent reading of the unchanged table 3');
        }
        fail(`${f} as ${v.name} (print it: node out/test/helpers/realworld/print.js ${join(CORPUS, f)} ${v.name}):`, [...read, ...values, ...judged]);
      });

      it(`${f} · ${v.name}: every single-cell change of tables 2 and 3 is reported at its table`, function () {
        this.timeout(300_000);
        load();
        const base = generate(doc, v);
        const baseA = analyze(base.text);
        const baseTable = (n: 2 | 3) => baseA.findings.filter((x) => isTableRule(x.rule) && x.span.start >= base.tables[n].start && x.span.end <= base.tables[n].end).length;
        const rt = rate(v.name);
        // Misses grouped by reason: reason → examples.
        const misses = new Map<string, string[]>();
        let missed = 0;
        let found = 0;
        for (const c of cellsOf(base).filter((_, i) => i % STRIDE === 0)) {
          const ch = changeFor(doc, v, c);
          if (!ch) {
            rt.ambiguous++;
            continue;
          }
          rt.changes++;
          const span = ch.r.tables[c.table];
          const [s, e] = diff(base.text, ch.r.text);
          assert.ok(s >= base.tables[c.table].start && e <= base.tables[c.table].end, `generator: changing ${cellName(c)} changed text outside its table (${s}–${e})`);
          const a = analyze(ch.r.text);
          const at = a.findings.filter((x) => isTableRule(x.rule) && x.span.start >= span.start && x.span.end <= span.end);
          // A change in the row whose total the converter lost cannot be told from the loss itself:
          // "cannot be aligned" at that table is the honest answer there.
          const lossyRow = c.table === 2 && !!base.lost?.some((l) => l.table === 2 && l.row === c.row);
          const unalignedHere = a.findings.some((x) => x.rule === 'table-unaligned' && x.span.start >= span.start && x.span.end <= span.end);
          if ((at.length && (at.length > baseTable(c.table) || baseTable(c.table) > 0)) || (lossyRow && unalignedHere)) {
            rt.found++;
            found++;
            continue;
          }
          missed++;
          const why = readProblems(a);
          const seen = a.findings.filter((x) => x.severity === 'error' || x.severity === 'warning').map((x) => show(ch.r.text, x));
          const reason = why.length ? why[0].replace(/\d+/g, 'N') + (why.length > 1 ? ` (and ${why.length - 1} more problems)` : '') : 'no table finding inside the table';
          const example = `${cellName(c)} ${valueAt(doc.copies[0].values, c)}→${ch.to} (line ${lineOf(ch.r.text, s)}, offset ${s}${why.length ? `: ${why[0]}` : seen.length ? `; found: ${seen.slice(0, 2).join(' | ')}` : '; found nothing'})`;
          misses.set(reason, [...(misses.get(reason) ?? []), example]);
        }
        const lines = [...misses].map(([reason, xs]) => `[${xs.length}×] ${reason}\n      e.g. ${xs.slice(0, 3).join('\n           ')}`);
        fail(`${f} as ${v.name}: ${missed} of ${missed + found} single-cell changes not reported at their table (a change: print.js … ${v.name} t2:<row>:<col>=N | t3:<i>=N):`, lines, 10);
      });
    }
  }
});
