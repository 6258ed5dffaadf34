import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatImportError, parseIncidentFile } from "./index";

const sampleText = readFileSync(new URL("../../../test/fixtures/incidents/statuspage-incidents.json", import.meta.url), "utf8");

/** A minimal Statuspage incident, as the API returns it, with the given fields replaced. */
const incident = (fields: Record<string, unknown>) => ({
  id: "p31zjtct2jer",
  name: "Elevated checkout errors",
  status: "resolved",
  impact: "major",
  created_at: "2026-03-07T19:47:12.541Z",
  page_id: "kctbh9vrtdwd",
  incident_updates: [],
  ...fields,
});

function parseOne(fields: Record<string, unknown>) {
  return parseIncidentFile(JSON.stringify([incident(fields)]), { format: "statuspage" });
}

describe("parseIncidentFile: Statuspage", () => {
  it("maps the sample export onto canonical records", () => {
    const result = parseIncidentFile(sampleText);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe("statuspage");
    expect(result.raws).toStrictEqual(JSON.parse(sampleText));
    expect(result.records).toStrictEqual([
      {
        id: "p31zjtct2jer",
        title: "Elevated checkout errors in Europe",
        status: "closed",
        severity: "major",
        startedAt: "2026-03-07T19:40:00.000Z",
        resolvedAt: "2026-03-07T22:20:41.018Z",
        services: ["Checkout", "Payments"],
        customerImpact: "Some customers in Europe are seeing errors when paying for their order. We are investigating.",
        summary:
          "## What happened\n\nA change to the payment gateway's retry configuration caused about 18% of checkout attempts in Europe to fail.\n\n## What we are doing\n\nPayment configuration changes now roll out region by region.",
        rootCause:
          "## What happened\n\nA change to the payment gateway's retry configuration caused about 18% of checkout attempts in Europe to fail.\n\n## What we are doing\n\nPayment configuration changes now roll out region by region.",
        timeline: [
          {
            at: "2026-03-07T19:47:12.541Z",
            text: "Investigating: Some customers in Europe are seeing errors when paying for their order. We are investigating.",
          },
          { at: "2026-03-07T21:58:30.277Z", text: "Monitoring: A fix has been applied and we are monitoring the results." },
          {
            at: "2026-03-07T22:20:41.018Z",
            text: "Resolved: Checkout error rates have returned to normal. All payments are being processed.",
          },
          { at: "2026-03-10T14:00:00.000Z", text: "Postmortem: We have published a postmortem for this incident below." },
        ],
        links: [{ title: "Status page", url: "https://stspg.io/p31zjt" }],
      },
      {
        id: "yx8cg4s1hd2n",
        title: "Delayed order confirmation emails",
        status: "resolved",
        severity: "minor",
        startedAt: "2026-03-12T08:31:55.903-05:00",
        resolvedAt: "2026-03-12T10:02:13.447-05:00",
        services: ["Order emails"],
        customerImpact: "Order confirmation emails are delayed by up to 40 minutes. Orders themselves are not affected.",
        summary: "Order confirmation emails are delayed by up to 40 minutes. Orders themselves are not affected.",
        timeline: [
          {
            at: "2026-03-12T08:31:55.903-05:00",
            text: "Identified: Order confirmation emails are delayed by up to 40 minutes. Orders themselves are not affected.",
          },
          { at: "2026-03-12T10:02:13.447-05:00", text: "Resolved: The email backlog has been sent and new confirmations arrive on time." },
        ],
        links: [{ title: "Status page", url: "https://stspg.io/yx8cg4" }],
      },
      {
        id: "4dq0jz6nwm9t",
        title: "Intermittent sign-in failures",
        status: "monitoring",
        severity: "critical",
        startedAt: "2026-03-15T06:05:00.000Z",
        services: ["Sign-in"],
        customerImpact: "Many customers cannot sign in. We are investigating.",
        summary: "Many customers cannot sign in. We are investigating.",
        timeline: [
          { at: "2026-03-15T06:12:40.112Z", text: "Investigating: Many customers cannot sign in. We are investigating." },
          { at: "2026-03-15T06:48:19.370Z", text: "Identified: The issue has been traced to a session service release." },
          {
            at: "2026-03-15T07:30:02.665Z",
            text: "Monitoring: We rolled back the session service and sign-in is succeeding again. We are monitoring.",
          },
        ],
        links: [{ title: "Status page", url: "https://stspg.io/4dq0jz" }],
      },
    ]);
  });

  it.each([
    ["investigating", "investigating"],
    ["identified", "identified"],
    ["monitoring", "monitoring"],
    ["resolved", "resolved"],
    ["postmortem", "closed"],
  ])("maps status %s to %s", (status, expected) => {
    const result = parseOne({ status });
    expect(result.ok && result.records[0].status).toBe(expected);
  });

  it("skips scheduled maintenances, in any state, and lists them", () => {
    const maintenances = ["scheduled", "in_progress", "verifying", "completed"].map((status, i) =>
      incident({ id: `mnt${i}`, status, scheduled_for: "2026-03-20T01:00:00Z" }),
    );
    const result = parseIncidentFile(JSON.stringify([incident({}), ...maintenances]));
    expect(result).toMatchObject({ ok: true, format: "statuspage", records: [{ id: "p31zjtct2jer" }], invalid: [] });
    expect(result.ok && result.ignored).toEqual(
      maintenances.map((m, i) => ({ index: i + 2, id: m.id, reasons: ["a scheduled maintenance, not an incident"] })),
    );
  });

  it("takes services from the top-level components and every update's affected components, once each", () => {
    const result = parseOne({
      components: [],
      incident_updates: [
        { status: "investigating", body: "Slow pages.", created_at: "2026-03-07T19:50:00Z", affected_components: [{ code: "a", name: "API" }] },
        {
          status: "resolved",
          body: "Fixed.",
          created_at: "2026-03-07T20:50:00Z",
          affected_components: [{ code: "b", name: "Dashboard" }, { code: "a", name: "API" }],
        },
      ],
    });
    expect(result.ok && result.records[0].services).toEqual(["API", "Dashboard"]);
  });

  it("never summarises with a stock closing line: the postmortem, else the first update with words of its own", () => {
    const update = (status: string, body: string, at: string) => ({ status, body, created_at: at });
    const stock = [
      update("investigating", "We are currently investigating this issue.", "2026-03-07T19:50:00Z"),
      update("identified", "Card payments fail for some banks in Europe.", "2026-03-07T20:00:00Z"),
      update("resolved", "This incident has been resolved.", "2026-03-07T21:00:00Z"),
    ];
    expect(parseOne({ incident_updates: stock }).ok && (parseOne({ incident_updates: stock }) as { records: { summary?: string }[] }).records[0].summary).toBe(
      "Card payments fail for some banks in Europe.",
    );
    const onlyStock = parseOne({ incident_updates: [stock[0], stock[2]] });
    expect(onlyStock.ok && onlyStock.records[0].summary).toBeUndefined();
    const withPostmortem = parseOne({ incident_updates: stock, postmortem_body: "A bank's certificate expired." });
    expect(withPostmortem.ok && withPostmortem.records[0].summary).toBe("A bank's certificate expired.");
  });

  it("reports mapped fields with the canonical validator's messages", () => {
    const result = parseOne({ started_at: "2026-03-07 19:40", resolved_at: "2026-03-07T18:00:00Z", name: null });
    expect(!result.ok && result.errors.map((e) => formatImportError(e))).toEqual([
      "record 1 (p31zjtct2jer): title: required field is missing",
      'record 1 (p31zjtct2jer): startedAt: "2026-03-07 19:40" has no UTC offset',
    ]);
    const backwards = parseOne({ resolved_at: "2026-03-07T18:00:00Z" });
    expect(!backwards.ok && backwards.errors.map((e) => formatImportError(e))).toEqual([
      'record 1 (p31zjtct2jer): resolvedAt: "2026-03-07T18:00:00Z" is before startedAt "2026-03-07T19:47:12.541Z"',
    ]);
  });

  it("uses the first update for customer impact and the first substantive one for the summary, whatever the export's order", () => {
    const update = (status: string, body: string, at: string) => ({ status, body, created_at: at, display_at: at });
    const result = parseOne({
      incident_updates: [
        update("identified", "Cause found.", "2026-03-07T20:10:00Z"),
        update("resolved", "All clear.", "2026-03-07T21:00:00+01:00"),
        update("investigating", "Errors at checkout.", "2026-03-07T19:50:00Z"),
      ],
    });
    expect(result.ok && result.records[0]).toMatchObject({
      customerImpact: "Errors at checkout.",
      summary: "Errors at checkout.",
      timeline: [
        { at: "2026-03-07T19:50:00Z", text: "Investigating: Errors at checkout." },
        { at: "2026-03-07T21:00:00+01:00", text: "Resolved: All clear." },
        { at: "2026-03-07T20:10:00Z", text: "Identified: Cause found." },
      ],
    });
  });
});
