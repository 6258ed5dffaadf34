import { describe, expect, it } from "vitest";
import type { Incident } from "../incidents";
import type { VerdictLabelValue } from "../workflow";
import meridian from "../../../db/demo/meridian/incidents.json";
import expected from "../../../db/demo/meridian/expected.json";
import { checkDraft } from "./checks";
import { generateDraft, type GenClaim } from "./generate";
import { stripCitations } from "./markdown";
import { recordTexts } from "./record-text";
import { DEFAULT_STATEMENT_TEMPLATE, resolveTemplate } from "./template";
import { publicCount, publicDuration } from "./wording";

const records = meridian.incidents as Incident[];
const byId = new Map(records.map((r) => [r.id, r]));

function meridianClaims(): GenClaim[] {
  return expected.claims.map((c, i) => ({
    id: `claim-${i}`,
    text: c.quote,
    kind: c.kind,
    checkWorthiness: 1 - i / 20,
    verdict: c.verdict as VerdictLabelValue,
    evidence: (c.primary ? [c.primary] : c.incidents).map((id) => ({ linkId: `link-${i}-${id}`, incident: byId.get(id)!, stance: "contradicts", confirmed: true, stale: false })),
  }));
}

describe("generateDraft on the Meridian example", () => {
  const claims = meridianClaims();
  const draft = generateDraft({ claims, template: DEFAULT_STATEMENT_TEMPLATE, records, outlet: "The Financial Ledger" });

  it("answers every claim with a verdict, each with its own citation marker", () => {
    expect(draft.notReady).toEqual([]);
    expect(draft.citations.map((c) => c.claimId).sort()).toEqual(claims.map((c) => c.id).sort());
    for (const c of draft.citations) expect(draft.markdown).toContain(`[^${c.marker}]`);
    const flags = checkDraft({
      draft: draft.markdown,
      records,
      evidence: [...new Set(claims.flatMap((c) => c.evidence.map((e) => e.incident)))],
      claims: claims.map((c) => ({ id: c.id, text: c.text, verdict: c.verdict })),
      markers: Object.fromEntries(draft.citations.map((c) => [c.marker, c.claimId])),
    });
    expect(flags).toEqual([]);
  });

  it("puts inaccurate and misleading claims before the others", () => {
    const order = draft.citations.map((c) => claims.find((k) => k.id === c.claimId)!.verdict);
    const firstOther = order.findIndex((v) => v === "accurate" || v === "unverifiable");
    expect(order.slice(firstOther).every((v) => v === "accurate" || v === "unverifiable")).toBe(true);
  });

  it("quotes no internal-only text and no incident id", () => {
    const text = draft.markdown.toLowerCase();
    for (const r of records) {
      expect(text).not.toContain(r.id.toLowerCase());
      for (const f of recordTexts(r).filter((x) => x.internal)) expect(text).not.toContain(f.text.toLowerCase());
    }
  });

  it("words the record's figures for the public", () => {
    expect(draft.markdown).toContain("about 2 hours 40 minutes");
    expect(draft.markdown).toContain("fewer than 15,000 customers");
    expect(stripCitations(draft.markdown)).not.toMatch(/\[\^c/);
  });

  it("lists claims without a verdict or with unconfirmed or stale evidence as not ready", () => {
    const [a, b, c, ...rest] = meridianClaims();
    const input = [
      { ...a!, verdict: null },
      { ...b!, evidence: b!.evidence.map((e) => ({ ...e, confirmed: false })) },
      { ...c!, evidence: c!.evidence.map((e) => ({ ...e, stale: true })) },
      ...rest,
    ];
    const out = generateDraft({ claims: input, template: DEFAULT_STATEMENT_TEMPLATE, records });
    expect(out.notReady.map((n) => [n.claimId, n.reason])).toEqual([
      ["claim-0", "no verdict yet"],
      ["claim-1", "evidence is not confirmed yet"],
      ["claim-2", "evidence is stale: the record changed after it was confirmed"],
    ]);
    expect(out.citations.map((x) => x.claimId)).not.toContain("claim-0");
  });

  it("rewords a lead whose quote would disclose something, instead of keeping it", () => {
    const leaky = [{ ...meridianClaims()[2]!, text: "The hack behind RET-2026-0307-B lasted hours" }];
    const out = generateDraft({ claims: leaky, template: DEFAULT_STATEMENT_TEMPLATE, records });
    expect(out.markdown).not.toMatch(/hack|RET-2026/i);
    expect(out.markdown).toContain("On the figures: This is not accurate.");
  });

  it("uses the wording comms stored, keeping defaults for keys they did not edit", () => {
    const t = resolveTemplate({ headline: "Setting the record straight", closing: 42 });
    expect(t.headline).toBe("Setting the record straight");
    expect(t.closing).toBe(DEFAULT_STATEMENT_TEMPLATE.closing);
    expect(generateDraft({ claims: [], template: t, records }).markdown).toMatch(/^# Setting the record straight/);
  });
});

describe("public wording", () => {
  it("rounds durations and bounds counts", () => {
    expect(publicDuration(160)).toBe("about 2 hours 40 minutes");
    expect(publicDuration(53)).toBe("about 55 minutes");
    expect(publicDuration(89)).toBe("about 1 hour 30 minutes");
    expect(publicCount(310)).toBe("fewer than 400 customers");
    expect(publicCount(41000)).toBe("fewer than 50,000 customers");
    expect(publicCount(0)).toBe("no customers");
  });
});
