/** A worker thread of `check`: checks the files it is sent, a chunk at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, NO_SPOTS, type Analyze, type CheckConfig, type Outcome, type Task } from './check';
import { M } from './messages';

/** Marks the workerData of our workers, so the bundle knows it was started as one. */
export const WORKER_MARK = 'nianbao-check-worker';

export function isCheckWorker(): boolean {
  return !!parentPort && (workerData as { mark?: string } | undefined)?.mark === WORKER_MARK;
}

/** Checks one file; an exception becomes the file's error instead of ending the run. */
export async function safeCheck(task: Task, config: CheckConfig, analyze?: Analyze): Promise<Outcome> {
  try {
    return await checkFile(task, config, analyze);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { index: task.index, path: task.path, isReport: false, findings: [], suppressed: 0, summaries: [], spots: NO_SPOTS, notes: [], changes: [], error: M.internal(why) };
  }
}

/** Checks each chunk of files it is sent and answers with their outcomes in one message (messages between threads are slow here; chunks keep them few). */
export function workerMain(): void {
  const config = (workerData as { config: CheckConfig }).config;
  parentPort!.on('message', async (tasks: Task[]) => {
    const out: Outcome[] = [];
    for (const t of tasks) out.push(await safeCheck(t, config));
    parentPort!.postMessage(out);
  });
}
