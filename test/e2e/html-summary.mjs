// The CLI's HTML summary (`nianbao check --format html`) of the corpus, opened in Debian's
// chromium (headless, driven by playwright-core): it loads nothing from the network, logs no
// console error, shows every report and finding, and its filters, sorting and print layout work.
// Screenshots (screen and print) and a PDF go to the artifacts; results to html-results.json.
// Run by run.sh; alone: NIANBAO_E2E_ROOT=$PWD NIANBAO_E2E_ART=/tmp/art node test/e2e/html-summary.mjs
import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = process.env.NIANBAO_E2E_ROOT;
const ART = process.env.NIANBAO_E2E_ART;
if (!ROOT || !ART) throw new Error('set NIANBAO_E2E_ROOT and NIANBAO_E2E_ART (run.sh does)');
mkdirSync(ART, { recursive: true });

const CLI = join(ROOT, 'server', 'dist', 'cli.js');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
// The corpus when it is beside the checkout, else the fixture reports (said loudly).
const INPUTS = existsSync(CORPUS) ? ['seeds', 'real', 'real-world'].map((d) => join(CORPUS, d)) : [join(ROOT, 'test', 'fixtures', 'reports')];
if (!existsSync(CORPUS)) console.log(`  ! ${CORPUS} is missing: the page is built from test/fixtures/reports instead`);

const results = [];
let page;
async function test(name, fn) {
  const t = Date.now();
  let ok = true;
  let error;
  try {
    await fn();
  } catch (e) {
    ok = false;
    error = String(e?.message ?? e)
      .split('\n')
      .slice(0, 12)
      .join('\n');
  }
  const screenshot = `html-${String(results.length + 1).padStart(2, '0')}-${name.replace(/[^\w]+/g, '-').slice(0, 40)}${ok ? '' : '-FAILED'}.png`;
  await page?.screenshot({ path: join(ART, screenshot), fullPage: false }).catch(() => {});
  results.push({ suite: 'html', name, ok, ms: Date.now() - t, error, screenshot });
  console.log(`${ok ? '  ✓' : '  ✗'} ${name} (${((Date.now() - t) / 1000).toFixed(1)}s)${ok ? '' : `\n      ${error.replace(/\n/g, '\n      ')}`}`);
}
const check = (cond, msg) => {
  if (!cond) throw new Error(msg);
};

// What the page must show, from the same run's JSON.
if (!existsSync(CLI)) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--quiet', 'cli'], { stdio: 'inherit' });
const json = JSON.parse(spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...INPUTS], { encoding: 'utf8' }).stdout);
const files = json.files;
const findings = files.reduce((n, f) => n + f.diagnostics.length, 0);
const htmlPath = join(ART, 'summary.html');
const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'html', '-o', htmlPath, ...INPUTS], { encoding: 'utf8' });
if (r.status !== 0 && r.status !== 1) throw new Error(`nianbao check --format html exited ${r.status}: ${r.stderr}`);

