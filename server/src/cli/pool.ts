/**
 * Spreads the files of a run over worker threads (or checks them on this thread for a few files
 * or --jobs 1). Files go out and outcomes come back in chunks: a message between threads costs
 * about a millisecond here, more than checking a small report. Results are kept by the file's
 * index, so the order of the output never depends on which thread finished first.
 */
import { Worker } from 'node:worker_threads';
import { NO_SPOTS, type Analyze, type CheckConfig, type Outcome, type Task } from './check';
import { M } from './messages';
import { safeCheck, WORKER_MARK } from './worker';

/** Below this many files, starting threads costs more than it saves. */
const MIN_FILES_FOR_THREADS = 8;
/** Largest chunk: progress stays fluid and the last chunks of the threads end close together. */
const MAX_CHUNK = 16;
/**
 * Heap limits of a thread: a small young generation keeps the process's memory down (as for the
 * language server); the old generation leaves room for the largest files.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 6, maxOldGenerationSizeMb: 1024 };

export interface PoolOptions {
  jobs: number;
  /** The bundle to start as a worker (the CLI's own file). */
  script: string;
  onResult?: (done: number, total: number) => void;
  /** Tests: the analysis of files checked on this thread (worker threads use the core's). */
  analyze?: Analyze;
}

export async function checkAll(tasks: readonly Task[], config: CheckConfig, o: PoolOptions): Promise<Outcome[]> {
  const results: Outcome[] = new Array(tasks.length);
  let done = 0;
  const finish = (r: Outcome) => {
    results[r.index] = r;
    o.onResult?.(++done, tasks.length);
  };
  const threads = Math.min(o.jobs, Math.ceil(tasks.length / 2));
  if (threads <= 1 || tasks.length < MIN_FILES_FOR_THREADS) {
    for (const t of tasks) finish(await safeCheck(t, config, o.analyze));
    return results;
  }
  // About eight chunks per thread, so that the threads finish together.
  const chunk = Math.max(1, Math.min(MAX_CHUNK, Math.floor(tasks.length / (threads * 8))));

  let next = 0;
  await new Promise<void>((resolveAll) => {
    let alive = 0;
    const settle = () => {
      if (done === tasks.length) resolveAll();
    };
    for (let w = 0; w < threads; w++) {
      const worker = new Worker(o.script, { workerData: { mark: WORKER_MARK, config }, resourceLimits: WORKER_LIMITS });
      alive++;
      // Two chunks out per thread, so that none waits for the next message.
      const inflight: Task[][] = [];
      const feed = () => {
        while (inflight.length < 2 && next < tasks.length) {
          const c = tasks.slice(next, (next += chunk));
          inflight.push(c);
          worker.postMessage(c);
        }
        if (!inflight.length) void worker.terminate();
      };
      worker.on('message', (rs: Outcome[]) => {
        inflight.shift();
        rs.forEach(finish);
        feed();
        settle();
      });
      // A thread that dies (out of memory, a crash) fails its files; the others go on.
      worker.on('error', (e) => {
        for (const c of inflight) for (const t of c) finish({ ...failed(t), error: M.internal(e.message) });
        inflight.length = 0;
      });
      worker.on('exit', async () => {
        alive--;
        // Files nobody will take any more (every thread gone): check them here.
        if (!alive) while (next < tasks.length) finish(await safeCheck(tasks[next++], config, o.analyze));
        settle();
      });
      feed();
    }
  });
  return results;
}

function failed(t: Task): Outcome {
  return { index: t.index, path: t.path, isReport: false, findings: [], suppressed: 0, summaries: [], spots: NO_SPOTS, notes: [], changes: [] };
}
