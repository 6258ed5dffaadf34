import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatImportError, parseIncidentFile, type ParseResult } from "./index";

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/incidents/${name}`, import.meta.url), "utf8");
const meridianText = readFileSync(new URL("../../../db/demo/meridian/incidents.json", import.meta.url), "utf8");
const meridian = JSON.parse(meridianText).incidents;

function problems(result: ParseResult, fileName?: string): string[] {
  return result.ok ? [] : result.errors.map((error) => formatImportError(error, fileName));
}

describe("parseIncidentFile: canonical JSON", () => {
  it("reads the Meridian file field for field, keeping each raw record beside it", () => {
    const result = parseIncidentFile(meridianText);
    expect(result).toStrictEqual({ ok: true, format: "json", records: meridian, raws: meridian, ignored: [], invalid: [] });
  });

  it("is the identity for export then import", () => {
    const first = parseIncidentFile(meridianText);
    if (!first.ok) throw new Error("Meridian file rejected");
    const exported = JSON.stringify({ incidents: first.records }, null, 2);
    const second = parseIncidentFile(exported);
    expect(second.ok && second.records).toStrictEqual(first.records);
  });

  it("reads a bare array and ignores a byte-order mark", () => {
    const result = parseIncidentFile(`\uFEFF${JSON.stringify(meridian.slice(0, 2))}`);
    expect(result.ok && result.records).toStrictEqual(meridian.slice(0, 2));
  });

  it("lists every problem in a file of bad records", () => {
    expect(problems(parseIncidentFile(fixture("invalid-records.json")))).toEqual([
      'record 1 (RET-2026-0309-C): startedAt: "2026-03-09 09:02" has no UTC offset',
      'record 2 (RET-2026-0311-D): status: "done" is not one of investigating, identified, monitoring, resolved, closed',
      "record 2 (RET-2026-0311-D): customersAffected: -8900 is not an integer >= 0",
      'record 2 (RET-2026-0311-D): resolvedAt: "2026-03-11T12:02:00Z" is before startedAt "2026-03-11T13:15:00Z"',
      'record 3 (RET 2026/0312): id: "RET 2026/0312" is not a valid id: use 1-64 characters from A-Z a-z 0-9 . _ : -',
      "record 3 (RET 2026/0312): title: must not be empty",
      'record 3 (RET 2026/0312): sevrity: unknown field (did you mean "severity"?)',
      "record 4 (RET-2026-0311-D): title: required field is missing",
      'record 4 (RET-2026-0311-D): timeline[1].at: "2026-03-13T08:20" has no UTC offset',
      'record 4 (RET-2026-0311-D): id: "RET-2026-0311-D" is already the id of record 2',
    ]);
  });

  it("rejects an envelope key beside incidents", () => {
    const result = parseIncidentFile(JSON.stringify({ incidents: meridian, exportedAt: "2026-03-20T10:00:00Z" }));
    expect(problems(result)).toEqual(['exportedAt: unknown top-level field; a canonical file is {"incidents": [...]}']);
  });

  it.each([
    ['{"records": []}', 'expected {"incidents": [...]}, a list of incidents, or one incident'],
    ['{"data": [{"id": "A"}]}', 'expected {"incidents": [...]}; "data" is the envelope of another tool\'s export, whose records were not recognised'],
    ['{"exportedAt": "2026-03-20T10:00:00Z"}', 'expected {"incidents": [...]}, a list of incidents, or one incident'],
    ['{"incidents": {"id": "A"}}', "incidents: is not a list"],
    [" \n ", "the file is empty"],
  ])("rejects %j as a whole", (text, message) => {
    expect(problems(parseIncidentFile(text))).toEqual([message]);
  });
});

describe("parseIncidentFile: malformed JSON", () => {
  it("reports the line and column of a syntax error", () => {
    const result = parseIncidentFile(fixture("malformed.json"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { index: 0, field: "", message: "Expected double-quoted property name in JSON", line: 8, column: 5 },
    ]);
    expect(formatImportError(result.errors[0], "malformed.json")).toBe(
      "malformed.json:8:5: Expected double-quoted property name in JSON",
    );
  });

  it("locates errors whose message carries no position", () => {
    const long = `{"incidents": [\n  {"id": tru}${" ".repeat(60)}\n]}`;
    expect(problems(parseIncidentFile(long), "a.json")).toEqual(["a.json:2:13: Unexpected token '}' in JSON"]);
    expect(problems(parseIncidentFile('{"incidents": [\n  {"id": tru}\n]}'), "a.json")).toEqual([
      "a.json:2:13: Unexpected token '}' in JSON",
    ]);
    expect(problems(parseIncidentFile('[{"id":\n'), "a.json")).toEqual(["a.json:2:1: Unexpected end of JSON input"]);
  });
});

describe("parseIncidentFile: format detection", () => {
  const statuspage = JSON.parse(fixture("statuspage-incidents.json"));

  it.each([
    ["canonical envelope", meridianText, "json"],
    ["canonical array", JSON.stringify(meridian), "json"],
    ["empty canonical list", '{"incidents": []}', "json"],
    ["Statuspage array", fixture("statuspage-incidents.json"), "statuspage"],
    ["Statuspage page envelope", JSON.stringify({ page: { id: "kctbh9vrtdwd", name: "Meridian" }, incidents: statuspage }), "statuspage"],
    ["PagerDuty list response", fixture("pagerduty-incidents.json"), "pagerduty"],
    ["empty PagerDuty page", '{"incidents": [], "limit": 25, "offset": 0, "more": false}', "pagerduty"],
    ["CSV", fixture("incidents.csv"), "csv"],
  ])("detects %s", (_, text, format) => {
    const result = parseIncidentFile(text);
    expect(result).toMatchObject({ ok: true, format });
  });

  it("reads a forced format without detecting", () => {
    const asCanonical = parseIncidentFile(fixture("statuspage-incidents.json"), { format: "json" });
    expect(asCanonical.ok).toBe(false);
    expect(asCanonical.format).toBe("json");
    expect(problems(asCanonical)[0]).toBe("record 1 (p31zjtct2jer): title: required field is missing");

    const asCsv = parseIncidentFile('id,title,startedAt\nA-1,"[not json]",2026-03-09T09:02:00Z\n', { format: "csv" });
    expect(asCsv).toMatchObject({ ok: true, format: "csv", records: [{ id: "A-1", title: "[not json]" }] });

    const jsonAsCsv = parseIncidentFile('[{"id": "A-1"}]', { format: "csv" });
    expect(jsonAsCsv.format).toBe("csv");
    expect(jsonAsCsv.ok).toBe(false);
  });

  it("reports a syntax error for a forced JSON format even when the text does not look like JSON", () => {
    const result = parseIncidentFile("id,title\n", { format: "pagerduty" });
    expect(result.ok).toBe(false);
    expect(result.format).toBe("pagerduty");
    expect(problems(result, "pd.json")).toEqual(["pd.json:1:1: Unexpected token 'i' in JSON"]);
  });
});
