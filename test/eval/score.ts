/**
 * Reading and scoring evaluation cases: one folder per case (article.md, incidents.json,
 * expected.json in the shape of the Meridian example), analysed end to end through the
 * database, scored as the issue's table defines it. Shared by `npm run eval` and the press-case
 * integration test.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Incident } from "../../app/domain/incidents/types";
import { analyzeArticle } from "../../app/models/analysis.server";
import { importIncidents } from "../../app/models/incident.server";
import { fillerRecords } from "./filler";

export interface GoldClaim {
  quote: string;
  kind?: string;
  verdict: string;
  incidents: string[];
  primary: string | null;
  why?: string;
}

export interface Gold {
  publishedAt: string;
  fillerOrganizations?: string[];
  claims: GoldClaim[];
}

export interface EvalCase {
  name: string;
  article: string;
  gold: Gold;
  records: Incident[];
}

export const CASES_ROOT = fileURLToPath(new URL("./cases", import.meta.url));

export function readCases(half: "dev" | "sealed"): EvalCase[] {
  const root = path.join(CASES_ROOT, half);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((name) => fs.existsSync(path.join(root, name, "expected.json")))
    .sort()
    .map((name) => {
      const dir = path.join(root, name);
      const parsed = JSON.parse(fs.readFileSync(path.join(dir, "incidents.json"), "utf8")) as { incidents: Incident[] } | Incident[];
      return {
        name,
        article: fs.readFileSync(path.join(dir, "article.md"), "utf8"),
        gold: JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as Gold,
        records: Array.isArray(parsed) ? parsed : parsed.incidents,
      };
    });
}

/** Counts behind the table's rows; they add up across cases. */
export interface Tally {
  gold: number;
  found: number;
  extracted: number;
  truePositives: number;
  /** Marked claims that name records, and those of them found. */
  withEvidence: number;
  withEvidenceFound: number;
  top3: number;
  right: number;
  /** Found claims the gold calls accurate / inaccurate / misleading. */
  goldAccurate: number;
  accurateCalledInaccurate: number;
  goldInaccurate: number;
  inaccurateCalledAccurate: number;
  goldMisleading: number;
  misleadingRecognised: number;
  /** Found claims whose suggestion has a low confidence ("needs a person"). */
  unsure: number;
  /** Found claims with no candidate at all. */
  noCandidates: number;
}

export function emptyTally(): Tally {
  return {
    gold: 0, found: 0, extracted: 0, truePositives: 0, withEvidence: 0, withEvidenceFound: 0, top3: 0, right: 0,
    goldAccurate: 0, accurateCalledInaccurate: 0, goldInaccurate: 0, inaccurateCalledAccurate: 0,
    goldMisleading: 0, misleadingRecognised: 0, unsure: 0, noCandidates: 0,
  };
}

export function addTally(into: Tally, t: Tally): void {
  for (const k of Object.keys(into) as (keyof Tally)[]) into[k] += t[k];
}

/** Below this a suggestion is shown as "needs a person". */
export const UNSURE_BELOW = 0.5;

export interface ClaimLine {
  quote: string;
  found: boolean;
  gold: string;
  suggested: string | null;
  confidence: number | null;
  top3: boolean | null;
  /** The suggestion's basis and checks, and the top candidates, for reading on the dev half. */
  detail?: string;
}

/**
 * Analyse one case in a database of its own records plus filler, and score it. The database is
 * cleared of records first, so one database serves every case in turn.
 */
