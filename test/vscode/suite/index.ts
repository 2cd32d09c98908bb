/**
 * Entry point the extension host loads (extensionTestsPath): runs the mocha suite inside VS Code.
 * Besides the reporter's output, it writes the results as JSON next to the workspace
 * (<state>/vscode-suite-results.json), so a runner that cannot see the extension host's console
 * (code-server) still gets them.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'scenarios.test.js'));
  const ws = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const out = ws ? path.join(path.dirname(ws), 'vscode-suite-results.json') : undefined;
  const results: { name: string; ok: boolean; error?: string }[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
      if (failures > 0) reject(new Error(`${failures} of ${results.length} tests failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ name: t.fullTitle(), ok: true }));
    runner.on('fail', (t, err: Error) => results.push({ name: t.fullTitle(), ok: false, error: err?.message }));
  });
}
