// Drives the VS Code workbench (code-server, started by run.sh) like a user, through Debian's
// chromium (also started by run.sh; we attach over the DevTools protocol). Every scenario takes a
// screenshot into artifacts/ and is reported as passed or failed; nothing is skipped.
// Selectors and pitfalls: /work/shared/e2e/RECIPE.md (shared/e2e/RECIPE.md beside the checkout).
import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DRAFT2, NOTES, PUBLISHED, REPORT } from './fixtures.mjs';
import { DRAFT3, GBK_FILE, MD_DRAFT } from './fixtures-ux.mjs';

const URL = process.env.NIANBAO_E2E_URL;
const CDP = process.env.NIANBAO_E2E_CDP;
const STATE = process.env.NIANBAO_E2E_STATE;
const ART = process.env.NIANBAO_E2E_ART;
const ROOT = process.env.NIANBAO_E2E_ROOT;
if (!URL || !CDP || !STATE || !ART || !ROOT) throw new Error('run me through test/e2e/run.sh (npm run test:e2e)');

const WS = join(STATE, 'ws');
const META = JSON.parse(readFileSync(join(STATE, 'meta.json'), 'utf8'));
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const LANG_NAME = PKG.contributes.languages.find((l) => l.id === 'gov-report')?.aliases?.[0] ?? 'gov-report';
const FIRST_DIAGNOSTIC_MS = 60_000; // includes extension host + language server start
const UI_MS = 15_000;
const CJK = /[\u4e00-\u9fff]/;

// ---- tiny test runner ------------------------------------------------------------------------
const results = [];
let page;
let shot = 0;
const slug = (s) =>
  s
    .replace(/[^\w\u4e00-\u9fff]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

async function test(name, fn) {
  const t = Date.now();
  const n = String(++shot).padStart(2, '0');
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
  const file = `${n}-${slug(name)}${ok ? '' : '-FAILED'}.png`;
  await page.screenshot({ path: join(ART, file) }).catch(() => {});
  results.push({ suite: 'vscode', name, ok, ms: Date.now() - t, error, screenshot: file });
  console.log(`${ok ? '  ✓' : '  ✗'} ${name} (${((Date.now() - t) / 1000).toFixed(1)}s)${ok ? '' : `\n      ${error.replace(/\n/g, '\n      ')}`}`);
  // Leave no widget open for the next scenario.
  await page.keyboard.press('Escape').catch(() => {});
  await page.keyboard.press('Escape').catch(() => {});
}

/** An extra screenshot in the middle of a scenario (the menu before it is used, …). */
async function snap(what) {
  await page.screenshot({ path: join(ART, `${String(shot).padStart(2, '0')}-${slug(what)}.png`) }).catch(() => {});
}

function check(cond, msg) {
  if (!cond) throw new Error(msg);
}

/** Polls `probe` until `accept(value)`; throws `what` with the last value seen. */
async function until(what, probe, accept = (v) => !!v, timeout = UI_MS, interval = 150) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch (e) {
      last = `(${e.message.split('\n')[0]})`;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout / 1000}s waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 1500)}`);
    await page.waitForTimeout(interval);
  }
}

// ---- workbench helpers -------------------------------------------------------------------------
const editorSel = '.editor-group-container.active .editor-instance .monaco-editor';

async function focusWorkbench() {
  await page.keyboard.press('Escape');
  const lines = page.locator(`${editorSel} .view-lines`);
  if (await lines.isVisible().catch(() => false)) await lines.click({ position: { x: 2, y: 2 }, force: true });
  else
    await page
      .locator('.monaco-workbench .part.editor')
      .first()
      .click({ position: { x: 50, y: 200 }, force: true })
      .catch(() => {});
}

/** Opens a quick input with `key` (Ctrl+P, Ctrl+G, F1) and types `text` into it, making sure the
 * keystrokes land in its input box and not in the editor (focus moves there asynchronously). */
async function quickInput(key, text) {
  await page.keyboard.press(key);
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: UI_MS });
  const focused = await page.waitForSelector('.quick-input-widget input:focus', { timeout: 3000 }).catch(() => null);
  if (!focused) {
    // Focus did not move into the box (seen after side-bar clicks): click it, as a user would.
    await page.locator('.quick-input-widget input').first().click();
    await page.waitForSelector('.quick-input-widget input:focus', { timeout: 3000 });
  }
  await page.keyboard.type(text);
  await until(
    `the quick input to read "${text}"`,
    () => page.locator('.quick-input-widget input').first().inputValue(),
    (v) => v.endsWith(text),
    5000,
  );
}

/** Quick Open (Ctrl+P) the workspace file `name`. */
async function openFile(name) {
  await focusWorkbench();
  await quickInput('Control+P', name);
  const rows = '.quick-input-widget .monaco-list-row';
  const isIt = (label) => label === name || label?.startsWith(`${name},`);
  await until(
    `Quick Open to list ${name}`,
    () => page.locator(rows).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))),
    (ls) => ls.some(isIt),
  );
  for (let i = 0; i < 10; i++) {
    const focused = await page
      .locator(`${rows}.focused`)
      .getAttribute('aria-label')
      .catch(() => null);
    if (isIt(focused)) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.editor-group-container.active .tab.active[aria-label="${name}"]`, { timeout: UI_MS });
  await page.waitForSelector(`${editorSel} .view-lines`, { timeout: UI_MS });
}

