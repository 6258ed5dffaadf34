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
        summary: "Checkout error rates have returned to normal. All payments are being processed.",
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
        summary: "The email backlog has been sent and new confirmations arrive on time.",
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
        summary: "We rolled back the session service and sign-in is succeeding again. We are monitoring.",
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
    ["in_progress", "identified"],
    ["verifying", "monitoring"],
    ["completed", "resolved"],
  ])("maps status %s to %s", (status, expected) => {
    const result = parseOne({ status });
    expect(result.ok && result.records[0].status).toBe(expected);
  });

  it("rejects a maintenance that is only scheduled, as an unknown status", () => {
    const result = parseOne({ status: "scheduled" });
    expect(!result.ok && result.errors.map((e) => formatImportError(e))).toEqual([
      'record 1 (p31zjtct2jer): status: "scheduled" is not one of investigating, identified, monitoring, resolved, closed',
    ]);
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

  it("uses the first update for customer impact and the latest for the summary, whatever the export's order", () => {
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
      summary: "Cause found.",
      timeline: [
        { at: "2026-03-07T19:50:00Z", text: "Investigating: Errors at checkout." },
        { at: "2026-03-07T21:00:00+01:00", text: "Resolved: All clear." },
        { at: "2026-03-07T20:10:00Z", text: "Identified: Cause found." },
      ],
    });
  });
});
