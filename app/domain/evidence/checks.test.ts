import { describe, expect, it } from "vitest";
import { checkAssertions } from "./checks";
import { window } from "./fixtures/eval-case";
import { makeClaim, makeIncident } from "./fixtures/factory";

const week = { articleWindow: window("2026-03-05", "2026-03-11", "this week") };
const at = (day: string, hours: number, extra: Parameters<typeof makeIncident>[0] = {}) =>
  makeIncident({
    startedAt: `2026-03-${day}T10:00:00Z`,
    resolvedAt: new Date(Date.parse(`2026-03-${day}T10:00:00Z`) + hours * 3_600_000).toISOString(),
    ...extra,
  });

const four = [
  at("05", 0.9, { id: "A", customerImpact: "Search returned no results; browsing still worked.", customersAffected: 41000 }),
  at("07", 2 + 2 / 3, { id: "B", customerImpact: "About 18% of checkout attempts failed.", customersAffected: 12600 }),
  at("09", 1.5, { id: "C", customerImpact: "Images were missing on a third of pages.", customersAffected: 0 }),
  at("11", 0.8, { id: "D", customerImpact: "Signed-in customers could not open their order history.", customersAffected: 8900 }),
];

describe("count", () => {
  it("supports 'at least four' with four incidents in the window", () => {
    const claim = makeClaim("went down at least four times between 5 and 11 March", {
      quantities: [["count", 4, "gte", "at least four times", { subject: "times" }]],
      dates: [["2026-03-05", "2026-03-11", "between 5 and 11 March"]],
    });
    const count = checkAssertions(claim, {}, four).find((c) => c.aspect === "count");
    expect(count).toMatchObject({ status: "supported", incidentIds: ["A", "B", "C", "D"] });
  });

  it("contradicts 'six incidents' with four, and ignores records outside the window", () => {
    const claim = makeClaim("There were six incidents this week", { quantities: [["count", 6, "eq", "six incidents", { subject: "incidents" }]] });
    const outside = at("20", 1, { id: "LATER" });
    const count = checkAssertions(claim, week, [...four, outside]).find((c) => c.aspect === "count");
    expect(count?.status).toBe("contradicted");
    expect(count?.recorded).toContain("4 incidents between 5 and 11 Mar 2026");
  });
});

describe("count of outages", () => {
  it("does not count an incident that only slowed things down when the figure fits without it", () => {
    const claim = makeClaim("It is the second outage this week", { quantities: [["count", 2, "eq", "second", { subject: "outage" }]] });
    const slow = at("06", 1, { id: "SLOW", title: "Slow bucket listing", customerImpact: "Listing requests were slow for 90 minutes." });
    const count = checkAssertions(claim, week, [four[0], four[1], slow])[0];
    expect(count).toMatchObject({ status: "supported", incidentIds: ["A", "B"] });
    expect(count.recorded).toContain("SLOW only slowed things down");
  });
});

describe("duration", () => {
  const claim = makeClaim("One of the outages lasted more than six hours", { quantities: [["duration", 360, "gt", "more than six hours"]] });

  it("contradicts 'more than six hours' when the longest lasted 2 h 40 min", () => {
    const [check] = checkAssertions(claim, week, four);
    expect(check).toMatchObject({ aspect: "duration", status: "contradicted", incidentIds: ["B"] });
    expect(check.recorded).toBe("the longest incident between 5 and 11 Mar 2026, B, lasted 2 h 40 min");
  });

  it("supports it when one incident lasted longer", () => {
    const [check] = checkAssertions(claim, week, [...four, at("08", 6.5, { id: "LONG" })]);
    expect(check).toMatchObject({ status: "supported", incidentIds: ["LONG"] });
  });

  it("compares totals when the claim says 'in total'", () => {
    const total = makeClaim("The outages lasted more than five hours in total", { quantities: [["duration", 300, "gt", "more than five hours"]] });
    const [check] = checkAssertions(total, week, four);
    expect(check.status).toBe("supported");
    expect(check.recorded).toContain("in total");
  });

  it("checks only a duration given as the incident's length, not how soon it was found or what set it off", () => {
    const length = (text: string, phrase: string) => checkAssertions(makeClaim(text, { quantities: [["duration", 360, "eq", phrase]] }), week, four).filter((c) => c.aspect === "duration");
    expect(length("The site stayed down for six hours", "six hours")).toHaveLength(1);
    expect(length("It was a six-hour outage", "six-hour")).toHaveLength(1);
    expect(length("Engineers spotted the fault within six hours", "six hours")).toEqual([]);
    expect(length("It was set off by a six-hour loss of power", "six-hour")).toEqual([]);
    expect(length("Deadlines were extended by six hours", "six hours")).toEqual([]);
  });
});

