import { describe, expect, it } from "vitest";
import { extractFacts } from "./extract-facts";
import type { Quantity } from "./types";

const VOCABULARY = {
  organizations: ["retail", "cloud"],
  services: ["checkout", "search", "storefront", "object-storage"],
  regions: ["eu-west", "eu-central", "us-east"],
};

function quantities(text: string): Array<Pick<Quantity, "kind" | "value" | "comparator"> & Partial<Quantity>> {
  return extractFacts(text).quantities.map(({ kind, value, comparator, vague, subject }) => ({
    kind,
    value,
    comparator,
    ...(vague ? { vague } : {}),
    ...(subject ? { subject } : {}),
  }));
}

describe("extractFacts: quantities", () => {
  it.each([
    ["It took nearly three hours to fix", 180, "approx"],
    ["One of the outages lasted more than six hours", 360, "gt"],
    ["The outage lasted six and a half hours", 390, "eq"],
    ["Service was down for 90 minutes", 90, "eq"],
    ["It was down for 2 hours 40 minutes", 160, "eq"],
    ["It was down for two hours and 40 minutes", 160, "eq"],
    ["Bookings were suspended for two days", 2880, "eq"],
    ["The app came back an hour and a half later", 90, "eq"],
    ["a two-hour outage", 120, "eq"],
  ] as const)("reads the duration in %s", (text, value, comparator) => {
    expect(quantities(text)).toEqual([{ kind: "duration", value, comparator }]);
  });

  it("reads counts with what they count", () => {
    expect(quantities("The online store went down at least four times")).toEqual([{ kind: "count", value: 4, comparator: "gte", subject: "times" }]);
    expect(quantities("It was the third outage this month")).toEqual([{ kind: "count", value: 3, comparator: "eq", subject: "outages" }]);
    expect(quantities("The site crashed twice")).toEqual([{ kind: "count", value: 2, comparator: "eq", subject: "times" }]);
    expect(quantities("about 300,000 journeys were affected")).toEqual([{ kind: "count", value: 300_000, comparator: "approx", subject: "journeys" }]);
  });

  it("reads vague amounts as lower bounds", () => {
    expect(quantities("several outages")).toEqual([{ kind: "count", value: 3, comparator: "gte", vague: true, subject: "outages" }]);
    expect(quantities("a string of outages")[0]).toMatchObject({ kind: "count", vague: true, subject: "outages" });
    expect(quantities("millions of customers")).toEqual([{ kind: "customers", value: 2_000_000, comparator: "gte", vague: true, subject: "customers" }]);
    expect(quantities("thousands of shoppers")[0]).toMatchObject({ kind: "customers", value: 2000, vague: true });
    expect(quantities("several of its business customers lost access")[0]).toMatchObject({ kind: "customers", vague: true, subject: "customers" });
  });

  it("reads customers, money and percentages", () => {
    expect(quantities("2m customers were affected")).toEqual([{ kind: "customers", value: 2_000_000, comparator: "eq", subject: "customers" }]);
    expect(quantities("up to 10,000 users")).toEqual([{ kind: "customers", value: 10_000, comparator: "lte", subject: "users" }]);
    expect(extractFacts("It cost $1.2m").quantities[0]).toMatchObject({ kind: "money", value: 1_200_000, unit: "USD", text: "$1.2m" });
    expect(extractFacts("fines of £300,000").quantities[0]).toMatchObject({ kind: "money", value: 300_000, unit: "GBP" });
    expect(quantities("3.4% of payments failed")).toEqual([{ kind: "percentage", value: 3.4, comparator: "eq" }]);
    expect(quantities("18 per cent of checkout attempts")).toEqual([{ kind: "percentage", value: 18, comparator: "eq" }]);
  });

  it("does not count dates, years, versions or sources", () => {
    expect(quantities("On 5 March 2026 the site failed")).toEqual([]);
    expect(quantities("The 2025 results were poor after v1.2 shipped")).toEqual([]);
    expect(quantities("Two people familiar with the matter said so")).toEqual([]);
    expect(quantities("One of the outages lasted")).toEqual([]);
    expect(quantities("At 7.30 a.m. it failed")).toEqual([]);
  });

  it("gives article offsets", () => {
    const facts = extractFacts("It lasted more than six hours", 500);
    expect(facts.quantities[0]).toMatchObject({ start: 510, end: 529, text: "more than six hours" });
  });
});

describe("extractFacts: organisations, services, regions", () => {
  const facts = (text: string, vocabulary: typeof VOCABULARY | null = VOCABULARY) => {
    const f = extractFacts(text, 0, { vocabulary: vocabulary ?? undefined });
    return { organizations: f.organizations.map((e) => e.name), services: f.services.map((e) => e.name), regions: f.regions.map((e) => e.name) };
  };

  it("maps press words onto the vocabulary through synonyms", () => {
    expect(facts("The online store went down")).toMatchObject({ organizations: ["retail"], services: ["storefront"] });
    expect(facts("Its e-commerce site and payment page crashed")).toMatchObject({ organizations: ["retail"], services: ["storefront", "checkout"] });
    expect(facts("customers lost access to their storage services")).toMatchObject({ services: ["object-storage"] });
  });

  it("maps synonyms only onto names the vocabulary has", () => {
    expect(facts("The online store went down", { ...VOCABULARY, organizations: ["cloud"] }).organizations).toEqual([]);
    expect(facts("The online store went down", null).organizations).toEqual([]);
  });

  it("recognises division names without a vocabulary", () => {
    expect(facts("Meridian Cloud, the company's cloud-computing division, was also hit", null).organizations).toEqual(["cloud"]);
    expect(facts("its payments arm was hit", null).organizations).toEqual(["payments"]);
    expect(facts("its storage and database services failed", null).services).toEqual(["storage", "database"]);
  });

  it("matches regions tolerantly and through the geography map", () => {
    expect(facts("Checkout failed in EU West").regions).toEqual(["eu-west"]);
    expect(facts("Customers in Europe could not pay").regions).toEqual(["eu-west", "eu-central"]);
    expect(facts("Customers in western Europe and the US were hit").regions).toEqual(["eu-west", "us-east"]);
    expect(facts("Customers in Europe could not pay", null).regions).toEqual(["eu-*"]);
  });
});

