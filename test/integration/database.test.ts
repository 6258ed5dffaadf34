import { sql } from "drizzle-orm";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, queryRows } from "../../db/client";
import { MIGRATIONS_FOLDER, migrateDb } from "../../db/migrate";
import { openWorkspace } from "../../db/open";
import { ensurePgliteTemplate } from "../../db/template";
import { createTestDb, TEST_DRIVER, type TestDb } from "../setup/db";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.close();
});

describe("createDb picks the driver from the location", () => {
  it("uses postgres.js for a postgres:// URL, without connecting until asked", async () => {
    const handle = await createDb("postgres://nobody:secret@127.0.0.1:1/none");
    expect(handle.kind).toBe("postgres");
    expect(handle.location).toBe("postgres://nobody:***@127.0.0.1:1/none");
    await handle.close();
  });

  it("uses an in-memory PGlite for memory://", async () => {
    const handle = await createDb("memory://");
    expect(handle.kind).toBe("pglite");
    expect(handle.location).toBe("memory://");
    await handle.close();
  });

  it("uses a PGlite data folder for a path, and keeps data across opens", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-db-"));
    const first = await createDb(dir);
    expect(first.kind).toBe("pglite");
    await first.db.execute(sql`create table kept (v int)`);
    await first.db.execute(sql`insert into kept values (42)`);
    await first.close();
    const second = await createDb(dir);
    expect(await queryRows(second.db, sql`select v from kept`)).toEqual([{ v: 42 }]);
    await second.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("openWorkspace on a new data folder", () => {
  it("starts it from the cached migrated template, fully migrated, and keeps what is written", async () => {
    await ensurePgliteTemplate();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-ws-"));
    const first = await openWorkspace(dir, "test");
    expect(first.fresh).toBe(true);
    const applied = await queryRows<{ n: number }>(first.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(applied[0].n).toBe(fs.readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith(".sql")).length);
    await first.db.execute(sql`insert into settings (key, value) values ('kept', 'yes')`);
    await first.close();
    const second = await openWorkspace(dir, "test");
    expect(second.fresh).toBe(false);
    expect(await queryRows(second.db, sql`select value from settings where key = 'kept'`)).toEqual([{ value: "yes" }]);
    await second.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe(`migrations on ${TEST_DRIVER}`, () => {
  it("creates the schema with pg_trgm and full-text search available", async () => {
    const tables = await queryRows<{ table_name: string }>(
      testDb.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["users", "sessions", "settings", "sign_in_throttle"]));
    const ext = await queryRows<{ extname: string }>(testDb.db, sql`select extname from pg_extension where extname = 'pg_trgm'`);
    expect(ext).toHaveLength(1);
    const [sim] = await queryRows<{ s: number }>(testDb.db, sql`select similarity('checkout', 'check-out') as s`);
    expect(Number(sim.s)).toBeGreaterThan(0.3);
    const [fts] = await queryRows<{ m: boolean }>(
      testDb.db,
      sql`select to_tsvector('english', 'Checkout failures in Europe') @@ websearch_to_tsquery('english', 'checkout failure') as m`,
    );
    expect(fts.m).toBe(true);
  });

  it("is idempotent: applying again changes nothing", async () => {
    const before = await queryRows<{ n: number }>(testDb.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    await migrateDb(testDb, testDb.url);
    const after = await queryRows<{ n: number }>(testDb.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(after[0].n).toBe(before[0].n);
    expect(before[0].n).toBeGreaterThan(0);
  });
});
