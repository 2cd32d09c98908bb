/**
 * docs/domain.md is the repository's own description of the domain: its rule table follows the
 * registry, and nothing in the repository sends readers to the domain notes outside it.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RULES } from '../../server/src/core';
import { ROOT } from '../helpers/paths';

const DOC = readFileSync(join(ROOT, 'docs', 'domain.md'), 'utf8');
/** The external notes' file name, spelled so that this file does not match it. */
const EXTERNAL = new RegExp(['DOMAIN', 'md'].join('\\.'));

/** Files a developer reads: Markdown anywhere, the sources of the tests and of the product. */
function readable(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return ['node_modules', 'out', 'dist', 'artifacts'].includes(e.name) || e.name.startsWith('.') ? [] : readable(p);
    return /\.(md|ts|mjs|json|sh|lua)$/.test(e.name) && e.name !== 'package-lock.json' ? [p] : [];
  });
}

describe('docs/domain.md', () => {
  it('lists every registered rule, in registry order, with its default severity', () => {
    const section = DOC.slice(DOC.indexOf('## The rules'), DOC.indexOf('\n## ', DOC.indexOf('## The rules') + 1));
    const rows = [...section.matchAll(/^\| `([a-z0-9-]+)` \| ([^|]+) \|/gm)].map((m) => ({ id: m[1], severity: m[2].trim() }));
    assert.deepEqual(
      rows.map((r) => r.id),
      RULES.map((r) => r.id),
    );
    for (const r of RULES) assert.ok(rows.find((x) => x.id === r.id)!.severity.startsWith(r.severity), `${r.id}: ${r.severity}`);
  });

  it('is what the repository cites: no file points at the external domain notes', () => {
    const files = ['README.md', 'CHANGELOG.md', 'docs', 'test', 'server', 'client', 'bench', 'scripts'].flatMap((p) => (p.endsWith('.md') ? [join(ROOT, p)] : readable(join(ROOT, p))));
    assert.ok(files.length > 100, `${files.length} files`);
    const stale = files.filter((f) => EXTERNAL.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    assert.deepEqual(stale, []);
  });
});
