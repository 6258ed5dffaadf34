import { describe, expect, it } from "vitest";
import { buildBm25Index } from "./bm25";
import { makeIncident } from "./fixtures/factory";

describe("buildBm25Index", () => {
  const index = buildBm25Index([
    makeIncident({ id: "SEARCH", title: "Product search returned empty results", summary: "Index alias switched to an empty index." }),
    makeIncident({ id: "CHECKOUT", title: "Checkout failures after payment configuration change" }),
    makeIncident({ id: "IMAGES", title: "Product images failed to load" }),
  ]);

  it("scores the best match 1 and the rest in 0..1", () => {
    const scores = index.score("search results were empty");
    const best = scores.reduce((a, b) => (b.textScore > a.textScore ? b : a));
    expect(best.incident.id).toBe("SEARCH");
    expect(best.textScore).toBe(1);
    for (const s of scores) expect(s.textScore).toBeGreaterThanOrEqual(0);
  });

  it("scores nothing for a query with no shared words", () => {
    expect(index.score("zebra").every((s) => s.textScore === 0)).toBe(true);
  });
});
