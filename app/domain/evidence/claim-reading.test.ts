import { describe, expect, it } from "vitest";
import { findTagMentions } from "./causes";
import { readClaim, refersToEarlierEvent } from "./claim-reading";
import { window } from "./fixtures/eval-case";
import { makeClaim } from "./fixtures/factory";

const article = { articleWindow: window("2026-03-05", "2026-03-13", "this week") };

describe("readClaim", () => {
  it("reads a loose 'this week' inside the article's window as that window", () => {
    const claim = makeClaim("Meridian suffered a string of outages this week", { dates: [["2026-03-09", "2026-03-13", "this week", "relative"]] });
    expect(readClaim(claim, article).window).toMatchObject({ from: "2026-03-05", to: "2026-03-13", source: "article" });
  });

  it("keeps a single relative day and an explicit range as the claim gives them", () => {
    const tuesday = makeClaim("Checkout failed on Tuesday", { dates: [["2026-03-10", "2026-03-10", "on Tuesday", "relative"]] });
    expect(readClaim(tuesday, article).window).toMatchObject({ from: "2026-03-10", to: "2026-03-10" });
    const explicit = makeClaim("Checkout failed between 9 and 11 March", { dates: [["2026-03-09", "2026-03-11", "between 9 and 11 March"]] });
    expect(readClaim(explicit, article).window).toMatchObject({ from: "2026-03-09", to: "2026-03-11", source: "explicit" });
  });

  it("gives an undated claim about incidents the article's window, and a policy claim none of its checks", () => {
    expect(readClaim(makeClaim("One of the outages lasted more than six hours"), article).window?.source).toBe("article");
    const policy = readClaim(makeClaim("Meridian has pushed its engineers to use AI coding tools"), article);
    expect(policy.aboutPolicy).toBe(true);
    expect(policy.window).toBeNull();
  });

  it("does not narrow to a service extraction mapped from a whole-product word", () => {
    const claim = makeClaim("The online store went down four times", { services: [["storefront", "online store"]] });
    expect(readClaim(claim, article).services).toEqual([]);
    const named = makeClaim("Storage services were hit", { services: [["object-storage", "Storage services"]] });
    expect(readClaim(named, article).services).toEqual(["object-storage"]);
  });

  it("finds causes in the text when extraction found none, with denials", () => {
    const causes = readClaim(makeClaim("The outage was not caused by a cyberattack"), article).causes;
    expect(causes).toEqual([expect.objectContaining({ tag: "security", negated: true })]);
  });
});

describe("refersToEarlierEvent", () => {
  it("reads 'the disruption' and 'as well' as referring back, and plural incidents as not", () => {
    expect(refersToEarlierEvent(makeClaim("The disruption lasted almost seven hours"))).toBe(true);
    expect(refersToEarlierEvent(makeClaim("Customers in Europe were affected as well", { regions: [["eu-west", "Europe"]] }))).toBe(true);
    expect(refersToEarlierEvent(makeClaim("One of the outages lasted more than six hours"))).toBe(false);
    expect(refersToEarlierEvent(makeClaim("Search failed on 5 March", { dates: [["2026-03-05", "2026-03-05", "5 March"]] }))).toBe(false);
  });
});

describe("readClaim: incidents, not policy", () => {
  it("reads slow, stopped and throttled services as incidents", () => {
    for (const text of ["Shop tablets were slow to receive orders because the provider had throttled traffic", "A brief fault stopped some couriers from logging in on Saturday morning", "The fault hit both gas and electricity customers"]) {
      expect(readClaim(makeClaim(text), article).aboutIncidents, text).toBe(true);
    }
  });

  it("does not take 'would not load' or 'than it had planned for' as a company's decision", () => {
    const dated = makeClaim("The disruption began shortly before 8am on 10 March, when staff found the screens would not load", { dates: [["2026-03-10", "2026-03-10", "10 March"]] });
    expect(readClaim(dated, article).aboutPolicy).toBe(false);
    expect(readClaim(makeClaim("The launch problems were down to far more players turning up than the studio had planned for"), article).aboutPolicy).toBe(false);
    expect(readClaim(makeClaim("The company has since introduced new approval rules"), article).aboutPolicy).toBe(true);
  });
});

describe("readClaim: declined payments and colour clauses are not decisions", () => {
  it("reads declined transactions as an incident, and a 'would' in a trailing clause as colour", () => {
    const declined = readClaim(makeClaim("About 6.5% of card transactions were declined during the disruption"), article);
    expect(declined).toMatchObject({ aboutIncidents: true, aboutPolicy: false });
    const flights = readClaim(makeClaim("More than 1,200 flights were delayed or cancelled, leaving travellers who had no idea when they would leave"), article);
    expect(flights).toMatchObject({ aboutIncidents: true, aboutPolicy: false });
    expect(readClaim(makeClaim("Ground staff were forced to check passengers in with pen and paper"), article).aboutIncidents).toBe(true);
  });
});

describe("cause phrases in records", () => {
  it("do not read a denial of what the cause word qualifies as a denial of the cause", () => {
    expect(findTagMentions("The DDoS protection was available but had not been enabled.", "security")[0]?.negated).toBe(false);
    expect(findTagMentions("A DDoS attack was not involved.", "security")[0]?.negated).toBe(true);
  });
});

describe("causes a claim asserts", () => {
  const causesOf = (text: string) => readClaim(makeClaim(text), {}).causes.map((c) => c.tag);

  it("leave out a cause word inside a clause that only describes something the sentence names", () => {
    expect(causesOf("The outage was caused by a misconfigured rule in its firewall, a service that inspects traffic for malicious requests")).toEqual(["config_change"]);
    expect(causesOf("The site went down, which the company blamed on hackers")).toContain("security");
  });

  it("read a bare broad word as a cause only where the claim speaks of causes", () => {
    expect(causesOf("Visitors to sites that use its network saw error pages")).toEqual([]);
    expect(causesOf("The outage was set off by a loss of connectivity")).toEqual(["network"]);
  });
});
