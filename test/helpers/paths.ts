import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root (the folder with package.json above the compiled test). */
export const ROOT = (() => {
  for (let d = __dirname; dirname(d) !== d; d = dirname(d)) if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'server'))) return d;
  throw new Error('repository root not found');
})();

/** ../shared/corpus beside the checkout; absent on machines without it. */
export const CORPUS = join(ROOT, '..', 'shared', 'corpus');
export const HAS_CORPUS = existsSync(CORPUS);

export const CLI = join(ROOT, 'server', 'dist', 'cli.js');
export const SERVER = join(ROOT, 'server', 'dist', 'server.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
