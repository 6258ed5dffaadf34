/**
 * `factdesk audit verify` against a real workspace (a PGlite data folder, or this file's
 * PostgreSQL database): exit 0 on a new workspace and an intact chain, exit 1 naming the first
 * broken link when a row is edited, deleted or two rows are swapped.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/run";
import { recordEvent } from "../../app/models/audit.server";
import { auditEvents } from "../../db/schema";
import { openWorkspace } from "../../db/open";
import { createTestDb, TEST_DRIVER, type TestDb } from "../setup/db";

let location: string;
let testDb: TestDb | undefined;
beforeAll(async () => {
  if (TEST_DRIVER === "postgres") {
    testDb = await createTestDb();
    location = testDb.url;
  } else {
    location = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-audit-"));
  }
});
afterAll(async () => {
  await testDb?.close();
  if (TEST_DRIVER === "pglite") fs.rmSync(location, { recursive: true, force: true });
});

async function verify() {
  let stdout = "";
  let stderr = "";
  const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {} as NodeJS.ProcessEnv };
  const code = await runCli(["audit", "verify", "--db", location], io);
  return { code, stdout, stderr };
}

/** Opens the workspace, runs `fn` on its database, closes it (the CLI needs the data folder to itself). */
async function withDb(fn: (db: Awaited<ReturnType<typeof openWorkspace>>["db"]) => Promise<void>) {
  const ws = await openWorkspace(location, "audit test");
  try {
    await fn(ws.db);
  } finally {
    await ws.close();
  }
}

async function seqs() {
  let rows: number[] = [];
  await withDb(async (db) => {
    rows = (await db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(asc(auditEvents.seq))).map((r) => r.seq);
  });
  return rows;
}

describe(`factdesk audit verify (${TEST_DRIVER})`, () => {
  it("passes on a new workspace", async () => {
    expect(await verify()).toEqual({ code: 0, stdout: "audit trail intact: 0 events verified\n", stderr: "" });
  });

  it("passes on an intact chain, with old-style and new-style events", async () => {
    await withDb(async (db) => {
      for (let i = 0; i < 5; i++)
        await db.transaction(async (tx) => {
          const actor = i % 2 ? { id: null, label: "cli" } : { id: null, label: "a@example.com", name: "Casey Comms", roles: ["comms"], ip: "192.0.2.1" };
          await recordEvent(tx as never, actor, { action: "case.updated", entityType: "case", entityId: `c${i}`, data: { title: `T${i}` }, versionHash: i === 4 ? "ab".repeat(32) : null });
        });
    });
    expect(await verify()).toMatchObject({ code: 0, stdout: "audit trail intact: 5 events verified\n" });
  });

  it("finds an edited row", async () => {
    const [, second] = await seqs();
    await withDb((db) => db.update(auditEvents).set({ data: { title: "changed" } }).where(eq(auditEvents.seq, second)).then(() => {}));
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`audit trail broken at event ${second}: its content does not match its hash (it was altered) (5 events checked)\n`);
    // Put it back for the next case.
    await withDb((db) => db.update(auditEvents).set({ data: { title: "T1" } }).where(eq(auditEvents.seq, second)).then(() => {}));
    expect((await verify()).code).toBe(0);
  });

  it("finds two rows swapped", async () => {
    const [, second, third] = await seqs();
    await withDb(async (db) => {
      await db.transaction(async (tx) => {
        await tx.update(auditEvents).set({ seq: -1 }).where(eq(auditEvents.seq, second));
        await tx.update(auditEvents).set({ seq: second }).where(eq(auditEvents.seq, third));
        await tx.update(auditEvents).set({ seq: third }).where(eq(auditEvents.seq, -1));
      });
    });
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^audit trail broken at event ${second}: its link to the previous event does not match`));
    await withDb(async (db) => {
      await db.transaction(async (tx) => {
        await tx.update(auditEvents).set({ seq: -1 }).where(eq(auditEvents.seq, second));
        await tx.update(auditEvents).set({ seq: second }).where(eq(auditEvents.seq, third));
        await tx.update(auditEvents).set({ seq: third }).where(eq(auditEvents.seq, -1));
      });
    });
    expect((await verify()).code).toBe(0);
  });

  it("finds a deleted row", async () => {
    const [, , third, fourth] = await seqs();
    await withDb((db) => db.delete(auditEvents).where(eq(auditEvents.seq, third)).then(() => {}));
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^audit trail broken at event ${fourth}: its link to the previous event does not match`));
  });
});
