import { describe, expect, it } from "vitest";
import { checkWorthinessSignals, scoreCheckWorthiness } from "./check-worthiness";
import { classifyKind } from "./classify-kind";
import { extractFacts } from "./extract-facts";
import type { SegmentRole } from "./segments";

function score(text: string, role: SegmentRole = "sentence"): number {
  return scoreCheckWorthiness({ text, role, start: 0 });
}

function kind(text: string): string {
  return classifyKind({ text }, extractFacts(text, 0, { publishedAt: "2026-03-13" }));
}

describe("scoreCheckWorthiness", () => {
  it("counts what the incident's own record says, what an operator did, and claims reported as claims", () => {
    const names = (text: string) => checkWorthinessSignals({ text, role: "sentence" }, extractFacts(text, 0)).map((s) => s.name);
    expect(names(`"Our billing queue was paused at 04:10 to stop duplicate charges," the incident report says`)).toContain("cites the record");
    expect(names(`"Our billing queue was paused at 04:10 to stop duplicate charges," the incident report says`)).not.toContain("direct quote");
    expect(names("The cache cluster was restarted twice before the fix held")).toContain("incident narrative");
    expect(names("A message shared among couriers claimed that the depot would close for good")).toContain("reported claim");
    expect(score("The cache cluster was restarted twice before the fix held")).toBeGreaterThanOrEqual(0.5);
    expect(names("The parcel tracker was also unreachable for most of the morning")).toContain("widens the reach");
    // A counterfactual or a reported future in a subordinate clause does not hedge the main clause.
    expect(names("A limit that would have capped the retries had been switched off weeks earlier")).not.toContain("speculation");
    expect(names("Analysts said the outage would cost the insurer millions")).toContain("speculation");
    // Sentences about the record itself, the newsroom's own reporting, and general truths are colour.
    expect(score("The operator has published its full postmortem of last month's failure in the payments hub")).toBeLessThan(0.5);
    expect(names("We've asked the operator to comment on the refunds")).toContain("newsroom");
    expect(names("Power cuts at such plants can take whole towns offline for days")).toContain("general truth");
    expect(names("A faulty update sent duplicate invoices to 40,000 tenants, the paper can reveal")).not.toContain("general truth");
    // A spokesperson's own words stay colour.
    expect(names(`"We are working hard to fix it," a spokesman said`)).toContain("direct quote");
  });

  it("scores concrete, sourced assertions high", () => {
    expect(score("The online store went down at least four times between 5 and 11 March")).toBeGreaterThanOrEqual(0.7);
    expect(score("people familiar with the matter say AI-generated code was behind them")).toBeGreaterThanOrEqual(0.5);
    expect(score("Meridian has pushed its engineers to use AI coding tools across the company")).toBeGreaterThanOrEqual(0.5);
  });

  it("scores headlines, boilerplate, speculation, opinion and meetings low", () => {
    expect(score("AI-written code blamed for string of Meridian store outages", "headline")).toBeLessThan(0.5);
    expect(score("The Financial Ledger — 13 March 2026", "dateline")).toBe(0);
    expect(score("Meridian did not respond to a request for comment on Thursday")).toBeLessThan(0.1);
    expect(score("The bank declined to comment on the outage, which lasted three hours")).toBeLessThan(0.1);
    expect(score("The episode is likely to fuel the debate over how quickly companies should adopt AI")).toBeLessThan(0.5);
    expect(score("Analysts have warned that the speed of AI adoption could outpace the safeguards")).toBeLessThan(0.5);
    expect(score("The incidents were discussed at a weekly operations meeting on Tuesday")).toBeLessThan(0.5);
    expect(score(`"We are very sorry for the inconvenience this has caused," a spokeswoman said`)).toBeLessThan(0.5);
    expect(score("Shares in the bank fell 1.4% in morning trading")).toBeLessThan(0.5);
  });

  it("counts a company's commitments and acts as claims, not speculation", () => {
    expect(score("Skyway said it would compensate affected customers and is reviewing its IT contracts")).toBeGreaterThanOrEqual(0.5);
    expect(score("Nimbus says it will refund affected customers")).toBeGreaterThanOrEqual(0.5);
    expect(score("The bank has since hired an outside firm to review its technology")).toBeGreaterThanOrEqual(0.5);
    expect(score("The Bank of England said it had asked the firm for a report")).toBeLessThan(0.5);
    expect(score("Some customers said they would move workloads to rival providers")).toBeLessThan(0.5);
  });

  it("treats a magnitude as checkable and colour as not", () => {
    expect(score("Tens of thousands of customers were affected")).toBeGreaterThanOrEqual(0.5);
    expect(score("About 2 million customers were locked out of their accounts")).toBeGreaterThanOrEqual(0.5);
    expect(score("For millions of viewers, Saturday evening was supposed to be about the season finale")).toBeLessThan(0.5);
    expect(score("Union officials said staff had warned managers for months")).toBeLessThan(0.5);
  });

  it("stays within 0..1 and explains itself", () => {
    const text = "Since the outages, it has introduced new approval requirements after an engineer caused 2 hours 40 minutes of downtime";
    expect(score(text)).toBeLessThanOrEqual(1);
    const names = checkWorthinessSignals({ text, role: "sentence" }, extractFacts(text)).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["specific quantity", "company action"]));
  });
});

