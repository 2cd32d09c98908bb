// npm run test:vscode — the mocha suite in test/vscode/suite, run inside a real VS Code extension host.
//
// Hosts, in this order (NIANBAO_VSCODE_HOST=electron|code-server|auto, default auto):
//   electron     @vscode/test-electron: VS Code desktop, from VSCODE_EXECUTABLE or downloaded from
//                Microsoft (needs that network access, and a display: run under xvfb-run on Linux);
//   code-server  when no VS Code can be had: the same suite in code-server 4.100.3's extension host
//                (VS Code 1.100.3), loaded with extensionDevelopmentPath/extensionTestsPath through
//                the web workbench in headless /usr/bin/chromium. Needs the e2e tooling
//                (test/e2e/install.sh, which npm run test:e2e runs) and chromium.
// Fails, loudly, when neither can run. Never passes without having run the suite.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { format } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const E2E = join(ROOT, 'test', 'e2e');
const HOST = process.env.NIANBAO_VSCODE_HOST ?? 'auto';
const PORT = Number(process.env.NIANBAO_VSCODE_PORT ?? 18433);
const SUITE = join(ROOT, 'out', 'test', 'vscode', 'suite', 'index.js');
const require = createRequire(import.meta.url);

const groups = []; // process groups we started (detached: true = setsid)
function stopAll() {
  for (const g of groups.splice(0).reverse()) {
    try {
      process.kill(-g.pid, 'SIGTERM');
    } catch {
      continue;
    }
    const end = Date.now() + 5000;
    while (Date.now() < end) {
      try {
        process.kill(-g.pid, 0);
      } catch {
        break;
      }
      execFileSync('sleep', ['0.1']);
    }
    try {
      process.kill(-g.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}
process.on('exit', stopAll);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(sig, () => {
    console.error(`test:vscode: ${sig}`);
    process.exit(130);
  });

function fail(msg) {
  console.error(`\ntest:vscode: FAILED: ${msg}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

function sh(cmd, args, opts = {}) {
  execFileSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
}

// ---- build, compile, workspace -------------------------------------------------------------------
sh('npm', ['run', '--silent', 'build']);
sh(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(HERE, 'tsconfig.json')]);

const STATE = mkdtempSync(join(tmpdir(), 'nianbao-vscode-'));
process.on('exit', () => rmSync(STATE, { recursive: true, force: true }));
sh(process.execPath, [join(E2E, 'fixtures.mjs'), STATE]);
const WS = join(STATE, 'ws');
mkdirSync(join(WS, '.vscode'));
// Messages in Chinese whatever the host's display language.
writeFileSync(join(WS, '.vscode', 'settings.json'), JSON.stringify({ 'nianbao.locale': 'zh' }, null, 2));
// fix-all in the editor must give what the CLI's --fix gives.
const cliCopy = join(STATE, 'expected', 'draft2-cli-fix.txt');
copyFileSync(join(WS, '大兴安岭地区2023年政府信息公开工作年度报告-二稿.txt'), cliCopy);
try {
  execFileSync(process.execPath, [join(ROOT, 'server', 'dist', 'cli.js'), 'check', '--fix', cliCopy], { stdio: 'ignore' });
} catch {
  /* exit 1: errors remain */
}

function report(via) {
  const file = join(STATE, 'vscode-suite-results.json');
  if (!existsSync(file)) fail(`the suite left no results (${via}); see the output above`);
  const rs = JSON.parse(readFileSync(file, 'utf8'));
  const failed = rs.filter((r) => !r.ok);
  console.log(`\n== test:vscode (${via})`);
  for (const r of rs) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${r.ok ? '' : `\n        ${r.error?.split('\n')[0]}`}`);
  console.log(`${rs.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length || !rs.length ? 1 : 0);
}

// ---- host 1: VS Code desktop through @vscode/test-electron --------------------------------------
async function viaElectron() {
  const { runTests, downloadAndUnzipVSCode } = require('@vscode/test-electron');
  let exe = process.env.VSCODE_EXECUTABLE;
  if (!exe) {
    try {
      exe = await downloadAndUnzipVSCode({ cachePath: process.env.NIANBAO_VSCODE_CACHE ?? join(homedir(), '.cache', 'nianbao-vscode-test'), timeout: 15_000 });
    } catch (e) {
      return `@vscode/test-electron could not download VS Code (${e.message})`;
    }
  }
  const userData = join(STATE, 'electron-user-data');
  try {
    await runTests({
      vscodeExecutablePath: exe,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      launchArgs: [WS, '--disable-extensions', '--user-data-dir', userData, '--skip-welcome', '--disable-workspace-trust'],
    });
  } catch (e) {
    console.error(`test:vscode: VS Code exited with an error: ${e?.message ?? e}`);
  }
  report(`VS Code desktop ${exe}`);
}

// ---- host 2: code-server's extension host, driven through the web workbench ----------------------
function startGroup(name, cmd, args, env, log) {
  const out = log ? ['ignore', 'pipe', 'pipe'] : 'ignore';
  const p = spawn(cmd, args, { detached: true, stdio: out, env: { ...process.env, ...env } });
  groups.push({ name, pid: p.pid });
  if (log) {
    p.stdout.on('data', (d) => log(d.toString()));
    p.stderr.on('data', (d) => log(d.toString()));
  }
  return p;
}

async function waitHttp(url, what, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  fail(`${what} did not come up at ${url}`);
}

async function viaCodeServer(why) {
  const cs = join(E2E, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const pwPath = join(E2E, 'node_modules', 'playwright-core');
  const missing = [
    [cs, 'code-server (run test/e2e/install.sh or npm run test:e2e once)'],
    [pwPath, 'playwright-core (test/e2e/install.sh)'],
    ['/usr/bin/chromium', '/usr/bin/chromium (apt-get install -y chromium)'],
  ].filter(([p]) => !existsSync(p));
  if (missing.length) {
    fail(
      `no VS Code to run the suite in.\n  ${why ?? 'NIANBAO_VSCODE_HOST=code-server'}\n  and the code-server fallback is missing: ${missing.map((m) => m[1]).join(', ')}.\n` +
        '  Run it where VS Code can be downloaded (or set VSCODE_EXECUTABLE), or install the e2e tooling.',
    );
  }
  if (why) console.log(`test:vscode: ${why}\ntest:vscode: running the suite in code-server 4.100.3 (VS Code 1.100.3) instead`);
  const R = join(STATE, 'code-server');
  for (const d of ['user-data/User', 'extensions', 'xdg-data', 'xdg-config', 'xdg-cache', 'tmp']) mkdirSync(join(R, d), { recursive: true });
  // The e2e workbench settings, less fix-all-on-save: the suite's quick-fix test saves with
  // TextDocument.save(), which runs the save participants.
  const settings = JSON.parse(readFileSync(join(E2E, 'settings.json'), 'utf8'));
  delete settings['editor.codeActionsOnSave'];
  writeFileSync(join(R, 'user-data', 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  writeFileSync(join(R, 'config.yaml'), `bind-addr: 127.0.0.1:${PORT}\nauth: none\ncert: false\n`);
  try {
    await fetch(`http://127.0.0.1:${PORT}/healthz`);
    fail(`port ${PORT} is in use; set NIANBAO_VSCODE_PORT`);
  } catch {
    /* free */
  }
  let csLog = '';
  startGroup(
    'code-server',
    process.execPath,
    [
      cs,
      '--config',
      join(R, 'config.yaml'),
      '--user-data-dir',
      join(R, 'user-data'),
      '--extensions-dir',
      join(R, 'extensions'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    { XDG_DATA_HOME: join(R, 'xdg-data'), XDG_CONFIG_HOME: join(R, 'xdg-config'), XDG_CACHE_HOME: join(R, 'xdg-cache'), TMPDIR: join(R, 'tmp') },
    (s) => (csLog += s),
  );
  await waitHttp(`http://127.0.0.1:${PORT}/healthz`, 'code-server');

  const C = join(STATE, 'chromium');
  mkdirSync(join(C, 'home'), { recursive: true });
  startGroup(
    'chromium',
    '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--remote-debugging-address=127.0.0.1',
      `--remote-debugging-port=${PORT + 1}`,
      `--user-data-dir=${join(C, 'profile')}`,
      'about:blank',
    ],
    { HOME: join(C, 'home'), XDG_CONFIG_HOME: join(C, 'home', '.config'), XDG_CACHE_HOME: join(C, 'home', '.cache') },
  );
  await waitHttp(`http://127.0.0.1:${PORT + 1}/json/version`, 'chromium');

  const { chromium } = require(pwPath);
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${PORT + 1}`);
  const page = await browser.newPage();
  const remote = (p) => `vscode-remote://127.0.0.1:${PORT}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(SUITE)],
  ];
  const exited = new Promise((res) => {
    // The workbench calls these when it runs extension tests (as @vscode/test-web uses them).
    void page.exposeFunction('codeAutomationExit', (code) => res(code));
    void page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (!/vsda|Failed to load resource|open-vsx\.org|^\s+at /.test(line)) console.log(line);
    });
  });
  await page.goto(`http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(WS)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  const limit = 5 * 60_000;
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), limit))]);
  if (code === 'timeout') {
    console.error(csLog.slice(-3000));
    fail(`the suite did not finish within ${limit / 60000} min in code-server`);
  }
  console.log(`test:vscode: extension host exited with code ${code}`);
  await page.goto('about:blank').catch(() => {});
  await browser.close().catch(() => {});
  report('code-server 4.100.3 / VS Code 1.100.3 extension host');
}

if (!existsSync(SUITE)) fail(`${SUITE} was not compiled`);
if (HOST === 'code-server') await viaCodeServer();
else {
  const why = await viaElectron();
  if (HOST === 'electron') fail(why);
  await viaCodeServer(why);
}
