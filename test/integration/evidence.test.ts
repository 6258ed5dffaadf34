/**
 * Evidence on a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): ranking
 * with near-miss distractors through the database pool, each assertion check both ways through
 * the whole pipeline, staleness of confirmations after re-imports, and who may link, confirm
 * and set verdicts, through the evidence page's loader and action.
 */
import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CaseTimeline } from "../../app/components/case-timeline";
import { extractClaims, type ExtractedClaim } from "../../app/domain/claims";
import type { Incident } from "../../app/domain/incidents";
import { analyzeArticle, analyzeExtractedClaims, candidatePool, extractionVocabulary } from "../../app/models/analysis.server";
import { listEvents, verifyAuditTrail } from "../../app/models/audit.server";
import {
  confirmLink,
  getCaseEvidence,
  linkEvidence,
  runCaseAnalysis,
  setVerdict,
  type StoredSuggestion,
} from "../../app/models/evidence.server";
import { importIncidents } from "../../app/models/incident.server";
import CaseEvidencePage, { action, loader } from "../../app/routes/_app.cases.$caseId.evidence";
import { cases, claimAppearances, claims, evidenceLinks, incidents, sources } from "../../db/schema";
import type { Db } from "../../db/client";
import { generateIncidents } from "../bench/generate";
import { AppError } from "../../app/utils/app-error";
import { createTestDb, TEST_DRIVER, type TestDb } from "../setup/db";
import { call, cookieFor, createTestUser, makeContext, makeRequest } from "../setup/remix";

/** A resolved record: `hours` long from 10:00 UTC on `day`. */
function record(id: string, day: string, hours: number, extra: Partial<Incident> = {}): Incident {
  const start = Date.parse(`${day}T10:00:00Z`);
  return {
    id,
    title: "Checkout errors",
    status: "resolved",
    startedAt: new Date(start).toISOString().replace(".000Z", "Z"),
    resolvedAt: new Date(start + hours * 3_600_000).toISOString().replace(".000Z", "Z"),
    organization: "retail",
    services: ["checkout"],
    regions: ["eu-west"],
    ...extra,
  };
}

async function load(db: Db, records: Incident[], fileName = "records.json") {
  const outcome = await importIncidents(db, { text: JSON.stringify({ incidents: records }), fileName, actor: { label: "test" } });
  expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  return outcome;
}

const handles: TestDb[] = [];
async function freshDb() {
  const handle = await createTestDb();
  handles.push(handle);
  return handle.db;
}
afterAll(async () => {
  for (const h of handles) await h.close();
});

/** An article with a lede that sets the week, and the claim sentence under test. */
function article(sentence: string) {
  return `# Trouble at the store\n\nBy Sam Reporter · 13 March 2026\n\nShoppers had a rough week between 5 and 11 March.\n\n${sentence}\n`;
}

async function analyzeSentence(db: Db, sentence: string) {
  const result = await analyzeArticle(db, { text: article(sentence), publishedAt: "2026-03-13" });
  const claim = result.claims.find((c) => c.text.includes(sentence.slice(0, 24)));
  expect(claim, `"${sentence}" was not taken as a claim`).toBeDefined();
  return claim!;
}