/** Ctrl+G to a 1-based line; waits until the status bar shows the cursor there. */
async function gotoLine(line) {
  await page.locator(`${editorSel} .view-lines`).click({ position: { x: 2, y: 2 }, force: true });
  await quickInput('Control+G', String(line));
  await page.keyboard.press('Enter');
  await until(
    `the cursor on line ${line}`,
    () => page.locator('[id="status.editor.selection"]').innerText(),
    (t) => t.startsWith(`Ln ${line},`),
  );
}

/** The squiggles drawn on a (visible) 1-based line of the active editor, with their boxes. A
 * wrapped line (gov-report turns word wrap on) spans the rows from its number to the next one. */
function squigglesOnLine(line) {
  return page.evaluate(
    ({ sel, line }) => {
      const ed = document.querySelector(sel);
      if (!ed) return null;
      const nums = [...ed.querySelectorAll('.margin-view-overlays .line-numbers')].map((e) => ({ n: Number(e.textContent.trim()), top: parseFloat(e.parentElement.style.top) }));
      const num = nums.find((e) => e.n === line);
      if (!num) return null; // line not rendered
      const next = Math.min(...nums.filter((e) => e.top > num.top).map((e) => e.top), Infinity);
      const within = (d) => parseFloat(d.style.top) >= num.top && parseFloat(d.style.top) < next;
      const byTop = (a, b) => parseFloat(a.style.top) - parseFloat(b.style.top);
      const rows = [...ed.querySelectorAll('.view-overlays > div')].filter(within);
      const text =
        [...ed.querySelectorAll('.view-lines .view-line')]
          .filter(within)
          .sort(byTop)
          .map((d) => d.innerText.replace(/\u00a0/g, ' '))
          .join('') || undefined;
      const sq = rows.flatMap((row) => [...row.querySelectorAll('[class*="squiggly-"]')]);
      return {
        text,
        squiggles: sq.map((e) => {
          const r = e.getBoundingClientRect();
          return { cls: [...e.classList].find((c) => c.startsWith('squiggly-')), x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width };
        }),
      };
    },
    { sel: editorSel, line },
  );
}

async function waitSquiggle(line, cls = 'squiggly-error', timeout = UI_MS) {
  const r = await until(
    `a ${cls} squiggle on line ${line}`,
    () => squigglesOnLine(line),
    (v) => v?.squiggles.some((s) => s.cls === cls),
    timeout,
  );
  return r.squiggles.find((s) => s.cls === cls);
}

const QUICK_FIX_ROWS = '.action-widget .monaco-list-row.action';

/** Clicks the squiggle on `line`, opens the quick-fix menu (Ctrl+.) and returns its labels once it shows. */
async function openQuickFixMenu(line, accept = (ls) => ls.length > 0) {
  const sq = await waitSquiggle(line);
  await page.mouse.click(sq.x, sq.y);
  await page.keyboard.press('Control+.');
  return until('the quick-fix menu', () => page.locator(QUICK_FIX_ROWS).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))), accept);
}

/** Moves the focus of the open quick-fix menu down to `label` (at most `max` steps) and applies it. */
async function chooseQuickFix(label, max = 15) {
  for (let i = 0; i < max; i++) {
    const focused = await page
      .locator(`${QUICK_FIX_ROWS}.focused`)
      .getAttribute('aria-label')
      .catch(() => null);
    if (focused === label) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

async function hoverText(at) {
  await page.mouse.move(at.x - 40, at.y + 200);
  await page.waitForTimeout(100);
  await page.mouse.move(at.x, at.y);
  return page.locator('.monaco-hover:not(.hidden)').first().innerText({ timeout: 5000 });
}

/** Opens the Problems panel and sets its filter; returns its marker rows (not related-info rows). */
async function problems(filter) {
  if (
    !(await page
      .locator('.markers-panel')
      .isVisible()
      .catch(() => false))
  ) {
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel', { state: 'visible', timeout: UI_MS });
  }
  const box = page.getByPlaceholder(/^Filter \(e\.g\./);
  if ((await box.inputValue()) !== filter) await box.fill(filter);
  await page.waitForTimeout(250); // the Problems view applies its filter debounced
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => {
    const out = [];
    let file;
    for (const e of els) {
      const level = e.getAttribute('aria-level');
      const label = e.getAttribute('aria-label') ?? '';
      if (level === '1') {
        file = /problems? in file (.+?) of folder/.exec(label)?.[1] ?? label;
        out.push({ fileRow: file });
      } else if (level === '2') {
        const lines = e.innerText
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean);
        const pos = /^\[Ln (\d+), Col (\d+)\]$/.exec(lines.at(-1) ?? '');
        out.push({
          file,
          severity: /^(\w+):/.exec(label)?.[1],
          message: lines.slice(0, -3).join(' '),
          source: lines.at(-3),
          code: lines.at(-2),
          line: pos ? Number(pos[1]) : undefined,
        });
      }
    }
    return out;
  });
}

async function closeProblems() {
  if (
    await page
      .locator('.markers-panel')
      .isVisible()
      .catch(() => false)
  ) {
    await page.getByPlaceholder(/^Filter \(e\.g\./).fill('');
    await page.keyboard.press('Control+J'); // toggle the panel away
  }
}

/** F1, type a command's title, pick exactly that command, run it. */
async function runCommand(title) {
  await quickInput('F1', title);
  const rows = '.quick-input-widget .monaco-list-row';
  const isIt = (l) => l === title || l?.startsWith(`${title},`);
  await until(
    `the command "${title}" in the palette`,
    () => page.locator(rows).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))),
    (ls) => ls.some(isIt),
  );
  for (
    let i = 0;
    i < 20 &&
    !isIt(
      await page
        .locator(`${rows}.focused`)
        .getAttribute('aria-label')
        .catch(() => null),
    );
    i++
  )
    await page.keyboard.press('ArrowDown');
  check(isIt(await page.locator(`${rows}.focused`).getAttribute('aria-label')), `could not select "${title}" in the palette`);
  await page.keyboard.press('Enter');
}

