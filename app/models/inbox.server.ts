/**
 * My work: what waits on each person, by role. Engineers: evidence links on their claims that
 * they have not confirmed on the record's current version. Comms: accepted claims without a
 * verdict, drafts sent back, and drafts waiting for final approval. Legal: drafts in legal
 * review. Each item carries its case's deadline, so the page can say what is overdue.
 */
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "#db/client";
import { approvals, cases, claims, drafts, evidenceLinks, incidents } from "#db/schema";
import { confirmationState } from "~/domain/evidence-status";
import { AppError } from "~/utils/app-error";
import { inTransaction } from "./case-input.server";
import { confirmLink } from "./evidence.server";

export interface InboxUser {
  id: string;
  email: string;
  roles: readonly string[];
}

const has = (user: InboxUser, role: string) => user.roles.includes(role) || user.roles.includes("admin");
const openCase = inArray(cases.status, ["open", "responding"]);

async function linksAwaiting(db: Db, user: InboxUser) {
  const rows = await db
    .select({
      linkId: evidenceLinks.id,
      claimId: claims.id,
      claimText: claims.text,
      caseId: cases.id,
      caseTitle: cases.title,
      dueAt: cases.dueAt,
      incidentId: evidenceLinks.incidentId,
      confirmedVersion: evidenceLinks.confirmedVersion,
      currentVersion: incidents.version,
    })
    .from(evidenceLinks)
    .innerJoin(claims, eq(claims.id, evidenceLinks.claimId))
    .innerJoin(cases, eq(cases.id, claims.caseId))
    .innerJoin(incidents, eq(incidents.id, evidenceLinks.incidentId))
    .where(and(eq(claims.assigneeId, user.id), ne(claims.review, "dismissed"), openCase))
    .orderBy(asc(cases.dueAt), asc(claims.createdAt));
  return rows
    .map((r) => ({ ...r, state: confirmationState(r, r.currentVersion) }))
    .filter((r) => r.state !== "confirmed");
}

async function claimsNeedingVerdict(db: Db) {
  return db
    .select({ claimId: claims.id, claimText: claims.text, caseId: cases.id, caseTitle: cases.title, dueAt: cases.dueAt })
    .from(claims)
    .innerJoin(cases, eq(cases.id, claims.caseId))
    .where(and(eq(claims.review, "accepted"), eq(claims.belowThreshold, false), isNull(claims.verdict), openCase))
    .orderBy(asc(cases.dueAt), asc(claims.createdAt));
}

async function draftsIn(db: Db, states: ("legal_review" | "comms_approval")[]) {
  return db
    .select({ draftId: drafts.id, title: drafts.title, state: drafts.state, caseId: cases.id, caseTitle: cases.title, dueAt: cases.dueAt, updatedAt: drafts.updatedAt })
    .from(drafts)
    .innerJoin(cases, eq(cases.id, drafts.caseId))
    .where(inArray(drafts.state, states))
    .orderBy(asc(cases.dueAt), asc(drafts.updatedAt));
}

/** Drafts back in draft whose latest decision asked for changes. */
async function draftsSentBack(db: Db) {
  const latest = db
    .selectDistinctOn([approvals.draftId], { draftId: approvals.draftId, decision: approvals.decision, comment: approvals.comment, reviewerName: approvals.reviewerName })
    .from(approvals)
    .orderBy(approvals.draftId, sql`${approvals.createdAt} desc`)
    .as("latest");
  return db
    .select({ draftId: drafts.id, title: drafts.title, caseId: cases.id, caseTitle: cases.title, dueAt: cases.dueAt, comment: latest.comment, reviewerName: latest.reviewerName })
    .from(drafts)
    .innerJoin(cases, eq(cases.id, drafts.caseId))
    .innerJoin(latest, eq(latest.draftId, drafts.id))
    .where(and(eq(drafts.state, "draft"), eq(latest.decision, "changes_requested")))
    .orderBy(asc(cases.dueAt));
}

/** Everything waiting on `user`, by the sections their roles have. */
export async function getInbox(db: Db, user: InboxUser) {
  const [links, verdicts, sentBack, legal, release] = await Promise.all([
    has(user, "engineer") ? linksAwaiting(db, user) : Promise.resolve([]),
    has(user, "comms") ? claimsNeedingVerdict(db) : Promise.resolve([]),
    has(user, "comms") ? draftsSentBack(db) : Promise.resolve([]),
    has(user, "legal") ? draftsIn(db, ["legal_review"]) : Promise.resolve([]),
    has(user, "comms") ? draftsIn(db, ["comms_approval"]) : Promise.resolve([]),
  ]);
  return { links, verdicts, sentBack, legal, release, count: links.length + verdicts.length + sentBack.length + legal.length + release.length };
}

/** The number for the navigation. */
export async function inboxCount(db: Db, user: InboxUser): Promise<number> {
  return (await getInbox(db, user)).count;
}

/** "Confirm all for this claim": every link of the claim awaiting this engineer, in one transaction. */
export async function confirmAllForClaim(db: Db, user: InboxUser, claimId: string): Promise<number> {
  return inTransaction(db, async (tx) => {
    const [claim] = await tx.select({ caseId: claims.caseId, assigneeId: claims.assigneeId }).from(claims).where(eq(claims.id, claimId)).for("update");
    if (!claim) throw new AppError("There is no such claim; it may have been merged into another.", 404);
    const links = (await linksAwaiting(tx, user)).filter((l) => l.claimId === claimId);
    if (!links.length) throw new AppError("Nothing on this claim is waiting for your confirmation.", 409);
    for (const link of links) await confirmLink(tx, user, { caseId: claim.caseId, linkId: link.linkId });
    return links.length;
  });
}

