/** Relative imports of TypeScript sources, folded into a graph of folders (architecture test). */
import * as fs from 'fs';
import * as path from 'path';

/** An import from one folder of the core to another ('' is the core's root). */
export interface Edge {
  from: string;
  to: string;
  file: string;
  spec: string;
}

/** Module specifiers of import/export-from statements and dynamic imports. */
export function importsOf(src: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)'([^']+)'/g;
  for (let m = re.exec(src); m; m = re.exec(src)) out.push(m[1]);
  return out;
}

/** The first path segment below `root` of a file or folder, '' for the root itself. */
function folderOf(root: string, p: string): string {
  const rel = path.relative(root, p);
  return rel.includes(path.sep) ? rel.split(path.sep)[0] : '';
}

/** Resolves a relative specifier like TypeScript's node resolution: x.ts, then x/index.ts. */
function resolve(fromFile: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const c of [base + '.ts', path.join(base, 'index.ts')]) if (fs.existsSync(c)) return c;
  return undefined;
}

export function folderGraph(root: string, files: readonly string[]): Edge[] {
  const edges: Edge[] = [];
  for (const file of files) {
    const from = folderOf(root, file);
    for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(file, spec);
      if (!target || !target.startsWith(root)) continue;
      const to = folderOf(root, target);
      if (to !== from) edges.push({ from, to, file: path.relative(root, file), spec });
    }
  }
  return edges;
}

/** Edges from a folder to one at the same or a later stage (the root, the public entry, may import all). */
export function layerViolations(edges: readonly Edge[], layers: readonly string[]): Edge[] {
  return edges.filter((e) => e.from !== '' && (e.to === '' || layers.indexOf(e.to) >= layers.indexOf(e.from)));
}
