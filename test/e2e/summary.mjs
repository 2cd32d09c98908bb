// Sums up the e2e results: node summary.mjs [--line] ARTDIR VSCODE_RC NVIM_RC ONLY
// A half that ran but left no results (crashed, killed, timed out) counts as one failure, and so
// does a runner that exited non-zero while all its recorded tests passed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const lineOnly = args[0] === '--line';
if (lineOnly) args.shift();
const [art, vsRc, nvRc] = args;

const all = [];
const htmlRc = process.env.NIANBAO_E2E_HTML_RC ?? 'skip';
for (const [suite, rc, file] of [
  ['vscode', vsRc, 'vscode-results.json'],
  ['nvim', nvRc, 'nvim-results.json'],
  ['html', htmlRc, 'html-results.json'],
]) {
  if (rc === 'skip') continue;
  const path = join(art, file);
  let rs = [];
  if (existsSync(path)) {
    try {
      rs = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      rs = [{ suite, name: `${suite}: results file unreadable`, ok: false, error: String(e) }];
    }
  }
  if (!rs.length) rs = [{ suite, name: `${suite}: produced no results`, ok: false, error: `runner exit status ${rc}` }];
  else if (rc !== '0' && rs.every((r) => r.ok)) rs.push({ suite, name: `${suite}: runner exited with status ${rc}`, ok: false, error: 'see its log in artifacts/' });
  all.push(...rs.map((r) => ({ ...r, suite })));
}

const failed = all.filter((r) => !r.ok);
if (!lineOnly) {
  console.log('\n== e2e results');
  for (const r of all)
    console.log(
      `${r.ok ? 'PASS' : 'FAIL'}  [${r.suite}] ${r.name}${
        r.ok
          ? ''
          : `\n        ${String(r.error ?? '')
              .split('\n')[0]
              .slice(0, 400)}`
      }`,
    );
} else {
  console.log(`${all.length - failed.length} passed, ${failed.length} failed`);
}
process.exit(failed.length || !all.length ? 1 : 0);
