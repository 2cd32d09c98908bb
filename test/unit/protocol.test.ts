/**
 * The client and the server name their custom requests, notification and commands only through
 * server/src/protocol.ts: no other source file spells one of those names as a string literal.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import * as protocol from '../../server/src/protocol';
import { commandArgs } from '../../server/src/params';
import { ROOT } from '../helpers/paths';

const PROTOCOL_FILE = join(ROOT, 'server', 'src', 'protocol.ts');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** The texts of the string and template literals of a file (comments are not looked at). */
function literals(file: string): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) out.push(n.text);
    ts.forEachChild(n, visit);
  };
  visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true));
  return out;
}

/** The method names of the request and notification types the protocol exports. */
const methods = Object.values(protocol).flatMap((v) => (v && typeof v === 'object' && 'method' in v && typeof v.method === 'string' ? [v.method] : []));
const shared = new Set([...methods, ...Object.values(protocol.CommandIds), protocol.PUBLISHED_SCHEME, protocol.FIX_ALL_KIND]);
const isShared = (s: string) => shared.has(s) || s.startsWith('nianbao/') || s.startsWith(`${protocol.PUBLISHED_SCHEME}:`);

describe('protocol: one definition shared by client and server', () => {
  it('exports the four custom methods, and protocol.ts spells every shared name (the scan below sees them)', () => {
    assert.deepEqual([...methods].sort(), ['nianbao/extract', 'nianbao/preview', 'nianbao/recognize', 'nianbao/status']);
    const own = new Set(literals(PROTOCOL_FILE));
    for (const name of shared) assert.ok(own.has(name), `${name} not found among the literals of protocol.ts`);
  });

  it('no other file of client/src or server/src spells a method name, a command id, the published scheme or the fix-all kind', () => {
    const files = [...sources(join(ROOT, 'client', 'src')), ...sources(join(ROOT, 'server', 'src'))].filter((f) => f !== PROTOCOL_FILE);
    assert.ok(files.length > 50, `${files.length} source files`);
    const found = files.flatMap((f) =>
      literals(f)
        .filter(isShared)
        .map((s) => `${relative(ROOT, f)}: '${s}'`),
    );
    assert.deepEqual(found, [], 'import these from server/src/protocol.ts instead');
  });

  it('command arguments are checked against COMMAND_ARGS: types, required ones, null for an absent optional one', () => {
    assert.deepEqual(commandArgs(protocol.CommandIds.ignoreFinding, ['file:///a.txt', null, 'narrative-sum', 'fp']), ['file:///a.txt', undefined, 'narrative-sum', 'fp', undefined]);
    assert.deepEqual(commandArgs(protocol.CommandIds.applyFixAll, ['file:///a.txt', 3, 'extra']), ['file:///a.txt', 3]);
    const invalid = (what: RegExp) => (e: { code?: number; message?: string }) => e.code === -32602 && what.test(e.message ?? '');
    assert.throws(() => commandArgs(protocol.CommandIds.applyFixAll, [123]), invalid(/argument 1 must be a string/));
    assert.throws(() => commandArgs(protocol.CommandIds.applyFixAll, ['file:///a.txt', '3']), invalid(/argument 2 must be a number/));
    assert.throws(() => commandArgs(protocol.CommandIds.unignore, ['file:///a.txt']), invalid(/nianbao\.unignore: argument 2/));
    assert.throws(() => commandArgs(protocol.CommandIds.openRuleDoc, undefined), invalid(/argument 1/));
  });

  it('commandOf builds the LSP command object the server puts in code actions', () => {
    assert.deepEqual(protocol.commandOf('Ignore rule in file', protocol.CommandIds.ignoreRuleInFile, 'file:///a.txt', 2, 'year-mismatch'), {
      title: 'Ignore rule in file',
      command: 'nianbao.ignoreRuleInFile',
      arguments: ['file:///a.txt', 2, 'year-mismatch'],
    });
  });
});
