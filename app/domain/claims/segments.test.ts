import { describe, expect, it } from "vitest";
import { splitSentences, type Segment } from "./segments";

function texts(input: string): string[] {
  return splitSentences(input).map((s) => s.text);
}

function expectExactOffsets(input: string, segments: Segment[]) {
  for (const s of segments) expect(input.slice(s.start, s.end)).toBe(s.text);
}

describe("splitSentences", () => {
  it("gives offsets that slice back to the segment text, without the final full stop", () => {
    const input = "  The site went down.   It came back at noon!\n\nA second paragraph here.";
    const segments = splitSentences(input);
    expectExactOffsets(input, segments);
    expect(segments.map((s) => s.text)).toEqual(["The site went down", "It came back at noon", "A second paragraph here"]);
  });

  it("ends a sentence inside closing quotes and keeps the quote marks balanced", () => {
    const input = `"We are investigating." The bank said the app was "stable." Customers disagreed.`;
    expect(texts(input)).toEqual([`"We are investigating."`, `The bank said the app was "stable."`, "Customers disagreed"]);
  });

  it("does not end a sentence at a comma inside a quotation followed by the speaker", () => {
    expect(texts(`"We are sorry," a spokeswoman said. Services resumed.`)).toEqual([
      `"We are sorry," a spokeswoman said`,
      "Services resumed",
    ]);
  });

  it("does not split at titles, initials, e.g., or U.S. and Inc. in mid-sentence", () => {
    const input =
      "Mr. Osei and Dr. Patel of Acme Inc. said J. Smith approved it. Outages in the U.S. hit users, e.g. in Ohio. The firm apologised.";
    expect(texts(input)).toEqual([
      "Mr. Osei and Dr. Patel of Acme Inc. said J. Smith approved it",
      "Outages in the U.S. hit users, e.g. in Ohio",
      "The firm apologised",
    ]);
  });

  it("ends a sentence at an abbreviation when a sentence opener follows", () => {
    expect(texts("The outage hit customers in the U.S. The company said it was fixed.")).toEqual([
      "The outage hit customers in the U.S",
      "The company said it was fixed",
    ]);
  });

  it("does not split decimals, versions or amounts", () => {
    expect(texts("About 2.5m users saw errors after v1.2 shipped, with losses of $3.4m. Shares fell 3.4%.")).toEqual([
      "About 2.5m users saw errors after v1.2 shipped, with losses of $3.4m",
      "Shares fell 3.4%",
    ]);
  });

  it("treats a Markdown heading and a short unpunctuated line as headlines", () => {
    const segments = splitSentences("# Bank app fails again\n\nShort headline without a stop\n\nThe app failed on Monday.");
    expect(segments.map((s) => [s.role, s.text])).toEqual([
      ["headline", "Bank app fails again"],
      ["headline", "Short headline without a stop"],
      ["sentence", "The app failed on Monday"],
    ]);
  });

  it("separates a headline that sits directly above the body with no blank line", () => {
    const segments = splitSentences("Airline cancels flights\nDALLAS — SkyBridge Airlines canceled 1,100 flights over the weekend.");
    expect(segments.map((s) => [s.role, s.text])).toEqual([
      ["headline", "Airline cancels flights"],
      ["dateline", "DALLAS"],
      ["sentence", "SkyBridge Airlines canceled 1,100 flights over the weekend"],
    ]);
  });

  it("keeps hard-wrapped prose together", () => {
    const input = "Policyholders were unable to file\nclaims online for six hours on Wednesday. The insurer\nsaid hackers were not involved.";
    expect(texts(input)).toEqual([
      "Policyholders were unable to file\nclaims online for six hours on Wednesday",
      "The insurer\nsaid hackers were not involved",
    ]);
  });

  it("recognises outlet-and-date lines, bylines and agency openers as datelines", () => {
    const input = [
      "*The Financial Ledger — 13 March 2026*",
      "By Priya Natarajan",
      "LONDON, April 8 (Reuters) - Customers of Harbourside Bank could not log in.",
      "NEW YORK, Nov 17 (AP) — Trains ran late.",
    ].join("\n\n");
    const segments = splitSentences(input);
    expectExactOffsets(input, segments);
    expect(segments.map((s) => [s.role, s.text])).toEqual([
      ["dateline", "The Financial Ledger — 13 March 2026"],
      ["dateline", "By Priya Natarajan"],
      ["dateline", "LONDON, April 8 (Reuters)"],
      ["sentence", "Customers of Harbourside Bank could not log in"],
      ["dateline", "NEW YORK, Nov 17 (AP)"],
      ["sentence", "Trains ran late"],
    ]);
  });

  it("makes each bulleted or numbered list item its own segment", () => {
    const input = "Key facts:\n\n- About 2m customers were affected\n* Payments failed for 3 hours.\n1. Refunds are available.\n2) The app was restored on Sunday";
    const segments = splitSentences(input);
    expectExactOffsets(input, segments);
    expect(segments.map((s) => [s.role, s.text])).toEqual([
      ["sentence", "Key facts"],
      ["list-item", "About 2m customers were affected"],
      ["list-item", "Payments failed for 3 hours"],
      ["list-item", "Refunds are available"],
      ["list-item", "The app was restored on Sunday"],
    ]);
  });

  it("strips blockquote markers", () => {
    expect(texts(`> "We take full responsibility," Mr. Osei wrote.`)).toEqual([`"We take full responsibility," Mr. Osei wrote`]);
  });
});

