/**
 * Found by an evaluation case written after the library (test/fixtures/evidence/parcel-case): a
 * count of what an incident touched ("delaying thousands of parcels") is not a count of incidents.
 */
import { describe, expect, it } from "vitest";
import { checkAssertions } from "./checks";
import { makeClaim, makeIncident } from "./fixtures/factory";

const labels = makeIncident({
  id: "LBL",
  services: ["label-printing"],
  startedAt: "2026-09-16T05:30:00Z",
  resolvedAt: "2026-09-16T08:10:00Z",
  customerImpact: "Depots could not print shipping labels for 2 hours 40 minutes.",
});

describe("counts of what incidents touched", () => {
  it("are not checked as counts of incidents", () => {
    const claim = makeClaim("Label printing also failed on Wednesday, delaying thousands of parcels", {
      services: [["label-printing", "Label printing"]],
      dates: [["2026-09-16", "2026-09-16", "Wednesday", "relative"]],
      quantities: [["count", 1000, "gte", "thousands of parcels", { vague: true, subject: "parcels" }]],
    });
    const checks = checkAssertions(claim, {}, [labels]);
    expect(checks.find((c) => c.aspect === "count")).toBeUndefined();
    expect(checks.find((c) => c.aspect === "scope")?.status).toBe("supported");
  });

  it("while counts of outages still are", () => {
    const claim = makeClaim("Label printing failed twice on Wednesday", {
      services: [["label-printing", "Label printing"]],
      dates: [["2026-09-16", "2026-09-16", "Wednesday", "relative"]],
      quantities: [["count", 2, "eq", "twice", { subject: "times" }]],
    });
    expect(checkAssertions(claim, {}, [labels]).find((c) => c.aspect === "count")?.status).toBe("contradicted");
  });
});

describe("a repeated charge", () => {
  it("is what happened to each customer, not a count of incidents", () => {
    const claim = makeClaim("Thousands of customers were charged twice on Wednesday", {
      dates: [["2026-09-16", "2026-09-16", "Wednesday", "relative"]],
      quantities: [
        ["customers", 1000, "gte", "Thousands of customers", { vague: true, subject: "customers" }],
        ["count", 2, "eq", "twice", { subject: "times" }],
      ],
    });
    const checks = checkAssertions(claim, {}, [labels]);
    expect(checks.map((c) => c.aspect)).not.toContain("count");
  });
});

describe("a service no record uses", () => {
  const claim = makeClaim("Label printing failed on Wednesday after a bug in the payment system", {
    services: [
      ["label-printing", "Label printing"],
      ["payment", "payment system"],
    ],
    dates: [["2026-09-16", "2026-09-16", "Wednesday", "relative"]],
  });

  it("is generic wording, not a scope the records contradict", () => {
    const scope = checkAssertions(claim, {}, [labels], { knownServices: ["label-printing", "tracking"] }).find((c) => c.aspect === "scope");
    expect(scope).toMatchObject({ status: "supported", claimed: "label-printing" });
  });

  it("still counts without the workspace's service names", () => {
    const scope = checkAssertions(claim, {}, [labels]).find((c) => c.aspect === "scope");
    expect(scope?.claimed).toBe("label-printing and payment");
  });
});