describe(`ranking through the database pool, with near misses (${TEST_DRIVER})`, () => {
  let db: Db;
  const claimText = "Checkout at the retail site failed on 7 March after a configuration change, for almost three hours.";
  beforeAll(async () => {
    db = await freshDb();
    const cause = { contributingFactors: [{ tag: "config_change", description: "A timeout was changed by hand." }], rootCause: "An engineer changed a timeout in a configuration file." };
    // Background: a few hundred generated records from an earlier year, to give the pool something to wade through.
    const noise = generateIncidents(400, 11).filter((r) => r.startedAt < "2025-12-01");
    await load(db, [
      ...noise,
      record("RET-2026-0107", "2026-03-07", 2.75, { title: "Checkout errors after a configuration change", ...cause, customerImpact: "About 18% of checkout attempts failed." }),
      record("RET-2026-0207", "2026-02-07", 2.75, { title: "Checkout errors after a configuration change", ...cause, customerImpact: "About 18% of checkout attempts failed." }),
      record("CLD-2026-0107", "2026-03-07", 2.75, { organization: "cloud", services: ["object-storage"], title: "Storage errors after a configuration change", ...cause }),
      record("RET-2026-0108", "2026-03-08", 2.75, { title: "Checkout latency", contributingFactors: [{ tag: "capacity", description: "Peak load" }], rootCause: "Peak traffic exhausted a connection pool." }),
    ]);
  });

  it("puts the true record first and every near miss below it", async () => {
    const claim = await analyzeSentence(db, claimText);
    const ids = claim.candidates.map((c) => c.incidentId);
    expect(ids[0]).toBe("RET-2026-0107");
    const top = claim.candidates[0].score;
    for (const miss of ["RET-2026-0207", "CLD-2026-0107", "RET-2026-0108"]) {
      const found = claim.candidates.find((c) => c.incidentId === miss);
      if (found) expect(found.score, `${miss} should rank below the true record`).toBeLessThan(top);
    }
    expect(claim.candidates[0].reasons.join(" | ")).toMatch(/config_change/);
  });

  it("retrieves the near misses into the pool, with reasons a person can check", async () => {
    const vocabulary = await extractionVocabulary(db);
    const text = article(claimText);
    const extracted = extractClaims(text, { publishedAt: "2026-03-13", vocabulary }).find((c) => c.text.startsWith("Checkout"))!;
    const pool = await candidatePool(db, extracted, { publishedAt: "2026-03-13" });
    const ids = pool.map((p) => p.incident.id);
    for (const id of ["RET-2026-0107", "RET-2026-0207", "CLD-2026-0107", "RET-2026-0108"]) expect(ids).toContain(id);
    expect(Math.max(...pool.map((p) => p.textScore))).toBe(1);
    const claim = (await analyzeExtractedClaims(db, [extracted], { publishedAt: "2026-03-13" }))[0];
    const reasons = (id: string) => claim.candidates.find((c) => c.incidentId === id)?.reasons.join(" | ") ?? "";
    expect(reasons("RET-2026-0207")).toMatch(/before the reported window/);
    expect(reasons("CLD-2026-0107")).toMatch(/organization cloud, not retail|service/);
    expect(reasons("RET-2026-0108")).toMatch(/after the reported window/);
  });
});