describe("splitSentences: clauses", () => {
  it("splits off an attributed clause joined by ', and people familiar with the matter say'", () => {
    const input =
      "Meridian suffered a string of outages on its shopping website this week, and people familiar with the matter say AI-generated code was behind them.";
    const segments = splitSentences(input);
    expect(segments.map((s) => [s.role, s.text])).toEqual([
      ["clause", "Meridian suffered a string of outages on its shopping website this week"],
      ["clause", "people familiar with the matter say AI-generated code was behind them"],
    ]);
  });

  it("keeps a second half that refers back to the first ('several of its customers')", () => {
    const sentence =
      "Meridian Cloud, the company's cloud-computing division, was also hit, and several of its business customers lost access to their storage services";
    expect(texts(`${sentence}.`)).toEqual([sentence]);
  });

  it("splits two independent assertions at ', and' or '; '", () => {
    expect(texts("Engineers skipped the usual testing, and the bank has since suspended all changes.")).toEqual([
      "Engineers skipped the usual testing",
      "the bank has since suspended all changes",
    ]);
    expect(texts("This is the second outage in 2025; in June, a power failure disrupted service for 90 minutes.")).toEqual([
      "This is the second outage in 2025",
      "in June, a power failure disrupted service for 90 minutes",
    ]);
  });

  it("does not split a shared subject ('..., but did not say how much') or a 'that' complement", () => {
    expect(texts("It said it would compensate customers, but did not say how much.")).toHaveLength(1);
    expect(texts("Telvo said the failure was caused by a hardware fault, and that no data had been lost.")).toHaveLength(1);
  });

  it("cuts a trailing attribution from the span and keeps it beside the segment", () => {
    const input =
      "The online store went down at least four times between 5 and 11 March, according to an internal briefing seen by The Financial Ledger. The problems began after an engineer deployed code without a review, the people said.";
    const segments = splitSentences(input);
    expect(segments.map((s) => s.text)).toEqual([
      "The online store went down at least four times between 5 and 11 March",
      "The problems began after an engineer deployed code without a review",
    ]);
    expect(segments.map((s) => s.attribution && input.slice(s.attribution.start, s.attribution.end))).toEqual([
      "according to an internal briefing seen by The Financial Ledger",
      "the people said",
    ]);
  });

  it("cuts 'said X, a spokeswoman' and 'the lender said, in the latest ...' tails", () => {
    expect(texts("The app was down for three hours, said Jane Doe, a spokeswoman for the bank.")).toEqual(["The app was down for three hours"]);
    expect(
      texts("Customers could not log in for three hours on Monday, the British lender said, in the latest of a series of failures to hit UK banks."),
    ).toEqual(["Customers could not log in for three hours on Monday"]);
  });

  it("cuts a tail with an auxiliary ('the Courier has learned')", () => {
    expect(texts("About 2 million customers were locked out of their accounts, the Courier has learned.")).toEqual([
      "About 2 million customers were locked out of their accounts",
    ]);
  });

  it("splits off a clause that brings its own source, even a pronoun ('and it said ...')", () => {
    expect(texts("The website was back online after a two-day outage, and it said a ransomware attack was to blame.")).toEqual([
      "The website was back online after a two-day outage",
      "it said a ransomware attack was to blame",
    ]);
  });

  it("keeps a tail that asserts something of its own", () => {
    const sentence = "The disruption lasted until about 1pm, according to the company, which said 4.8m customers had been affected";
    expect(texts(`${sentence}.`)).toEqual([sentence]);
  });

  it("keeps a trailing phrase that merely names a noun ('claims' is not a verb of saying)", () => {
    const sentence = "Policyholders were unable to file claims online for six hours, the third failure of its claims portal since February";
    expect(texts(`${sentence}.`)).toEqual([sentence]);
  });
});
