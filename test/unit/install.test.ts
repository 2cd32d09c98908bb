/**
 * `nianbao` as a command on a machine with only Node: the packed tarball installs globally (into a
 * temporary prefix, offline — it needs no package beyond itself), `nianbao --help` works, and the
 * installed bundle checks a folder with plain node and no node_modules beside it.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReport, sampleValues } from '../helpers/layouts';
import { ROOT } from '../helpers/paths';

/** The environment without what `npm test` sets for its own run (prefix, global, …). */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, ...extra };
}

describe('install: the packed CLI as a global command', function () {
  this.timeout(120000);
  if (process.platform === 'win32') {
    it('runs only where the global bin is a symlink (not on Windows)', function () {
      this.skip();
    });
    return;
  }

  it('npm pack → npm install -g --offline into a temporary prefix → nianbao --help, nianbao check FOLDER', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'nianbao-install-'));
    const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', env: cleanEnv({ npm_config_cache: join(tmp, 'cache') }) });
    // The bundles were built by `npm test`'s build step; --ignore-scripts skips prepack's rebuild.
    const pack = npm(['pack', '--ignore-scripts', '--pack-destination', tmp, '--json'], ROOT);
    assert.equal(pack.status, 0, pack.stderr);
    const tarball = join(tmp, JSON.parse(pack.stdout)[0].filename);
    const prefix = join(tmp, 'prefix');
    const install = npm(['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], tmp);
    assert.equal(install.status, 0, install.stderr + install.stdout);
    const pkg = join(prefix, 'lib', 'node_modules', 'nianbao');
    assert.ok(existsSync(join(pkg, 'server', 'dist', 'cli.js')));
    assert.ok(!existsSync(join(pkg, 'node_modules')), `nothing else was installed: ${existsSync(join(pkg, 'node_modules')) ? readdirSync(join(pkg, 'node_modules')) : ''}`);

    const bin = join(prefix, 'bin', 'nianbao');
    const nianbao = (args: string[]) => spawnSync(bin, args, { encoding: 'utf8', cwd: tmp, env: cleanEnv({ PATH: `${join(prefix, 'bin')}:${process.env.PATH}` }) });
    const help = nianbao(['--help']);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /nianbao check/);

    const folder = join(tmp, '报告');
    mkdirSync(folder);
    const v = sampleValues();
    v.t3[4] = 3;
    writeFileSync(join(folder, '示例县2023年政府信息公开工作年度报告.txt'), renderReport({ title: '示例县2023年政府信息公开工作年度报告', narrative: '概述。', values: v, layout: 'tabs' }));
    writeFileSync(
      join(folder, '示例县2022年政府信息公开工作年度报告.txt'),
      renderReport({ title: '示例县2022年政府信息公开工作年度报告', narrative: '概述。', values: sampleValues(), layout: 'pipe-rows' }),
    );
    const check = nianbao(['check', '报告']);
    assert.equal(check.status, 1, check.stderr);
    assert.match(check.stdout, /报告\/示例县2023年政府信息公开工作年度报告\.txt:\d+:\d+ error table3-group-sum /);
    assert.match(check.stdout, /cross-year-carryover/);
  });
});