describe(`each assertion check, both ways, through the pipeline (${TEST_DRIVER})`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDb();
    await load(db, [
      record("RET-2026-0101", "2026-03-05", 0.9, {
        title: "Search returned no results",
        services: ["search"],
        customerImpact: "Search returned no results; browsing still worked.",
        customersAffected: 41000,
        rootCause: "A deployment broke the search index.",
        contributingFactors: [{ tag: "deployment", description: "Bad release" }],
      }),
      record("RET-2026-0102", "2026-03-07", 2 + 2 / 3, {
        title: "Checkout errors after a configuration change",
        customerImpact: "About 18% of checkout attempts failed.",
        customersAffected: 12600,
        rootCause: "An engineer changed a timeout in a configuration file.",
        contributingFactors: [
          { tag: "config_change", description: "Timeout changed" },
          { tag: "human_error", description: "Manual edit" },
        ],
      }),
      record("RET-2026-0103", "2026-03-09", 1.5, {
        title: "Product images missing",
        services: ["images"],
        customerImpact: "Images were missing on a third of pages.",
        customersAffected: 0,
        rootCause: "Code generated by an AI coding assistant mishandled an edge case.",
        contributingFactors: [{ tag: "ai_generated_code", description: "AI patch" }],
      }),
      record("RET-2026-0104", "2026-03-11", 0.8, {
        title: "Order history unavailable",
        services: ["order-history"],
        customerImpact: "Signed-in customers could not open their order history.",
        customersAffected: 8900,
        rootCause: "The order database ran out of connections at peak.",
        contributingFactors: [{ tag: "capacity", description: "Peak" }],
      }),
      record("CLD-2026-0201", "2026-02-14", 2.5, {
        organization: "cloud",
        title: "Object storage errors",
        services: ["object-storage"],
        customerImpact: "Some storage requests failed.",
        customersAffected: 300,
        rootCause: "A disk controller failed.",
        contributingFactors: [{ tag: "hardware", description: "Disk" }],
      }),
    ]);
  });

  const cases: [string, string, string, "supported" | "contradicted", RegExp][] = [
    ["counts", "The retail site went down four times between 5 and 11 March.", "count", "supported", /^4 incidents between 5 and 11 Mar 2026/],
    ["counts", "The retail site suffered six outages between 5 and 11 March.", "count", "contradicted", /^4 incidents between 5 and 11 Mar 2026/],
    ["durations", "One of the outages lasted more than two hours.", "duration", "supported", /RET-2026-0102 lasted 2 h 40 min/],
    ["durations", "One of the outages lasted more than six hours.", "duration", "contradicted", /the longest incident .*RET-2026-0102, lasted 2 h 40 min/],
    ["scope", "The retail division was hit by outages this week.", "scope", "supported", /involved retail/],
    ["scope", "The cloud division was also hit this week.", "scope", "contradicted", /were in retail, not cloud/],
    ["cause", "Code written by an AI assistant caused the image outage on 9 March.", "cause", "supported", /RET-2026-0103.*involved AI-generated code/],
    ["cause", "A cyberattack caused the checkout failure on 7 March.", "cause", "contradicted", /root cause is recorded as 'An engineer changed a timeout/],
    ["customers", "Tens of thousands of customers were affected this week.", "customers", "supported", /41,000 customers/],
    ["customers", "About 2 million customers were affected this week.", "customers", "contradicted", /62,500 customers affected across 4 incidents/],
  ];

  it.each(cases)("%s: “%s” → %s %s", async (_, sentence, aspect, status, recorded) => {
    const claim = await analyzeSentence(db, sentence);
    const check = claim.checks.find((c) => c.aspect === aspect);
    expect(check, `no ${aspect} check; checks were ${JSON.stringify(claim.checks)}`).toBeDefined();
    expect(check!.status).toBe(status);
    expect(check!.recorded).toMatch(recorded);
    // A count of incidents alone depends on which records the claim means: it leans, a person decides.
    const expected = status === "supported" ? (aspect === "count" ? "misleading" : "accurate") : aspect === "count" ? "unverifiable" : "inaccurate";
    expect(claim.verdict.suggested, claim.verdict.basis).toBe(expected);
    if (status === "contradicted" && aspect === "count") expect(claim.verdict.basis).toMatch(/^Needs a person: the records lean towards inaccurate/);
    expect(claim.verdict.basis).toMatch(/[A-Z]{3}-\d{4}-\d{4}/);
  });
});

// ---------------------------------------------------------------------------------------------
// The case workflow: analysis, links, confirmations, staleness, verdicts, permissions.
// ---------------------------------------------------------------------------------------------

const ARTICLE = `# Checkout trouble

By Sam Reporter · 13 March 2026

Shoppers had a rough week between 5 and 11 March.

Checkout at the retail site failed on 7 March after a configuration change.

About 2 million customers were affected this week.
`;

const V1 = record("RET-2026-0102", "2026-03-07", 2.5, {
  title: "Checkout errors after a configuration change",
  customerImpact: "About 18% of checkout attempts failed.",
  customersAffected: 12600,
  rootCause: "An engineer changed a timeout in a configuration file.",
  contributingFactors: [{ tag: "config_change", description: "Timeout changed" }],
});
const OTHER = record("RET-2026-0109", "2026-03-09", 1, { title: "Search slow", services: ["search"], customersAffected: 900, rootCause: "An index rebuild ran at peak." });

