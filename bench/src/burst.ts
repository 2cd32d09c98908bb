/**
 * Issue 12, item 10: a burst of 100 quick edits with `nianbao.debounceMs: 0`, then a hover. Prints,
 * per document size, how many analyses were published for the 101 versions, how many came before
 * the hover's answer, the hover's latency and the time until the last version's diagnostics. The
 * last line of stdout is one JSON object.
 *   node bench/build.mjs && node bench/out/burst.js
 */
import { DidChangeTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../../test/helpers/lsp';
import { baseReports, buildDoc } from './docs';

const URI = 'file:///bench/%E7%A4%BA%E4%BE%8B%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.txt';
const EDITS = 100;

async function burst(text: string) {
  const client = new LspClient({ settings: { debounceMs: 0 } });
  try {
    await client.initialize();
    await client.open(URI, text);
    await client.diagnostics(URI, (p) => p.version === 1, 60000);
    const before = client.published.length;
    const at = { line: 0, character: 0 };
    const t0 = Date.now();
    for (let v = 2; v <= EDITS + 1; v++) {
      void client.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: v }, contentChanges: [{ range: { start: at, end: at }, text: ' ' }] });
    }
    await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 0, character: 2 } });
    const hoverMs = Date.now() - t0;
    const beforeHover = client.published.length - before;
    await client.diagnostics(URI, (p) => p.version === EDITS + 1, 600000);
    const lastMs = Date.now() - t0;
    await new Promise((r) => setTimeout(r, 500));
    return { bytes: Buffer.byteLength(text), published: client.published.length - before, beforeHover, hoverMs, lastMs };
  } finally {
    await client.stop();
  }
}

async function main() {
  const bases = baseReports();
  const results = [];
  for (const target of [100_000, 1_000_000]) {
    const r = await burst(buildDoc(bases, target).text);
    results.push(r);
    console.log(
      `${(r.bytes / 1024).toFixed(0)} KB: ${EDITS} edits → ${r.published} analyses published (${r.beforeHover} before the hover's answer); hover after ${r.hoverMs} ms; last version's diagnostics after ${r.lastMs} ms`,
    );
  }
  console.log(JSON.stringify({ edits: EDITS, results }));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
