/**
 * Writing files without ever leaving them half written: the new content goes to a temporary file
 * beside the target, is flushed to disk, and replaces the target with one rename. Killed or failing
 * at any point, the target holds either its old or its new content, never a mix or nothing.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fchownSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MAX_FILE_BYTES, readReport } from './files';

/** A temporary name beside `target`, hidden, that no one else will pick. */
function tempBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.nianbao-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Replaces `target` (a path whose links are already resolved, or a new file) with `data`
 * atomically. `mode` (and owner, where allowed) are given to the new file. `beforeRename` is a
 * last check: when it returns a reason, nothing is replaced. Throws on failure, after removing
 * the temporary file; the target is then untouched.
 */
export function atomicWrite(target: string, data: Buffer, opts: { mode?: number; uid?: number; gid?: number; beforeRename?: () => string | undefined } = {}): void {
  const tmp = tempBeside(target);
  let fd: number | undefined;
  try {
    // A new file gets the usual mode (0666 less the umask); a replacement gets the old file's.
    fd = openSync(tmp, 'wx', opts.mode === undefined ? 0o666 : 0o600);
    if (opts.mode !== undefined) fchmodSync(fd, opts.mode & 0o7777);
    if (opts.uid !== undefined && opts.gid !== undefined) {
      try {
        fchownSync(fd, opts.uid, opts.gid);
      } catch {
        /* not allowed to give it away: it stays ours */
      }
    }
    for (let off = 0; off < data.length;) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    const veto = opts.beforeRename?.();
    if (veto) throw Object.assign(new Error(veto), { code: 'ECHANGED' });
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* never created, or already renamed */
    }
    throw e;
  }
  syncFolder(dirname(target));
}

/** Flushes a folder's entry list so that the rename survives a crash (best effort; not possible everywhere). */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* e.g. Windows cannot open a folder */
  }
}

/** What a file was when it was read: its text (without BOM), whether it had a BOM, its size and mtime. */
export interface ReadSnapshot {
  text: string;
  bom: boolean;
  size: number;
  mtimeMs: number;
}

export type WriteResult = { ok: true } | { ok: false; changed: boolean; reason: string };

/**
 * Writes `text` into the file at `path` (through a link to its target, which stays a link),
 * keeping its mode and its BOM, but only if it is still what `before` says was read: a file
 * changed on disk meanwhile is left alone and reported as `changed`.
 */
export function writeIfUnchanged(path: string, text: string, before: ReadSnapshot): WriteResult {
  let target: string;
  try {
    target = realpathSync(path);
  } catch (e) {
    return { ok: false, changed: true, reason: `not written: ${(e as Error).message}` };
  }
  const changed = (why: string): WriteResult => ({ ok: false, changed: true, reason: `changed on disk since it was read (${why}); not written, check it again` });
  const now = readReport(target, Math.max(MAX_FILE_BYTES, before.size));
  if (!now.ok) return changed(now.reason);
  if (now.size !== before.size || now.mtimeMs !== before.mtimeMs) return changed('size or modification time differ');
  if (now.text !== before.text || now.bom !== before.bom) return changed('content differs');
  const st = statSync(target);
  if (st.nlink > 1) {
    // Replacing the file would detach its other hard links, which would keep the old text.
    return { ok: false, changed: false, reason: 'not written: the file has other hard links, which a safe (replace by rename) write would detach' };
  }
  try {
    atomicWrite(target, Buffer.from((before.bom ? '\ufeff' : '') + text, 'utf8'), {
      mode: st.mode,
      uid: st.uid,
      gid: st.gid,
      beforeRename: () => {
        const s = statSync(target);
        return s.size !== st.size || s.mtimeMs !== st.mtimeMs ? 'changed on disk while the fix was being written; not written, check it again' : undefined;
      },
    });
    return { ok: true };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ECHANGED') return { ok: false, changed: true, reason: err.message };
    return { ok: false, changed: false, reason: `cannot write: ${err.message}; the file is unchanged` };
  }
}
