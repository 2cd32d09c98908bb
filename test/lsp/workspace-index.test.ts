/**
 * The server's index of the workspace's report files keeps summaries, not texts and models:
 * a folder of large report files (that kept whole would not fit in the heap the extension gives
 * the server) is scanned without running out of memory, requests are answered while it is
 * scanned, and cross-year findings still point at the right cell of a file that is not open.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { baseReports, buildDoc } from '../../bench/src/docs';
import { memoryOf } from '../../bench/src/server';
import { SERVER_NODE_FLAGS } from '../../server/src/heap';
import { LspClient } from '../helpers/lsp';
import { FIXTURES } from '../helpers/paths';

const PAIR = join(FIXTURES, 'rules', 'cross-year-carryover');
const BIG_FILES = 6;
const BIG_BYTES = 4_000_000;

describe('language server: workspace index of large report files', function () {
  this.timeout(180_000);
  let client: LspClient | undefined;
  after(async () => client && (await client.stop()));

  it('scans them within the heap limits, answers meanwhile, and pairs across years from summaries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-bigws-'));
    const big = buildDoc(baseReports(), BIG_BYTES).text;
    for (let i = 0; i < BIG_FILES; i++) writeFileSync(join(dir, `a${i}汇编年度报告.txt`), big);
    // Last year's report is scanned last (names are read in order).
    copyFileSync(join(PAIR, 'last-year.txt'), join(dir, 'zz示例县2022年度报告.txt'));
    const lastUri = pathToFileURL(join(dir, 'zz示例县2022年度报告.txt')).toString();

    client = new LspClient({ settings: { debounceMs: 0 }, execArgv: SERVER_NODE_FLAGS });
    const folder = pathToFileURL(dir).toString();
    await client.initialize({ rootUri: folder, workspaceFolders: [{ uri: folder, name: 'ws' }] });
    const uri = pathToFileURL(join(dir, '示例县2023年度报告.txt')).toString();
    await client.open(uri, readFileSync(join(PAIR, 'invalid-1.txt'), 'utf8'));

    // The document is answered whether or not the scan has reached last year's file yet (which of
    // the two comes first depends on the machine's load, so it is not asserted).
    await client.diagnostics(uri, (p) => p.version === 1, 60_000);
    // Once the scan is done, the document is checked again against last year's file on disk.
    const later = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'cross-year-carryover'), 120_000);
    const carried = later.diagnostics.filter((d) => d.code === 'cross-year-carryover');
    assert.deepEqual(
      carried.map((d) => [d.range.start.line, d.range.start.character]),
      [
        [21, 19],
        [21, 43],
      ],
    );
    const rel = carried[0].relatedInformation![0].location;
    assert.equal(rel.uri, lastUri);
    assert.deepEqual(rel.range, { start: { line: 44, character: 14 }, end: { line: 44, character: 15 } }, 'points at 四、结转下年度·自然人 in the file on disk');
    assert.equal(client.proc.exitCode, null, 'the server is still running');
    const mem = memoryOf(client.proc.pid!);
    if (!mem) console.warn('      (no /proc here: the resident memory of the server is not checked)');
    // Kept whole, the six files' texts and models would take over 300 MB (about 68 MB per 5 MB file,
    // issue 12) and not fit the heap; the summaries take little, the rest is heap the parsing left.
    else assert.ok(mem.rssMB < 260, `server RSS ${mem.rssMB.toFixed(0)} MB after indexing ${BIG_FILES} × ${(BIG_BYTES / 1e6).toFixed(0)} MB`);
  });
});