describe("scope", () => {
  const claim = makeClaim("The cloud division was also hit", { organizations: [["cloud", "cloud division"]] });
  const cloudFeb = makeIncident({ id: "CLD", organization: "cloud", startedAt: "2026-02-14T03:10:00Z", resolvedAt: "2026-02-14T05:45:00Z" });

  it("contradicts a division with no incident in the window and names its last one", () => {
    const [check] = checkAssertions(claim, week, [...four, cloudFeb]);
    expect(check.status).toBe("contradicted");
    expect(check.recorded).toContain("were in retail, not cloud");
    expect(check.recorded).toContain("the last cloud incident on record, CLD, was on 14 Feb 2026");
  });

  it("supports it when the division had an incident in the window", () => {
    const [check] = checkAssertions(claim, week, [...four, at("08", 1, { id: "CLD-MAR", organization: "cloud" })]);
    expect(check).toMatchObject({ status: "supported", incidentIds: ["CLD-MAR"] });
  });

  it("does not treat the company's own name as a division", () => {
    const named = makeClaim("Meridian was hit by outages", { organizations: [["meridian", "Meridian"]] });
    expect(checkAssertions(named, week, four, { knownOrganizations: ["retail", "cloud"] })).toEqual([]);
  });
});

describe("cause", () => {
  const aiTooling = at("07", 2, {
    id: "AI",
    rootCause: "Human error in a configuration change surfaced by an AI assistant. No AI-generated code was involved.",
    contributingFactors: [
      { tag: "human_error", description: "x" },
      { tag: "ai_assisted_tooling", description: "y" },
    ],
  });
  const claim = makeClaim("AI-generated code was behind the outages", { causes: [["ai_generated_code", "AI-generated code"]] });

  it("contradicts AI-generated code when the record says an assistant was involved and denies AI code", () => {
    const [check] = checkAssertions(claim, week, [four[0], aiTooling, four[2]]);
    expect(check.status).toBe("contradicted");
    expect(check.recorded).toContain("AI involved AI-assisted tooling");
    expect(check.recorded).toContain("root cause is recorded as 'Human error in a configuration change surfaced by an AI assistant'");
    expect(check.recorded).toContain("says no AI-generated code was involved");
  });

  it("supports it when the record is tagged with it", () => {
    const tagged = at("08", 1, { id: "CODE", contributingFactors: [{ tag: "ai_generated_code", description: "AI patch" }] });
    const [check] = checkAssertions(makeClaim("AI-generated code caused the outage", { causes: [["ai_generated_code", "AI-generated code"]] }), week, [tagged]);
    expect(check).toMatchObject({ status: "supported", incidentIds: ["CODE"] });
  });

  it("calls one cause in four partial when the claim speaks of all the outages", () => {
    const tagged = at("08", 1, { id: "CODE", contributingFactors: [{ tag: "ai_generated_code", description: "AI patch" }] });
    const [check] = checkAssertions(claim, week, [four[0], four[2], four[3], tagged]);
    expect(check.status).toBe("partial");
    expect(check.recorded).toBe("1 of 4 incidents between 5 and 11 Mar 2026 involved AI-generated code (CODE)");
  });

  it("supports a denied cause the records do not show, and contradicts one they do", () => {
    const denial = makeClaim("The outage was not caused by a cyberattack", { causes: [["security", "cyberattack", true]] });
    expect(checkAssertions(denial, week, four)[0].status).toBe("supported");
    const attacked = at("08", 1, { id: "DDOS", contributingFactors: [{ tag: "security", description: "DDoS" }] });
    expect(checkAssertions(denial, week, [attacked])[0].status).toBe("contradicted");
  });

  it("names the root cause when the only incident records another cause", () => {
    const claim = makeClaim("A hacker attack caused the checkout failure", { services: [["checkout", "checkout"]], causes: [["security", "hacker attack"]] });
    const [, cause] = checkAssertions(claim, week, [aiTooling]);
    expect(cause.recorded).toBe(
      "AI, the only checkout incident between 5 and 11 Mar 2026, records no security incident or attack; its root cause is recorded as 'Human error in a configuration change surfaced by an AI assistant'",
    );
  });
});

