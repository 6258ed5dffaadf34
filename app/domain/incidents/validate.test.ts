import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { effectiveStatus, formatImportError, MAX_IMPORT_ERRORS, validateIncidents, type Incident } from "./index";

const meridian: Incident[] = JSON.parse(
  readFileSync(new URL("../../../db/demo/meridian/incidents.json", import.meta.url), "utf8"),
).incidents;

const minimal = { id: "RET-2026-0309-C", title: "Product images failed to load", startedAt: "2026-03-09T09:02:00Z" };

/** The formatted errors for a file of records, or [] when it is valid. */
function problems(raw: unknown[]): string[] {
  const result = validateIncidents(raw);
  return result.ok ? [] : result.errors.map((error) => formatImportError(error));
}

const withFields = (fields: Record<string, unknown>) => problems([{ ...minimal, ...fields }]);

describe("validateIncidents", () => {
  it("accepts the Meridian records and returns them field for field", () => {
    const result = validateIncidents(structuredClone(meridian));
    expect(result).toStrictEqual({ ok: true, records: meridian });
  });

  it("keeps strings and dates exactly as given", () => {
    const record = {
      ...minimal,
      startedAt: "2026-03-09T11:02:00.123456+02:00",
      resolvedAt: "2026-03-09T09:30Z",
      summary: "  Indented *Markdown*\n\n- kept as is ",
      services: [" media ", "storefront"],
    };
    expect(validateIncidents([record])).toStrictEqual({ ok: true, records: [record] });
  });

  it("leaves an absent status absent and treats it as resolved", () => {
    const result = validateIncidents([minimal]);
    expect(result.ok && result.records[0]).toStrictEqual(minimal);
    expect(effectiveStatus(minimal)).toBe("resolved");
    expect(effectiveStatus({ ...minimal, status: "monitoring" })).toBe("monitoring");
  });

  it("compares resolvedAt with startedAt as instants, across offsets", () => {
    expect(withFields({ startedAt: "2026-03-09T10:00:00+02:00", resolvedAt: "2026-03-09T08:00:00Z" })).toEqual([]);
    expect(withFields({ startedAt: "2026-03-09T10:00:00+02:00", resolvedAt: "2026-03-09T07:59:00Z" })).toEqual([
      'record 1 (RET-2026-0309-C): resolvedAt: "2026-03-09T07:59:00Z" is before startedAt "2026-03-09T10:00:00+02:00"',
    ]);
  });

  it.each([
    ["a date-time without offset", { startedAt: "2026-03-09 09:02" }, 'startedAt: "2026-03-09 09:02" has no UTC offset'],
    ["a T date-time without offset", { detectedAt: "2026-03-09T09:20:00" }, 'detectedAt: "2026-03-09T09:20:00" has no UTC offset'],
    ["a date only", { resolvedAt: "2026-03-09" }, 'resolvedAt: "2026-03-09" is a date without a time and UTC offset'],
    ["an offset of hours only", { startedAt: "2026-03-09T09:02:00+02" }, 'startedAt: "2026-03-09T09:02:00+02" is not written as 2026-03-09T09:02:00Z (a T between date and time, an offset Z, ±hh:mm or ±hhmm)'],
    ["a space for the T", { startedAt: "2026-03-09 09:02:00Z" }, 'startedAt: "2026-03-09 09:02:00Z" is not written as 2026-03-09T09:02:00Z (a T between date and time, an offset Z, ±hh:mm or ±hhmm)'],
    ["an impossible date", { startedAt: "2026-02-29T09:02:00Z" }, 'startedAt: "2026-02-29T09:02:00Z" is not a real date and time'],
    ["text for a date", { startedAt: "yesterday" }, 'startedAt: "yesterday" is not an ISO 8601 date-time with offset, such as 2026-03-09T09:02:00Z'],
    ["a timeline time without offset", { timeline: [{ at: "2026-03-09T09:02:00Z", text: "Expired" }, { at: "2026-03-09T09:20", text: "Alarm" }] }, 'timeline[1].at: "2026-03-09T09:20" has no UTC offset'],
    ["resolved before started", { resolvedAt: "2026-03-09T08:00:00Z" }, 'resolvedAt: "2026-03-09T08:00:00Z" is before startedAt "2026-03-09T09:02:00Z"'],
    ["an unknown field", { sevrity: "SEV3" }, 'sevrity: unknown field (did you mean "severity"?)'],
    ["a snake_case field", { started_at: "2026-03-09T09:02:00Z" }, 'started_at: unknown field (did you mean "startedAt"?)'],
    ["an unrelated field", { jiraKey: "OPS-1" }, "jiraKey: unknown field, not part of the import format"],
    ["an unknown nested field", { links: [{ title: "Doc", url: "https://x.example", kind: "doc" }] }, "links[0].kind: unknown field, not part of the import format"],
    ["a bad status", { status: "done" }, 'status: "done" is not one of investigating, identified, monitoring, resolved, closed'],
    ["a bad action item status", { actionItems: [{ text: "Alarm on expiry", status: "todo" }] }, 'actionItems[0].status: "todo" is not one of open, done'],
    ["a negative count", { customersAffected: -5 }, "customersAffected: -5 is not an integer >= 0"],
    ["a fractional count", { customersAffected: 2.5 }, "customersAffected: 2.5 is not an integer >= 0"],
    ["a count as text", { customersAffected: "12" }, 'customersAffected: "12" is not an integer >= 0'],
    ["an empty title", { title: "  " }, "title: must not be empty"],
    ["a title that is not text", { title: 42 }, "title: 42 is not a string"],
    ["null for an optional field", { severity: null }, "severity: null is not a string; leave the field out when it has no value"],
    ["a string for a list", { services: "media" }, 'services: "media" is not a list of strings'],
    ["a number in a list", { regions: ["us-east", 1] }, "regions[1]: 1 is not a string"],
    ["an internalOnly name that is no field", { internalOnly: ["trigger", "secret"] }, 'internalOnly[1]: "secret" is not a field of the incident format'],
    ["a factor without description", { contributingFactors: [{ tag: "third_party" }] }, "contributingFactors[0].description: required field is missing"],
  ])("rejects %s", (_, fields, message) => {
    expect(withFields(fields)).toEqual([`record 1 (RET-2026-0309-C): ${message}`]);
  });

  it.each([
    [
      "RET 2026/0309",
      'record 1 (RET 2026/0309): id: "RET 2026/0309" is not a valid id: use 1-64 characters from A-Z a-z 0-9 . _ : -',
    ],
    [
      "X".repeat(65),
      `record 1 (${"X".repeat(63)}…): id: "${"X".repeat(59)}…" is not a valid id: use 1-64 characters from A-Z a-z 0-9 . _ : -`,
    ],
    ["", 'record 1: id: "" is not a valid id: use 1-64 characters from A-Z a-z 0-9 . _ : -'],
  ])("rejects the bad id %j", (id, line) => {
    expect(withFields({ id })).toEqual([line]);
  });

  it("rejects a missing id", () => {
    const { id: _, ...withoutId } = minimal;
    expect(problems([withoutId])).toEqual(["record 1: id: required field is missing"]);
    const result = validateIncidents([withoutId]);
    expect(!result.ok && result.errors[0]).toStrictEqual({ index: 1, field: "id", message: "required field is missing" });
  });

  it("rejects a missing title", () => {
    const { title: _, ...withoutTitle } = minimal;
    expect(problems([withoutTitle])).toEqual(["record 1 (RET-2026-0309-C): title: required field is missing"]);
  });

  it("rejects a record that is not an object", () => {
    expect(problems([minimal, "RET-2026-0311-D", null])).toEqual([
      'record 2: "RET-2026-0311-D" is not an object',
      "record 3: null is not an object",
    ]);
  });

  it("rejects a duplicate id, naming the first record that has it", () => {
    expect(problems([minimal, { ...minimal, id: "RET-2026-0311-D" }, minimal])).toEqual([
      'record 3 (RET-2026-0309-C): id: "RET-2026-0309-C" is already the id of record 1',
    ]);
  });

  it("lists every problem of every record, in file order", () => {
    const records = [
      { ...minimal, status: "done", customersAffected: -1, startedAt: "2026-03-09 09:02" },
      minimal,
      { id: "RET-2026-0311-D", startedAt: "2026-03-11T13:15:00Z", tags: [] },
    ];
    expect(problems(records)).toEqual([
      'record 1 (RET-2026-0309-C): status: "done" is not one of investigating, identified, monitoring, resolved, closed',
      'record 1 (RET-2026-0309-C): startedAt: "2026-03-09 09:02" has no UTC offset',
      "record 1 (RET-2026-0309-C): customersAffected: -1 is not an integer >= 0",
      'record 2 (RET-2026-0309-C): id: "RET-2026-0309-C" is already the id of record 1',
      "record 3 (RET-2026-0311-D): title: required field is missing",
      "record 3 (RET-2026-0311-D): tags: unknown field, not part of the import format",
    ]);
  });

  it(`stops at ${MAX_IMPORT_ERRORS} problems and says more exist`, () => {
    const untitled = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `R-${i + 1}`, startedAt: "2026-03-09T09:02:00Z" }));
    const many = validateIncidents(untitled(60));
    expect(many.ok).toBe(false);
    if (many.ok) return;
    expect(many.errors).toHaveLength(MAX_IMPORT_ERRORS);
    expect(many.truncated).toBe(true);
    expect(formatImportError(many.errors[49])).toBe("record 50 (R-50): title: required field is missing");

    const exactly = validateIncidents(untitled(MAX_IMPORT_ERRORS));
    expect(!exactly.ok && exactly.errors.length).toBe(MAX_IMPORT_ERRORS);
    expect(!exactly.ok && exactly.truncated).toBeUndefined();
  });
});

describe("formatImportError", () => {
  it("formats a file-level error with and without a file name", () => {
    const error = { index: 0, field: "", message: "Unexpected token '}' in JSON", line: 12, column: 5 };
    expect(formatImportError(error, "incidents.json")).toBe("incidents.json:12:5: Unexpected token '}' in JSON");
    expect(formatImportError(error)).toBe("line 12, column 5: Unexpected token '}' in JSON");
    expect(formatImportError({ index: 0, field: "title", message: "required column is missing", line: 1 }, "a.csv")).toBe(
      "a.csv:1: title: required column is missing",
    );
    expect(formatImportError({ index: 0, field: "", message: "the file is empty" })).toBe("the file is empty");
  });
});