describe("classifyKind", () => {
  it.each([
    ["people familiar with the matter say AI-generated code was behind them", "causal"],
    ["Since the outages, it has introduced new approval requirements for engineers working with AI tools", "causal"],
    ["The online store went down at least four times between 5 and 11 March", "numeric"],
    ["One of the outages lasted more than six hours", "numeric"],
    ["Meridian Cloud, the company's cloud-computing division, was also hit, and several of its business customers lost access", "scope"],
    ["Customers in Europe and Asia were not affected", "scope"],
    ["Meridian has pushed its engineers to use AI coding tools across the company", "other"],
    ["The airline's app was restored on Sunday afternoon", "temporal"],
    ["At 09:14 UTC, engineers pushed a change to internal DNS records", "temporal"],
    ["The company acknowledged the problem in a statement", "attribution"],
    ["Tens of thousands of customers were affected", "numeric"],
    ["Nimbus says it will refund affected customers", "other"],
    ["It was the third cyberattack on a European logistics firm this year", "numeric"],
    ["Lumen stopped playing video for roughly 75 minutes, just as the episode was due to start", "numeric"],
    ["SkyBridge canceled more than 1,100 flights after its reservation system crashed", "numeric"],
  ])("%s → %s", (text, expected) => {
    expect(kind(text)).toBe(expected);
  });
});

describe("scoreCheckWorthiness: framing clauses, the reader, figures in words", () => {
  it("weighs a hedge or judgement in a trailing comment at half, so the factual main clause still counts", () => {
    const trailing = "The test week was knocked offline for a full day, so the warning signs were arguably there";
    expect(score(trailing)).toBeGreaterThanOrEqual(0.5);
    expect(score("The warning signs were arguably there for anyone paying attention")).toBeLessThan(0.5);
    const signals = checkWorthinessSignals({ text: trailing, role: "sentence" }, extractFacts(trailing, 0));
    expect(signals.find((s) => s.name === "evaluation")?.weight).toBe(-0.1);
  });

  it("reads 'a full day' as a duration and 'would not load' as a failure, not speculation", () => {
    expect(extractFacts("the portal was down for a full day", 0).quantities).toMatchObject([{ kind: "duration", value: 1440 }]);
    expect(score("The outage began just before 9am on Monday, when staff found the booking screens would not load")).toBeGreaterThanOrEqual(0.5);
  });

  it("scores talking to the reader low, but not a factual clause after a leading 'if you ...,'", () => {
    expect(score("If you tried to order lunch on Friday, you were probably not alone")).toBeLessThan(0.5);
    expect(score("There's a decent chance you spent Monday staring at an empty inbox")).toBeLessThan(0.5);
    expect(score("And if you thought it was over, the servers went down again for two hours on Sunday evening")).toBeGreaterThanOrEqual(0.5);
  });

  it("counts what an incident did to whom, and places named in passing", () => {
    expect(score("The fault hit both business and household customers")).toBeGreaterThanOrEqual(0.5);
    expect(score("Riders in Denver and Phoenix were also unable to book trips, according to posts on social media")).toBeGreaterThanOrEqual(0.5);
    expect(score("Couriers, meanwhile, went unpaid for deliveries they made during the disruption")).toBeGreaterThanOrEqual(0.5);
  });

  it("scores company finances, outside experts' generalisations and verbless list items low", () => {
    expect(score("The group reported revenue of 80.5m euros last year, up 9%, and serves more than 300 hospitals")).toBeLessThan(0.5);
    expect(score("Dr. Jane Roe, a former chief technology officer who advises insurers, said outages of this kind were more often caused by upgrades than by attackers")).toBeLessThan(0.5);
    expect(score("a written incident report within 30 days", "list-item")).toBeLessThan(0.5);
  });
});

describe("scoreCheckWorthiness: company statements, officials, systems giving way", () => {
  it("keeps what the company blamed, what a regulator did, and a system that buckled", () => {
    expect(score("The bank has since blamed an outside supplier for the chaos, prompting readers to ask whose fault it was")).toBeGreaterThanOrEqual(0.5);
    expect(score("The Financial Conduct Authority has asked the bank for a full explanation this week")).toBeGreaterThanOrEqual(0.3);
    expect(score("The airline's website and app buckled later in the morning as passengers rushed to rebook")).toBeGreaterThan(score("Passengers rushed to rebook later in the morning"));
  });
});
