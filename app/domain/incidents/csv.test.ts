import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatImportError, parseIncidentFile, type Incident, type ParseResult } from "./index";

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/incidents/${name}`, import.meta.url), "utf8");
const meridian: Incident[] = JSON.parse(
  readFileSync(new URL("../../../db/demo/meridian/incidents.json", import.meta.url), "utf8"),
).incidents;

function problems(result: ParseResult, fileName?: string): string[] {
  return result.ok ? [] : result.errors.map((error) => formatImportError(error, fileName));
}

const HEADER = "id,title,startedAt";
const csv = (...lines: string[]) => `${lines.join("\n")}\n`;

describe("parseIncidentFile: CSV", () => {
  it("reads the sample into the same records as the canonical file", () => {
    const result = parseIncidentFile(fixture("incidents.csv"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe("csv");
    expect(result.records.slice(0, 2)).toStrictEqual(meridian.filter((i) => ["RET-2026-0305-A", "RET-2026-0307-B"].includes(i.id)));
  });

  it("reads quoting, escapes, multi-line cells and empty cells", () => {
    const result = parseIncidentFile(fixture("incidents.csv"));
    expect(result.ok && result.records[2]).toStrictEqual({
      id: "CLD-2026-0402-B",
      title: 'DNS resolution failures for "api.example.com"',
      severity: "SEV3",
      startedAt: "2026-04-02T09:15:00+02:00",
      resolvedAt: "2026-04-02T10:05:30.250+02:00",
      organization: "cloud",
      services: ["dns", "api-gateway"],
      regions: ["eu-central"],
      customerImpact: "Some API calls failed with timeouts, mostly from EU clients.",
      customersAffected: 1200,
      summary: "A zone file push removed the *api* record.\n\nThe change was rolled back after 50 minutes.",
      trigger: "Zone file deployment",
      contributingFactors: [
        { tag: "config_change", description: "Zone push removed a record; the linter only checks syntax" },
        { tag: "dependency_failure", description: "Secondary DNS provider: stale cache" },
      ],
      timeline: [
        { at: "2026-04-02T09:15:00+02:00", text: "Zone file pushed" },
        { at: "2026-04-02T09:21:00+02:00", text: "Error rate alarm | API gateway" },
        { at: "2026-04-02T10:05:30.250+02:00", text: "Record restored" },
      ],
      actionItems: [
        { text: "Lint zone files for removed records", status: "open", owner: "dns-team" },
        { text: "Lower TTL on api record", status: "done" },
      ],
      internalOnly: ["trigger", "contributingFactors"],
      links: [
        { title: "Postmortem", url: "https://wiki.example.com/postmortems/CLD-2026-0402-B" },
        { title: "Ticket DNS-88", url: "https://tracker.example.com/DNS-88" },
      ],
    });
  });

  it("keeps each row's cells by header name as its raw source", () => {
    const result = parseIncidentFile(fixture("incidents.csv"));
    expect(result.ok && result.raws[2]).toMatchObject({ id: "CLD-2026-0402-B", status: "", services: "dns\napi-gateway" });
  });

  it("skips blank lines and rows of empty cells", () => {
    const result = parseIncidentFile(csv(HEADER, "", "A-1,First,2026-03-09T09:02:00Z", ",,", "A-2,Second,2026-03-09T10:00:00Z"));
    expect(result.ok && result.records.map((r) => r.id)).toEqual(["A-1", "A-2"]);
  });

  it("validates cells with the same messages as JSON", () => {
    const result = parseIncidentFile(
      csv(`${HEADER},customersAffected,status`, "A-1,First,2026-03-09 09:02,12k,done", "A-2,Second,2026-03-09T10:00:00Z,-3,"),
    );
    expect(problems(result)).toEqual([
      'record 1 (A-1): status: "done" is not one of investigating, identified, monitoring, resolved, closed',
      'record 1 (A-1): startedAt: "2026-03-09 09:02" has no UTC offset',
      'record 1 (A-1): customersAffected: "12k" is not an integer >= 0',
      "record 2 (A-2): customersAffected: -3 is not an integer >= 0",
    ]);
  });

  it("names a list item that does not have its field's form", () => {
    const result = parseIncidentFile(
      csv(
        `${HEADER},contributingFactors,timeline,actionItems,links`,
        'A-1,First,2026-03-09T09:02:00Z,capacity: Disk full; third_party,2026-03-09T09:02:00Z Alarm,"Fix it; open | Alarm | ops | extra",Runbook',
      ),
    );
    expect(problems(result)).toEqual([
      'record 1 (A-1): contributingFactors[1]: "third_party" is not in the form "tag: description"',
      'record 1 (A-1): timeline[0]: "2026-03-09T09:02:00Z Alarm" is not in the form "time | text"',
      'record 1 (A-1): actionItems[0]: "Fix it" is not in the form "status | text | owner"',
      'record 1 (A-1): actionItems[1]: "open | Alarm | ops | extra" is not in the form "status | text | owner"',
      'record 1 (A-1): links[0]: "Runbook" is not in the form "title | url"',
    ]);
  });

  it("ignores an unnamed column only while it is empty", () => {
    const blank = parseIncidentFile(csv(`${HEADER},`, "A-1,First,2026-03-09T09:02:00Z,"));
    expect(blank.ok && blank.records).toStrictEqual([{ id: "A-1", title: "First", startedAt: "2026-03-09T09:02:00Z" }]);
    const filled = parseIncidentFile(csv("", `${HEADER},`, "A-1,First,2026-03-09T09:02:00Z,SEV2"));
    expect(problems(filled, "a.csv")).toEqual(["a.csv:2: column 4 has values but no name"]);
  });

  it("rejects unknown, repeated and missing columns", () => {
    expect(problems(parseIncidentFile(csv("id,Title,startedAt,sevrity,startedAt,jira")), "a.csv")).toEqual([
      'a.csv:1: Title: unknown column (did you mean "title"?)',
      'a.csv:1: sevrity: unknown column (did you mean "severity"?)',
      "a.csv:1: startedAt: column appears twice (columns 3 and 5)",
      "a.csv:1: jira: unknown column, not part of the import format",
      "a.csv:1: title: required column is missing",
    ]);
  });
});

describe("parseIncidentFile: malformed CSV", () => {
  it("points at a quote that is never closed", () => {
    const result = parseIncidentFile(fixture("unclosed-quote.csv"));
    expect(result).toMatchObject({ ok: false, format: "csv", errors: [{ index: 0, line: 4, column: 17 }] });
    expect(problems(result, "unclosed-quote.csv")).toEqual(["unclosed-quote.csv:4:17: quoted cell is never closed"]);
  });

  it("reports the line of a row with the wrong number of cells", () => {
    const result = parseIncidentFile(fixture("wrong-column-count.csv"));
    expect(problems(result, "wrong-column-count.csv")).toEqual(["wrong-column-count.csv:3: row has 3 fields but the header has 4"]);
  });

  it("reports every row with the wrong number of cells", () => {
    const result = parseIncidentFile(csv(HEADER, "A-1,First", "A-2,Second,2026-03-09T09:02:00Z", "A-3,Third,2026-03-09T09:02:00Z,extra"));
    expect(problems(result, "a.csv")).toEqual([
      "a.csv:2: row has 2 fields but the header has 3",
      "a.csv:4: row has 4 fields but the header has 3",
    ]);
  });

  it("points at text after a closing quote and at a stray quote", () => {
    expect(problems(parseIncidentFile(csv(HEADER, 'A-1,"First"x,2026-03-09T09:02:00Z')), "a.csv")).toEqual([
      'a.csv:2:12: unexpected text after a closing quote; write a quote inside a quoted cell as ""',
    ]);
    expect(problems(parseIncidentFile(csv(HEADER, 'A-1,The "first",2026-03-09T09:02:00Z')), "a.csv")).toEqual([
      "a.csv:2:9: quote inside an unquoted cell; quote the whole cell and double the inner quote",
    ]);
  });
});
