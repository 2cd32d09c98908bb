/**
 * The pipeline is visible in the folders of server/src/core: each folder imports only folders of
 * earlier stages (so no cycle between folders), the core's root holds only its public entry, and
 * code outside the core goes through that entry.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { folderGraph, importsOf, layerViolations, type Edge } from '../helpers/imports';

const ROOT = path.resolve(__dirname, '../../..');
const CORE = path.join(ROOT, 'server/src/core');

/** The stages in order; a folder may import itself and any folder listed before it. */
const LAYERS = ['num', 'types', 'text', 'template', 'model', 'fixes', 'tables', 'narrative', 'parse', 'rules', 'check', 'features'];

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture: the folders of the core are a pipeline', () => {
  const graph = folderGraph(CORE, tsFiles(CORE));

  it('every folder of the core is a declared stage, and the root holds only index.ts', () => {
    const folders = fs
      .readdirSync(CORE, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    assert.deepStrictEqual(
      folders.filter((f) => !LAYERS.includes(f)),
      [],
      'undeclared folders (add them to LAYERS in their place)',
    );
    const rootFiles = fs.readdirSync(CORE).filter((f) => f.endsWith('.ts'));
    assert.deepStrictEqual(rootFiles, ['index.ts']);
  });

  it('each folder imports only earlier stages', () => {
    const bad = layerViolations(graph, LAYERS);
    assert.deepStrictEqual(bad.map(show), []);
  });

  it('nothing in the core imports its public entry', () => {
    const bad = graph.filter((e) => e.to === '' && e.from !== '');
    assert.deepStrictEqual(bad.map(show), []);
  });

  it('the checker detects a backward import (self-test)', () => {
    const edges: Edge[] = [{ from: 'text', to: 'rules', file: 'text/x.ts', spec: '../rules' }];
    assert.strictEqual(layerViolations(edges, LAYERS).length, 1);
  });

  it('server code outside the core imports only the core entry', () => {
    const outside = tsFiles(path.join(ROOT, 'server/src')).filter((f) => !f.startsWith(CORE + path.sep));
    const bad: string[] = [];
    for (const f of outside) {
      for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = path.resolve(path.dirname(f), spec);
        if (target.startsWith(CORE + path.sep)) bad.push(`${path.relative(ROOT, f)} → ${spec}`);
      }
    }
    assert.deepStrictEqual(bad, []);
  });
});

const show = (e: Edge) => `${e.file}: ${e.from || '(root)'} → ${e.to || '(root)'} via '${e.spec}'`;
