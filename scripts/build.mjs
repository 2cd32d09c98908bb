// Bundles the extension client, the language server and the CLI with esbuild.
// Usage: node scripts/build.mjs [--quiet] [--watch] [client|server|cli|pdfjs ...]  (default: all four)
// --watch rebuilds on every change (npm run watch, and the F5 task in .vscode/tasks.json).
import { build, context } from 'esbuild';
import { chmodSync, cpSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const watch = args.includes('--watch');
const wanted = args.filter((a) => !a.startsWith('--'));

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const targets = {
  client: { entry: 'client/src/extension.ts', out: 'client/dist/extension.js', external: ['vscode'] },
  server: { entry: 'server/src/server.ts', out: 'server/dist/server.js', external: [] },
  // The `nianbao` command (package.json bin): runs with plain node; the same file runs its worker threads.
  cli: { entry: 'server/src/cli.ts', out: 'server/dist/cli.js', external: [], banner: '#!/usr/bin/env node', define: { NIANBAO_VERSION: JSON.stringify(version) } },
  // pdf.js with its worker, loaded by the server and the CLI on the first PDF (kept out of their
  // bundles so they start fast); import.meta.url is left undefined so it never looks for the
  // optional native canvas package.
  pdfjs: { entry: 'server/src/formats/pdfjsEntry.js', out: 'server/dist/pdfjs.js', external: [], define: { 'import.meta.url': 'undefined' }, minify: true, sourcemap: false },
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

const names = wanted.length ? wanted : Object.keys(targets);
const watchLog = watch ? watchLogger(names.length) : undefined;
for (const name of names) {
  const t = targets[name];
  if (!t) throw new Error(`unknown bundle ${name}`);
  // The CLI path is run on every `npm run cli`; skip the bundle when nothing changed.
  if (quiet && !watch && upToDate(t)) continue;
  const options = {
    absWorkingDir: root,
    entryPoints: [t.entry],
    outfile: t.out,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    sourcemap: t.sourcemap ?? true,
    external: t.external,
    ...(t.banner ? { banner: { js: t.banner } } : {}),
    define: t.define,
    minify: t.minify,
    logLevel: watch ? 'silent' : quiet ? 'error' : 'info',
    plugins: watchLog ? [watchLog(name)] : [],
  };
  if (watch) await (await context(options)).watch();
  else await build(options);
  // A bundle with a shebang is a command (package.json bin): npx and a global install run it directly.
  if (t.banner && !watch) chmodSync(join(root, t.out), 0o755);
  if (name === 'pdfjs') copyPdfjsData();
}

/**
 * Watch mode's output: "[watch] build started" and "[watch] build finished" around each round of
 * rebuilds (the first round ends when every bundle is built), and one line per problem,
 * "file:line:column: error: text" — what the problem matcher in .vscode/tasks.json reads.
 */
function watchLogger(count) {
  let building = 0;
  let unbuilt = count;
  console.log('[watch] build started');
  return (name) => {
    let first = true;
    return {
      name: 'watch-log',
      setup(b) {
        b.onStart(() => {
          if (building++ === 0 && unbuilt === 0) console.log('[watch] build started');
        });
        b.onEnd((r) => {
          for (const [severity, messages] of [
            ['error', r.errors],
            ['warning', r.warnings],
          ]) {
            for (const m of messages) console.log(m.location ? `${m.location.file}:${m.location.line}:${m.location.column + 1}: ${severity}: ${m.text}` : `${name}: ${severity}: ${m.text}`);
          }
          building--;
          if (first) ((first = false), unbuilt--);
          if (building === 0 && unbuilt === 0) console.log('[watch] build finished');
        });
      },
    };
  };
}

/** pdf.js's character maps and standard fonts beside the bundle (read from disk, never fetched). */
function copyPdfjsData() {
  const from = join(root, 'node_modules', 'pdfjs-dist');
  for (const dir of ['cmaps', 'standard_fonts']) cpSync(join(from, dir), join(root, 'server', 'dist', 'pdfjs', dir), { recursive: true });
}