describe("extractFacts: causes", () => {
  const causes = (text: string) => extractFacts(text).causes.map((c) => (c.negated ? `!${c.tag}` : c.tag));

  it.each([
    ["AI-generated code was behind them", ["ai_generated_code"]],
    ["The problems began after an engineer deployed code written by an AI assistant without a human review", ["deployment", "ai_generated_code", "process_gap"]],
    ["people say a bot wrote the faulty update", ["ai_generated_code"]],
    ["An AI assistant's advice led the engineer astray", ["ai_assisted_tooling"]],
    ["The outage followed a cyberattack", ["security"]],
    ["It blamed a faulty software update from a third-party supplier", ["deployment", "third_party"]],
    ["An engineer's mistake caused the failure", ["human_error"]],
    ["It was caused by a misconfiguration", ["config_change"]],
    ["The problems began after a traffic surge overloaded servers", ["capacity"]],
    ["A power outage at a data centre knocked the site offline", ["hardware"]],
    ["The failure was due to a DNS problem", ["network"]],
    ["Customer data was lost", ["data_loss"]],
    ["Data stored by some customers was permanently lost", ["data_loss"]],
    ["a database upgrade corrupted customer records", ["deployment", "data_loss"]],
    ["The fault was traced to outdated documentation", ["outdated_documentation"]],
  ])("%s", (text, expected) => {
    expect(causes(text)).toEqual(expected);
  });

  it("marks denied causes as negated", () => {
    expect(causes("The outage was not caused by hackers")).toEqual(["!security"]);
    expect(causes("It was caused by a configuration change, not a cyberattack")).toEqual(["config_change", "!security"]);
    expect(causes("The company ruled out a cyberattack")).toEqual(["!security"]);
    expect(causes("The upgrade had not been tested properly")).toEqual(["process_gap"]);
    expect(causes("None of the customers' money was lost")).toEqual(["!data_loss"]);
    expect(causes("there was no evidence that customer data had been taken")).toEqual(["!security"]);
  });

  it("reads broad words as causes only where the sentence speaks of causes", () => {
    expect(causes("The firm is rolling out a new network")).toEqual([]);
    expect(causes("Nimbus, the Seattle-based cloud provider, took down thousands of sites")).toEqual([]);
    expect(causes("Meridian has pushed its engineers to use AI coding tools")).toEqual([]);
  });
});

describe("extractFacts: absolutes, attributions, full outage, article window", () => {
  it("collects absolutes and attributions", () => {
    const facts = extractFacts("All customers were affected for the first time, according to documents seen by Reuters");
    expect(facts.absolutes).toEqual(["all", "for the first time"]);
    expect(facts.attributions).toEqual(["according to documents seen by Reuters"]);
    expect(extractFacts("people familiar with the matter say it failed").attributions).toEqual(["people familiar with the matter"]);
  });

  it("tells a full outage from a partial one", () => {
    expect(extractFacts("The online store went down").assertsFullOutage).toBe(true);
    expect(extractFacts("leaving shoppers unable to reach the site").assertsFullOutage).toBe(true);
    expect(extractFacts("a string of outages on its shopping website").assertsFullOutage).toBe(true);
    expect(extractFacts("Search was slow for some customers").assertsFullOutage).toBe(false);
    expect(extractFacts("Checkout errors hit some users").assertsFullOutage).toBe(false);
  });

  it("gives a claim without its own date the article's window", () => {
    const window = { from: "2026-03-05", to: "2026-03-13", source: "article" as const, text: "this week", start: 10, end: 19 };
    expect(extractFacts("One of the outages lasted more than six hours", 0, { articleWindow: window }).dates).toEqual([window]);
    expect(extractFacts("It failed on Tuesday", 0, { publishedAt: "2026-03-13", articleWindow: window }).dates[0]).toMatchObject({ from: "2026-03-10", source: "relative" });
  });
});

describe("extractFacts: places the records name by country code, nation or city", () => {
  const regions = (text: string, names: string[]) => extractFacts(text, 0, { vocabulary: { regions: names } }).regions.map((r) => r.name);

  it("maps countries and nations onto their own codes or names when the records use them", () => {
    expect(regions("Sites in the UK, Ireland and the Netherlands were affected", ["uk", "ie", "nl", "au"])).toEqual(["uk", "ie", "nl"]);
    expect(regions("Customers in south Wales lost service", ["uk-wales", "uk-north", "uk-south"])).toEqual(["uk-wales"]);
    expect(regions("Users in Japan could not sync", ["jp", "kr", "in"])).toEqual(["jp"]);
  });

  it("still maps a country onto cloud regions when the records use those", () => {
    expect(regions("Checkout failed in Germany", ["eu-central", "eu-west", "us-east"])).toEqual(["eu-central", "eu-west"]);
  });

  it("places a US city on its coast", () => {
    expect(regions("Riders in Seattle and Portland could not book trips", ["us-west", "us-east", "us-central"])).toEqual(["us-west"]);
    expect(regions("Riders in Chicago could not book trips", ["us-west", "us-east", "us-central"])).toEqual(["us-central"]);
  });
});