export async function scoreCase(db: Db, c: EvalCase, options: { filler?: number } = {}): Promise<{ tally: Tally; lines: ClaimLine[] }> {
  await db.execute(sql`truncate incidents, incident_versions, incident_imports cascade`);
  const filler = options.filler
    ? fillerRecords({ seed: c.name, publishedAt: c.gold.publishedAt, caseRecords: c.records, organizations: c.gold.fillerOrganizations, count: options.filler })
    : [];
  const imported = await importIncidents(db, {
    text: JSON.stringify({ incidents: [...c.records, ...filler] }),
    fileName: "incidents.json",
    actor: { label: "eval" },
  });
  if (!imported.ok) throw new Error(`${c.name}: the records did not import`);
  const { claims } = await analyzeArticle(db, { text: c.article, publishedAt: c.gold.publishedAt });

  const t = emptyTally();
  const lines: ClaimLine[] = [];
  const spans = c.gold.claims.map((g) => ({ ...g, start: c.article.indexOf(g.quote), end: c.article.indexOf(g.quote) + g.quote.length }));
  const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const covers = (claim: { start: number; end: number }, g: { start: number; end: number }) => g.start >= 0 && overlap(claim, g) * 2 >= g.end - g.start;
  for (const g of spans) {
    t.gold += 1;
    const want = g.primary ? [g.primary] : g.incidents;
    if (g.incidents.length) t.withEvidence += 1;
    if (g.verdict === "misleading") t.goldMisleading += 1;
    const match = claims.filter((claim) => covers(claim, g)).sort((a, b) => overlap(b, g) - overlap(a, g))[0];
    if (!match) {
      lines.push({ quote: g.quote, found: false, gold: g.verdict, suggested: null, confidence: null, top3: g.incidents.length ? false : null });
      continue;
    }
    t.found += 1;
    const verdict = match.verdict as { suggested: string; confidence?: number };
    if (verdict.suggested === g.verdict) t.right += 1;
    if ((verdict.confidence ?? 1) < UNSURE_BELOW) t.unsure += 1;
    if (!match.candidates.length) t.noCandidates += 1;
    if (g.verdict === "accurate") {
      t.goldAccurate += 1;
      if (verdict.suggested === "inaccurate") t.accurateCalledInaccurate += 1;
    }
    if (g.verdict === "inaccurate") {
      t.goldInaccurate += 1;
      if (verdict.suggested === "accurate") t.inaccurateCalledAccurate += 1;
    }
    if (g.verdict === "misleading" && verdict.suggested === "misleading") t.misleadingRecognised += 1;
    let hit: boolean | null = null;
    if (g.incidents.length) {
      t.withEvidenceFound += 1;
      hit = match.candidates.slice(0, 3).some((cand) => want.includes(cand.incidentId));
      if (hit) t.top3 += 1;
    }
    const detail = [
      `basis: ${match.verdict.basis}`,
      ...match.checks.map((ch) => `check ${ch.aspect} ${ch.status}: claimed '${ch.claimed}'; ${ch.recorded}`),
      `top: ${match.candidates.slice(0, 3).map((cand) => `${cand.incidentId} ${cand.score.toFixed(2)}`).join(", ")}; want ${want.join(", ") || "-"}`,
    ].join("\n        ");
    lines.push({ quote: g.quote, found: true, gold: g.verdict, suggested: verdict.suggested, confidence: verdict.confidence ?? null, top3: hit, detail });
  }
  t.extracted = claims.length;
  t.truePositives = claims.filter((claim) => spans.some((g) => covers(claim, g))).length;
  return { tally: t, lines };
}

export interface Figures {
  cases: number;
  recall: number;
  precision: number;
  top3All: number;
  top3Found: number;
  verdicts: number;
  trueCalledInaccurate: number;
  falseCalledAccurate: number;
  misleading: string;
  unsure: number;
  noCandidates: number;
}

const ratio = (a: number, b: number) => (b ? a / b : 0);

export function figuresOf(t: Tally, cases: number): Figures {
  return {
    cases,
    recall: ratio(t.found, t.gold),
    precision: ratio(t.truePositives, t.extracted),
    top3All: ratio(t.top3, t.withEvidence),
    top3Found: ratio(t.top3, t.withEvidenceFound),
    verdicts: ratio(t.right, t.found),
    trueCalledInaccurate: ratio(t.accurateCalledInaccurate, t.goldAccurate),
    falseCalledAccurate: ratio(t.inaccurateCalledAccurate, t.goldInaccurate),
    misleading: `${t.misleadingRecognised} of ${t.goldMisleading}`,
    unsure: ratio(t.unsure, t.found),
    noCandidates: t.noCandidates,
  };
}

/** The issue's table, one row per figure. */
export function tableRows(f: Figures): string[] {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return [
    `claims found, of those marked (recall)         ${f.recall.toFixed(2)}`,
    `precision of the claims reported               ${f.precision.toFixed(2)}`,
    `right record in top 3 (all marked claims)      ${f.top3All.toFixed(2)}`,
    `right record in top 3 (claims found)           ${f.top3Found.toFixed(2)}`,
    `suggested verdict agrees                       ${f.verdicts.toFixed(2)}`,
    `true claims called "inaccurate"                ${pct(f.trueCalledInaccurate)}`,
    `false claims called "accurate"                 ${pct(f.falseCalledAccurate)}`,
    `"misleading" recognised                        ${f.misleading}`,
    `suggestions marked "needs a person"            ${pct(f.unsure)}`,
    `found claims with no candidate                 ${f.noCandidates}`,
  ];
}