describe("customers", () => {
  it("contradicts 'about 2 million' against the recorded total", () => {
    const claim = makeClaim("About 2 million customers were affected", { quantities: [["customers", 2_000_000, "approx", "About 2 million customers"]] });
    const [check] = checkAssertions(claim, week, four);
    expect(check.status).toBe("contradicted");
    expect(check.recorded).toContain("62,500 customers affected across 4 incidents");
  });

  it("supports 'tens of thousands' against the total", () => {
    const claim = makeClaim("Tens of thousands of customers were affected", {
      quantities: [["customers", 20000, "gte", "Tens of thousands of customers", { vague: true }]],
    });
    expect(checkAssertions(claim, week, four)[0].status).toBe("supported");
  });

  it("contradicts customers in a division with no incident in the window", () => {
    const claim = makeClaim("Several cloud customers lost access", {
      organizations: [["cloud", "cloud"]],
      quantities: [["customers", 3, "gte", "Several cloud customers", { vague: true }]],
    });
    const customers = checkAssertions(claim, week, four).find((c) => c.aspect === "customers");
    expect(customers?.status).toBe("contradicted");
  });
});

describe("share of customers", () => {
  it("supports 'nearly a fifth of checkouts' against 18%", () => {
    const claim = makeClaim("Nearly a fifth of checkouts failed this week", { quantities: [["percentage", 20, "approx", "Nearly a fifth"]] });
    expect(checkAssertions(claim, week, four)[0]).toMatchObject({ aspect: "customers", status: "supported", incidentIds: ["B"] });
  });

  it("contradicts 'half of all checkouts' against 18% and a third", () => {
    const claim = makeClaim("Half of all checkouts failed this week", { quantities: [["percentage", 50, "approx", "Half of all checkouts"]] });
    const [share] = checkAssertions(claim, week, four);
    expect(share.status).toBe("contradicted");
    expect(share.recorded).toBe("the records give B: 18% and C: 33%");
  });
});

describe("outage", () => {
  const claim = makeClaim("The online store went down four times this week", {
    quantities: [["count", 4, "eq", "four times", { subject: "times" }]],
    fullOutage: true,
  });

  it("contradicts a full outage when each incident affected one feature", () => {
    const outage = checkAssertions(claim, week, four).find((c) => c.aspect === "outage");
    expect(outage?.status).toBe("contradicted");
    expect(outage?.recorded).toContain("none of the 4 incidents between 5 and 11 Mar 2026 took the service offline");
  });

  it("does not read the bare noun 'outage' as a claim that everything was down", () => {
    const major = makeClaim("The service suffered a major outage this week", { fullOutage: true });
    expect(checkAssertions(major, week, four).find((c) => c.aspect === "outage")).toBeUndefined();
  });

  it("supports it when the site was unavailable", () => {
    const down = four.map((f) => ({ ...f, customerImpact: "The site was unavailable for all customers." }));
    expect(checkAssertions(claim, week, down).find((c) => c.aspect === "outage")?.status).toBe("supported");
  });
});

describe("outage of a named feature", () => {
  it("reads a feature that failed outright as down even though the rest of the site worked", () => {
    const claim = makeClaim("Search stopped working on 5 March", { services: [["search", "Search"]], dates: [["2026-03-05", "2026-03-05", "5 March"]], fullOutage: true });
    const search = at("05", 0.9, { id: "S", services: ["search"], customerImpact: "Search returned no results for 53 minutes; browsing still worked." });
    expect(checkAssertions(claim, {}, [search]).find((c) => c.aspect === "outage")?.status).toBe("supported");
  });

  it("needs as many full outages as the claim counts", () => {
    const claim = makeClaim("Booking collapsed twice this week", {
      services: [["booking", "Booking"]],
      quantities: [["count", 2, "eq", "twice", { subject: "times" }]],
      fullOutage: true,
    });
    const down = at("06", 1, { id: "DOWN", services: ["booking"], customerImpact: "Customers could not complete bookings for 50 minutes." });
    const share = at("08", 1, { id: "SHARE", services: ["booking"], customerImpact: "About 30% of searches returned errors." });
    const outage = checkAssertions(claim, week, [down, share]).find((c) => c.aspect === "outage");
    expect(outage?.status).toBe("contradicted");
    expect(outage?.recorded).toContain("only DOWN took booking down");
  });
});

