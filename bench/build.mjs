// Bundles the benchmark (bench/src/main.ts, with the analysis core from source) and the profiling
// aid (bench/src/profile.ts) into bench/out/, and the language server and CLI it drives into server/dist/.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet', 'server', 'cli', 'pdfjs'], { stdio: 'inherit' });
await build({
  absWorkingDir: root,
  entryPoints: ['bench/src/main.ts', 'bench/src/profile.ts', 'bench/src/burst.ts'],
  outdir: 'bench/out',
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'error',
});
