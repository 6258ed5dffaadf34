/**
 * The draft generator: from a case's claims, the verdicts people set and the confirmed evidence,
 * a statement in Markdown in the shape companies answer press reports with. It reads records
 * only through their public view (never an internal-only field), words figures for the public,
 * and marks each factual sentence with a citation marker to its claim and evidence. Claims that
 * are not ready (no verdict, evidence unconfirmed or stale) are left out and listed.
 *
 * Before returning, the generator runs the disclosure check over its own text and drops (or
 * rewords without the quote) any sentence it flags, so a generated draft never carries a
 * disclosure flag.
 */
import type { Incident } from "../incidents";
import type { VerdictLabelValue } from "../workflow";
import { describeTag } from "../evidence/causes";
import { checkDraft } from "./checks";
import { publicView } from "./record-text";
import { fill, type StatementTemplate } from "./template";
import { listWords, publicCount, publicDate, publicDuration, smallNumber } from "./wording";

export interface GenEvidence {
  linkId: string;
  incident: Incident;
  stance: string;
  confirmed: boolean;
  stale: boolean;
}

export interface GenClaim {
  id: string;
  text: string;
  kind: string;
  checkWorthiness: number;
  verdict: VerdictLabelValue | null;
  evidence: GenEvidence[];
}

export interface GenInput {
  claims: GenClaim[];
  template: StatementTemplate;
  /** Every record in the workspace, for the self-check. */
  records: Incident[];
  outlet?: string;
  publishedAt?: string;
}

export interface Citation {
  marker: string;
  claimId: string;
  evidenceLinkIds: string[];
  incidentIds: string[];
}

export interface NotReady {
  claimId: string;
  text: string;
  reason: string;
}

export interface GeneratedDraft {
  markdown: string;
  citations: Citation[];
  notReady: NotReady[];
}

const VERDICT_ORDER: Record<VerdictLabelValue, number> = { inaccurate: 0, misleading: 0, accurate: 1, unverifiable: 2 };

/** Why a claim cannot go into a draft yet, or null when it can. */
export function notReadyReason(claim: GenClaim): string | null {
  if (!claim.verdict) return "no verdict yet";
  const usable = claim.evidence.filter((e) => e.stance !== "context");
  if (claim.evidence.some((e) => e.stale)) return "evidence is stale: the record changed after it was confirmed";
  if (claim.evidence.some((e) => !e.confirmed)) return "evidence is not confirmed yet";
  if (claim.verdict !== "unverifiable" && usable.length === 0 && claim.evidence.length === 0) return "no confirmed evidence";
  return null;
}

interface Piece {
  text: string;
  /** Used instead when the text is flagged; null drops the sentence. */
  fallback: string | null;
  /** Starts a new paragraph (or a heading/list item line). */
  block: "para" | "line" | "inline";
}

function minutesBetween(a?: string, b?: string): number | undefined {
  if (!a || !b) return undefined;
  const m = (Date.parse(b) - Date.parse(a)) / 60000;
  return Number.isFinite(m) && m >= 0 ? m : undefined;
}

function incidentFact(t: StatementTemplate, r: Incident): string[] {
  const out: string[] = [];
  const duration = minutesBetween(r.startedAt, r.resolvedAt);
  const services = r.services?.length ? listWords(r.services) : "";
  if (r.startedAt && duration !== undefined) {
    out.push(
      fill(t["fact.incident"], {
        date: publicDate(r.startedAt),
        services: services ? `our ${services} service${(r.services?.length ?? 0) > 1 ? "s" : ""}` : "part of our service",
        was: (r.services?.length ?? 0) > 1 ? "were" : "was",
        duration: publicDuration(duration),
      }),
    );
  }
  if (r.customersAffected !== undefined) {
    out.push(r.customersAffected > 0 ? fill(t["fact.customers"], { customers: publicCount(r.customersAffected, t["noun.customers"]) }) : t["fact.noCustomers"]);
  }
  return out;
}

