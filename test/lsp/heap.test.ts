/**
 * The heap limits the extension starts the server with (server/src/heap.ts, repeated in
 * client/src/extension.ts) keep it small, but a document of the largest size the server checks
 * (nianbao.maxDocumentSize, 5 MB) must still be analysed under them, also when it is replaced
 * several times. A tighter limit (64 MB, the benchmark's first guess) is shown to fail on it,
 * so the document is big enough to tell.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseReports, buildDoc } from '../../bench/src/docs';
import { SERVER_NODE_FLAGS } from '../../server/src/heap';
import { DEFAULTS } from '../../server/src/settings';
import { LspClient } from '../helpers/lsp';
import { ROOT } from '../helpers/paths';

const URI = 'file:///tmp/heap-test/%E7%A4%BA%E4%BE%8B%E5%B9%B4%E6%8A%A5.txt';

/** Distinct reports concatenated to just under the size limit. */
function largestDocument(): string {
  const bases = baseReports();
  let target = DEFAULTS.maxDocumentSize;
  let doc = buildDoc(bases, target);
  while (doc.bytes > DEFAULTS.maxDocumentSize) doc = buildDoc(bases, (target -= 50_000));
  assert.ok(doc.bytes > DEFAULTS.maxDocumentSize * 0.9, `document of ${doc.bytes} bytes`);
  return doc.text;
}

describe('server heap limits', function () {
  this.timeout(180_000);
  let text: string;
  before(() => (text = largestDocument()));

  it('the extension starts the server with the flags of server/src/heap.ts', () => {
    const src = readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    const m = /const SERVER_NODE_FLAGS = (\[[^\]]*\]);/.exec(src);
    assert.ok(m, 'client/src/extension.ts defines SERVER_NODE_FLAGS');
    assert.deepEqual(JSON.parse(m[1].replace(/'/g, '"')), SERVER_NODE_FLAGS);
    assert.match(src, /execArgv: SERVER_NODE_FLAGS/);
    assert.ok(SERVER_NODE_FLAGS.some((f) => f.startsWith('--max-old-space-size=')));
  });

  it('a document of the largest checked size is analysed under them, again after full replacements', async () => {
    const client = new LspClient({ settings: { debounceMs: 0 }, execArgv: SERVER_NODE_FLAGS });
    try {
      await client.initialize();
      await client.open(URI, text);
      const first = await client.diagnostics(URI, (p) => p.version === 1, 60_000);
      assert.ok(first.diagnostics.length > 10, `${first.diagnostics.length} diagnostics`);
      assert.ok(!first.diagnostics.some((d) => d.code === 'document-too-large'), 'checked, not skipped as too large');
      for (let i = 0; i < 3; i++) {
        await client.change(URI, text.replace('一、总体情况', `一、总体情况${i}`));
        const p = await client.diagnostics(URI, (x) => x.version === i + 2, 60_000);
        assert.equal(p.diagnostics.length, first.diagnostics.length);
      }
      assert.equal(client.proc.exitCode, null, 'the server is still running');
    } finally {
      await client.stop();
    }
  });

  it('(control) a 64 MB old generation is too small for it: the server runs out of heap', async () => {
    const client = new LspClient({ settings: { debounceMs: 0 }, execArgv: ['--max-semi-space-size=2', '--max-old-space-size=64'] });
    try {
      await client.initialize();
      await client.open(URI, text);
      // V8 prints its last collections when it gives up; the process may take a while to go.
      const t0 = Date.now();
      const got = await new Promise<string>((resolve) => {
        const poll = setInterval(() => {
          const done = (why: string) => (clearInterval(poll), resolve(why));
          if (/Last few GCs|heap out of memory|Reached heap limit/i.test(client.stderr)) done('out of heap');
          else if (client.proc.exitCode !== null) done(`exited (${client.proc.exitCode})`);
          else if (Date.now() - t0 > 90_000) done('still running after 90 s');
        }, 100);
      });
      assert.equal(got, 'out of heap');
    } finally {
      client.proc.kill('SIGKILL');
      client.conn.dispose();
    }
  });
});
