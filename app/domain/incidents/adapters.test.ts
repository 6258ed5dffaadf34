import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatImportError, parseIncidentFile, type ParseResult } from "./index";

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/incidents/${name}`, import.meta.url), "utf8");

function records(result: ParseResult) {
  if (!result.ok) throw new Error(result.errors.map((e) => formatImportError(e)).join("\n"));
  return result.records;
}
const problems = (result: ParseResult) => (result.ok ? [] : result.errors.map((e) => formatImportError(e)));

describe("adapters: each tool's documented API output, detected from content", () => {
  it("incident.io: reference, status category, severity, named timestamps, custom fields, updates; a merged incident is skipped", () => {
    const result = parseIncidentFile(fixture("incidentio-incidents.json"));
    expect(result).toMatchObject({ ok: true, format: "incidentio" });
    expect(records(result)).toStrictEqual([
      {
        id: "INC-412",
        title: "Card payments failing for some EU banks",
        status: "closed",
        severity: "Major",
        startedAt: "2026-03-07T19:40:00.000Z",
        detectedAt: "2026-03-07T19:52:04.117Z",
        resolvedAt: "2026-03-07T22:20:41.000Z",
        services: ["Checkout", "Payments"],
        regions: ["eu-west"],
        customerImpact: "About 18% of card payments in Europe failed for two and a half hours.",
        summary: "Card payments through one acquirer failed for customers of several EU banks after a certificate rotation.",
        timeline: [
          { at: "2026-03-07T19:55:10.000Z", text: "Investigating: Payments through our EU acquirer are failing for some banks." },
          { at: "2026-03-07T21:58:30.000Z", text: "Monitoring: Rolled back the certificate bundle; payments are succeeding again." },
        ],
        links: [
          { title: "incident.io incident", url: "https://app.incident.io/meridian/incidents/412" },
          { title: "Postmortem", url: "https://docs.example.com/pm/inc-412" },
        ],
      },
    ]);
    expect(result.ok && result.ignored).toEqual([{ index: 2, id: "01HZ5A1B2C3D4E5F6G7H8J9K0L", reasons: ["an incident.io incident that was merged"] }]);
    expect(result.ok && result.raws[0]).toStrictEqual(JSON.parse(fixture("incidentio-incidents.json")).incidents[0]);
  });

  it("FireHydrant: milestones give times, status and timeline; service impacts give services", () => {
    const result = parseIncidentFile(fixture("firehydrant-incidents.json"));
    expect(result).toMatchObject({ ok: true, format: "firehydrant" });
    expect(records(result)).toStrictEqual([
      {
        id: "FH-1187",
        title: "Search results empty for some queries",
        status: "closed",
        severity: "SEV2",
        startedAt: "2026-03-05T18:12:00.000Z",
        detectedAt: "2026-03-05T18:19:00.000Z",
        resolvedAt: "2026-03-05T19:00:00.000Z",
        services: ["search-api", "Product search"],
        customerImpact: "Customers searching with accented characters saw no results for 48 minutes.",
        summary: "An analyzer change shipped without its reindex, so accented queries matched nothing.",
        timeline: [
          { at: "2026-03-05T18:12:00.000Z", text: "Started" },
          { at: "2026-03-05T18:19:00.000Z", text: "Detected" },
          { at: "2026-03-05T18:21:00.000Z", text: "Acknowledged" },
          { at: "2026-03-05T18:51:00.000Z", text: "Mitigated" },
          { at: "2026-03-05T19:00:00.000Z", text: "Resolved" },
        ],
        links: [{ title: "FireHydrant incident", url: "https://app.firehydrant.io/incidents/7f3c9b2e-5a41-4d8e-9c6b-2f1e0a9d8c7b" }],
      },
    ]);
  });

  it("Opsgenie: message, tinyId, priority and the impact dates", () => {
    const result = parseIncidentFile(fixture("opsgenie-incidents.json"));
    expect(result).toMatchObject({ ok: true, format: "opsgenie" });
    expect(records(result)).toStrictEqual([
      {
        id: "OG-1791",
        title: "Order confirmation emails delayed",
        status: "resolved",
        severity: "P3",
        startedAt: "2026-03-12T13:31:55.903Z",
        resolvedAt: "2026-03-12T15:02:13.447Z",
        summary: "A mail relay queue backed up; confirmations arrived up to 40 minutes late. Orders were not affected.",
        links: [{ title: "Opsgenie incident", url: "https://meridian.app.opsgenie.com/incident/detail/70413a06-38d6-4c85-92b8-5ebc900d42e2" }],
      },
    ]);
  });

  it("Rootly: JSON:API attributes, the severity's name, services and the lifecycle timeline", () => {
    const result = parseIncidentFile(fixture("rootly-incidents.json"));
    expect(result).toMatchObject({ ok: true, format: "rootly" });
    expect(records(result)).toStrictEqual([
      {
        id: "RLY-208",
        title: "Sign-in failures after session service release",
        status: "resolved",
        severity: "SEV1",
        startedAt: "2026-03-15T06:05:00.000Z",
        detectedAt: "2026-03-15T06:10:00.000Z",
        resolvedAt: "2026-03-15T08:00:00.000Z",
        services: ["session-service"],
        summary: "A session service release rejected valid tokens; it was rolled back.",
        timeline: [
          { at: "2026-03-15T06:05:00.000Z", text: "Started" },
          { at: "2026-03-15T06:10:00.000Z", text: "Detected" },
          { at: "2026-03-15T06:12:40.000Z", text: "Acknowledged" },
          { at: "2026-03-15T07:30:02.000Z", text: "Mitigated" },
          { at: "2026-03-15T08:00:00.000Z", text: "Resolved" },
        ],
        links: [{ title: "Rootly incident", url: "https://rootly.com/account/incidents/208-sign-in-failures-after-session-service-release" }],
      },
    ]);
  });

  it("Netflix Dispatch: {total, items}, its UTC times without offset read as UTC, events as the timeline", () => {
    const result = parseIncidentFile(fixture("dispatch-incidents.json"));
    expect(result).toMatchObject({ ok: true, format: "dispatch" });
    expect(records(result)).toStrictEqual([
      {
        id: "dispatch-default-default-42",
        title: "Storage latency in us-east",
        status: "closed",
        severity: "Medium",
        startedAt: "2026-03-09T09:02:00Z",
        resolvedAt: "2026-03-09T11:47:30Z",
        organization: "default",
        summary: "Disk latency on the object store's metadata tier rose tenfold after a failed hardware check.",
        rootCause: "A failing disk controller was replaced.",
        timeline: [
          { at: "2026-03-09T09:05:11Z", text: "Incident created" },
          { at: "2026-03-09T10:15:00Z", text: "Failing disk controller identified on metadata node 7" },
        ],
      },
    ]);
  });

  it("PagerDuty whole: one incident with its log entries and notes becomes one record with a timeline", () => {
    const result = parseIncidentFile(fixture("pagerduty-incident-whole.json"));
    expect(result).toMatchObject({ ok: true, format: "pagerduty" });
    const [record] = records(result);
    expect(record).toMatchObject({ id: "PD-4521", title: "Checkout API 5xx rate above 5%", severity: "P1", services: ["checkout-api"] });
    expect(record.timeline).toEqual([
      { at: "2026-03-07T19:45:31Z", text: "Triggered through the API: Checkout 5xx above 5% for 5 minutes" },
      { at: "2026-03-07T19:49:02Z", text: "Acknowledged by Dana Reyes" },
      { at: "2026-03-07T20:05:00Z", text: "Note by Dana Reyes: Payment gateway retry change deployed at 19:38 is the likely cause; rolling back." },
      { at: "2026-03-07T22:20:41Z", text: "Resolved by Dana Reyes" },
    ]);
  });

  it("--format forces an adapter, and a forced wrong one reports in the canonical validator's words", () => {
    expect(parseIncidentFile(fixture("opsgenie-incidents.json"), { format: "opsgenie" })).toMatchObject({ ok: true, format: "opsgenie" });
    const wrong = parseIncidentFile(fixture("opsgenie-incidents.json"), { format: "rootly" });
    expect(wrong).toMatchObject({ ok: false, format: "rootly" });
    expect(problems(wrong)[0]).toBe("record 1 (70413a06-38d6-4c85-92b8-5ebc900d42e2): title: required field is missing");
  });

  it("a known but unsupported tool gets one sentence naming it", () => {
    expect(problems(parseIncidentFile(fixture("jira-issues.json")))).toEqual([
      "this looks like a Jira (or Jira Service Management) export, which Factdesk cannot import; export the records as CSV and map its columns on the import page, or convert them to the canonical format",
    ]);
    const serviceNow = JSON.stringify({ result: [{ sys_id: "9d385017c611228701d22104cc95c371", number: "INC0010001", short_description: "Mail down" }] });
    expect(problems(parseIncidentFile(serviceNow))).toHaveLength(1);
    expect(problems(parseIncidentFile(serviceNow))[0]).toMatch(/^this looks like a ServiceNow export/);
    // JSON:API objects typed "incident" are not PagerDuty's.
    const betterStack = JSON.stringify({ data: [{ id: "1", type: "incident", attributes: { name: "API", cause: "Timeout", started_at: "2026-03-09T09:00:00Z" } }] });
    expect(problems(parseIncidentFile(betterStack))[0]).toMatch(/^this looks like a Better Stack export/);
  });
});

describe("envelopes and single incidents", () => {
  const statuspageList = JSON.parse(fixture("statuspage-incidents.json"));
  const pagerdutyList = JSON.parse(fixture("pagerduty-incidents.json"));

  it.each([
    ["Statuspage {incident}", { incident: statuspageList[0] }, "statuspage"],
    ["Statuspage bare incident", statuspageList[0], "statuspage"],
    ["PagerDuty {incident}", { incident: pagerdutyList.incidents[0] }, "pagerduty"],
    ["Opsgenie {data: {...}}", { data: JSON.parse(fixture("opsgenie-incidents.json")).data[0], took: 0.01, requestId: "r" }, "opsgenie"],
    ["Rootly {data: {...}}", { data: JSON.parse(fixture("rootly-incidents.json")).data[0] }, "rootly"],
    ["FireHydrant bare incident", JSON.parse(fixture("firehydrant-incidents.json")).data[0], "firehydrant"],
    ["incident.io {incident}", { incident: JSON.parse(fixture("incidentio-incidents.json")).incidents[0] }, "incidentio"],
  ])("reads %s as one record", (_, value, format) => {
    const result = parseIncidentFile(JSON.stringify(value));
    expect(result).toMatchObject({ ok: true, format });
    expect(records(result)).toHaveLength(1);
  });

  it("reads a canonical single record, bare or as {incident}", () => {
    const record = { id: "A-1", title: "One", startedAt: "2026-03-09T09:02:00Z" };
    expect(records(parseIncidentFile(JSON.stringify(record)))).toEqual([record]);
    expect(records(parseIncidentFile(JSON.stringify({ incident: record })))).toEqual([record]);
  });

  it.each([
    ["{data, paging} with nothing in it", '{"data": [], "paging": {}, "took": 0.1, "requestId": "x"}', "opsgenie"],
    ["{total, items} with nothing in it", '{"total": 0, "items": [], "itemsPerPage": 10, "page": 1}', "dispatch"],
    ["an empty incident.io page", '{"incidents": [], "pagination_meta": {"page_size": 25}}', "incidentio"],
  ])("reads %s", (_, text, format) => {
    expect(parseIncidentFile(text)).toMatchObject({ ok: true, format, records: [] });
  });
});

describe("dates with +hhmm offsets", () => {
  const base = { id: "A-1", title: "One" };
  it("accepts +0000 and +hhmm, as Jira writes them, and stores them as ±hh:mm", () => {
    const result = parseIncidentFile(
      JSON.stringify([{ ...base, startedAt: "2026-03-09T09:02:00.000+0000", resolvedAt: "2026-03-09T12:30:00-0530", timeline: [{ at: "2026-03-09T10:00:00+0100", text: "x" }] }]),
    );
    expect(records(result)[0]).toMatchObject({
      startedAt: "2026-03-09T09:02:00.000+00:00",
      resolvedAt: "2026-03-09T12:30:00-05:30",
      timeline: [{ at: "2026-03-09T10:00:00+01:00", text: "x" }],
    });
    expect(result.ok && result.raws[0]).toMatchObject({ startedAt: "2026-03-09T09:02:00.000+0000" });
  });

  it("still refuses a date with no offset", () => {
    expect(problems(parseIncidentFile(JSON.stringify([{ ...base, startedAt: "2026-03-09T09:02:00.000" }])))).toEqual([
      'record 1 (A-1): startedAt: "2026-03-09T09:02:00.000" has no UTC offset',
    ]);
  });
});

describe("skipping invalid records", () => {
  const good = (id: string) => ({ id, title: `Record ${id}`, startedAt: "2026-03-09T09:00:00Z" });
  const backfilled = (id: string) => ({ ...good(id), resolvedAt: "2026-03-09T08:00:00Z" });
  const file = JSON.stringify({ incidents: [good("A-1"), backfilled("A-2"), good("A-3"), backfilled("A-4")] });

  it("by default rejects the file but says how many records are valid", () => {
    const result = parseIncidentFile(file);
    expect(result).toMatchObject({ ok: false, skippable: { valid: 2, invalid: 2 } });
    expect(problems(result)).toHaveLength(2);
  });

  it("with skipInvalid imports the valid ones and names every skipped one with its reasons", () => {
    const result = parseIncidentFile(file, { skipInvalid: true });
    expect(result).toMatchObject({ ok: true, records: [{ id: "A-1" }, { id: "A-3" }], raws: [{ id: "A-1" }, { id: "A-3" }] });
    expect(result.ok && result.invalid).toEqual([
      { index: 2, id: "A-2", reasons: ['resolvedAt: "2026-03-09T08:00:00Z" is before startedAt "2026-03-09T09:00:00Z"'] },
      { index: 4, id: "A-4", reasons: ['resolvedAt: "2026-03-09T08:00:00Z" is before startedAt "2026-03-09T09:00:00Z"'] },
    ]);
  });

  it("offers no choice when the file itself is broken or no record is valid", () => {
    expect(parseIncidentFile(JSON.stringify([backfilled("A-2")]))).not.toHaveProperty("skippable");
    expect(parseIncidentFile("{")).not.toHaveProperty("skippable");
  });

  it("skips invalid CSV rows the same way", () => {
    const csv = "id,title,startedAt\nA-1,One,2026-03-09T09:00:00Z\nA-2,Two,yesterday\n";
    const result = parseIncidentFile(csv, { skipInvalid: true });
    expect(result).toMatchObject({ ok: true, format: "csv", records: [{ id: "A-1" }], invalid: [{ index: 2, id: "A-2" }] });
  });
});

describe("a NUL character", () => {
  it("is a field-level record error, in any field, including ones only the raw source keeps", () => {
    const canonical = JSON.stringify([{ id: "A-1", title: "Bad\u0000title", startedAt: "2026-03-09T09:00:00Z" }]);
    expect(problems(parseIncidentFile(canonical))).toEqual(["record 1 (A-1): title: contains a NUL character (\\u0000), which cannot be stored; remove it"]);
    const statuspage = JSON.parse(fixture("statuspage-incidents.json"));
    statuspage[1].components[0].description = "x\u0000y";
    expect(problems(parseIncidentFile(JSON.stringify(statuspage)))).toEqual([
      "record 2 (yx8cg4s1hd2n): components[0].description: contains a NUL character (\\u0000), which cannot be stored; remove it",
    ]);
  });
});

describe("CSV column mapping", () => {
  it("reads another tool's columns through a mapping, leaving out the columns mapped to nothing", () => {
    const csv = "Key,Summary,Created,Assignee\nOPS-1,Mail down,2026-03-09T09:02:00.000+0000,dana\n";
    const result = parseIncidentFile(csv, { csvMapping: { Key: "id", Summary: "title", Created: "startedAt", Assignee: null } });
    expect(records(result)).toEqual([{ id: "OPS-1", title: "Mail down", startedAt: "2026-03-09T09:02:00.000+00:00" }]);
    expect(problems(parseIncidentFile(csv))[0]).toMatch(/Key: unknown column/);
  });
});

describe("combineJsonFiles", () => {
  it("merges API responses, joining lists under the same key, and refuses lists and two incidents", async () => {
    const { combineJsonFiles } = await import("./index");
    expect(combineJsonFiles([{ name: "a.json", text: '{"log_entries": [1], "more": true}' }, { name: "b.json", text: '{"log_entries": [2], "more": false}' }])).toEqual({
      ok: true,
      text: '{"log_entries":[1,2],"more":false}',
    });
    const refused = combineJsonFiles([{ name: "a.json", text: "[]" }, { name: "b.json", text: '{"incident": {}}' }, { name: "c.json", text: '{"incident": {}}' }]);
    expect(refused.ok || refused.errors.map((e) => formatImportError(e))).toEqual([
      "a.json: only JSON objects (an API's responses) can be read together; import a list on its own",
      "c.json: another file already holds an incident; import each incident with its own details",
    ]);
  });
});
