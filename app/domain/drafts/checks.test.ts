import { describe, expect, it } from "vitest";
import type { Incident } from "../incidents";
import meridian from "../../../db/demo/meridian/incidents.json";
import { checkDraft, type DraftFlag } from "./checks";

const records = meridian.incidents as Incident[];
const week = records.filter((r) => r.id.startsWith("RET-2026"));
const checkout = records.find((r) => r.id === "RET-2026-0307-B")!;

const extra: Incident = {
  id: "OPS-4471",
  title: "Payment queue backlog",
  startedAt: "2026-04-02T08:00:00Z",
  resolvedAt: "2026-04-02T09:30:00Z",
  summary: "Queue consumers on pay-worker-12 stalled; see https://grafana.ops.example.com/d/queues. Rollback approved by Dana Whitfield.",
  timeline: [{ at: "2026-04-02T08:05:00Z", text: "Marco Ruiz paged the payments on-call" }],
  actionItems: [{ text: "Add consumer lag alarm", status: "open", owner: "Dana Whitfield" }],
  links: [{ title: "Postmortem", url: "https://docs.ops.example.com/pm/4471" }],
  rootCause: "A consumer library upgrade changed the default prefetch window and starved the slowest queue partitions.",
  internalOnly: ["rootCause"],
};
const all = [...records, extra];

function flagsOf(draft: string, evidence: Incident[] = week): DraftFlag[] {
  const flags = checkDraft({ draft, records: all, evidence });
  for (const f of flags) expect(draft.slice(f.start, f.end)).toBe(f.text);
  return flags;
}
const kinds = (flags: DraftFlag[]) => flags.map((f) => `${f.kind}:${f.rule}:${f.text}`);

describe("disclosure", () => {
  it("flags a sentence lifted from an internal-only field, even re-cased and re-spaced", () => {
    const draft = "Our engineers found that a consumer   library UPGRADE changed the default prefetch window last spring.";
    expect(kinds(flagsOf(draft))).toEqual(["disclosure:internal-text:a consumer   library UPGRADE changed the default prefetch window"]);
  });
  it("does not flag a short overlap or text from a public field", () => {
    expect(flagsOf("A library upgrade can change defaults. The page predated the setting's rename.")).toEqual([]);
  });
  it("flags record ids and id-like tokens, but not severity labels", () => {
    const f = flagsOf("This was tracked as ret-2026-0305-a and also INC-20931; it was rated SEV-1.");
    expect(kinds(f)).toEqual(["disclosure:incident-id:ret-2026-0305-a", "disclosure:incident-id:INC-20931"]);
    expect(f[0]!.incidentId).toBe("RET-2026-0305-A");
  });
  it("flags internal URLs and hosts, the hosts of records' links, and system names from the records", () => {
    const f = flagsOf("Details: https://docs.ops.example.com/other, http://10.2.3.4/x, build-01.corp and pay-worker-12. Status: https://status.example.org.");
    expect(kinds(f)).toEqual([
      "disclosure:internal-host:https://docs.ops.example.com/other",
      "disclosure:internal-host:http://10.2.3.4/x",
      "disclosure:internal-host:build-01.corp",
      "disclosure:internal-host:pay-worker-12",
    ]);
  });
  it("flags people named in the records, by full name or surname", () => {
    const f = flagsOf("Dana Whitfield approved the rollback, and Ruiz was paged.");
    expect(kinds(f)).toEqual(["disclosure:person-name:Dana Whitfield", "disclosure:person-name:Ruiz"]);
    expect(flagsOf("Our payments team approved the rollback.")).toEqual([]);
  });
  it("finds a person a record names beside a possessive cue or a relative clause", () => {
    const mailbox: Incident = { ...extra, id: "OPS-4502", summary: "The supplier's notice went to the mailbox of Priya Natarajan, who had moved to another team.", internalOnly: ["summary"] };
    const flags = checkDraft({ draft: "We have spoken to Priya Natarajan about the notice.", records: [...all, mailbox], evidence: week });
    expect(kinds(flags)).toEqual(["disclosure:person-name:Priya Natarajan"]);
  });
  it("flags loaded words the records do not use, and not those they do", () => {
    expect(kinds(flagsOf("No customer data was leaked and there was no hacking."))).toEqual([
      "disclosure:loaded-word:leaked",
      "disclosure:loaded-word:hacking",
    ]);
    const withBreach: Incident = { ...checkout, summary: "A contractual SLA breach followed the failures." };
    expect(flagsOf("The outage was an SLA breach.", [withBreach])).toEqual([]);
  });
});

