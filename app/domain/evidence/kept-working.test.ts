/**
 * Found by an evaluation case written after the library (test/fixtures/evidence/mobile-case): a
 * claim that something kept working through an incident, read against what the records say of it.
 */
import { describe, expect, it } from "vitest";
import { checkAssertions } from "./checks";
import { readClaim } from "./claim-reading";
import { makeClaim, makeIncident } from "./fixtures/factory";

const day = { dates: [["2026-11-02", "2026-11-02", "on Monday", "relative"]] as [string, string, string, "relative"][] };
const outage = (customerImpact: string) =>
  makeIncident({ id: "NW", startedAt: "2026-11-02T18:10:00Z", resolvedAt: "2026-11-02T21:40:00Z", services: ["mobile-data"], customerImpact });

describe("a claim that something kept working", () => {
  it("is read as about the incident, naming what kept working", () => {
    const reading = readClaim(makeClaim("Emergency calls could still be made on Monday, according to the company", day), {});
    expect(reading).toMatchObject({ aboutIncidents: true, deniesIncidents: true, keptWorking: { subject: "Emergency calls" } });
    expect(readClaim(makeClaim("But card payments continued to work", {}), {}).keptWorking).toEqual({ subject: "card payments" });
    expect(readClaim(makeClaim("The outage could still happen again", {}), {}).keptWorking).toBeNull();
  });

  it("is supported by a record saying so", () => {
    const claim = makeClaim("Emergency calls could still be made on Monday", day);
    const [check] = checkAssertions(claim, {}, [outage("Calls failed for 3 hours. Emergency calls to 999 continued to work.")]);
    expect(check).toMatchObject({ aspect: "scope", status: "supported", recorded: "NW records 'Emergency calls to 999 continued to work'" });
  });

  it("is contradicted by a record saying it failed", () => {
    const claim = makeClaim("Emergency calls could still be made on Monday", day);
    const [check] = checkAssertions(claim, {}, [outage("Emergency calls failed in the north for an hour.")]);
    expect(check.status).toBe("contradicted");
  });

  it("is left open when the records do not say", () => {
    const claim = makeClaim("Emergency calls could still be made on Monday", day);
    const [check] = checkAssertions(claim, {}, [outage("Mobile data failed for 3 hours.")]);
    expect(check).toMatchObject({ status: "unknown", recorded: "the records on 2 Nov 2026 do not say whether emergency calls kept working" });
  });
});
