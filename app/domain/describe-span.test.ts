import { describe, expect, it } from "vitest";
import { describeSpan } from "./describe-span";

const body = "Meridian's store suffered outages this week.\n\nOne of the outages lasted more than six hours, leaving shoppers unable to reach the site.";

describe("describeSpan", () => {
  it("reads a chosen span's facts with article offsets and the article's window", () => {
    const start = body.indexOf("One of");
    const end = body.indexOf(", leaving");
    const d = describeSpan(body, { start, end }, { publishedAt: "2026-03-13" });
    expect(d.kind).toBe("numeric");
    expect(d.checkWorthiness).toBeGreaterThan(0.5);
    const duration = d.facts.quantities.find((q) => q.kind === "duration")!;
    expect(duration).toMatchObject({ value: 360, comparator: "gt" });
    expect(body.slice(duration.start, duration.end)).toBe(duration.text);
    expect(d.facts.dates[0]).toMatchObject({ source: "article" });
  });
});
