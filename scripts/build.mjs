// Bundles the extension client, the language server and the CLI with esbuild.
// Usage: node scripts/build.mjs [--quiet] [client|server|cli ...]  (default: all three)
import { build } from 'esbuild';
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const wanted = args.filter((a) => !a.startsWith('--'));

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const targets = {
  client: { entry: 'client/src/extension.ts', out: 'client/dist/extension.js', external: ['vscode'] },
  server: { entry: 'server/src/server.ts', out: 'server/dist/server.js', external: [] },
  // The `nianbao` command (package.json bin): runs with plain node; the same file runs its worker threads.
  cli: { entry: 'server/src/cli.ts', out: 'server/dist/cli.js', external: [], banner: '#!/usr/bin/env node', define: { NIANBAO_VERSION: JSON.stringify(version) } },
};

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function upToDate(t) {
  try {
    const out = statSync(join(root, t.out)).mtimeMs;
    return out >= newestSource(join(root, dirname(t.entry)));
  } catch {
    return false;
  }
}

for (const name of wanted.length ? wanted : Object.keys(targets)) {
  const t = targets[name];
  if (!t) throw new Error(`unknown bundle ${name}`);
  // The CLI path is run on every `npm run cli`; skip the bundle when nothing changed.
  if (quiet && upToDate(t)) continue;
  await build({
    absWorkingDir: root,
    entryPoints: [t.entry],
    outfile: t.out,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    sourcemap: true,
    external: t.external,
    ...(t.banner ? { banner: { js: t.banner } } : {}),
    ...(t.define ? { define: t.define } : {}),
    logLevel: quiet ? 'error' : 'info',
  });
}
