import { describe, expect, it } from "vitest";
import type { ExtractedClaim } from "~/domain/claims/types";
import { analyzeClaims } from "./analyze";
import { facts, window, type FactSpec } from "./fixtures/eval-case";
import { makeIncident } from "./fixtures/factory";
import type { PoolEntry } from "./types";

const claim = (text: string, spec: FactSpec = {}): ExtractedClaim => ({
  text,
  start: 0,
  end: text.length,
  checkWorthiness: 0.9,
  kind: "numeric",
  facts: facts(text, spec),
  belowThreshold: false,
});

describe("analyzeClaims", () => {
  const main = makeIncident({ id: "MAIN", startedAt: "2026-02-03T14:00:00Z", resolvedAt: "2026-02-03T17:10:00Z", services: ["object-storage"] });
  const earlier = makeIncident({ id: "EARLIER", startedAt: "2026-01-20T02:00:00Z", resolvedAt: "2026-01-20T09:00:00Z", services: ["object-storage"] });
  const pool: PoolEntry[] = [main, earlier].map((incident) => ({ incident, textScore: 0.5 }));
  const wideWindow = { articleWindow: window("2026-01-01", "2026-02-06", "this year") };

  it("reads a later undated claim as about the event an earlier claim dated", () => {
    const results = analyzeClaims(
      [
        claim("Object storage failed on 3 February", { services: [["object-storage", "Object storage"]], dates: [["2026-02-03", "2026-02-03", "3 February"]] }),
        claim("The disruption lasted almost seven hours", { quantities: [["duration", 420, "approx", "almost seven hours"]] }),
      ],
      wideWindow,
      () => pool,
    );
    expect(results[1].candidates[0].incidentId).toBe("MAIN");
    expect(results[1].verdict.suggested).toBe("inaccurate");
    expect(results[1].verdict.basis).toContain("MAIN");
  });

  it("keeps the article's window for a claim about several incidents", () => {
    const results = analyzeClaims(
      [
        claim("Object storage failed on 3 February", { services: [["object-storage", "Object storage"]], dates: [["2026-02-03", "2026-02-03", "3 February"]] }),
        claim("One of the outages lasted almost seven hours", { quantities: [["duration", 420, "approx", "almost seven hours"]] }),
      ],
      wideWindow,
      () => pool,
    );
    expect(results[1].candidates[0].incidentId).toBe("EARLIER");
    expect(results[1].verdict.suggested).toBe("accurate");
  });

  it("returns the analyze.md shape: offsets, kind, candidates without signals, verdict", () => {
    const [result] = analyzeClaims([claim("Object storage failed on 3 February", { dates: [["2026-02-03", "2026-02-03", "3 February"]] })], {}, () => pool);
    expect(result).toMatchObject({ start: 0, kind: "numeric", checkWorthiness: 0.9 });
    expect(Object.keys(result.candidates[0]).sort()).toEqual(["incidentId", "reasons", "score"]);
    expect(["accurate", "inaccurate", "misleading", "unverifiable"]).toContain(result.verdict.suggested);
  });
});
