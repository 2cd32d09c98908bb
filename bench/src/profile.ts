/**
 * Profiling aid: analyses one benchmark document repeatedly under the V8 CPU profiler and prints
 * the functions with the most self time.
 *   node bench/build.mjs && node --enable-source-maps bench/out/profile.js [bytes=1000000] [seconds=5]
 */
import { Session } from 'node:inspector';
import { findSourceMap } from 'node:module';
import { performance } from 'node:perf_hooks';
import { analyze } from '../../server/src/core';
import { baseReports, buildDoc } from './docs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount: number;
  children?: number[];
}

const bytes = Number(process.argv[2] ?? 1_000_000);
const seconds = Number(process.argv[3] ?? 5);
const doc = buildDoc(baseReports(), bytes);
for (let i = 0; i < 3; i++) analyze(doc.text);

const session = new Session();
session.connect();
const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));

(async () => {
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  let runs = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) (analyze(doc.text), runs++);
  const elapsed = performance.now() - t0;
  const { profile } = (await post('Profiler.stop')) as { profile: { nodes: Node[] } };
  const nodes = profile.nodes;
  const total = nodes.reduce((a, n) => a + n.hitCount, 0);
  const self = new Map<string, number>();
  for (const n of nodes) {
    const f = n.callFrame;
    // With --enable-source-maps, name the TypeScript source instead of the bundle.
    const orig = (f.url.startsWith('file:') ? findSourceMap(new URL(f.url).pathname)?.findEntry(f.lineNumber, f.columnNumber) : undefined) as
      { originalSource?: string; originalLine: number } | undefined;
    const where = orig?.originalSource ? `${orig.originalSource.replace(/^.*?\/(server|bench|test)\//, '$1/')}:${orig.originalLine + 1}` : `${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}`;
    const key = `${f.functionName || '(anonymous)'}  ${where}`;
    self.set(key, (self.get(key) ?? 0) + n.hitCount);
  }
  console.log(`${doc.bytes} bytes, ${runs} runs, ${(elapsed / runs).toFixed(2)} ms per analysis`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  // Inclusive time by function (a function's outermost calls only, so recursion is not counted twice).
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const keyOf = (n: Node) => (self.has(n.callFrame.functionName) ? n.callFrame.functionName : `${n.callFrame.functionName || '(anonymous)'}`);
  const inclusive = new Map<string, number>();
  const visit = (n: Node, open: Set<string>): number => {
    let t = n.hitCount;
    const k = keyOf(n);
    const outer = !open.has(k);
    if (outer) open.add(k);
    for (const c of n.children ?? []) t += visit(byId.get(c)!, open);
    if (outer) {
      open.delete(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + t);
    }
    return t;
  };
  visit(nodes[0], new Set());
  console.log('\ninclusive:');
  const skip = new Set(['(root)', '(program)', '(garbage collector)', '(idle)', '(anonymous)']);
  for (const [k, v] of [...inclusive]
    .filter(([k]) => !skip.has(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25))
    console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  // Self time by source file.
  const byFile = new Map<string, number>();
  for (const [k, v] of self) {
    const file = k.split('  ')[1].replace(/:\d+$/, '');
    byFile.set(file, (byFile.get(file) ?? 0) + v);
  }
  console.log('\nby file:');
  for (const [k, v] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
})();
