/**
 * Spreads the files of a run over worker threads (or checks them on this thread for a few files
 * or --jobs 1). Results are kept by the file's index, so the order of the output never depends
 * on which thread finished first.
 */
import { Worker } from 'node:worker_threads';
import type { CheckConfig, Outcome, Task } from './check';
import { M } from './messages';
import { safeCheck, WORKER_MARK } from './worker';

/** Below this many files, starting threads costs more than it saves. */
const MIN_FILES_FOR_THREADS = 8;
/**
 * Heap limits of a thread: a small young generation keeps the process's memory down (as for the
 * language server); the old generation leaves room for the largest files.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 6, maxOldGenerationSizeMb: 1024 };
/** Files sent ahead to each thread, so that none waits for the next message. */
const AHEAD = 2;

export interface PoolOptions {
  jobs: number;
  /** The bundle to start as a worker (the CLI's own file). */
  script: string;
  onResult?: (done: number, total: number) => void;
}

export async function checkAll(tasks: readonly Task[], config: CheckConfig, o: PoolOptions): Promise<Outcome[]> {
  const results: Outcome[] = new Array(tasks.length);
  let done = 0;
  const finish = (r: Outcome) => {
    results[r.index] = r;
    o.onResult?.(++done, tasks.length);
  };
  const threads = Math.min(o.jobs, Math.ceil(tasks.length / AHEAD));
  if (threads <= 1 || tasks.length < MIN_FILES_FOR_THREADS) {
    for (const t of tasks) finish(safeCheck(t, config));
    return results;
  }

  let next = 0;
  await new Promise<void>((resolveAll) => {
    let alive = 0;
    const settle = () => {
      if (done === tasks.length) resolveAll();
    };
    for (let w = 0; w < threads; w++) {
      const worker = new Worker(o.script, { workerData: { mark: WORKER_MARK, config }, resourceLimits: WORKER_LIMITS });
      alive++;
      const inflight = new Set<number>();
      const feed = () => {
        while (inflight.size < AHEAD && next < tasks.length) {
          const t = tasks[next++];
          inflight.add(t.index);
          worker.postMessage(t);
        }
        if (!inflight.size) void worker.terminate();
      };
      worker.on('message', (r: Outcome) => {
        inflight.delete(r.index);
        finish(r);
        feed();
        settle();
      });
      // A thread that dies (out of memory, a crash) fails its files; the others go on.
      worker.on('error', (e) => {
        for (const i of inflight) finish({ ...safeCheckFailed(tasks[i]), error: M.internal(e.message) });
        inflight.clear();
      });
      worker.on('exit', () => {
        alive--;
        // Files nobody will take any more (every thread gone): check them here.
        if (!alive) while (next < tasks.length) finish(safeCheck(tasks[next++], config));
        settle();
      });
      feed();
    }
  });
  return results;
}

function safeCheckFailed(t: Task): Outcome {
  return { index: t.index, path: t.path, isReport: false, findings: [], suppressed: 0, summaries: [], spots: [], notes: [], changes: [] };
}