describe("support", () => {
  it("backs the record's own span and figures, with the rounding a reader accepts", () => {
    const draft =
      "On 7 March 2026, checkout failed for 2 hours 40 minutes, almost three hours, from 19:40 UTC. It affected fewer than 15,000 customers, about 18% of attempts. Our records show four incidents between 5 and 11 March.";
    expect(flagsOf(draft)).toEqual([]);
  });
  it("flags figures no confirmed record backs, and says what the records give", () => {
    const f = flagsOf("One disruption lasted six hours and hit 25,000 shoppers; 40% of orders failed on 8 March. Seven incidents followed.");
    expect(kinds(f)).toEqual([
      "support:figure:six hours",
      "support:figure:25,000",
      "support:figure:40%",
      "support:figure:8 March",
      "support:figure:Seven",
    ]);
    expect(f[0]!.reason).toMatch(/longest is 2 h 40 min \(RET-2026-0307-B\)/);
  });
  it("reads qualifiers: more than two hours is backed, more than three hours is not", () => {
    expect(flagsOf("It lasted more than two hours.", [checkout])).toEqual([]);
    expect(kinds(flagsOf("It lasted more than three hours.", [checkout]))).toEqual(["support:figure:more than three hours"]);
  });
  it("does not back a figure from a record that is not confirmed evidence", () => {
    expect(kinds(flagsOf("About 41,000 customers could not search.", [checkout]))).toEqual(["support:figure:About 41,000"]);
    expect(flagsOf("About 41,000 customers could not search.", week)).toEqual([]);
  });
  it("holds a figure to the records of the service its sentence names", () => {
    expect(flagsOf("Checkout was disrupted for almost three hours.")).toEqual([]);
    expect(kinds(flagsOf("Search was disrupted for almost three hours."))).toEqual(["support:figure:almost three hours"]);
  });
  it("reads shares in words as percentages", () => {
    expect(kinds(flagsOf("Half of all checkout attempts failed."))).toEqual(["support:figure:Half of"]);
    expect(flagsOf("Under a fifth of checkout attempts failed, about 18%.")).toEqual([]);
  });
  it("reads times on the 12-hour clock against the records' times", () => {
    expect(flagsOf("Checkout failed from 7:40pm UTC.", [checkout])).toEqual([]);
    expect(kinds(flagsOf("Checkout failed from 6pm UTC.", [checkout]))).toEqual(["support:figure:6pm"]);
  });
  it("does not read phone numbers, opening hours or an ordinal as figures", () => {
    const draft = "Call us on 0800 123 4567 or +44 20 7946 0958, 8am to 8pm, seven days a week. Engineers restarted it in order to avoid a second failure.";
    expect(flagsOf(draft, [checkout])).toEqual([]);
  });
  it("holds 'almost', 'no more than' and 'fewer than' near the true value", () => {
    expect(kinds(flagsOf("Checkout was disrupted for almost four hours.", [checkout]))).toEqual(["support:figure:almost four hours"]);
    expect(kinds(flagsOf("No more than 30,000 customers saw checkout fail.", [checkout]))).toEqual(["support:figure:No more than 30,000"]);
    expect(flagsOf("Fewer than 13,000 customers saw checkout fail.", [checkout])).toEqual([]);
  });
  it("reads 'one in five' as a share", () => {
    expect(flagsOf("Roughly one in five checkout attempts failed.", [checkout])).toEqual([]);
    expect(kinds(flagsOf("One in two checkout attempts failed.", [checkout]))).toEqual(["support:figure:One in two"]);
  });
  it("ignores citation markers, list numbers and figures inside a quotation of the report", () => {
    expect(flagsOf("1. The report says: “it lasted more than six hours”. This is not accurate. [^c12]", [checkout])).toEqual([]);
  });
});

describe("coverage", () => {
  const claims = [
    { id: "k1", text: "One of the outages lasted more than six hours", verdict: "inaccurate" },
    { id: "k2", text: "Meridian Cloud lost access to storage services", verdict: "inaccurate" },
    { id: "k3", text: "The company has a new approval process", verdict: null },
  ];
  it("flags a claim with a verdict that the draft does not answer, and not an unset one", () => {
    const draft = "None of the outages lasted six hours; the longest lasted 2 hours 40 minutes.";
    const f = checkDraft({ draft, records: all, evidence: week, claims });
    expect(f.filter((x) => x.kind === "coverage").map((x) => x.claimId)).toEqual(["k2"]);
  });
  it("counts a citation marker of the claim as answering it", () => {
    const draft = "Our cloud division was not involved. [^c2]";
    const f = checkDraft({ draft, records: all, evidence: week, claims, markers: { c2: "k2", c1: "k1" } });
    expect(f.filter((x) => x.kind === "coverage").map((x) => x.claimId)).toEqual(["k1"]);
  });
});