async function diskEquals(file, expected, what) {
  await until(
    what,
    () => readFileSync(file, 'utf8'),
    (t) => t === expected,
  ).catch(() => {
    const got = readFileSync(file, 'utf8').split('\n');
    const exp = expected.split('\n');
    const i = exp.findIndex((l, k) => l !== got[k]);
    throw new Error(
      `${what}: the saved file differs from the expected text at line ${i + 1}: expected ${JSON.stringify(exp[i])}, found ${JSON.stringify(got[i])} (${got.length} vs ${exp.length} lines)`,
    );
  });
}

/** Reads every row of a (virtualised) tree/list by scrolling it. */
async function allRows(container) {
  const seen = new Map();
  const list = page.locator(`${container} .monaco-list`).first();
  const box = await list.boundingBox();
  if (!box) return [];
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 40; i++) {
    const rows = await page
      .locator(`${container} .monaco-list-row`)
      .evaluateAll((els) => els.map((e) => ({ index: Number(e.getAttribute('data-index')), label: e.getAttribute('aria-label') ?? e.innerText, level: Number(e.getAttribute('aria-level')) })));
    const before = seen.size;
    for (const r of rows) seen.set(r.index, r);
    if (seen.size === before && i > 0) break;
    await page.mouse.wheel(0, box.height * 0.8);
    await page.waitForTimeout(100);
  }
  return [...seen.values()].sort((a, b) => a.index - b.index);
}

