import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { incidentSearchText, type Incident } from "./index";

const meridian: Incident[] = JSON.parse(
  readFileSync(new URL("../../../db/demo/meridian/incidents.json", import.meta.url), "utf8"),
).incidents;

describe("incidentSearchText", () => {
  it("groups a record's text by weight", () => {
    const search = meridian.find((incident) => incident.id === "RET-2026-0305-A")!;
    expect(incidentSearchText(search)).toEqual({
      a: "Product search returned empty results",
      b: [search.summary, search.rootCause].join("\n"),
      c: [
        search.customerImpact,
        "Scheduled index rebuild",
        "capacity",
        "Index build nodes ran out of disk.",
        "monitoring gap",
        "No alarm on an empty alias.",
        "search",
        "storefront",
        "eu-west",
        "us-east",
        "retail",
      ].join("\n"),
      d: [
        "Alias switched to an empty index",
        "Zero-result rate alarm fired",
        "Alias rolled back to the previous index",
        "Refuse alias switch when document count drops more than 5%",
      ].join("\n"),
    });
  });

  it("leaves a weight empty when the record has nothing for it", () => {
    expect(incidentSearchText({ id: "A-1", title: "Outage", startedAt: "2026-03-09T09:02:00Z" })).toEqual({
      a: "Outage",
      b: "",
      c: "",
      d: "",
    });
  });
});
