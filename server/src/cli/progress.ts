/**
 * Progress on stderr — files done/total, rate, time left — only on a terminal, only once a run
 * has taken longer than a moment, redrawn at most a few times a second, erased at the end.
 */
import { M, type Say } from './messages';

const AFTER_MS = 1000;
const EVERY_MS = 200;

export interface Progress {
  update(done: number, total: number): void;
  end(): void;
}

export function progress(say: Say, enabled: boolean, stream: NodeJS.WriteStream = process.stderr, now = () => Date.now()): Progress {
  const t0 = now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      if (!enabled) return;
      const t = now();
      if (t - t0 < AFTER_MS || (t - last < EVERY_MS && done < total)) return;
      last = t;
      const rate = done / ((t - t0) / 1000);
      const eta = rate > 0 ? (total - done) / rate : 0;
      stream.write(`\r\x1b[2Knianbao: ${say(M.progress(done, total, rate, eta))}`);
      shown = true;
    },
    end() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
