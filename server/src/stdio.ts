/** The --stdio transport: a connection over stdin/stdout that exits rather than waiting deaf on a broken stream. */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';

/** The largest body accepted: well above any document the server would check (JSON-escaped). */
const MAX_BODY = 256 * 1024 * 1024;
const MAX_HEADER = 8192;

/**
 * Watches the raw bytes of the stdio stream for framing the JSON-RPC reader cannot recover from
 * and would wait on forever: a header line ending in LF alone (the reader waits for CRLF CRLF), a
 * header that never ends, or a Content-Length too large to ever arrive or be held (2^40). It runs
 * beside the reader and only counts bytes; headers without a usable Content-Length are left to the
 * reader, which reports them itself.
 */
export class FrameGuard {
  private header: number[] = [];
  private remaining = 0;
  /** Framing is no longer known (a header the reader itself rejects): stop judging. */
  private lost = false;

  constructor(private maxBody = MAX_BODY) {}

  /** Feeds a chunk; returns why the stream cannot be read any further, or undefined. */
  push(chunk: Uint8Array): string | undefined {
    for (let i = 0; i < chunk.length && !this.lost;) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - i);
        this.remaining -= take;
        i += take;
        continue;
      }
      const b = chunk[i++];
      if (b === 0x0a && this.header[this.header.length - 1] !== 0x0d) return 'a header line ends with LF alone (LSP headers end with CRLF)';
      this.header.push(b);
      if (this.header.length > MAX_HEADER) return `a header longer than ${MAX_HEADER} bytes`;
      const n = this.header.length;
      if (n >= 4 && this.header[n - 4] === 0x0d && this.header[n - 3] === 0x0a && this.header[n - 2] === 0x0d && this.header[n - 1] === 0x0a) {
        const text = Buffer.from(this.header).toString('latin1');
        this.header = [];
        const m = /^content-length:(.*)$/im.exec(text);
        const length = m ? parseInt(m[1].trim(), 10) : NaN;
        if (isNaN(length)) this.lost = true;
        else if (length < 0) return `a negative Content-Length (${length})`;
        else if (length > this.maxBody) return `Content-Length ${m![1].trim()} is larger than the ${this.maxBody}-byte limit`;
        else this.remaining = length;
      }
    }
    return undefined;
  }
}

/**
 * Over --stdio the message reader is made here so that its errors are seen: after a header without
 * a usable Content-Length the JSON-RPC reader cannot find the next message again, and the server
 * would sit deaf forever; it exits instead (code 1), so the client can restart it. The reader does
 * not notice an LF-only header or a Content-Length that can never arrive (it waits): the frame guard
 * does. The library only wires end-of-input and console redirection for the streams it opens
 * itself, so both are done here.
 */
export function stdioConnection(shutdownRequested: () => boolean) {
  const bail = (why: string) => {
    process.stderr.write(`nianbao: unreadable message header, exiting: ${why}\n`);
    process.exit(1);
  };
  const guard = new FrameGuard();
  process.stdin.on('data', (chunk: Buffer) => {
    const why = guard.push(chunk);
    if (why) bail(why);
  });
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((e) => {
    if (/Content-Length/i.test(e.message)) bail(e.message); // else a bad body: the next message is still found
  });
  reader.onClose(() => process.exit(shutdownRequested() ? 0 : 1));
  console.log = console.info = console.debug = console.error; // stdout carries the protocol
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
}
