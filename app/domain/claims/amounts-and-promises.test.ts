/**
 * Found by an evaluation case written after the extractor (test/fixtures/evidence/parcel-case):
 * "a million customers" is an amount, and a company's promise is a claim to keep.
 */
import { describe, expect, it } from "vitest";
import { scoreCheckWorthiness } from "./check-worthiness";
import { extractFacts } from "./extract-facts";

describe("amounts written with 'a'", () => {
  it("reads 'a million', 'a thousand' and 'a hundred' as numbers", () => {
    expect(extractFacts("More than a million customers were affected").quantities).toEqual([
      expect.objectContaining({ kind: "customers", value: 1_000_000, comparator: "gt", text: "More than a million customers" }),
    ]);
    expect(extractFacts("About a thousand flights were cancelled").quantities[0]).toMatchObject({ kind: "count", value: 1000, subject: "flights" });
    expect(extractFacts("a hundred shoppers complained").quantities[0]).toMatchObject({ kind: "customers", value: 100 });
  });

  it("leaves the article alone where no amount follows", () => {
    expect(extractFacts("A spokesperson said the service was back").quantities).toEqual([]);
  });
});

describe("a company's promise", () => {
  it("is check-worthy, like its other acts", () => {
    const score = (text: string) => scoreCheckWorthiness({ text, role: "sentence", start: 0 });
    expect(score("Swiftline has promised to compensate customers whose parcels were delayed")).toBeGreaterThanOrEqual(0.5);
    expect(score("The airline pledged to refund every passenger")).toBeGreaterThanOrEqual(0.5);
  });
});

describe("sentences about the incident itself", () => {
  const score = (text: string) => scoreCheckWorthiness({ text, role: "sentence", start: 0 });
  it("count when they give a figure, a superlative or what was spared", () => {
    expect(score("The problem lasted for two days before it was fixed")).toBeGreaterThanOrEqual(0.5);
    expect(score("It is the first serious incident at Pennywise since it launched in 2023")).toBeGreaterThanOrEqual(0.5);
    expect(score("Business accounts were not affected")).toBeGreaterThanOrEqual(0.5);
  });
  it("but not as commentary", () => {
    expect(score("It is tempting to see the failure as a sign that streaming has outgrown its infrastructure")).toBeLessThan(0.5);
  });
});