const home = mkdtempSync(join(tmpdir(), 'nianbao-html-chromium-'));
let browser;
const consoleErrors = [];
const requests = [];
try {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') },
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
  page.on('request', (q) => requests.push(q.url()));
  const url = pathToFileURL(htmlPath).toString();

  await test('the summary of the corpus opens with no console errors and no network', async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    check(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
    const foreign = requests.filter((u) => u !== url);
    check(foreign.length === 0, `requests besides the page: ${foreign.join(', ')}`);
  });

  await test('every report has a status row, every finding a row, two charts are drawn', async () => {
    check((await page.locator('#report-table tbody tr').count()) === files.length, `report rows ≠ ${files.length}`);
    check((await page.locator('#finding-table tbody tr').count()) === findings, `finding rows ≠ ${findings}`);
    const charts = page.locator('svg.chart');
    check((await charts.count()) === 2, 'two charts');
    for (let i = 0; i < 2; i++) {
      const box = await charts.nth(i).boundingBox();
      check(box && box.width > 200 && box.height > 20, `chart ${i} is drawn (${JSON.stringify(box)})`);
      check((await charts.nth(i).locator('rect').count()) > 0, `chart ${i} has bars`);
    }
    check(/\d+ \/ \d+/.test(await page.locator('#count').innerText()), 'the shown-count line');
  });

  await test('filters: a file link, the severity and the rule narrow the findings', async () => {
    const withFindings = files.filter((f) => f.diagnostics.length).sort((a, b) => a.diagnostics.length - b.diagnostics.length)[0];
    check(withFindings, 'some file has findings');
    await page.locator(`a.file[data-file="${withFindings.path}"]`).click();
    const visible = () => page.locator('#finding-table tbody tr:not(.hidden)').count();
    // Other paths may contain this one (e.g. a prefix); count rows whose file cell is exactly it.
    const shown = await page.$$eval('#finding-table tbody tr:not(.hidden) td:first-child', (tds) => tds.map((td) => td.firstChild.textContent));
    check(shown.length >= withFindings.diagnostics.length && shown.filter((p) => p === withFindings.path).length === withFindings.diagnostics.length, `file filter: ${shown.length} rows`);
    await page.fill('#filter', '');
    await page.selectOption('#sev', 'error');
    const errors = files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'error').length, 0);
    check((await visible()) === errors, `severity filter: ${await visible()} ≠ ${errors}`);
    await page.selectOption('#sev', '');
    const rule = files.flatMap((f) => f.diagnostics.map((d) => d.rule))[0];
    await page.selectOption('#rule', rule);
    const ofRule = files.reduce((n, f) => n + f.diagnostics.filter((d) => d.rule === rule).length, 0);
    check((await visible()) === ofRule, `rule filter ${rule}: ${await visible()} ≠ ${ofRule}`);
    await page.selectOption('#rule', '');
    check((await visible()) === findings, 'all rows again');
  });

  await test('sorting: by errors per report, descending, and by line', async () => {
    const errorsHead = page.locator('#report-table thead th').nth(4);
    await errorsHead.click();
    await errorsHead.click();
    check((await errorsHead.getAttribute('aria-sort')) === 'descending', 'descending after two clicks');
    const col = await page.$$eval('#report-table tbody tr td:nth-child(5)', (tds) => tds.map((td) => Number(td.textContent)));
    check(
      col.every((v, i) => i === 0 || col[i - 1] >= v),
      `errors column sorted: ${col}`,
    );
    const most = Math.max(...files.map((f) => f.diagnostics.filter((d) => d.severity === 'error').length));
    check(col[0] === most, `most errors first (${col[0]} vs ${most})`);
    await page.locator('#finding-table thead th').nth(1).click();
    const lines = await page.$$eval('#finding-table tbody tr td:nth-child(2)', (tds) => tds.map((td) => Number(td.getAttribute('data-v'))));
    check(
      lines.every((v, i) => i === 0 || lines[i - 1] <= v),
      'line column ascending',
    );
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  await test('printed: controls hidden, tables and charts kept (print screenshot and PDF)', async () => {
    await page.emulateMedia({ media: 'print' });
    check(!(await page.locator('.controls').isVisible()), 'the filter controls are not printed');
    check(await page.locator('#finding-table').isVisible(), 'the findings table is printed');
    check(await page.locator('svg.chart').first().isVisible(), 'the charts are printed');
    await page.screenshot({ path: join(ART, 'html-print.png'), fullPage: false });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    writeFileSync(join(ART, 'summary.pdf'), pdf);
    check(pdf.length > 10_000 && pdf.subarray(0, 5).toString() === '%PDF-', `a PDF of ${pdf.length} bytes`);
    await page.emulateMedia({ media: 'screen' });
  });

  await test('no console error during the whole session', async () => {
    check(consoleErrors.length === 0, consoleErrors.join(' | '));
  });
} catch (e) {
  results.push({ suite: 'html', name: 'html summary: browser session', ok: false, error: String(e?.stack ?? e) });
  console.log(`  ✗ browser session: ${e?.message ?? e}`);
} finally {
  await browser?.close().catch(() => {});
  rmSync(home, { recursive: true, force: true });
}
writeFileSync(join(ART, 'html-results.json'), JSON.stringify(results, null, 2));
const failed = results.filter((x) => !x.ok).length;
console.log(`html summary: ${results.length - failed} passed, ${failed} failed (page: ${htmlPath})`);
process.exit(failed ? 1 : 0);
