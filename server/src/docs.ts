/** Links to the rule pages shipped beside the bundles (docs/rules/<id>.md in the package root). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The package root: the nearest folder above this file with a package.json (bundle or compiled test). */
function findRoot(from: string): string {
  for (let d = from; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return from;
  }
}
const ROOT = findRoot(__dirname);

function ruleDocPath(rule: string): string {
  return join(ROOT, 'docs', 'rules', `${rule}.md`);
}

export function ruleDocUri(rule: string): string {
  return pathToFileURL(ruleDocPath(rule)).toString();
}
