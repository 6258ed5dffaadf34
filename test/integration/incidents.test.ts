import fs from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incidentImports, incidents, incidentVersions } from "../../db/schema";
import { formatImportError, type Incident } from "../../app/domain/incidents";
import {
  countIncidents,
  exportIncidents,
  getIncident,
  importIncidents,
  previewImport,
  searchIncidents,
} from "../../app/models/incident.server";
import { createTestDb, type TestDb } from "../setup/db";

const MERIDIAN = fs.readFileSync(new URL("../../db/demo/meridian/incidents.json", import.meta.url), "utf8");
const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/incidents/${name}`, import.meta.url), "utf8");
const actor = { label: "test" };

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.close();
});

async function exported(): Promise<Incident[]> {
  const out: Incident[] = [];
  for await (const record of exportIncidents(testDb.db)) out.push(record);
  return out;
}

async function writtenRows() {
  const [row] = await testDb.db
    .select({
      incidents: sql<number>`(select count(*)::int from incidents)`,
      versions: sql<number>`(select count(*)::int from incident_versions)`,
      imports: sql<number>`(select count(*)::int from incident_imports)`,
    })
    .from(sql`(select 1) as one`);
  return row;
}

describe("importing the canonical format", () => {
  it("round-trips the worked example field for field: export then import is the identity", async () => {
    const outcome = await importIncidents(testDb.db, { text: MERIDIAN, fileName: "incidents.json", actor });
    expect(outcome).toMatchObject({ ok: true, new: 6, updated: 0, unchanged: 0, format: "json" });
    const source = (JSON.parse(MERIDIAN) as { incidents: Incident[] }).incidents;
    const out = await exported();
    expect(out).toEqual([...source].sort((a, b) => a.id.localeCompare(b.id)));
    // Key order too: the export writes fields in the format's order, as the example does.
    expect(JSON.stringify(out.find((r) => r.id === source[0].id))).toBe(JSON.stringify(source[0]));

    const again = await importIncidents(testDb.db, { text: JSON.stringify({ incidents: out }), fileName: "export.json", actor });
    expect(again).toMatchObject({ ok: true, new: 0, updated: 0, unchanged: 6 });
  });

  it("keeps each record's raw source beside it", async () => {
    const detail = await getIncident(testDb.db, "RET-2026-0307-B");
    expect(detail?.raw).toEqual((JSON.parse(MERIDIAN) as { incidents: Incident[] }).incidents.find((r) => r.id === "RET-2026-0307-B"));
    expect(detail?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("bad input is rejected whole, with nothing written", () => {
  const cases: Array<[string, string, string[]]> = [
    [
      "invalid records",
      fixture("invalid-records.json"),
      [
        'record 1 (RET-2026-0309-C): startedAt: "2026-03-09 09:02" has no UTC offset',
        'record 2 (RET-2026-0311-D): resolvedAt: "2026-03-11T12:02:00Z" is before startedAt "2026-03-11T13:15:00Z"',
        'record 3 (RET 2026/0312): sevrity: unknown field (did you mean "severity"?)',
        'record 4 (RET-2026-0311-D): id: "RET-2026-0311-D" is already the id of record 2',
      ],
    ],
    ["malformed JSON", fixture("malformed.json"), ["incidents.json:8:5: Expected double-quoted property name in JSON"]],
    ["a CSV with an unclosed quote", fixture("unclosed-quote.csv"), ["incidents.json:"]],
    ["a CSV with a wrong column count", fixture("wrong-column-count.csv"), ["incidents.json:"]],
    ["an empty file", "   ", ["the file is empty"]],
  ];

  it.each(cases)("%s", async (_name, text, expectedLines) => {
    const before = await writtenRows();
    const outcome = await importIncidents(testDb.db, { text, fileName: "incidents.json", actor });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const lines = outcome.errors.map((e) => formatImportError(e, "incidents.json"));
    for (const expected of expectedLines) expect(lines.some((l) => l.includes(expected))).toBe(true);
    expect(await writtenRows()).toEqual(before);
  });

  it("lists every problem in a file, not only the first", async () => {
    const outcome = await importIncidents(testDb.db, { text: fixture("invalid-records.json"), fileName: "x.json", actor });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.length).toBeGreaterThanOrEqual(8);
  });

  it("leaves nothing behind when the database refuses a row mid-import", async () => {
    // A trigger stands in for any failure only the database can see (disk full, a constraint).
    await testDb.db.execute(sql`create function refuse_bulk_2100() returns trigger language plpgsql as $$
      begin if new.id = 'BULK-2100' then raise exception 'refused by the test trigger'; end if; return new; end $$`);
    await testDb.db.execute(sql`create trigger refuse_bulk before insert on incidents for each row execute function refuse_bulk_2100()`);
    try {
      const before = await writtenRows();
      const records = Array.from({ length: 2500 }, (_, i) => ({ id: `BULK-${i}`, title: `Bulk ${i}`, startedAt: "2026-01-01T00:00:00Z" }));
      await expect(importIncidents(testDb.db, { text: JSON.stringify(records), fileName: "bulk.json", actor })).rejects.toThrow();
      expect(await writtenRows()).toEqual(before);
    } finally {
      await testDb.db.execute(sql`drop trigger refuse_bulk on incidents`);
      await testDb.db.execute(sql`drop function refuse_bulk_2100()`);
    }
  });
});

describe("versions", () => {
  it("adds a version with the changed fields on re-import, and none for an identical record", async () => {
    const source = (JSON.parse(MERIDIAN) as { incidents: Incident[] }).incidents;
    const changed = source.map((r) => (r.id === "RET-2026-0309-C" ? { ...r, resolvedAt: "2026-03-09T12:00:00Z", severity: "SEV1" } : r));
    const preview = await previewImport(testDb.db, JSON.stringify(changed));
    expect(preview).toMatchObject({ ok: true, new: 0, updated: 1, unchanged: 5 });
    const before = await writtenRows();
    const outcome = await importIncidents(testDb.db, { text: JSON.stringify(changed), fileName: "v2.json", actor: { label: "engineer@example.com" } });
    expect(outcome).toMatchObject({ ok: true, new: 0, updated: 1, unchanged: 5 });
    const after = await writtenRows();
    expect(after.versions).toBe(before.versions + 1);
    expect(after.incidents).toBe(before.incidents);

    const detail = await getIncident(testDb.db, "RET-2026-0309-C");
    expect(detail?.version).toBe(2);
    expect(detail?.record.severity).toBe("SEV1");
    expect(detail?.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(detail?.versions[0]).toMatchObject({ changedFields: ["severity", "resolvedAt"], importedBy: "engineer@example.com", fileName: "v2.json" });
    expect(detail?.versions[0].contentHash).not.toBe(detail?.versions[1].contentHash);

    const unchanged = await getIncident(testDb.db, "RET-2026-0305-A");
    expect(unchanged?.version).toBe(1);
  });
});

describe("other formats", () => {
  it("imports CSV", async () => {
    const db = await createTestDb();
    try {
      const outcome = await importIncidents(db.db, { text: fixture("incidents.csv"), fileName: "incidents.csv", actor });
      expect(outcome).toMatchObject({ ok: true, format: "csv" });
      const detail = await getIncident(db.db, "RET-2026-0305-A");
      expect(detail?.record.services).toEqual(["search", "storefront"]);
      expect(detail?.record.contributingFactors?.[0]).toEqual({ tag: "capacity", description: expect.any(String) });
    } finally {
      await db.close();
    }
  });

  it.each([
    ["statuspage-incidents.json", "statuspage"],
    ["pagerduty-incidents.json", "pagerduty"],
  ])("detects and imports %s", async (file, format) => {
    const db = await createTestDb();
    try {
      const outcome = await importIncidents(db.db, { text: fixture(file), fileName: file, actor });
      expect(outcome).toMatchObject({ ok: true, format });
      if (!outcome.ok) return;
      expect(outcome.new).toBeGreaterThan(1);
      expect(await countIncidents(db.db)).toBe(outcome.new);
      const [version] = await db.db.select({ raw: incidentVersions.raw, sourceFormat: incidentVersions.sourceFormat }).from(incidentVersions).limit(1);
      expect(version.sourceFormat).toBe(format);
      expect(version.raw).toBeTruthy();
    } finally {
      await db.close();
    }
  });

  it("honours a forced format", async () => {
    const outcome = await previewImport(testDb.db, MERIDIAN, "csv");
    expect(outcome.ok).toBe(false);
  });
});

describe("search", () => {
  it("ranks a match in the title above a single mention in the summary", async () => {
    const db = await createTestDb();
    try {
      const records: Incident[] = [
        { id: "S-1", title: "Storage latency in the west", startedAt: "2026-02-01T00:00:00Z", summary: "Latency rose; one replica lagged behind the others after a gateway restart." },
        { id: "S-2", title: "Gateway timeouts for API clients", startedAt: "2026-02-02T00:00:00Z", summary: "Requests timed out." },
        { id: "S-3", title: "Unrelated billing delay", startedAt: "2026-02-03T00:00:00Z", summary: "Invoices were late." },
      ];
      await importIncidents(db.db, { text: JSON.stringify(records), fileName: "s.json", actor });
      const result = await searchIncidents(db.db, { q: "gateway" });
      expect(result.items.map((i) => i.id)).toEqual(["S-2", "S-1"]);
      expect(result.total).toBe(2);
      expect(result.items[1].snippet).toContain("<<<gateway>>>");
    } finally {
      await db.close();
    }
  });

  it("filters by organization, service, region, severity, tag and date range", async () => {
    const all = await searchIncidents(testDb.db, {});
    expect(all.total).toBe(6);
    expect((await searchIncidents(testDb.db, { organization: "cloud" })).items.map((i) => i.id)).toEqual(["CLD-2026-0214-A"]);
    expect((await searchIncidents(testDb.db, { service: "checkout" })).items.map((i) => i.id)).toContain("RET-2026-0307-B");
    expect((await searchIncidents(testDb.db, { tag: "ai_assisted_tooling" })).items.map((i) => i.id)).toEqual(["RET-2026-0307-B"]);
    const week = await searchIncidents(testDb.db, { from: "2026-03-05", to: "2026-03-11", organization: "retail" });
    expect(week.items.map((i) => i.id).sort()).toEqual(["RET-2026-0305-A", "RET-2026-0307-B", "RET-2026-0309-C", "RET-2026-0311-D"]);
    const region = await searchIncidents(testDb.db, { region: "eu-west", severity: "SEV1" });
    expect(region.items.every((i) => i.regions.includes("eu-west") && i.severity === "SEV1")).toBe(true);
  });

  it("pages through results", async () => {
    const db = await createTestDb();
    try {
      const records = Array.from({ length: 60 }, (_, i) => ({ id: `P-${String(i).padStart(3, "0")}`, title: `Paged ${i}`, startedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString() }));
      await importIncidents(db.db, { text: JSON.stringify(records), fileName: "p.json", actor });
      const first = await searchIncidents(db.db, { page: 1 });
      const third = await searchIncidents(db.db, { page: 3 });
      expect(first.pages).toBe(3);
      expect(first.items[0].id).toBe("P-059");
      expect(third.items.map((i) => i.id)).toEqual(Array.from({ length: 10 }, (_, i) => `P-${String(9 - i).padStart(3, "0")}`));
    } finally {
      await db.close();
    }
  });
});

describe("import bookkeeping", () => {
  it("records who imported what", async () => {
    const rows = await testDb.db.select().from(incidentImports).where(eq(incidentImports.fileName, "v2.json"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ importedByLabel: "engineer@example.com", total: 6, newCount: 0, updatedCount: 1, unchangedCount: 5 });
    const [{ n }] = await testDb.db.select({ n: sql<number>`count(*)::int` }).from(incidents);
    expect(n).toBe(6);
  });
});