function causeFact(t: StatementTemplate, r: Incident): string[] {
  const out: string[] = [];
  const tags = (r.contributingFactors ?? []).map((f) => describeTag(f.tag));
  if (tags.length) out.push(fill(t["fact.cause"], { causes: listWords(tags) }));
  if (r.rootCause) {
    // The record's own analysis, when it may be quoted: its sentences, without Markdown.
    for (const s of r.rootCause.replace(/[*_`#>]/g, "").split(/(?<=[.!?])\s+/).slice(0, 3)) if (s.trim()) out.push(s.trim());
  }
  return out;
}

/** Generates the statement. Pure: the same input gives the same Markdown. */
export function generateDraft(input: GenInput): GeneratedDraft {
  const t = input.template;
  const notReady: NotReady[] = [];
  const ready: GenClaim[] = [];
  for (const claim of input.claims) {
    const reason = notReadyReason(claim);
    if (reason) notReady.push({ claimId: claim.id, text: claim.text, reason });
    else ready.push(claim);
  }
  ready.sort((a, b) => VERDICT_ORDER[a.verdict!] - VERDICT_ORDER[b.verdict!] || b.checkWorthiness - a.checkWorthiness);

  const pieces: Piece[] = [];
  const citations: Citation[] = [];
  const corrections = ready.some((c) => c.verdict === "inaccurate" || c.verdict === "misleading");
  pieces.push({ text: `# ${t.headline}`, fallback: null, block: "para" });
  const position = corrections ? t["position.corrections"] : t["position.confirmed"];
  const reportDate = input.publishedAt ? ` on ${publicDate(`${input.publishedAt.slice(0, 10)}T12:00:00Z`)}` : "";
  pieces.push({
    text: input.outlet ? fill(t.intro, { outlet: input.outlet, reportDate, position }) : fill(t["intro.noOutlet"], { position }),
    fallback: fill(t["intro.noOutlet"], { position }),
    block: "para",
  });
  if (ready.length) pieces.push({ text: `## ${t["heading.facts"]}`, fallback: null, block: "para" });

  const used = new Set<string>();
  const actionRecords = new Map<string, { record: Incident; marker: string }>();
  ready.forEach((claim, i) => {
    const marker = `c${i + 1}`;
    const cite = ` [^${marker}]`;
    const evidence = claim.evidence.filter((e) => e.confirmed && !e.stale && e.stance !== "context");
    const records = evidence.map((e) => publicView(e.incident));
    citations.push({ marker, claimId: claim.id, evidenceLinkIds: evidence.map((e) => e.linkId), incidentIds: [...new Set(evidence.map((e) => e.incident.id))] });
    const verdict = t[`verdict.${claim.verdict!}`];
    const topic = t[`topic.${claim.kind as "causal"}`] ?? t["topic.other"];
    const quote = `“${claim.text.trim().replace(/[.]$/, "")}”`;
    pieces.push({
      text: fill(t[`lead.${claim.verdict!}`], { quote, verdict }) + cite,
      fallback: fill(t["lead.noQuote"], { topic, verdict }) + cite,
      block: "para",
    });
    const facts: string[] = [];
    const forced = new Set<string>();
    const unique = [...new Map(records.map((r) => [r.id, r])).values()].sort((a, b) => (a.startedAt ?? "").localeCompare(b.startedAt ?? ""));
    if (unique.length > 1) {
      const starts = unique.map((r) => r.startedAt).filter((s): s is string => Boolean(s));
      const orgs = new Set(unique.map((r) => r.organization));
      const organization = orgs.size === 1 ? unique[0]!.organization : undefined;
      if (starts.length === unique.length) {
        const vars = { count: smallNumber(unique.length), first: publicDate(starts[0]!), last: publicDate(starts.at(-1)!), organization };
        facts.push(fill(organization ? t["fact.countOrg"] : t["fact.count"], vars));
      }
      const listed = unique.map((r) => incidentFact(t, r)[0]).filter((f): f is string => Boolean(f));
      // The same list of records answered an earlier claim: say so once, not twice.
      if (!listed.every((f) => used.has(f))) {
        facts.push(...listed);
        for (const f of listed) forced.add(f);
      }
    } else if (unique.length === 1) {
      facts.push(...incidentFact(t, unique[0]!));
      if (claim.kind === "causal") facts.push(...causeFact(t, unique[0]!));
    }
    // A fact already stated for an earlier claim is repeated only when it is the first one (the
    // claim needs one fact to stand on); cause sentences and counts are not repeated.
    facts.forEach((f, k) => {
      if (used.has(f) && k > 0 && !forced.has(f)) return;
      used.add(f);
      pieces.push({ text: f + cite, fallback: null, block: "inline" });
    });
    for (const e of evidence) if (!actionRecords.has(e.incident.id)) actionRecords.set(e.incident.id, { record: publicView(e.incident), marker });
  });

  const actions: Piece[] = [];
  for (const { record, marker } of actionRecords.values()) {
    for (const a of record.actionItems ?? []) {
      actions.push({ text: `- ${fill(a.status === "done" ? t["action.done"] : t["action.open"], { text: a.text.replace(/[.]$/, "") })}. [^${marker}]`, fallback: null, block: "line" });
    }
  }
  if (actions.length) {
    pieces.push({ text: `## ${t["heading.actions"]}`, fallback: null, block: "para" });
    actions[0] = { ...actions[0]!, block: "para" };
    pieces.push(...actions);
  }
  pieces.push({ text: t.closing, fallback: null, block: "para" });

  // Self-check: a sentence the disclosure check flags is reworded or dropped, until none is.
  let current = pieces;
  for (let pass = 0; pass < 5; pass++) {
    const { markdown, ranges } = assemble(current);
    const flags = checkDraft({ draft: markdown, records: input.records, evidence: [] }).filter((f) => f.kind === "disclosure");
    if (!flags.length) return { markdown, citations: citations.filter((c) => markdown.includes(`[^${c.marker}]`)), notReady };
    const hit = new Set(ranges.flatMap(([s, e], idx) => (flags.some((f) => f.start < e && f.end > s) ? [idx] : [])));
    current = current.flatMap((p, idx) => (!hit.has(idx) ? [p] : p.fallback ? [{ ...p, text: p.fallback, fallback: null }] : []));
  }
  const { markdown } = assemble(current);
  return { markdown, citations, notReady };
}

function assemble(pieces: Piece[]): { markdown: string; ranges: [number, number][] } {
  let markdown = "";
  const ranges: [number, number][] = [];
  for (const p of pieces) {
    const sep = markdown === "" ? "" : p.block === "para" ? "\n\n" : p.block === "line" ? "\n" : " ";
    markdown += sep;
    ranges.push([markdown.length, markdown.length + p.text.length]);
    markdown += p.text;
  }
  return { markdown: `${markdown}\n`, ranges };
}
