/**
 * A short-lived lock file beside a file that several processes may rewrite (two editor windows on
 * one folder): created with O_EXCL, so only one process holds it; waited for with retries; taken
 * over when it is older than `staleMs` (its holder crashed). The holder rewrites for milliseconds.
 */
import { closeSync, lstatSync, openSync, unlinkSync, writeSync } from 'node:fs';

export interface LockOptions {
  /** Give up after this long (ms). */
  timeoutMs?: number;
  /** A lock file older than this (ms) is left over from a crash and removed. */
  staleMs?: number;
}

export class LockTimeout extends Error {
  constructor(readonly lockPath: string) {
    super(`${lockPath} is held by another process (remove it if no nianbao is running)`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` while holding `lockPath`; throws LockTimeout when the lock cannot be had in time. */
export async function withLock<T>(lockPath: string, fn: () => T, opts: LockOptions = {}): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const staleMs = opts.staleMs ?? 10_000;
  for (const end = Date.now() + timeoutMs; ;) {
    let fd: number | undefined;
    try {
      fd = openSync(lockPath, 'wx', 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (fd !== undefined) {
      try {
        try {
          writeSync(fd, `${process.pid}\n`);
        } finally {
          closeSync(fd);
        }
        return fn();
      } finally {
        try {
          unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      }
    }
    let age = 0;
    try {
      age = Date.now() - lstatSync(lockPath).mtimeMs;
    } catch {
      /* released between our create and this look: try again */
    }
    if (age > staleMs) {
      try {
        // Left by a crashed holder. (Two waiters judging it stale at once could both get in: a
        // window of microseconds, and only after a crash inside a millisecond-long rewrite.)
        unlinkSync(lockPath);
        continue;
      } catch {
        /* removed by someone else meanwhile, or cannot be removed (a folder): wait as for a live lock */
      }
    }
    if (Date.now() > end) throw new LockTimeout(lockPath);
    await sleep(5 + Math.random() * 20);
  }
}
