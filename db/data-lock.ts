/**
 * PGlite has no lock of its own: two processes on one data folder silently lose writes.
 * This lock file makes the second process stop with a clear message, and lets a process
 * take over a lock whose holder has died.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface LockHolder {
  pid: number;
  hostname: string;
  command: string;
  startedAt: string;
}

/** A data folder this process may not use; the message says why and what to do. */
export class DataDirError extends Error {}

export class DataDirInUseError extends DataDirError {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data folder ${dir} is in use by process ${holder.pid} (${holder.command}, started ${holder.startedAt}). ` +
        `Stop that process, or set FACTDESK_DATA_DIR (or --db) to another folder.`,
    );
    this.name = "DataDirInUseError";
  }
}

export class DataDirNestedError extends DataDirError {
  constructor(
    readonly dir: string,
    readonly enclosing: string,
  ) {
    super(
      `The data folder ${dir} lies inside the data folder ${enclosing}; using it would create a second database inside that one. ` +
        `Set FACTDESK_DATA_DIR (or --db) to ${enclosing} itself, or to a folder outside it.`,
    );
    this.name = "DataDirNestedError";
  }
}

export interface DataDirLock {
  path: string;
  release(): void;
}

export const LOCK_FILE = "factdesk.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    const holder = JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockHolder;
    return Number.isInteger(holder.pid) ? holder : null;
  } catch {
    return null;
  }
}

/** A lock held by a live process on this host is respected; anything else is stale. */
function isStale(holder: LockHolder | null): boolean {
  if (!holder) return true;
  if (holder.hostname !== os.hostname()) return false;
  if (holder.pid === process.pid) return false;
  return !isAlive(holder.pid);
}

/**
 * Takes the folder's lock for this process, or throws DataDirInUseError naming the holder.
 * The lock is released by `release()` and, as a fallback, when the process exits.
 */
export function acquireDataDirLock(dir: string, command: string): DataDirLock {
  const absDir = path.resolve(dir);
  const enclosing = findEnclosingDataDir(absDir);
  if (enclosing) throw new DataDirNestedError(absDir, enclosing);
  fs.mkdirSync(absDir, { recursive: true });
  const lockPath = path.join(absDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, hostname: os.hostname(), command, startedAt: new Date().toISOString() };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: "wx" });
      const release = () => {
        if (readHolder(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return { path: lockPath, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockPath);
      if (holder && holder.pid === process.pid) {
        throw new DataDirInUseError(dir, holder);
      }
      if (!isStale(holder)) throw new DataDirInUseError(dir, holder as LockHolder);
      fs.rmSync(lockPath, { force: true });
    }
  }
  const holder = readHolder(lockPath);
  throw new DataDirInUseError(dir, holder ?? { pid: -1, hostname: "?", command: "unknown", startedAt: "?" });
}

/** Whether `dir` holds a Factdesk data folder (its lock file, or PGlite's files in pgdata/). */
function isDataDir(dir: string): boolean {
  return fs.existsSync(path.join(dir, LOCK_FILE)) || fs.existsSync(path.join(pgliteDir(dir), "PG_VERSION"));
}

/**
 * The data folder that `absDir` lies inside, or null. A folder PGlite's own files are in (such
 * as `<data>/pgdata`) counts as inside its data folder too, so a mistyped path is refused
 * instead of quietly growing a second database within the first.
 */
export function findEnclosingDataDir(absDir: string): string | null {
  if (fs.existsSync(path.join(absDir, "PG_VERSION"))) return path.dirname(absDir);
  for (let parent = path.dirname(absDir); ; parent = path.dirname(parent)) {
    if (isDataDir(parent)) return parent;
    if (path.dirname(parent) === parent) return null;
  }
}

/** Where PGlite keeps its files inside a Factdesk data folder (the lock file sits beside it). */
export function pgliteDir(dataDir: string): string {
  return path.join(path.resolve(dataDir), "pgdata");
}