// ---- the scenarios -----------------------------------------------------------------------------
async function main() {
  const browser = await chromium.connectOverCDP(CDP);
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  const reportPath = join(WS, REPORT);
  const draftPath = join(WS, DRAFT2);
  const draftOriginal = readFileSync(draftPath, 'utf8');

  await test('workbench loads the workspace', async () => {
    await page.goto(`${URL}/?folder=${encodeURIComponent(WS)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 30_000 });
    for (const f of [REPORT, DRAFT2, NOTES]) await page.waitForSelector(`.explorer-folders-view .monaco-list-row[aria-label="${f}"]`, { timeout: 30_000 });
  });

  await test(`the report opens with language gov-report (status bar: ${LANG_NAME})`, async () => {
    await openFile(REPORT);
    await until(
      `the language indicator to read ${LANG_NAME}`,
      () => page.locator('[id="status.editor.mode"]').getAttribute('aria-label'),
      (l) => l === LANG_NAME,
    );
  });

  await test('the broken total has an error squiggle with a Chinese message', async () => {
    await gotoLine(META.totalLine);
    const sq = await waitSquiggle(META.totalLine, 'squiggly-error', FIRST_DIAGNOSTIC_MS);
    const hover = await until(
      'the hover over the squiggle to show the diagnostic',
      () => hoverText(sq),
      (t) => t.includes('table2-column-sum'),
    );
    check(CJK.test(hover) && /96/.test(hover) && /97/.test(hover), `the diagnostic message is not the Chinese one about 96 vs 97: ${hover.slice(0, 300)}`);
  });

  await test('Problems panel lists table2-column-sum on line 288 with its rule id', async () => {
    const rows = await until(
      'a table2-column-sum row in Problems',
      () => problems('table2-column-sum'),
      (rs) => rs.some((r) => r.code === 'table2-column-sum' && r.file === REPORT),
    );
    const r = rows.find((x) => x.code === 'table2-column-sum' && x.file === REPORT);
    check(r.severity === 'Error', `severity ${r.severity}, expected Error`);
    check(r.source === 'nianbao', `source ${r.source}, expected nianbao`);
    check(r.line === META.totalLine, `line ${r.line}, expected ${META.totalLine}`);
    check(CJK.test(r.message) && r.message.includes('96') && r.message.includes('97'), `message not Chinese / not about 96 vs 97: ${r.message}`);
  });

  const narrative = [
    { rule: 'narrative-table-mismatch', line: META.narrativeLine, numbers: ['488', '448'], why: '488 in the text vs 448 in table 1' },
    { rule: 'narrative-sum', line: META.narrativeLine, numbers: ['126', '130'], why: '126 vs 66+51+13=130' },
    { rule: 'narrative-percentage', line: META.percentLine, numbers: ['78.8'], why: '占78.8% where 79/99 = 79.8%' },
  ];
  for (const n of narrative) {
    await test(`Problems panel lists ${n.rule} on line ${n.line} (${n.why}) and the line has a squiggle`, async () => {
      const rows = await until(
        `a ${n.rule} row in Problems for the report`,
        () => problems(n.rule),
        (rs) => rs.some((r) => r.code === n.rule && r.line === n.line && r.file === REPORT),
      );
      const r = rows.find((x) => x.code === n.rule && x.line === n.line && x.file === REPORT);
      check(CJK.test(r.message), `message is not Chinese: ${r.message}`);
      for (const num of n.numbers) check(r.message.includes(num), `message does not mention ${num}: ${r.message}`);
      await closeProblems();
      await gotoLine(n.line);
      await until(
        `a squiggle on line ${n.line}`,
        () => squigglesOnLine(n.line),
        (v) => v?.squiggles.length > 0,
      );
    });
  }
  await closeProblems();

  await test('hovering the broken total shows its arithmetic (… + … + … = 97)', async () => {
    await gotoLine(META.totalLine);
    const sq = await waitSquiggle(META.totalLine);
    // A term-by-term sum: at least three numbers joined by "+" (labels may sit between) and "= 97".
    // The diagnostic's own text ("一+二=(七)+四…97") does not match this.
    const sum = /\d[^+=\n]*\+[^+=\n]*\d[^+=\n]*\+[^+=\n]*\d[^=\n]*=\s*[*_`]*97(?!\d)/;
    const text = await until(
      'the hover to contain a term-by-term sum equal to 97',
      () => hoverText(sq),
      (t) => sum.test(t),
      10_000,
      500,
    );
    console.log(`      hover: ${text.split('\n').find((l) => sum.test(l))}`);
    // Bring the arithmetic into view for the screenshot (the diagnostic part comes first).
    await page
      .locator('.monaco-hover:not(.hidden) .hover-row')
      .filter({ hasText: sum })
      .last()
      .scrollIntoViewIfNeeded()
      .catch(() => {});
  });

  let restoreFolders; // the outline scenario collapses the folder view; opened again after its screenshot
  await test('Outline shows the six sections and the tables', async () => {
    await focusWorkbench();
    await page.keyboard.press('Control+Shift+E');
    const header = page.locator('.pane-header[aria-label^="Outline"]');
    await header.waitFor({ timeout: UI_MS });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    // Give the outline the whole side bar: collapse the folder view above it.
    const folders = page.locator('.pane-header[aria-label^="Explorer Section"]');
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    restoreFolders = () => folders.click();
    const pane = '.pane-header[aria-label^="Outline"] + .pane-body';
    const sections = [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ];
    const rows = await until(
      'the outline to list 一、总体情况 … 六、其他需要报告的事项',
      async () => {
        const text = await page.locator(pane).innerText();
        if (!text.includes('六、')) return { text };
        return { text, rows: await allRows(pane) };
      },
      (v) => v.rows && sections.every((s) => v.rows.some((r) => r.label.startsWith(s))),
    );
    const idx = sections.map((s) => rows.rows.findIndex((r) => r.label.startsWith(s)));
    check(
      idx.every((v, i) => i === 0 || v > idx[i - 1]),
      `sections out of order: ${JSON.stringify(idx)}`,
    );
    // Sections 二, 三, 四 hold tables 1, 2, 3: each must have a nested symbol.
    for (const k of [1, 2, 3]) {
      const sec = rows.rows[idx[k]];
      const next = rows.rows.slice(idx[k] + 1);
      const child = next.length && next[0].level > sec.level ? next[0] : undefined;
      check(
        child,
        `section "${sections[k]}" has no nested symbol (its table); rows: ${rows.rows
          .map((r) => `${'  '.repeat(r.level - 1)}${r.label}`)
          .join(' | ')
          .slice(0, 800)}`,
      );
      console.log(`      outline: ${sec.label} › ${child.label}`);
    }
  });
  if (restoreFolders) await restoreFolders().catch(() => {});

  await test('the table preview (nianbao.showPreview) shows three tables and marks the bad cell nb-bad', async () => {
    await openFile(REPORT);
    await page.locator(`${editorSel} .view-lines`).click({ position: { x: 2, y: 2 }, force: true });
    await page.keyboard.press('Control+Alt+Shift+P'); // keybindings.json: → nianbao.showPreview
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await until(
      'the preview webview to show three tables',
      () => frame.locator('table').count(),
      (n) => n >= 3,
      UI_MS,
    ).catch(async (e) => {
      const notes = await page
        .locator('.notification-toast')
        .allInnerTexts()
        .catch(() => []);
      throw new Error(`${e.message}${notes.length ? `; notifications: ${notes.join(' / ')}` : ''}`);
    });
    // The broken total is the cell whose source span starts at its offset in the file.
    const bad = await frame.locator('.nb-bad').evaluateAll((els) => els.map((e) => ({ text: e.textContent.trim(), start: e.getAttribute('data-start') })));
    const cell = bad.find((c) => c.start === String(META.totalOffset));
    check(cell, `the broken total (offset ${META.totalOffset}) has no cell with class nb-bad; nb-bad cells: ${JSON.stringify(bad)}`);
    check(/^96\b/.test(cell.text), `the nb-bad cell at the broken total reads ${JSON.stringify(cell.text)}, expected 96`);
  });
  // Whatever the preview did, go on with only the report open in one group.
  await runCommand('View: Close All Editor Groups').catch(() => {});

  await test('Ctrl+. on the broken total offers 改为 97; applying it changes exactly that number', async () => {
    await openFile(REPORT);
    await gotoLine(META.totalLine);
    const labels = await openQuickFixMenu(META.totalLine);
    check(labels.includes('改为 97'), `no "改为 97" in the quick-fix menu: ${JSON.stringify(labels)}`);
    await snap('quick-fix menu');
    await chooseQuickFix('改为 97', 10);
    await until(
      `line ${META.totalLine} to read "97 |"`,
      () => squigglesOnLine(META.totalLine),
      (v) => v?.text?.trim() === '97 |',
    );
    await until(
      `the squiggle on line ${META.totalLine} to go`,
      () => squigglesOnLine(META.totalLine),
      (v) => v && !v.squiggles.some((s) => s.cls === 'squiggly-error'),
    );
    await until(
      'table2-column-sum to leave the Problems panel',
      () => problems('table2-column-sum'),
      (rs) => !rs.some((r) => r.code),
    );
    await closeProblems();
    // Save without the fix-all-on-save participant, so that only the quick fix reaches the disk.
    await runCommand('File: Save without Formatting');
    await diskEquals(reportPath, readFileSync(join(STATE, 'expected', 'after-quickfix.txt'), 'utf8'), 'the report after the quick fix');
  });

  await test('Fix all on save (source.fixAll.nianbao) leaves no fixable problem and no error squiggle', async () => {
    // What the CLI's --fix makes of the same draft: the editor must produce the same text.
    const copy = join(STATE, 'cli-fix', DRAFT2);
    mkdirSync(join(STATE, 'cli-fix'), { recursive: true });
    copyFileSync(draftPath, copy);
    try {
      execFileSync(process.execPath, [join(ROOT, 'server', 'dist', 'cli.js'), 'check', '--fix', copy], { stdio: 'pipe' });
    } catch {
      /* exit 1 = errors remain */
    }
    const cliFixed = readFileSync(copy, 'utf8');
    await openFile(DRAFT2);
    await gotoLine(META.totalLine);
    await waitSquiggle(META.totalLine);
    await snap('second draft before fix-all on save');
    await page.keyboard.press('Control+S'); // settings.json: editor.codeActionsOnSave {"source.fixAll.nianbao": "explicit"}
    await until(
      'the draft to be saved with fixes',
      () => readFileSync(draftPath, 'utf8'),
      (t) => t !== draftOriginal,
    );
    await until(
      'the editor to be saved (no dirty marker)',
      () => page.locator('.tab.active').getAttribute('class'),
      (c) => !c.includes('dirty'),
    );
    const lines = readFileSync(draftPath, 'utf8').split('\n');
    for (const [l, v] of [
      [META.rowTotalLine, '98 |'],
      [META.totalLine, '97 |'],
      [META.table3TotalLine, '4 |'],
    ]) {
      check(lines[l - 1] === v, `line ${l} reads ${JSON.stringify(lines[l - 1])} after fix-all, expected ${JSON.stringify(v)}`);
    }
    await diskEquals(draftPath, cliFixed, 'fix-all in the editor vs `cli check --fix`');
    for (const l of [META.rowTotalLine, META.totalLine, META.table3TotalLine]) {
      await gotoLine(l);
      await until(
        `no error squiggle on line ${l}`,
        () => squigglesOnLine(l),
        (v) => v && !v.squiggles.some((s) => s.cls === 'squiggly-error'),
      );
    }
    const draftGlob = `**/${DRAFT2}`;
    const errs = await until(
      'no error for the draft in Problems',
      async () => (await problems(draftGlob)).filter((r) => r.severity === 'Error' && r.file === DRAFT2),
      (rs) => rs.length === 0,
    ).catch(async (e) => {
      const left = (await problems(draftGlob)).filter((r) => r.file === DRAFT2);
      throw new Error(`${e.message}; left: ${left.map((r) => `${r.severity} ${r.code} L${r.line}`).join(', ')}`);
    });
    check(errs.length === 0, 'errors left');
    const left = JSON.parse(
      execFileSync(process.execPath, [join(ROOT, 'server', 'dist', 'cli.js'), 'check', '--format', 'json', draftPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).toString() || '{}',
    );
    const fixable = (left.files?.[0]?.diagnostics ?? []).filter((d) => d.fixes?.length);
    check(fixable.length === 0, `fixable problems left after fix-all: ${fixable.map((d) => `${d.rule}@${d.range.start.line + 1}`).join(', ')}`);
    await closeProblems();
  });

  await test('a plain-text file that is not a report (notes.txt) gets no diagnostics', async () => {
    await openFile(NOTES);
    await until(
      'the language indicator to read Plain Text',
      () => page.locator('[id="status.editor.mode"]').getAttribute('aria-label'),
      (l) => l === 'Plain Text',
    );
    // A negative check has to wait: the server answers a newly opened file at once (well under
    // a second, see the report above), so 3 s without a diagnostic is a real "none".
    await page.waitForTimeout(3000);
    const sq = await page.locator(`${editorSel} [class*="squiggly-"]`).count();
    check(sq === 0, `${sq} squiggles in notes.txt`);
    const rows = await problems(`**/${NOTES}`);
    const mine = rows.filter((r) => r.file === NOTES || r.fileRow === NOTES);
    check(mine.length === 0, `Problems lists notes.txt: ${JSON.stringify(mine)}`);
    await closeProblems();
  });

  await test('Check with nianbao on a PDF (explorer context menu): a read-only gov-report view with the squiggle, no edit possible', async () => {
    // Where the CLI puts the broken total in the PDF's text view: the editor must show it there.
    const cli = spawnSync(process.execPath, [join(ROOT, 'server', 'dist', 'cli.js'), 'check', '--format', 'json', join(WS, PUBLISHED)], { encoding: 'utf8' });
    const diag = JSON.parse(cli.stdout).files[0].diagnostics.find((d) => d.rule === 'table2-column-sum');
    check(diag, `the CLI finds no table2-column-sum in ${PUBLISHED}: ${cli.stdout.slice(0, 300)} ${cli.stderr}`);
    check(diag.origin?.page >= 1 && diag.origin?.table === 2, `the CLI gives no page/table origin: ${JSON.stringify(diag.origin)}`);
    const line = diag.range.start.line + 1;
    await runCommand('View: Close All Editor Groups').catch(() => {});
    await focusWorkbench();
    await page.keyboard.press('Control+Shift+E');
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${PUBLISHED}"]`);
    await row.waitFor({ timeout: UI_MS });
    await row.click({ button: 'right' });
    const item = page.locator('.context-view .monaco-menu .action-item', { hasText: /Check with nianbao|用 nianbao 检查/ });
    await item.first().waitFor({ timeout: UI_MS });
    await snap('explorer context menu on the PDF');
    await item.first().click();
    await page.waitForSelector(`.editor-group-container.active .tab.active[aria-label^="${PUBLISHED}"]`, { timeout: FIRST_DIAGNOSTIC_MS });
    await until(
      `the language indicator to read ${LANG_NAME}`,
      () => page.locator('[id="status.editor.mode"]').getAttribute('aria-label'),
      (l) => l === LANG_NAME,
    );
    await gotoLine(line);
    const sq = await waitSquiggle(line, 'squiggly-error', FIRST_DIAGNOSTIC_MS);
    const hover = await until(
      'the hover over the squiggle to show the diagnostic',
      () => hoverText(sq),
      (t) => t.includes('table2-column-sum'),
    );
    check(/96/.test(hover) && /97/.test(hover), `the diagnostic is not about 96 vs 97: ${hover.slice(0, 300)}`);
    await page.keyboard.press('Escape');
    await page.mouse.click(sq.x, sq.y);
    // VS Code shows no quick-fix menu in a read-only editor at all; whatever appears must hold no edit
    // (the server's side of this is test/lsp/published.test.ts).
    await page.keyboard.press('Control+.');
    await page.waitForTimeout(2000);
    const labels = await page.locator(QUICK_FIX_ROWS).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    await snap('after Ctrl+. on the PDF view');
    check(!labels.some((l) => /^改为|^Change to|修复|^Fix all/.test(l ?? '')), `a text edit is offered on the read-only view: ${JSON.stringify(labels)}`);
    await page.keyboard.press('Escape');
    // Typing changes nothing: the view is read-only.
    const before = (await squigglesOnLine(line))?.text;
    await page.keyboard.type('12');
    await page.waitForTimeout(500);
    const after = (await squigglesOnLine(line))?.text;
    check(before && before === after && before.includes('96'), `the read-only line changed: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  });

  await uxScenarios();

  // Disconnect gracefully so code-server stops the extension host (RECIPE pitfall 8).
  await page.goto('about:blank').catch(() => {});
  await page.waitForTimeout(500);
  await context.close().catch(() => {});
  await browser.close().catch(() => {});
  const noise = consoleErrors.filter((t) => !/vsda|favicon|Failed to load resource/.test(t));
  if (noise.length) console.log(`  (browser console errors: ${noise.length}; first: ${noise[0].slice(0, 200)})`);
}

// ---- editor and first-use scenarios (issue 15) -------------------------------------------------
const SETTINGS = join(STATE, 'code-server', 'user-data', 'User', 'settings.json');

/** The visible notification toast whose text contains `text`. */
async function toast(text, timeout = UI_MS) {
  const t = page.locator('.notifications-toasts .notification-toast').filter({ hasText: text }).last();
  await t.waitFor({ state: 'visible', timeout }).catch(async (e) => {
    const all = await page
      .locator('.notifications-toasts .notification-toast')
      .allInnerTexts()
      .catch(() => []);
    throw new Error(`no notification with "${text}" (${e.message.split('\n')[0]}); notifications: ${JSON.stringify(all)}`);
  });
  return t;
}

async function clickToastButton(t, label) {
  await t.locator('.monaco-button').filter({ hasText: label }).first().click();
}

/** Closes every notification toast (Clear All). */
async function clearToasts() {
  await runCommand('Notifications: Clear All Notifications').catch(() => {});
}

/** The nianbao status bar item's text (codicons as $(name)), or undefined when hidden. */
function nianbaoStatus() {
  return page.evaluate(() => {
    const el = [...document.querySelectorAll('.statusbar-item')].find((e) => e.id.endsWith('nianbao.status'));
    if (!el || el.offsetParent === null) return undefined;
    // Icons and text in document order, icons written back as $(name).
    const parts = [];
    const walk = (n) => {
      if (n.nodeType === 3) parts.push(n.textContent);
      else if (n.classList?.contains('codicon')) parts.push(`$(${[...n.classList].find((k) => k.startsWith('codicon-') && k !== 'codicon-modifier-spin')?.slice(8)})`);
      else n.childNodes.forEach(walk);
    };
    walk(el);
    return parts.join('').replace(/\s+/g, ' ').trim();
  });
}

const language = () => page.locator('[id="status.editor.mode"]').getAttribute('aria-label');

/** Pastes `text` into the focused editor: a paste event carrying it, as the browser sends for Ctrl+V. */
async function paste(text) {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

/** Sets a user setting the way a user does: in settings.json opened by VS Code, saved with Ctrl+S. */
async function setSetting(key, value) {
  const s = JSON.parse(readFileSync(SETTINGS, 'utf8'));
  s[key] = value;
  await runCommand('Preferences: Open User Settings (JSON)');
  await page.waitForSelector('.editor-group-container.active .tab.active[aria-label="settings.json"]', { timeout: UI_MS });
  await page.locator(`${editorSel} .view-lines`).click({ position: { x: 5, y: 5 }, force: true });
  await page.keyboard.press('Control+A');
  await paste(JSON.stringify(s, null, 2));
  await page.keyboard.press('Control+S');
  await until(
    `settings.json on disk to hold ${key} = ${JSON.stringify(value)}`,
    () => JSON.parse(readFileSync(SETTINGS, 'utf8'))[key],
    (v) => v === value,
  );
  await runCommand('View: Close Editor');
}

async function uxScenarios() {
  const reportPath = join(WS, REPORT);
  await runCommand('View: Close All Editor Groups').catch(() => {});

  await test('English VS Code, Chinese report: nianbao.locale "auto" gives Chinese messages; "en" switches them to English and back', async () => {
    await setSetting('nianbao.locale', 'auto');
    await openFile(REPORT);
    // The workbench is English (code-server has no language pack): problems() finds the English "Filter (e.g. …" box.
    const chinese = await until(
      'a Chinese narrative-sum message in Problems (English UI)',
      () => problems('narrative-sum'),
      (rs) => rs.some((r) => r.code === 'narrative-sum' && r.file === REPORT && CJK.test(r.message)),
    );
    console.log(`      message (English UI, locale auto): ${chinese.find((r) => r.code === 'narrative-sum').message}`);
    check(/，|：/.test(chinese.find((r) => r.code === 'narrative-sum').message), 'Chinese message without full-width punctuation');
    await until('the status bar item to read 年报', nianbaoStatus, (t) => t?.includes('年报'));
    await snap('English UI, Chinese messages');
    await setSetting('nianbao.locale', 'en');
    await openFile(REPORT);
    await until(
      'an English narrative-sum message after nianbao.locale = en',
      () => problems('narrative-sum'),
      (rs) => rs.some((r) => r.code === 'narrative-sum' && r.file === REPORT && /^The total is \d+, but its parts add up to/.test(r.message)),
    );
    await until('the status bar item to read Report', nianbaoStatus, (t) => t?.includes('Report'));
    await snap('nianbao.locale en');
    await setSetting('nianbao.locale', 'zh');
    await openFile(REPORT);
    await until(
      'Chinese messages again',
      () => problems('narrative-sum'),
      (rs) => rs.some((r) => r.code === 'narrative-sum' && r.file === REPORT && CJK.test(r.message) && /，/.test(r.message)),
    );
    await closeProblems();
  });
  await runCommand('View: Close All Editor Groups').catch(() => {});

  await test(`a Markdown draft whose name lacks 年报 (${MD_DRAFT}) is offered the report language; switching checks it`, async () => {
    await openFile(MD_DRAFT);
    await until('the language indicator to read Markdown', language, (l) => l === 'Markdown');
    const t = await toast('语言模式为“markdown”');
    await until('the status bar to say: a report, not checked', nianbaoStatus, (s) => s?.includes('未检查'));
    await snap('markdown draft offer');
    await clickToastButton(t, '切换并检查');
    await until(`the language indicator to read ${LANG_NAME}`, language, (l) => l === LANG_NAME);
    await gotoLine(META.narrativeLine);
    await waitSquiggle(META.narrativeLine, 'squiggly-error', FIRST_DIAGNOSTIC_MS);
    await until('the status bar to count errors', nianbaoStatus, (s) => /\$\(error\) \d+ 年报/.test(s ?? ''));
  });
  await runCommand('View: Close All Editor Groups').catch(() => {});

  await test('a report pasted into an Untitled tab in another language mode is offered the report language; switching checks it', async () => {
    const seed = readFileSync(join(STATE, 'expected', 'seed.txt'), 'utf8');
    await runCommand('File: New Untitled Text File');
    // The new tab has the focus (a click could land on its "Select a language…" hint).
    await page.waitForSelector('.editor-group-container.active .monaco-editor.focused', { timeout: UI_MS });
    await paste(seed);
    await until(
      'the pasted report in the editor',
      () => page.locator(`${editorSel} .view-lines`).innerText(),
      (t) => t.includes('政府信息公开'),
    );
    // VS Code guesses a language for pasted text; when it keeps Plain Text (checked anyway), pick Ini as it often guesses.
    const guessed = await until('VS Code to guess a language', language, (l) => l && l !== 'Plain Text', 6000).catch(() => 'Plain Text');
    console.log(`      VS Code's guess after the paste: ${guessed}`);
    if (guessed === 'Plain Text' || guessed === LANG_NAME) {
      await runCommand('Change Language Mode');
      await page.keyboard.type('Ini');
      await until(
        'Ini in the language picker',
        () => page.locator('.quick-input-widget .monaco-list-row.focused').getAttribute('aria-label'),
        (l) => /^Ini\b/.test(l ?? ''),
      );
      await page.keyboard.press('Enter');
    }
    const lang = await until('a language other than the report language', language, (l) => l && l !== LANG_NAME && l !== 'Plain Text');
    const id = lang === 'Ini' ? 'ini' : undefined;
    const t = await toast(id ? `语言模式为“${id}”` : '政府信息公开工作年度报告');
    await until('the status bar to say: a report, not checked', nianbaoStatus, (s) => s?.includes('未检查'));
    await snap('untitled offer');
    await clickToastButton(t, '切换并检查');
    await until(`the language indicator to read ${LANG_NAME}`, language, (l) => l === LANG_NAME);
    await gotoLine(META.narrativeLine);
    await waitSquiggle(META.narrativeLine, 'squiggly-error', FIRST_DIAGNOSTIC_MS);
    const rows = await until(
      'Problems rows for the Untitled tab',
      () => problems('narrative-sum'),
      (rs) => rs.some((r) => r.code === 'narrative-sum' && /^Untitled/.test(r.file ?? '')),
    );
    check(
      rows.some((r) => /^Untitled/.test(r.file ?? '')),
      'no Untitled row',
    );
    await closeProblems();
    await runCommand('View: Revert and Close Editor');
  });
  await runCommand('View: Close All Editor Groups').catch(() => {});

  await test(`a GBK file (${GBK_FILE}) shows garbage: notification and status bar offer GB18030; reopening checks it`, async () => {
    await openFile(GBK_FILE);
    const t = await toast('GBK/GB18030');
    await until('the status bar to offer GB18030', nianbaoStatus, (s) => s?.includes('GB18030'));
    await snap('gbk offer');
    await clickToastButton(t, '用 GB18030 重新打开');
    await until(
      'the editor to show Chinese',
      () => page.locator(`${editorSel} .view-lines`).innerText(),
      (x) => x.includes('政府信息公开'),
    );
    const enc = await page
      .locator('[id="status.editor.encoding"]')
      .innerText()
      .catch(() => '?');
    console.log(`      encoding indicator: ${enc}`);
    check(/GB/i.test(enc), `the encoding indicator reads ${enc}`);
    await until('the status bar to read 年报 with errors', nianbaoStatus, (s) => /\$\(error\) \d+ 年报/.test(s ?? ''));
    await gotoLine(META.narrativeLine);
    await waitSquiggle(META.narrativeLine, 'squiggly-error');
  });
  await runCommand('View: Close All Editor Groups').catch(() => {});
  await clearToasts();

  await test('Fix All (command) says what it changed: 已修正 N 处 with line, old → new; so does fix-all on save', async () => {
    await openFile(DRAFT3);
    await gotoLine(META.totalLine);
    await waitSquiggle(META.totalLine);
    const pkgNls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
    await runCommand(`${pkgNls.category}: ${pkgNls['command.fixAll']}`);
    const t = await toast('已修正');
    const text = await t.innerText();
    console.log(`      ${text.split('\n')[0]}`);
    check(new RegExp(`第 ${META.totalLine} 行 96 → 97`).test(text), `the summary does not list line ${META.totalLine}: 96 → 97: ${text}`);
    check(new RegExp(`第 ${META.table3TotalLine} 行 5 → 4`).test(text), `the summary does not list the table-3 total: ${text}`);
    await snap('fix-all summary');
    await clearToasts();
    // Break one total again and save: fix-all on save reports the one change.
    await gotoLine(META.totalLine);
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('95 |');
    await until(
      `line ${META.totalLine} to read 95 |`,
      () => squigglesOnLine(META.totalLine),
      (v) => v?.text?.trim() === '95 |',
    );
    await page.keyboard.press('Control+S');
    const s = await toast('已修正 1 处');
    check((await s.innerText()).includes(`第 ${META.totalLine} 行 95 → 97`), `on-save summary: ${await s.innerText()}`);
    await snap('fix-all on save summary');
  });
  await runCommand('View: Close All Editor Groups').catch(() => {});
  await clearToasts();

  await test('ignoring a finding tells so with 撤销 (Undo); Undo brings it back; the status bar counts ignored findings', async () => {
    await openFile(REPORT);
    await gotoLine(META.percentLine);
    const want = '忽略此问题（记入 .nianbao-ignore.json）';
    const labels = await openQuickFixMenu(META.percentLine);
    check(labels.includes(want), `no "${want}": ${JSON.stringify(labels)}`);
    check(
      labels.some((l) => l === '在本文件中忽略 百分比'),
      `rule titles, not ids, in the menu: ${JSON.stringify(labels)}`,
    );
    await chooseQuickFix(want);
    const t = await toast('已忽略');
    await until(
      `the squiggle on line ${META.percentLine} to go`,
      () => squigglesOnLine(META.percentLine),
      (v) => v && !v.squiggles.some((x) => x.cls === 'squiggly-error'),
    );
    await until('the status bar to count 1 ignored finding', nianbaoStatus, (s) => /\$\(eye-closed\) 1/.test(s ?? ''));
    const ignoreFile = join(WS, '.nianbao-ignore.json');
    check(JSON.parse(readFileSync(ignoreFile, 'utf8')).ignore.length === 1, 'not recorded');
    await snap('ignored, with undo');
    await clickToastButton(t, '撤销');
    await until(
      `the squiggle on line ${META.percentLine} to come back`,
      () => squigglesOnLine(META.percentLine),
      (v) => v?.squiggles.some((x) => x.cls === 'squiggly-error'),
    );
    await until('no ignored findings in the status bar', nianbaoStatus, (s) => s && !s.includes('eye-closed'));
    check(JSON.parse(readFileSync(ignoreFile, 'utf8')).ignore.length === 0, 'the entry is still in .nianbao-ignore.json');
    check(readFileSync(reportPath, 'utf8').includes('占78.8%'), 'the report text changed');
  });
  await clearToasts();

  await test('查看规则说明 opens the rule page rendered (Markdown preview), not its source', async () => {
    await openFile(REPORT);
    await gotoLine(META.percentLine);
    const want = '查看规则说明：百分比';
    await openQuickFixMenu(META.percentLine, (ls) => ls.includes(want));
    await chooseQuickFix(want);
    const tab = page.locator('.tab[aria-label*="narrative-percentage.md"]');
    await tab.first().waitFor({ timeout: UI_MS });
    const label = await tab.first().getAttribute('aria-label');
    console.log(`      tab: ${label}`);
    check(/^Preview /.test(label), `the rule page opened as "${label}", not as a Markdown preview`);
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await until(
      'the rendered page (an h1)',
      () => frame.locator('h1').first().innerText(),
      (h) => h.includes('narrative-percentage'),
    );
  });
  await runCommand('View: Close All Editor Groups').catch(() => {});
}

try {
  console.log(`vscode: ${URL} (code-server), chromium via ${CDP}`);
  await main();
} catch (e) {
  results.push({ suite: 'vscode', name: 'vscode harness', ok: false, error: String(e?.stack ?? e) });
  console.log(`  ✗ harness error: ${e?.stack ?? e}`);
}
writeFileSync(join(ART, 'vscode-results.json'), JSON.stringify(results, null, 2));
const failed = results.filter((r) => !r.ok).length;
console.log(`vscode: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
