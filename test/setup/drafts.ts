/**
 * A factory for draft tests: the Meridian records imported and a case whose claims carry the
 * example's verdicts, each linked to its records and confirmed on their current version.
 */
import fs from "node:fs";
import type { Db } from "../../db/client";
import { cases, claims, evidenceLinks, incidents } from "../../db/schema";
import { claimFingerprint } from "../../app/domain/claim-fingerprint";
import { importIncidents } from "../../app/models/incident.server";

const MERIDIAN = new URL("../../db/demo/meridian/", import.meta.url);

export const meridianIncidentsText = () => fs.readFileSync(new URL("incidents.json", MERIDIAN), "utf8");
export const meridianExpected = () =>
  JSON.parse(fs.readFileSync(new URL("expected.json", MERIDIAN), "utf8")) as {
    claims: { quote: string; kind: string; verdict: string; incidents: string[]; primary: string | null }[];
  };

export async function seedMeridianCase(db: Db, options: { withVerdicts?: boolean } = {}): Promise<{ caseId: string; claimIds: string[] }> {
  const existing = await db.select({ id: incidents.id }).from(incidents).limit(1);
  if (!existing.length) {
    const outcome = await importIncidents(db, { text: meridianIncidentsText(), fileName: "incidents.json", actor: { label: "test" } });
    if (!outcome.ok) throw new Error("the Meridian records did not import");
  }
  const versions = new Map((await db.select({ id: incidents.id, version: incidents.version }).from(incidents)).map((r) => [r.id, r.version]));
  const [kase] = await db.insert(cases).values({ title: "AI-written code blamed for store outages" }).returning({ id: cases.id });
  const claimIds: string[] = [];
  for (const [i, c] of meridianExpected().claims.entries()) {
    const [row] = await db
      .insert(claims)
      .values({
        caseId: kase!.id,
        text: c.quote,
        fingerprint: claimFingerprint(c.quote),
        kind: c.kind,
        checkWorthiness: 0.9 - i / 50,
        facts: {},
        review: "accepted",
        verdict: options.withVerdicts === false ? null : (c.verdict as "inaccurate"),
      })
      .returning({ id: claims.id });
    claimIds.push(row!.id);
    for (const id of c.primary ? [c.primary] : c.incidents) {
      await db.insert(evidenceLinks).values({ claimId: row!.id, incidentId: id, stance: "contradicts", confirmedVersion: versions.get(id)!, confirmedAt: new Date() });
    }
  }
  return { caseId: kase!.id, claimIds };
}
