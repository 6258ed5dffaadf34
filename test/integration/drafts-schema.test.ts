import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, drafts, draftVersions } from "../../db/schema";
import { createTestDb, type TestDb } from "../setup/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe("drafts schema", () => {
  it("refuses a second version with the same number for one draft", async () => {
    const [c] = await t.db.insert(cases).values({ title: "A story" }).returning();
    const [d] = await t.db.insert(drafts).values({ caseId: c!.id, title: "Statement" }).returning();
    expect(d!.state).toBe("draft");
    expect(d!.kind).toBe("statement");
    await t.db.insert(draftVersions).values({ draftId: d!.id, number: 1, body: "one", hash: "h1" });
    await expect(
      t.db.insert(draftVersions).values({ draftId: d!.id, number: 1, body: "two", hash: "h2" }),
    ).rejects.toThrow();
  });
});
