/**
 * The corpus reports published as an HTML page, a Word file and a PDF (rendered in the test from
 * the text, see test/helpers/published.ts), read back by the format readers and checked:
 * - unchanged, each rendering yields exactly the findings of the text report;
 * - with one injected table or narrative error, the error is reported with the right rule family
 *   (table… or narrative…) in at least 95% of the cases per format (the rate is printed);
 * - `extract` then `check` on the text gives the same findings as `check` on the file.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../server/src/core';
import { extract } from '../../server/src/formats';
import { CLI, CORPUS, HAS_CORPUS } from '../helpers/paths';
import { publish } from '../helpers/published';
import { renderDocx } from '../helpers/renderDocx';
import { renderHtml } from '../helpers/renderHtml';
import { renderPdf } from '../helpers/renderPdf';
import { injections } from '../helpers/injections';
import { coreReadsBlankCells } from '../helpers/blankCells';

const FORMATS = {
  html: (t: string) => renderHtml(publish(t)),
  docx: (t: string) => renderDocx(publish(t)),
  pdf: (t: string) => renderPdf(publish(t)),
} as const;
type Format = keyof typeof FORMATS;

const files = HAS_CORPUS
  ? ['seeds', 'real'].flatMap((d) =>
      readdirSync(join(CORPUS, d))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(d, f)),
    )
  : [];

const summary = (text: string) =>
  analyze(text)
    .findings.map((f) => `${f.rule} ${f.message.zh.replace(/第 [\d–]+ 行/g, '第 # 行')}`)
    .sort();

async function readBack(format: Format, text: string): Promise<string> {
  const r = await extract(FORMATS[format](text), `report.${format}`);
  if (!r.ok) throw new Error(`${format}: ${r.reason}`);
  return r.value.text;
}

describe('published formats on the corpus', function () {
  this.timeout(300000);
  before(function () {
    if (!HAS_CORPUS) {
      console.warn(`\n  !! ${CORPUS} not found: the published-format corpus tests are SKIPPED\n`);
      this.skip();
    }
  });

  for (const format of Object.keys(FORMATS) as Format[]) {
    it(`${format}: unchanged renderings yield exactly the text report's findings`, async () => {
      for (const f of files) {
        const text = readFileSync(join(CORPUS, f), 'utf8');
        assert.deepEqual(summary(await readBack(format, text)), summary(text), f);
      }
    });

    it(`${format}: one injected table or narrative error is reported with the right rule family in ≥ 95% of the cases`, async () => {
      let total = 0;
      let found = 0;
      const missed: string[] = [];
      for (const f of files) {
        const original = readFileSync(join(CORPUS, f), 'utf8');
        const before = new Set(summary(await readBack(format, original)));
        for (const inj of injections(original)) {
          // Only cases the text checker itself reports count: the readers are under test here.
          const onText = summary(inj.text).filter((x) => !before.has(x) && x.startsWith(inj.family));
          if (!onText.length) continue;
          total++;
          const fresh = summary(await readBack(format, inj.text)).filter((x) => !before.has(x));
          if (fresh.some((x) => x.startsWith(inj.family))) found++;
          else missed.push(`${f} ${inj.what}: ${fresh.join('; ') || 'nothing'}`);
        }
      }
      const rate = found / total;
      console.log(`      ${format}: ${found}/${total} injected errors reported with the right rule family (${(rate * 100).toFixed(1)}%)`);
      for (const m of missed) console.log(`        missed: ${m}`);
      assert.ok(total >= 80, `enough cases (${total})`);
      assert.ok(rate >= 0.95, `${format}: ${(rate * 100).toFixed(1)}% < 95%`);
    });
  }

  it('a page whose tables leave zeros blank (empty cells) reads as the text (needs the core to read blank pipe cells)', async function () {
    if (!coreReadsBlankCells()) {
      console.warn('\n  !! the core does not read blank pipe cells yet (lead: core/parse/cells.ts): this test is PENDING\n');
      this.skip();
    }
    let cases = 0;
    for (const f of files) {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      const page = renderHtml(publish(text, { blankZeros: true }));
      const r = await extract(page, 'report.html');
      assert.ok(r.ok);
      if (!/\| {2}\|/.test(r.value.text)) continue;
      cases++;
      assert.deepEqual(summary(r.value.text), summary(text), f);
    }
    assert.ok(cases >= 4, `pages with blank cells: ${cases}`);
  });

  it('extract then check gives the same findings as check on the published file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-extract-'));
    for (const f of [join('seeds', '000_1e860eacff34bb2b.txt'), join('real', 'hongze_2023.txt')]) {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      for (const format of Object.keys(FORMATS) as Format[]) {
        const file = join(dir, `report.${format}`);
        writeFileSync(file, FORMATS[format](text));
        const out = join(dir, `report-${format}.txt`);
        const ex = spawnSync(process.execPath, [CLI, 'extract', file, '-o', out], { encoding: 'utf8' });
        assert.equal(ex.status, 0, ex.stderr);
        const check = (p: string) => {
          const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', p], { encoding: 'utf8' });
          const j = JSON.parse(r.stdout);
          return { code: r.status, diags: j.files[0].diagnostics.map((d: { rule: string; message: string; range: unknown }) => [d.rule, d.message, d.range]) };
        };
        const direct = check(file);
        assert.ok(direct.diags.length > 0, `${f} ${format}: has findings`);
        assert.deepEqual(check(out), direct, `${f} ${format}`);
      }
    }
  });
});
