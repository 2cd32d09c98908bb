/** The .vsix holds only the bundles, the grammar, the docs, the icon, README, CHANGELOG, LICENSE and the manifest. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES } from '../../server/src/core';
import { ROOT } from '../helpers/paths';
import { zipEntries } from '../helpers/zip';

describe('packaging', function () {
  this.timeout(60000);

  it('npm pack allows the same files as the .vsix (.npmignore and .vscodeignore list the same entries)', () => {
    const allowed = (f: string) =>
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('!') && l !== '!*/')
        .sort();
    // npm adds README and LICENSE itself, so .npmignore need not list them.
    const vsix = allowed('.vscodeignore').filter((l) => !['!README.md', '!LICENSE'].includes(l));
    assert.deepEqual(allowed('.npmignore'), vsix);
  });

  it('packs exactly the allowed files', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'nianbao-vsix-')), 'nianbao.vsix');
    // The flags of the package script, with the output moved to a temporary file.
    const script: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.package;
    const flags = script
      .slice(script.indexOf('vsce package') + 'vsce package'.length)
      .trim()
      .split(/\s+/);
    flags.splice(flags.indexOf('--out'), 2, '--out', out);
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', ...flags], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    const entries = zipEntries(out).filter((e) => !e.endsWith('/'));
    const allowed = [
      /^\[Content_Types\]\.xml$/,
      /^extension\.vsixmanifest$/,
      /^extension\/package\.json$/,
      /^extension\/package\.nls(\.zh-cn)?\.json$/,
      /^extension\/(readme|changelog)\.md$/,
      /^extension\/LICENSE\.txt$/,
      /^extension\/images\/icon\.png$/,
      /^extension\/client\/dist\/extension\.js$/,
      /^extension\/server\/dist\/server\.js$/,
      /^extension\/server\/dist\/cli\.js$/,
      /^extension\/server\/dist\/pdfjs\.js$/,
      /^extension\/server\/dist\/pdfjs\/(cmaps\/[\w-]+\.bcmap|cmaps\/LICENSE|standard_fonts\/[\w-]+\.(pfb|ttf|otf)|standard_fonts\/LICENSE_[\w]+)$/,
      /^extension\/syntaxes\/gov-report\.tmLanguage\.json$/,
      /^extension\/language-configuration\.json$/,
      /^extension\/docs\/rules\/[a-z0-9-]+\.md$/,
      /^extension\/docs\/rules\/README\.md$/,
    ];
    const stray = entries.filter((e) => !allowed.some((a) => a.test(e)));
    assert.deepEqual(stray, []);
    for (const need of [
      'extension/client/dist/extension.js',
      'extension/server/dist/server.js',
      'extension/server/dist/cli.js',
      'extension/server/dist/pdfjs.js',
      'extension/server/dist/pdfjs/cmaps/UniGB-UCS2-H.bcmap',
      'extension/syntaxes/gov-report.tmLanguage.json',
      'extension/images/icon.png',
      'extension/LICENSE.txt',
      'extension/changelog.md',
      'extension/readme.md',
    ]) {
      assert.ok(entries.includes(need), need);
    }
    const docs = entries.filter((e) => e.startsWith('extension/docs/rules/'));
    for (const rule of RULES) assert.ok(docs.includes(`extension/docs/rules/${rule.id}.md`), `doc page of ${rule.id} is packed`);
  });
});
