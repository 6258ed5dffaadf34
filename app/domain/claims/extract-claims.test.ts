import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractClaims } from "./extract-claims";
import { evaluateAgainstGold, type GoldCase } from "./fixtures/evaluate-against-gold";
import type { ExtractionOptions } from "./types";

const MERIDIAN = new URL("../../../db/demo/meridian/", import.meta.url);
const FIXTURES = [
  "harbourside-bank",
  "nimbus-cloud",
  "telvo-telecom",
  "skybridge-airline",
  "paylane-payments",
  "kestrel-rail",
  "orchard-insurance",
  "lumen-streaming",
  "veritas-logistics",
];

function read(url: URL): string {
  return readFileSync(url, "utf8");
}

/** The workspace vocabulary as the app builds it: the names the incident records use. */
function vocabularyOf(incidents: Array<{ organization?: string; services?: string[]; regions?: string[] }>): ExtractionOptions["vocabulary"] {
  const unique = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => Boolean(v)))];
  return {
    organizations: unique(incidents.map((i) => i.organization)),
    services: unique(incidents.flatMap((i) => i.services ?? [])),
    regions: unique(incidents.flatMap((i) => i.regions ?? [])),
  };
}

describe("extractClaims on the Meridian example", () => {
  const article = read(new URL("article.md", MERIDIAN));
  const gold = JSON.parse(read(new URL("expected.json", MERIDIAN))) as GoldCase;
  const vocabulary = vocabularyOf(JSON.parse(read(new URL("incidents.json", MERIDIAN))).incidents);

  it.each([
    ["with the workspace vocabulary", vocabulary],
    ["without a vocabulary", undefined],
  ])("finds every gold claim with its kind and no neutral sentence, %s", (_label, vocab) => {
    const claims = extractClaims(article, { publishedAt: gold.publishedAt, vocabulary: vocab });
    const report = evaluateAgainstGold(article, gold, claims);
    expect(report.missed).toEqual([]);
    expect(report.wrongKind).toEqual([]);
    expect(report.neutralAboveThreshold).toEqual([]);
    expect(report.precision).toBeGreaterThanOrEqual(0.85);
  });

  it("returns every segment in article order with exact offsets", () => {
    const claims = extractClaims(article, { publishedAt: gold.publishedAt });
    for (const c of claims) expect(article.slice(c.start, c.end)).toBe(c.text);
    expect(claims.map((c) => c.start)).toEqual([...claims.map((c) => c.start)].sort((a, b) => a - b));
    expect(claims.filter((c) => c.belowThreshold).length).toBeGreaterThan(0);
  });

  it("extracts the facts evidence matching needs", () => {
    const claims = extractClaims(article, { publishedAt: gold.publishedAt, vocabulary });
    const find = (prefix: string) => claims.find((c) => c.text.startsWith(prefix))!;

    expect(find("people familiar").facts.causes.map((c) => c.tag)).toEqual(["ai_generated_code"]);
    const fourTimes = find("The online store went down");
    expect(fourTimes.facts.quantities[0]).toMatchObject({ kind: "count", value: 4, comparator: "gte" });
    expect(fourTimes.facts.dates[0]).toMatchObject({ from: "2026-03-05", to: "2026-03-11", source: "explicit" });
    expect(fourTimes.facts.organizations.map((o) => o.name)).toEqual(["retail"]);
    expect(fourTimes.facts.attributions).toContain("according to an internal briefing seen by The Financial Ledger");
    expect(fourTimes.facts.assertsFullOutage).toBe(true);

    const sixHours = find("One of the outages");
    expect(sixHours.facts.quantities[0]).toMatchObject({ kind: "duration", value: 360, comparator: "gt" });
    expect(sixHours.facts.dates).toEqual([expect.objectContaining({ source: "article", from: "2026-03-05", to: "2026-03-13" })]);

    const cloud = find("Meridian Cloud");
    expect(cloud.facts.organizations.map((o) => o.name)).toEqual(["cloud"]);
    expect(cloud.facts.services.map((s) => s.name)).toEqual(["object-storage"]);

    expect(find("The problems began").facts.causes.map((c) => c.tag)).toEqual(["deployment", "ai_generated_code", "process_gap"]);
  });

  it("applies the threshold option", () => {
    const strict = extractClaims(article, { publishedAt: gold.publishedAt, threshold: 0.9 });
    const lenient = extractClaims(article, { publishedAt: gold.publishedAt, threshold: 0.1 });
    expect(strict.filter((c) => !c.belowThreshold).length).toBeLessThan(lenient.filter((c) => !c.belowThreshold).length);
  });
});

describe("extractClaims on hand-marked articles from other outlets and industries", () => {
  const cases = FIXTURES.map((name) => {
    const fixture = new URL(`./fixtures/${name}.json`, import.meta.url);
    const gold = JSON.parse(read(fixture)) as GoldCase & { article: string };
    return { name, gold, article: read(new URL(`./fixtures/${gold.article}`, import.meta.url)) };
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: finds the gold claims and keeps neutral sentences below threshold", (_name, c) => {
    const claims = extractClaims(c.article, { publishedAt: c.gold.publishedAt, vocabulary: c.gold.vocabulary });
    for (const claim of claims) expect(c.article.slice(claim.start, claim.end)).toBe(claim.text);
    const report = evaluateAgainstGold(c.article, c.gold, claims);
    expect(report.neutralAboveThreshold).toEqual([]);
    expect(report.recall).toBeGreaterThanOrEqual(0.85);
    expect(report.precision).toBeGreaterThanOrEqual(0.85);
  });

  it("meets the recall and precision targets across all of them, with and without a vocabulary", () => {
    for (const withVocabulary of [true, false]) {
      let found = 0;
      let gold = 0;
      let correct = 0;
      let shown = 0;
      let rightKind = 0;
      for (const c of cases) {
        const claims = extractClaims(c.article, { publishedAt: c.gold.publishedAt, vocabulary: withVocabulary ? c.gold.vocabulary : undefined });
        const report = evaluateAgainstGold(c.article, c.gold, claims);
        const above = claims.filter((x) => !x.belowThreshold).length;
        const hits = c.gold.claims.length - report.missed.length;
        found += hits;
        gold += c.gold.claims.length;
        correct += above - report.falsePositives.length;
        shown += above;
        rightKind += hits - report.wrongKind.length;
      }
      expect(found / gold).toBeGreaterThanOrEqual(0.95);
      expect(correct / shown).toBeGreaterThanOrEqual(0.95);
      expect(rightKind / found).toBeGreaterThanOrEqual(0.9);
    }
  });

  // Speed is measured by `npm run bench`, not asserted here: a busy machine made a timing test fail.
  it("extracts an 8 KB article the same way every time, with offsets into it", () => {
    const text = cases.map((c) => c.article).join("\n\n").slice(0, 8192);
    const options = { publishedAt: "2026-03-13", vocabulary: cases[0].gold.vocabulary };
    const first = extractClaims(text, options);
    expect(first.length).toBeGreaterThan(0);
    for (const c of first) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(extractClaims(text, options)).toEqual(first);
  });
});

describe("extractClaims on quotations from the incident's record", () => {
  it("keeps a quotation that goes on quoting the record cited just before it in the paragraph", () => {
    const text =
      'The utility has posted its report on the billing fault. "Meter readings were not affected," the report says. "The fault was caused by a rounding change deployed to the invoicing service on 3 May."';
    const claim = extractClaims(text).find((c) => c.text.startsWith('"The fault was caused'));
    expect(claim?.belowThreshold).toBe(false);
  });
});
