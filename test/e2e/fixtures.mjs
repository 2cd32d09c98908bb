// Builds the e2e workspace from a corpus report: a draft with two injected errors, a "second draft"
// with more table errors for fix-all, a plain-text file that is not a report, and expected texts.
// Usage: node fixtures.mjs OUTDIR   (writes OUTDIR/ws/*, OUTDIR/expected/*, OUTDIR/nvim/*)
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uxFiles } from './fixtures-ux.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..', '..');
export const SEED = process.env.NIANBAO_E2E_SEED ?? join(ROOT, '..', 'shared', 'corpus', 'seeds', '000_1e860eacff34bb2b.txt');

export const REPORT = '大兴安岭地区2023年政府信息公开工作年度报告.txt';
export const DRAFT2 = '大兴安岭地区2023年政府信息公开工作年度报告-二稿.txt';
export const NOTES = 'notes.txt';
/** The draft published as a PDF (printed by test/helpers/renderPdf.ts, compiled into out/ by npm run build). */
export const PUBLISHED = '大兴安岭地区2023年政府信息公开工作年度报告.pdf';

/** The draft as a printed PDF, rendered by the unit tests' helpers (built by `npm run package`). */
function publishedPdf(text) {
  const require = createRequire(import.meta.url);
  const helpers = join(ROOT, 'out', 'test', 'helpers');
  if (!existsSync(join(helpers, 'renderPdf.js'))) throw new Error(`fixture: ${helpers}/renderPdf.js not built (npm run build)`);
  const { publish } = require(join(helpers, 'published.js'));
  const { renderPdf } = require(join(helpers, 'renderPdf.js'));
  return renderPdf(publish(text));
}
export const NOTES_TEXT = '周末采购清单\n共 3 个,其中 5 个是苹果\n鸡蛋 12 个,牛奶 2 盒,合计 14 件\n占 50%\n';

/** Replaces the line after the line `label` (which must read `from`) with `to`. */
function setAfter(lines, label, offset, from, to) {
  const i = lines.indexOf(label);
  if (i < 0) throw new Error(`fixture: line "${label}" not found in ${SEED}`);
  if (lines[i + offset] !== from) throw new Error(`fixture: expected "${from}" ${offset} line(s) after "${label}", found "${lines[i + offset]}"`);
  lines[i + offset] = to;
  return i + offset; // 0-based line of the changed cell
}

function replaceOnce(text, from, to) {
  const n = text.split(from).length - 1;
  if (n !== 1) throw new Error(`fixture: "${from}" occurs ${n} times in ${SEED}, expected once`);
  return text.replace(from, to);
}

export function build() {
  if (!existsSync(SEED)) throw new Error(`corpus report not found: ${SEED} (the e2e tests need ../shared/corpus beside the checkout)`);
  const seed = readFileSync(SEED, 'utf8');
  const eol = seed.includes('\r\n') ? '\r\n' : '\n';
  const lines = seed.split(eol);

  // The draft: (七)总计·自然人 97 → 96 (table2-column-sum) and 占79.8% → 占78.8% (narrative-percentage).
  const a = [...lines];
  const totalLine = setAfter(a, '(七)总计 |', 1, '97 |', '96 |');
  const report = replaceOnce(a.join(eol), '占79.8%', '占78.8%');
  // What the file must be after applying the quick fix `改为 97`: exactly that number changed back.
  const afterQuickFix = replaceOnce(seed, '占79.8%', '占78.8%');

  // The second draft: the same two errors plus two more table errors, for fix-all.
  const b = [...lines];
  setAfter(b, '(七)总计 |', 1, '97 |', '96 |');
  const rowTotalLine = setAfter(b, '一、本年新收政府信息公开申请数量 |', 7, '98 |', '89 |'); // table2-row-sum
  const t3 = b.indexOf('四、政府信息公开行政复议、行政诉讼情况');
  const t3data = b.findIndex((l, i) => i > t3 && /^\d+ \|$/.test(l));
  if (t3 < 0 || t3data < 0 || b[t3data + 4] !== '4 |') throw new Error('fixture: table 3 layout of the seed changed');
  b[t3data + 4] = '5 |'; // 行政复议·总计 4 → 5 (table3-group-sum)
  const draft2 = replaceOnce(b.join(eol), '占79.8%', '占78.8%');

  return {
    files: { [REPORT]: report, [DRAFT2]: draft2, [NOTES]: NOTES_TEXT, [PUBLISHED]: publishedPdf(report), ...uxFiles(seed, draft2) },
    expected: { 'after-quickfix.txt': afterQuickFix, 'seed.txt': seed },
    meta: {
      totalLine: totalLine + 1, // 1-based, as the editor shows it
      totalOffset: a.slice(0, totalLine).join(eol).length + eol.length, // UTF-16 offset of that cell
      rowTotalLine: rowTotalLine + 1,
      table3TotalLine: t3data + 4 + 1,
      percentLine: 1 + seed.split(eol).findIndex((l) => l.includes('占79.8%')),
      narrativeLine: 1 + seed.split(eol).findIndex((l) => l.includes('现行有效的规范性文件共计488件')),
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node fixtures.mjs OUTDIR');
  const f = build();
  for (const [dir, files] of [
    ['ws', f.files],
    ['expected', f.expected],
  ]) {
    mkdirSync(join(out, dir), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(out, dir, name), text);
  }
  // Neovim works on its own copy of the draft.
  mkdirSync(join(out, 'nvim', 'work'), { recursive: true });
  writeFileSync(join(out, 'nvim', 'work', REPORT), f.files[REPORT]);
  writeFileSync(join(out, 'meta.json'), JSON.stringify(f.meta, null, 2));
  console.log(`fixtures: ${Object.keys(f.files).length} workspace files in ${join(out, 'ws')}`);
}
