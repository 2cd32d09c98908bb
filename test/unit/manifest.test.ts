/** The extension manifest agrees with the code: settings schema, rule registry, localized strings. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/core';
import { DEFAULTS } from '../../server/src/settings';
import { ROOT } from '../helpers/paths';

const json = (f: string) => JSON.parse(readFileSync(join(ROOT, f), 'utf8'));
const pkg = json('package.json');
const props = pkg.contributes.configuration.properties;

describe('manifest', () => {
  it('every setting has the server’s default and resource scope', () => {
    const names = Object.keys(props).map((k) => k.replace(/^nianbao\./, ''));
    assert.deepEqual(names.sort(), Object.keys(DEFAULTS).sort());
    for (const [k, v] of Object.entries(DEFAULTS)) {
      assert.deepEqual(props[`nianbao.${k}`].default, v, k);
      assert.equal(props[`nianbao.${k}`].scope, 'resource', k);
    }
  });

  it('the per-rule severity setting lists exactly the registered rules', () => {
    assert.deepEqual(Object.keys(props['nianbao.rules'].properties).sort(), RULES.map((r) => r.id).sort());
    for (const r of RULES) assert.deepEqual(props['nianbao.rules'].properties[r.id].enum, ['error', 'warning', 'information', 'hint', 'off']);
  });

  it('every %key% of the manifest is localized in English and Chinese', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 20);
    for (const f of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = json(f);
      for (const k of keys) assert.ok(typeof nls[k] === 'string' && nls[k].length > 0, `${f}: ${k}`);
    }
    const zh = json('package.nls.zh-cn.json');
    const en = json('package.nls.json');
    for (const r of RULES) assert.equal(zh[`rule.${r.id}`], r.description.zh);
    for (const r of RULES) assert.equal(en[`rule.${r.id}`], r.description.en);
  });

  it('contributes the language, its grammar and file patterns', () => {
    const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'gov-report');
    assert.deepEqual(lang.filenamePatterns.slice(0, 2), ['*年度报告*.txt', '*年报*.txt']);
    assert.equal(pkg.contributes.grammars[0].scopeName, 'source.gov-report');
    assert.ok(readFileSync(join(ROOT, pkg.contributes.grammars[0].path), 'utf8').includes('source.gov-report'));
  });
});
