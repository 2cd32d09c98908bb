/**
 * Prints a real-world variant of a report, to look at or to feed the CLI:
 *   node out/test/helpers/realworld/print.js ../shared/corpus/seeds/000_….txt crawled/run-together [t2:new:0=99 | t3:4=3]
 * Without a variant it lists the variant names.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CORPUS } from '../paths';
import { generate, parseDoc, VARIANTS, withValue, type CellRef } from './index';

function main(argv: string[]): void {
  const [file, name, change] = argv;
  const v = VARIANTS.find((x) => x.name === name);
  if (!file || !v) {
    process.stderr.write(`usage: print.js REPORT VARIANT [t2:<row>:<col>=N | t3:<index>=N]\nvariants: ${VARIANTS.map((x) => x.name).join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  // The name seeds the variant: the tests use the path relative to the corpus ("seeds/000_….txt").
  const doc = parseDoc(relative(CORPUS, file), readFileSync(file, 'utf8'));
  let values = doc.copies[0].values;
  const m = /^t2:([\w.]+):(\d)=(\d+)$|^t3:(\d+)=(\d+)$/.exec(change ?? '');
  if (m) {
    const c: CellRef = m[1] ? { table: 2, row: m[1], col: Number(m[2]) } : { table: 3, index: Number(m[4]) };
    values = withValue(values, c, Number(m[3] ?? m[5]));
  }
  process.stdout.write(generate(doc, v, values).text);
}

main(process.argv.slice(2));
