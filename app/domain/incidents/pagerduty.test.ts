import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatImportError, parseIncidentFile } from "./index";

const sampleText = readFileSync(new URL("../../../test/fixtures/incidents/pagerduty-incidents.json", import.meta.url), "utf8");

/** A minimal PagerDuty incident, as the REST API v2 returns it, with the given fields replaced. */
const incident = (fields: Record<string, unknown>) => ({
  id: "Q2K8WZ3B7XR1PL",
  type: "incident",
  incident_number: 4812,
  title: "Checkout error rate above 5%",
  description: "Checkout error rate above 5%",
  status: "triggered",
  urgency: "high",
  created_at: "2026-03-07T19:44:08Z",
  last_status_change_at: "2026-03-07T19:44:08Z",
  ...fields,
});

function parseOne(fields: Record<string, unknown>) {
  return parseIncidentFile(JSON.stringify({ incidents: [incident(fields)] }), { format: "pagerduty" });
}

describe("parseIncidentFile: PagerDuty", () => {
  it("maps the sample list response onto canonical records", () => {
    const result = parseIncidentFile(sampleText);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe("pagerduty");
    expect(result.raws).toStrictEqual(JSON.parse(sampleText).incidents);
    expect(result.records).toStrictEqual([
      {
        id: "PD-4812",
        title: "Checkout error rate above 5% in eu-west",
        status: "resolved",
        severity: "P1",
        startedAt: "2026-03-07T19:44:08Z",
        resolvedAt: "2026-03-07T22:21:30Z",
        organization: "Retail",
        services: ["checkout-api"],
        summary: 'Alertmanager: checkout_error_ratio{region="eu-west"} = 0.18 for 5m',
        links: [{ title: "PagerDuty incident", url: "https://meridian.pagerduty.com/incidents/Q2K8WZ3B7XR1PL" }],
      },
      {
        id: "PD-4790",
        title: "Search zero-result rate alarm",
        status: "resolved",
        severity: "P2",
        startedAt: "2026-03-05T18:19:22Z",
        resolvedAt: "2026-03-05T19:06:04Z",
        organization: "Retail",
        services: ["search"],
        links: [{ title: "PagerDuty incident", url: "https://meridian.pagerduty.com/incidents/Q0JD6M4N2CT8VS" }],
      },
      {
        id: "PD-4901",
        title: "Object storage 5xx above threshold in eu-central-1b",
        status: "identified",
        severity: "low",
        startedAt: "2026-03-16T03:10:44Z",
        organization: "Cloud Infrastructure",
        services: ["object-storage"],
        links: [{ title: "PagerDuty incident", url: "https://meridian.pagerduty.com/incidents/Q3TF9H1K5LW0ZA" }],
      },
      {
        id: "PD-4903",
        title: "Order history latency p99 > 5s",
        status: "investigating",
        severity: "P3",
        startedAt: "2026-03-16T09:58:17Z",
        organization: "Retail",
        services: ["orders"],
        links: [{ title: "PagerDuty incident", url: "https://meridian.pagerduty.com/incidents/Q1ZP7C2V8EN4RM" }],
      },
    ]);
  });

  it.each([
    ["triggered", "investigating"],
    ["acknowledged", "identified"],
    ["resolved", "resolved"],
  ])("maps status %s to %s", (status, expected) => {
    const result = parseOne({ status });
    expect(result.ok && result.records[0].status).toBe(expected);
  });

  it("takes resolvedAt from last_status_change_at only once resolved", () => {
    const open = parseOne({ status: "acknowledged", last_status_change_at: "2026-03-07T19:50:00Z" });
    expect(open.ok && open.records[0].resolvedAt).toBeUndefined();
    const resolved = parseOne({ status: "resolved", last_status_change_at: "2026-03-07T21:00:00Z" });
    expect(resolved.ok && resolved.records[0].resolvedAt).toBe("2026-03-07T21:00:00Z");
  });

  it("falls back to the API id, and to a description that says more than the title", () => {
    const result = parseOne({
      incident_number: undefined,
      description: "Checkout errors reported by the EU synthetic monitor",
      body: { type: "incident_body", details: { monitor: "eu-checkout" } },
    });
    expect(result.ok && result.records[0]).toMatchObject({
      id: "Q2K8WZ3B7XR1PL",
      summary: "Checkout errors reported by the EU synthetic monitor",
    });
  });

  it("reports mapped fields with the canonical validator's messages", () => {
    const result = parseOne({ created_at: undefined, status: "snoozed" });
    expect(!result.ok && result.errors.map((e) => formatImportError(e))).toEqual([
      'record 1 (PD-4812): status: "snoozed" is not one of investigating, identified, monitoring, resolved, closed',
      "record 1 (PD-4812): startedAt: required field is missing",
    ]);
  });
});
