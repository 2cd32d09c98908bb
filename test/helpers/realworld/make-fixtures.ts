/**
 * Writes the real-world report fixtures: test/fixtures/reports/{valid,invalid}-<family>.txt from
 * the pipe-rows fixtures, rendered by the generator (and valid-crawled-run-together.txt). With
 * --expected it also writes each invalid-<family>.expected as the target: the pipe-rows
 * findings moved to where the same figure or cell is in the variant (the 2019 format has no
 * 现行有效 column, so its table-1 claim is left out). Once the reader reads these layouts,
 * NIANBAO_UPDATE_FIXTURES=1 npm test rewrites them from the real output (and adds .fixed.txt).
 *   node out/test/helpers/realworld/make-fixtures.js [--expected]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/core';
import { FIXTURES } from '../paths';
import { generate, parseDoc, VARIANTS, withValue, type CellRef, type Variant } from './index';

const DIR = join(FIXTURES, 'reports');
const FIXTURE_VARIANTS: [string, string][] = [
  ['crawled', 'crawled/spaced'],
  ['crawled-run-together', 'crawled/run-together'],
  ['blank', 'blank'],
  ['placeholder', 'placeholder'],
  ['converter-md', 'converter-md'],
  ['local-order', 'local-order'],
  ['old-format', 'old-format'],
];

const pos = (text: string, offset: number) => {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
};

/** The n-th standalone occurrence of a number (not inside a longer run of digits). */
function nth(text: string, figure: string, n: number): number {
  const re = new RegExp(`(?<![\\d.])${figure.replace(/\./g, '\\.')}(?![\\d.])`, 'g');
  for (let k = 0, m; (m = re.exec(text)); k++) if (k === n) return m.index;
  return -1;
}

function expected(original: string, lines: string[], v: Variant, seed: string): string[] {
  const doc = parseDoc(seed, original);
  const base = generate(doc, v);
  const rep = analyze(original).model.reports[0];
  const cellAt = (offset: number): CellRef | undefined => {
    for (const row of rep.t2!.rows) for (const [col, c] of row.cells.entries()) if (c.span.start === offset) return { table: 2, row: row.id, col };
    const i = rep.t3!.groups.flat().findIndex((c) => c.span.start === offset);
    return i >= 0 ? { table: 3, index: i } : undefined;
  };
  const starts = [0, ...[...original.matchAll(/\n/g)].map((m) => m.index! + 1)];
  const out: string[] = [];
  for (const line of lines) {
    const m = /^(\d+):(\d+) (\S+) (\S+) (.*)$/.exec(line)!;
    const offset = starts[Number(m[1]) - 1] + Number(m[2]) - 1;
    if (v.family === 'old-format' && /表一/.test(m[5])) continue;
    let at: number;
    const cell = cellAt(offset);
    if (cell) {
      const x = cell.table === 2 ? doc.copies[0].values.t2[cell.row][cell.col] : doc.copies[0].values.t3[cell.index];
      const changed = generate(doc, v, withValue(doc.copies[0].values, cell, String(x)[0] === '7' ? 8888 : 7777));
      for (at = 0; at < base.text.length && base.text[at] === changed.text[at];) at++;
    } else {
      const figure = /^[\d.]+%?/.exec(original.slice(offset))![0].replace(/%$/, '');
      const n = [...original.slice(0, offset).matchAll(new RegExp(`(?<![\\d.])${figure.replace(/\./g, '\\.')}(?![\\d.])`, 'g'))].length;
      at = nth(base.text, figure, n);
    }
    out.push(`${pos(base.text, at)} ${m[3]} ${m[4]} ${m[5]}`);
  }
  return out;
}

function main(withExpected: boolean): void {
  const valid = readFileSync(join(DIR, 'valid-pipe-rows.txt'), 'utf8');
  const invalid = readFileSync(join(DIR, 'invalid-pipe-rows.txt'), 'utf8');
  const found = readFileSync(join(DIR, 'invalid-pipe-rows.expected'), 'utf8').trimEnd().split('\n');
  for (const [name, variant] of FIXTURE_VARIANTS) {
    const v = VARIANTS.find((x) => x.name === variant)!;
    // The first seed name whose rendering loses no cell: a valid fixture must yield nothing at all.
    let seed = 'fixture';
    for (let k = 2; generate(parseDoc(seed, valid), v).lost?.length; k++) seed = `fixture-${k}`;
    writeFileSync(join(DIR, `valid-${name}.txt`), generate(parseDoc(seed, valid), v).text);
    if (name === 'crawled-run-together') continue;
    writeFileSync(join(DIR, `invalid-${name}.txt`), generate(parseDoc(seed, invalid), v).text);
    if (withExpected) writeFileSync(join(DIR, `invalid-${name}.expected`), expected(invalid, found, v, seed).join('\n') + '\n');
  }
}

main(process.argv.includes('--expected'));
