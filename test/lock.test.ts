import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirInUseError, DataDirNestedError, LOCK_FILE } from "../db/data-lock";

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-lock-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function holdLock(dir: string, pid: number) {
  fs.writeFileSync(
    path.join(dir, LOCK_FILE),
    JSON.stringify({ pid, hostname: os.hostname(), command: "factdesk server", startedAt: "2026-01-01T00:00:00.000Z" }),
  );
}

describe("the data folder lock", () => {
  it("refuses a second holder while a live process holds it, naming the folder and the process", () => {
    const dir = tempDir();
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      holdLock(dir, sleeper.pid!);
      expect(() => acquireDataDirLock(dir, "test")).toThrow(DataDirInUseError);
      expect(() => acquireDataDirLock(dir, "test")).toThrow(new RegExp(`${dir}.*in use by process ${sleeper.pid}`));
    } finally {
      sleeper.kill();
    }
  });

  it("takes over a stale lock left by a dead process", () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    holdLock(dir, Number(dead.stdout.toString()));
    const lock = acquireDataDirLock(dir, "test");
    expect(JSON.parse(fs.readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });

  it("takes over an unreadable lock file", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE), "garbage");
    const lock = acquireDataDirLock(dir, "test");
    lock.release();
  });

  it("refuses the command-line tool on a folder the app holds, with one clear line", () => {
    const dir = tempDir();
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      holdLock(dir, sleeper.pid!);
      const cli = spawnSync(process.execPath, ["--import", "tsx", "app/cli/main.ts", "users", "list", "--db", dir], {
        encoding: "utf8",
      });
      expect(cli.status).toBe(1);
      expect(cli.stderr.trim()).toBe(
        `factdesk: The data folder ${dir} is in use by process ${sleeper.pid} (factdesk server, started 2026-01-01T00:00:00.000Z). Stop that process, or set FACTDESK_DATA_DIR (or --db) to another folder.`,
      );
    } finally {
      sleeper.kill();
    }
  });
});

describe("a data folder inside another (issue 12)", () => {
  it("refuses <data>/pgdata and any folder within a data folder, naming the enclosing one", () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "pgdata"));
    fs.writeFileSync(path.join(dir, "pgdata", "PG_VERSION"), "17\n");
    for (const inner of [path.join(dir, "pgdata"), path.join(dir, "pgdata", "base"), path.join(dir, "other")]) {
      expect(() => acquireDataDirLock(inner, "test"), inner).toThrow(DataDirNestedError);
      expect(() => acquireDataDirLock(inner, "test"), inner).toThrow(`inside the data folder ${dir}`);
    }
    expect(fs.existsSync(path.join(dir, "pgdata", "pgdata"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "other"))).toBe(false);
  });

  it("refuses a folder inside a live, locked data folder that has no database yet", () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, "test");
    try {
      expect(() => acquireDataDirLock(path.join(dir, "pgdata"), "test")).toThrow(DataDirNestedError);
    } finally {
      lock.release();
    }
  });

  it("accepts the data folder itself and a sibling folder", () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "pgdata"));
    fs.writeFileSync(path.join(dir, "pgdata", "PG_VERSION"), "17\n");
    acquireDataDirLock(dir, "test").release();
    const sibling = tempDir();
    acquireDataDirLock(sibling, "test").release();
  });
});
