import fs from "node:fs";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb, queryRows } from "../../db/client";
import { migrateDb } from "../../db/migrate";

/** Only in the postgres project: two app processes starting at once against one PostgreSQL. */
describe("migrations under concurrency", () => {
  it("survives two processes migrating one database at once", async () => {
    const { randomBytes } = await import("node:crypto");
    const postgres = (await import("postgres")).default;
    const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    const name = `factdesk_race_${randomBytes(4).toString("hex")}`;
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const a = await createDb(url.toString());
    const b = await createDb(url.toString());
    await Promise.all([migrateDb(a, url.toString()), migrateDb(b, url.toString())]);
    const rows = await queryRows<{ n: number }>(a.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const files = fs.readdirSync(new URL("../../db/migrations", import.meta.url)).filter((f) => f.endsWith(".sql"));
    expect(rows[0].n).toBe(files.length);
    await a.close();
    await b.close();
    await admin.unsafe(`drop database "${name}" with (force)`);
    await admin.end();
  });
});