describe("a claim that there were none", () => {
  const claim = makeClaim("The cloud division has not had an outage since January", {
    organizations: [["cloud", "cloud division"]],
    dates: [["2026-01-01", "2026-03-13", "since January", "relative"]],
  });

  it("is contradicted by a record in the period", () => {
    const cloud = makeIncident({ id: "CLD", organization: "cloud", startedAt: "2026-02-14T03:10:00Z", resolvedAt: "2026-02-14T05:45:00Z" });
    expect(checkAssertions(claim, {}, [cloud, ...four])).toEqual([
      expect.objectContaining({ aspect: "count", status: "contradicted", incidentIds: ["CLD"] }),
    ]);
  });

  it("reads 'were not affected' the same way", () => {
    const notHit = makeClaim("Card payments were not affected on 7 March", { services: [["card-payments", "Card payments"]], dates: [["2026-03-07", "2026-03-07", "7 March"]] });
    const cards = at("07", 1, { id: "CARDS", services: ["card-payments"] });
    expect(checkAssertions(notHit, {}, [cards])[0]).toMatchObject({ status: "contradicted", incidentIds: ["CARDS"] });
  });

  it("does not read a part of a service spared as that service having no incident", () => {
    const spared = makeClaim("Card payments already under way were not affected on 7 March", { services: [["card-payments", "Card payments"]], dates: [["2026-03-07", "2026-03-07", "7 March"]] });
    const cards = at("07", 1, { id: "CARDS", services: ["card-payments"], customerImpact: "New card payments failed." });
    expect(checkAssertions(spared, {}, [cards])[0]).toMatchObject({ status: "unknown", incidentIds: [] });
  });

  it("is supported when the period has none in that scope", () => {
    expect(checkAssertions(claim, {}, four)[0]).toMatchObject({ status: "supported", recorded: "no cloud incident is recorded between 1 Jan and 13 Mar 2026" });
  });
});

describe("superlatives", () => {
  const april = makeIncident({ id: "APR", startedAt: "2026-04-15T08:00:00Z", resolvedAt: "2026-04-15T13:10:00Z" });
  const may = makeIncident({ id: "MAY", startedAt: "2026-05-15T07:10:00Z", resolvedAt: "2026-05-15T12:00:00Z" });
  const claim = makeClaim("The outage on 15 May was the longest in the bank's history", { dates: [["2026-05-15", "2026-05-15", "on 15 May"]] });

  it("contradicts 'the longest' when an earlier record lasted longer", () => {
    const [check] = checkAssertions(claim, {}, [april, may]);
    expect(check).toMatchObject({ aspect: "duration", status: "contradicted", incidentIds: ["MAY", "APR"] });
    expect(check.recorded).toBe("APR on 15 Apr 2026 (5 h 10 min) exceeded MAY (4 h 50 min)");
  });

  it("supports it when every earlier record was shorter", () => {
    const short = makeIncident({ id: "SHORT", startedAt: "2026-03-01T08:00:00Z", resolvedAt: "2026-03-01T09:00:00Z" });
    expect(checkAssertions(claim, {}, [short, may])[0].status).toBe("supported");
  });

  it("contradicts 'the first time this year' when the year had several", () => {
    const first = makeClaim("It was the first time the app had failed this year", { dates: [["2026-01-01", "2026-05-22", "this year", "relative"]] });
    expect(checkAssertions(first, {}, [april, may])[0]).toMatchObject({ aspect: "count", status: "contradicted" });
  });
});

describe("claims records cannot settle", () => {
  it("makes no checks for a policy claim", () => {
    const claim = makeClaim("Since the outages, it has introduced new approval requirements for engineers working with AI tools", {
      causes: [["ai_assisted_tooling", "AI tools"]],
    });
    expect(checkAssertions(claim, week, four)).toEqual([]);
  });
});

