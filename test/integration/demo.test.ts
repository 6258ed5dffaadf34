import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { seedDemo } from "../../app/models/demo.server";
import { verifySignIn } from "../../app/models/user.server";
import { verifyAuditTrail } from "../../app/models/audit.server";
import { createTestDb, type TestDb } from "../setup/db";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.close();
});

describe("the demo workspace", () => {
  it("seeds four accounts, the worked example's records, and its case analysed and ready", async () => {
    expect(await seedDemo(testDb.db)).toEqual({ seeded: true });
    for (const role of ["comms", "legal", "engineer", "admin"]) {
      expect((await verifySignIn(testDb.db, `${role}@example.com`, "factdesk-demo")).ok).toBe(true);
    }
    const [counts] = await queryRows<{ incidents: number; cases: number; sources: number; claims: number; suggested: number }>(
      testDb.db,
      sql`select (select count(*)::int from incidents) as incidents, (select count(*)::int from cases) as cases,
                 (select count(*)::int from sources) as sources,
                 (select count(*)::int from claims where not below_threshold) as claims,
                 (select count(*)::int from claims where suggestion is not null) as suggested`,
    );
    expect(counts).toMatchObject({ incidents: 6, cases: 1, sources: 1 });
    expect(counts.claims).toBeGreaterThanOrEqual(7);
    expect(counts.suggested).toBeGreaterThanOrEqual(7);
    expect(await verifyAuditTrail(testDb.db)).toMatchObject({ ok: true });
  });

  it("does nothing where users already exist", async () => {
    expect(await seedDemo(testDb.db)).toEqual({ seeded: false });
    const [row] = await queryRows<{ n: number }>(testDb.db, sql`select count(*)::int as n from cases`);
    expect(row.n).toBe(1);
  });
});
