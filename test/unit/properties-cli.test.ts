/**
 * The CLI and the language server agree: for the same text, `cli.js check --format json` gives
 * the same diagnostics (rule, severity, message, range, related ranges) as the server publishes
 * over stdio. A handful of seeded random cases plus CRLF, CR, emoji and BOM texts.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { analyze } from '../../server/src/core';
import { SEED, mutate, recipe, rendered, renderedText, textOf } from '../helpers/fuzz';
import { LspClient } from '../helpers/lsp';
import { CLI } from '../helpers/paths';

const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };

interface Shape {
  rule: string;
  severity: number;
  message: string;
  range: unknown;
  related: unknown[];
}

function cases(): { name: string; file: string; server: string }[] {
  const out: { name: string; file: string; server: string }[] = [];
  const withFindings = (t: string) => analyze(t).findings.length > 0;
  fc.sample(recipe, { seed: SEED, numRuns: 60 })
    .map(textOf)
    .filter(withFindings)
    .slice(0, 3)
    .forEach((t, i) => out.push({ name: `edited report ${i}`, file: t, server: t }));
  fc.sample(rendered, { seed: SEED + 1, numRuns: 30 })
    .filter((r) => r.errors.length > 0)
    .slice(0, 2)
    .forEach((r, i) => {
      const t = renderedText({ ...r, eol: '\r\n' });
      out.push({ name: `rendered CRLF report ${i}`, file: t, server: t });
      const cr = mutate(t, { op: 'eol', style: 'cr' });
      out.push({ name: `rendered CR report ${i}`, file: cr, server: cr });
      const emoji = t.replace(/公开/g, '公😀开').replace(/(\d+)( \|)/g, '$1👨‍👩‍👧$2');
      out.push({ name: `rendered report with emoji ${i}`, file: emoji, server: emoji });
    });
  // A file with a BOM: the CLI decodes it away, as editors do when they open the file, so the
  // server is sent the text without it.
  const bom = out[out.length - 1].file;
  out.push({ name: 'file with a BOM', file: '\uFEFF' + bom, server: bom });
  return out;
}

describe('properties: the CLI and the server report the same ranges', function () {
  this.timeout(30000);
  let client: LspClient | undefined;
  after(async () => client && (await client.stop()));

  it('for every case, cli.js --format json equals what the server publishes', async () => {
    const all = cases();
    assert.ok(all.length >= 8, 'enough cases with findings');
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-prop-'));
    const files = all.map((c, i) => {
      const path = join(dir, `case${i}年度报告.txt`);
      writeFileSync(path, c.file);
      return path;
    });
    const cli = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...files], { encoding: 'utf8' });
    assert.ok(cli.status === 0 || cli.status === 1, `cli exit ${cli.status}: ${cli.stderr}`);
    const json = JSON.parse(cli.stdout) as { files: { path: string; diagnostics: { rule: string; severity: string; message: string; range: unknown; related: { range: unknown }[] }[] }[] };

    client = new LspClient({ settings: { debounceMs: 0 } });
    await client.initialize();
    let findings = 0;
    for (let i = 0; i < all.length; i++) {
      const uri = pathToFileURL(files[i]).href;
      await client.open(uri, all[i].server);
      const pub = await client.diagnostics(uri, (p) => p.version === 1);
      const fromServer: Shape[] = (pub.diagnostics as Diagnostic[]).map((d) => ({
        rule: String(d.code),
        severity: d.severity!,
        message: d.message,
        range: d.range,
        related: (d.relatedInformation ?? []).map((r) => r.location.range),
      }));
      const fromCli: Shape[] = json.files[i].diagnostics.map((d) => ({
        rule: d.rule,
        severity: SEVERITY[d.severity],
        message: d.message,
        range: d.range,
        related: d.related.map((r) => r.range),
      }));
      assert.deepEqual(fromCli, fromServer, `${all[i].name} (${files[i]})`);
      findings += fromCli.length;
    }
    assert.ok(findings > 0);
  });
});