describe(`the case's evidence (${TEST_DRIVER})`, () => {
  let db: Db;
  let context: ReturnType<typeof makeContext>;
  let caseId: string;
  let claimIds: string[];
  const users = {} as Record<"comms" | "legal" | "engineer" | "engineer2" | "admin", { id: string; email: string; name: string; roles: string[]; cookie: string }>;

  beforeAll(async () => {
    db = await freshDb();
    context = makeContext(db);
    for (const [key, roles] of [
      ["comms", ["comms"]],
      ["legal", ["legal"]],
      ["engineer", ["engineer"]],
      ["engineer2", ["engineer"]],
      ["admin", ["admin"]],
    ] as const) {
      const user = await createTestUser(db, [...roles]);
      users[key] = { ...user, roles: [...roles], cookie: await cookieFor(context, user) };
    }
    await load(db, [V1, OTHER]);
    const [c] = await db.insert(cases).values({ title: "Checkout trouble", createdBy: users.comms.id }).returning({ id: cases.id });
    caseId = c.id;
    const [source] = await db
      .insert(sources)
      .values({ caseId, title: "Checkout trouble", outlet: "The Daily", publishedAt: "2026-03-13", format: "markdown", body: ARTICLE })
      .returning({ id: sources.id });
    const vocabulary = await extractionVocabulary(db);
    const extracted = extractClaims(ARTICLE, { publishedAt: "2026-03-13", vocabulary }).filter((e) => !e.belowThreshold && /Checkout at|2 million/.test(e.text));
    expect(extracted).toHaveLength(2);
    claimIds = [];
    for (const e of extracted as ExtractedClaim[]) {
      const [row] = await db
        .insert(claims)
        .values({ caseId, text: e.text, fingerprint: e.text.toLowerCase(), kind: e.kind, checkWorthiness: e.checkWorthiness, facts: e.facts, review: "accepted" })
        .returning({ id: claims.id });
      await db.insert(claimAppearances).values({ claimId: row.id, sourceId: source.id, start: e.start, end: e.end, quote: e.text });
      claimIds.push(row.id);
    }
    // The first claim is assigned to the engineer; the second to nobody.
    await db.update(claims).set({ assigneeId: users.engineer.id }).where(eq(claims.id, claimIds[0]));
  });

  const path = () => `/cases/${caseId}/evidence`;
  const post = (who: keyof typeof users, form: Record<string, string>) =>
    call(() => action({ request: makeRequest(path(), { cookie: users[who].cookie, form }), context, params: { caseId } }));
  const page = async (who: keyof typeof users = "comms") => {
    const response = await call(() => loader({ request: makeRequest(path(), { cookie: users[who].cookie }), context, params: { caseId } }));
    expect(response.status).toBe(200);
    return (await response.json()) as { evidence: Awaited<ReturnType<typeof getCaseEvidence>> };
  };
  const linksOf = (claimId: string) => db.select().from(evidenceLinks).where(eq(evidenceLinks.claimId, claimId));

  it("analyses the case's claims and stores each suggestion, with an audit event", async () => {
    const response = await post("comms", { intent: "analyze" });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { message: string }).message).toBe("Analysed 2 claims against the current records.");
    const [stored] = await db.select({ suggestion: claims.suggestion }).from(claims).where(eq(claims.id, claimIds[0]));
    const suggestion = stored.suggestion as StoredSuggestion;
    expect(suggestion.candidates[0].incidentId).toBe("RET-2026-0102");
    expect(suggestion.versions["RET-2026-0102"]).toBe(1);
    expect(suggestion.window).toMatchObject({ from: "2026-03-07", to: "2026-03-07" });
    expect(suggestion.causeTags).toEqual(["config_change"]);
    expect(["accurate", "inaccurate", "misleading", "unverifiable"]).toContain(suggestion.suggested);
    const [second] = await db.select({ suggestion: claims.suggestion }).from(claims).where(eq(claims.id, claimIds[1]));
    expect((second.suggestion as StoredSuggestion).suggested).toBe("inaccurate");
    expect((await listEvents(db, { caseId }))[0]).toMatchObject({ action: "evidence.analyzed", actorId: users.comms.id });
  });

  it("lets comms and engineers link, and refuses legal with a 403", async () => {
    const legal = await post("legal", { intent: "link", claimId: claimIds[0], incidentId: "RET-2026-0102", stance: "supports" });
    expect(legal.status).toBe(403);
    expect(await linksOf(claimIds[0])).toHaveLength(0);

    const comms = await post("comms", {
      intent: "link",
      claimId: claimIds[0],
      incidentId: "RET-2026-0102",
      stance: "supports",
      field: "rootCause",
      excerpt: "changed a TIMEOUT in a configuration",
      note: "The record names the configuration change.",
    });
    expect(comms.status).toBe(200);
    const engineer = await post("engineer", { intent: "link", claimId: claimIds[0], incidentId: "RET-2026-0109", stance: "context" });
    expect(engineer.status).toBe(200);
    const links = await linksOf(claimIds[0]);
    expect(links).toHaveLength(2);
    const excerptLink = links.find((l) => l.incidentId === "RET-2026-0102")!;
    expect(excerptLink).toMatchObject({ field: "rootCause", excerpt: "changed a timeout in a configuration", stance: "supports", createdBy: users.comms.id, confirmedVersion: null });
  });

  it("refuses links to what the record does not have", async () => {
    const refuse = async (form: Record<string, string>, status: number, message: RegExp) => {
      const response = await post("comms", { intent: "link", claimId: claimIds[0], stance: "supports", ...form });
      expect(response.status).toBe(status);
      expect(((await response.json()) as { message: string }).message).toMatch(message);
    };
    await refuse({ incidentId: "RET-1999-0000" }, 400, /There is no incident record with the id “RET-1999-0000”/);
    await refuse({ incidentId: "RET-2026-0102", field: "password" }, 400, /“password” is not a field of an incident record/);
    await refuse({ incidentId: "RET-2026-0102", field: "rootCause", excerpt: "a hacker broke in" }, 400, /does not occur in its root cause in version 1 of RET-2026-0102/);
    await refuse({ incidentId: "RET-2026-0102", excerpt: "About 18% of checkout attempts failed." }, 200, /Linked RET-2026-0102/);
    await refuse({ incidentId: "RET-2026-0102", excerpt: "about 18% of checkout attempts failed." }, 409, /already linked/);
    await refuse({ incidentId: "RET-2026-0102", stance: "agrees" }, 400, /supports, contradicts or gives context/);
    const [impact] = (await linksOf(claimIds[0])).filter((l) => l.field === "customerImpact");
    expect(impact.excerpt).toBe("About 18% of checkout attempts failed.");
  });

  it("lets only the assigned engineer (or an admin) confirm", async () => {
    const [link] = (await linksOf(claimIds[0])).filter((l) => l.field === "rootCause");
    const comms = await post("comms", { intent: "confirm", claimId: claimIds[0], linkId: link.id, confirmedAt: "" });
    expect(comms.status).toBe(403);
    const other = await post("engineer2", { intent: "confirm", claimId: claimIds[0], linkId: link.id, confirmedAt: "" });
    expect(other.status).toBe(403);
    expect(((await other.json()) as { message: string }).message).toBe(`Only the engineer assigned to this claim (${users.engineer.name}) can confirm its evidence.`);
    expect((await linksOf(claimIds[0])).find((l) => l.id === link.id)!.confirmedVersion).toBeNull();

    const before = Date.now();
    const ok = await post("engineer", { intent: "confirm", claimId: claimIds[0], linkId: link.id, confirmedAt: "" });
    expect(ok.status).toBe(200);
    const [current] = await db.select({ version: incidents.version, hash: incidents.contentHash }).from(incidents).where(eq(incidents.id, "RET-2026-0102"));
    const confirmed = (await linksOf(claimIds[0])).find((l) => l.id === link.id)!;
    expect(confirmed).toMatchObject({ confirmedBy: users.engineer.id, confirmedVersion: 1, confirmedHash: current.hash });
    expect(confirmed.confirmedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const [context2] = (await linksOf(claimIds[0])).filter((l) => l.incidentId === "RET-2026-0109");
    expect((await post("admin", { intent: "confirm", claimId: claimIds[0], linkId: context2.id, confirmedAt: "" })).status).toBe(200);
  });

  it("asks for an assignee before anyone but an admin confirms", async () => {
    await linkEvidence(db, { id: users.comms.id, label: users.comms.email }, { caseId, claimId: claimIds[1], incidentId: "RET-2026-0102", stance: "contradicts", note: "12,600, not 2 million" });
    const [link] = await linksOf(claimIds[1]);
    const response = await post("engineer", { intent: "confirm", claimId: claimIds[1], linkId: link.id, confirmedAt: "" });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { message: string }).message).toMatch(/not assigned to an engineer yet/);
  });

  it("lets comms set verdicts, not engineers or legal, and keeps who, when and which suggestion", async () => {
    const [stored] = await db.select({ suggestion: claims.suggestion }).from(claims).where(eq(claims.id, claimIds[1]));
    const suggestion = stored.suggestion as StoredSuggestion;
    const form = { intent: "set-verdict", claimId: claimIds[1], verdict: "inaccurate", note: "The record gives 12,600.", suggestionAt: suggestion.analyzedAt, verdictAt: "" };
    expect((await post("engineer", form)).status).toBe(403);
    expect((await post("legal", form)).status).toBe(403);
    expect((await post("comms", { ...form, suggestionAt: "2020-01-01T00:00:00.000Z" })).status).toBe(409);
    expect((await post("comms", { ...form, verdict: "true" })).status).toBe(400);

    const before = Date.now();
    expect((await post("comms", form)).status).toBe(200);
    const [row] = await db.select().from(claims).where(eq(claims.id, claimIds[1]));
    expect(row.verdict).toBe("inaccurate");
    expect(row.verdictNote).toBe("The record gives 12,600.");
    expect(row.verdictSetBy).toBe(users.comms.id);
    expect(row.verdictSetAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.verdictFromSuggestion).toEqual({
      suggested: suggestion.suggested,
      basis: suggestion.basis,
      analyzedAt: suggestion.analyzedAt,
      candidates: suggestion.candidates.slice(0, 3).map((c) => c.incidentId),
    });
    const event = (await listEvents(db, { caseId }))[0];
    expect(event).toMatchObject({ action: "claim.verdict", actorId: users.comms.id, entityId: claimIds[1], data: { to: "inaccurate", suggested: "inaccurate" } });

    // A re-run of the analysis replaces the suggestion; the verdict keeps the one that was shown.
    await runCaseAnalysis(db, { id: users.comms.id, label: users.comms.email }, caseId);
    const [after] = await db.select().from(claims).where(eq(claims.id, claimIds[1]));
    expect((after.suggestion as StoredSuggestion).analyzedAt).not.toBe(suggestion.analyzedAt);
    expect((after.verdictFromSuggestion as { analyzedAt: string }).analyzedAt).toBe(suggestion.analyzedAt);
    await expect(
      setVerdict(db, { id: users.comms.id, label: users.comms.email }, { caseId, claimId: claimIds[1], verdict: "misleading", suggestionAt: suggestion.analyzedAt }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("shows each claim's verdict, evidence and confirmation at a glance, and what is missing", async () => {
    const { evidence } = await page("legal");
    const [first, second] = evidence.claims;
    expect(first.id).toBe(claimIds[0]);
    expect(first.links.map((l) => l.state).sort()).toEqual(["confirmed", "confirmed", "unconfirmed"]);
    expect(first.evidenceStatus.missing.map((m) => m.text)).toEqual(["no verdict set", "1 link not confirmed"]);
    expect(second.verdict).toBe("inaccurate");
    expect(second.verdictSetBy?.name).toBe(users.comms.name);
    expect(second.evidenceStatus.missing.map((m) => m.text)).toEqual(["1 link not confirmed", "not assigned to an engineer"]);
    expect(evidence.readiness).toEqual({ ready: 0, incomplete: 2, stale: 0 });
    expect(evidence.timeline.windows.map((w) => `${w.from}/${w.to}`)).toContain("2026-03-07/2026-03-07");
    expect(evidence.timeline.tags).toEqual(["config_change"]);
    const bar = evidence.timeline.incidents.find((i) => i.id === "RET-2026-0102")!;
    expect(bar).toMatchObject({ linked: true, markedTags: ["config_change"], organization: "retail" });
  });

  it("draws the timeline: the claimed window as a band, each record a linked bar named by organisation, causes marked, a list fallback", async () => {
    const { evidence } = await page();
    const svg = renderToStaticMarkup(createElement(CaseTimeline, { timeline: evidence.timeline }));
    expect(svg).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="case-timeline-heading-title case-timeline-heading-desc"/);
    expect(svg).toContain("<title id=\"case-timeline-heading-title\">The claimed window beside the incident records</title>");
    expect(svg).toMatch(/<desc id="case-timeline-heading-desc">Claimed windows?: [^<]*7 Mar/);
    expect(svg).toContain("Claimed: 7 Mar");
    expect(svg).toContain('<a href="/incidents/RET-2026-0102" tabindex="-1"');
    expect(svg).toContain("RET-2026-0102 · retail");
    expect(svg).toContain("◆ config change");
    expect(svg).toContain('fill="url(#tl-org-0)"');
    expect(svg).toMatch(/<details class="tl-list"[^>]*><summary>The records as a list<\/summary><ul><li><a href="\/incidents\//);
  });

  it("marks a confirmation stale after a re-import changes the record, not after an identical one, and fresh again once reconfirmed", async () => {
    const rootLink = () => linksOf(claimIds[0]).then((l) => l.find((x) => x.field === "rootCause")!);
    const state = async () => (await getCaseEvidence(db, caseId)).claims[0];

    const identical = await load(db, [V1], "same.json");
    expect(identical).toMatchObject({ unchanged: 1, updated: 0 });
    expect((await state()).links.find((l) => l.field === "rootCause")).toMatchObject({ state: "confirmed", stale: false, confirmedVersion: 1, currentVersion: 1 });

    const changed = await load(db, [{ ...V1, customersAffected: 13100, summary: "Checkout failed for some customers." }], "changed.json");
    expect(changed).toMatchObject({ updated: 1 });
    const stale = await state();
    expect(stale.links.find((l) => l.field === "rootCause")).toMatchObject({ state: "stale", stale: true, confirmedVersion: 1, currentVersion: 2 });
    expect(stale.evidenceStatus.readiness).toBe("stale");
    expect(stale.evidenceStatus.missing[0].text).toBe("1 confirmation stale: RET-2026-0102 changed to version 2 after it was confirmed on version 1");

    // The page says so prominently: an alert naming the versions, a stale badge, and a confirm-again button for the engineer.
    const html = await renderPage("engineer");
    expect(html).toMatch(/<div class="alert alert-error evidence-stale" role="alert"><strong>⚠ A confirmation is stale.<\/strong> RET-2026-0102 changed to version 2 after it was confirmed on version 1/);
    expect(html).toContain("⚠ stale confirmation");
    expect(html).toContain("Confirm again on version 2");
    expect(html).toContain('role="img"');
    expect(html).toContain('href="/incidents/RET-2026-0102"');
    expect(await renderPage("engineer2")).not.toContain("Confirm again on version 2");

    const again = await post("engineer", { intent: "confirm", claimId: claimIds[0], linkId: (await rootLink()).id, confirmedAt: (await rootLink()).confirmedAt!.toISOString() });
    expect(again.status).toBe(200);
    const [current] = await db.select({ hash: incidents.contentHash }).from(incidents).where(eq(incidents.id, "RET-2026-0102"));
    expect(await rootLink()).toMatchObject({ confirmedVersion: 2, confirmedHash: current.hash, confirmedBy: users.engineer.id });
    expect((await state()).links.find((l) => l.field === "rootCause")).toMatchObject({ state: "confirmed", stale: false });
    expect((await listEvents(db, { caseId }))[0]).toMatchObject({ action: "evidence.reconfirmed", data: { version: 2, previousVersion: 1 } });
  });

  it("refuses to confirm an excerpt the current version no longer has", async () => {
    await load(db, [{ ...V1, customersAffected: 13100, summary: "Checkout failed for some customers.", rootCause: "A timeout was set too low." }], "reworded.json");
    const link = (await linksOf(claimIds[0])).find((l) => l.field === "rootCause")!;
    const response = await post("engineer", { intent: "confirm", claimId: claimIds[0], linkId: link.id, confirmedAt: "" });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { message: string }).message).toMatch(/Version 3 of RET-2026-0102 no longer has “changed a timeout in a configuration” in its root cause/);
    await expect(confirmLink(db, { id: users.engineer.id, email: users.engineer.email, roles: ["engineer"] }, { caseId, linkId: link.id })).rejects.toBeInstanceOf(AppError);
  });

  it("lets whoever may link remove a link, and keeps the audit trail whole", async () => {
    const link = (await linksOf(claimIds[0])).find((l) => l.field === "rootCause")!;
    expect((await post("legal", { intent: "unlink", claimId: claimIds[0], linkId: link.id })).status).toBe(403);
    expect((await post("comms", { intent: "unlink", claimId: claimIds[0], linkId: link.id })).status).toBe(200);
    expect((await linksOf(claimIds[0])).some((l) => l.id === link.id)).toBe(false);
    expect((await post("comms", { intent: "unlink", claimId: claimIds[0], linkId: link.id })).status).toBe(404);
    const actions = (await listEvents(db, { caseId })).map((e) => e.action);
    for (const a of ["evidence.analyzed", "evidence.linked", "evidence.confirmed", "evidence.reconfirmed", "claim.verdict", "evidence.unlinked"]) expect(actions).toContain(a);
    expect((await verifyAuditTrail(db)).ok).toBe(true);
  });

  it("answers an unknown case with 404 and a stranger with the sign-in page", async () => {
    const missing = await call(() => loader({ request: makeRequest(`/cases/${crypto.randomUUID()}/evidence`, { cookie: users.comms.cookie }), context, params: { caseId: crypto.randomUUID() } }));
    expect(missing.status).toBe(404);
    const anonymous = await call(() => loader({ request: makeRequest(path()), context, params: { caseId } }));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
  });

  /** The evidence page as the server renders it (no JavaScript), through a static data router. */
  async function renderPage(who: keyof typeof users = "engineer") {
    // Remix's loader types are narrower than react-router's route objects; the functions are the same.
    const routes = [{ id: "evidence", path: "/cases/:caseId/evidence", loader: loader as never, action: action as never, Component: CaseEvidencePage }];
    const handler = createStaticHandler(routes);
    const result = await handler.query(makeRequest(path(), { cookie: users[who].cookie }), { requestContext: context });
    if (result instanceof Response) throw new Error(`the page answered ${result.status}`);
    return renderToStaticMarkup(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, result), context: result, hydrate: false }));
  }
});