describe("figures of one event, or of one cause", () => {
  it("measures 'the outage lasted ...' against the best-ranked record, not the longest in the window", () => {
    const claim = makeClaim("The outage lasted more than five hours", { quantities: [["duration", 300, "gt", "more than five hours"]] });
    const long = at("06", 6, { id: "LONG", services: ["payouts"] });
    const main = at("08", 3.5, { id: "MAIN" });
    const [duration] = checkAssertions(claim, week, [long, main], { subjectId: "MAIN" });
    expect(duration).toMatchObject({ status: "contradicted", incidentIds: ["MAIN"] });
    expect(duration.recorded).toContain("MAIN, lasted 3 h 30 min");
    const [any] = checkAssertions(makeClaim("One of the outages lasted more than five hours", { quantities: [["duration", 300, "gt", "more than five hours"]] }), week, [long, main], { subjectId: "MAIN" });
    expect(any).toMatchObject({ status: "supported", incidentIds: ["LONG"] });
  });

  it("counts the customers of the incidents with the asserted cause, not every incident in the window", () => {
    const release = at("06", 2, { id: "REL", customersAffected: 41_800, summary: "Release 7.3 of the billing service billed some readings twice.", rootCause: "A defect in release 7.3." });
    const portal = at("07", 2, {
      id: "PORTAL",
      customersAffected: 160_000,
      summary: "The account portal slowed under a surge of sign-ins.",
      rootCause: "Too few portal servers for the traffic.",
      trigger: "Traffic surge",
      contributingFactors: [{ tag: "capacity", description: "Traffic surge." }],
    });
    const claim = makeClaim("A botched software update sent wrong bills to hundreds of thousands of customers", {
      quantities: [["customers", 200_000, "gte", "hundreds of thousands of customers", { vague: true }]],
      causes: [["deployment", "software update"]],
    });
    const customers = checkAssertions(claim, week, [release, portal]).find((c) => c.aspect === "customers");
    expect(customers).toMatchObject({ status: "contradicted", incidentIds: ["REL"] });
  });

  it("checks a percentage only where it is a share of what the incident touched", () => {
    const uptime = makeClaim("Its contracts include a 99.9% uptime commitment after the outage", { quantities: [["percentage", 99.9, "eq", "99.9%"]] });
    expect(checkAssertions(uptime, week, four).some((c) => c.aspect === "customers")).toBe(false);
  });
});

describe("a denied cause", () => {
  const claim = makeClaim("The university found no evidence that any data had been accessed on 7 March", {
    causes: [["security", "data had been accessed", true]],
    dates: [["2026-03-07", "2026-03-07", "7 March"]],
  });
  const attack = (summary: string) =>
    makeIncident({ id: "DDOS", summary, rootCause: "A flood of requests overwhelmed the front end.", contributingFactors: [{ tag: "security", description: "Denial-of-service attack." }] });

  it("is backed by a record whose prose says the same, quoting it, though its tags name an attack", () => {
    const check = checkAssertions(claim, {}, [attack("An attack took the site down. No data was accessed.")]).find((c) => c.aspect === "cause");
    expect(check).toMatchObject({ status: "supported", recorded: "DDOS records 'No data was accessed'", incidentIds: ["DDOS"] });
  });

  it("is contradicted by a record of the attack that does not say so", () => {
    const check = checkAssertions(claim, {}, [attack("An attack took the site down.")]).find((c) => c.aspect === "cause");
    expect(check?.status).toBe("contradicted");
  });
});

describe("the organisation of the record a claim is about", () => {
  const event = makeIncident({ id: "EV", organization: "home-cloud", services: ["app"], regions: [] });
  const scopeOf = (text: string, mention: string) =>
    checkAssertions(makeClaim(text, { organizations: [["devices", mention]] }), {}, [event], { subjectId: "EV" }).find((c) => c.aspect === "scope");

  it("contradicts a claim naming another unit", () => {
    expect(scopeOf("The outage also hit the devices division", "devices division")?.status).toBe("contradicted");
  });

  it("is not contradicted by a common noun that is also a unit's name", () => {
    expect(scopeOf("The outage stopped customers using their devices", "devices")?.status).toBe("unknown");
  });
});
