/**
 * Review of a draft: the steps of its workflow (each one transaction with its audit event),
 * approvals bound to the exact version, what publication still needs, and publishing,
 * retracting and superseding. The rules are in domain (draft-workflow, review/approvals); this
 * file reads what they need and writes what they decide.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "#db/client";
import {
  approvals,
  claimAppearances,
  claims,
  commentThreads,
  draftFlagWaivers,
  drafts,
  draftVersions,
  evidenceLinks,
  incidents,
  publicationLog,
  publications,
  sources,
  users,
} from "#db/schema";
import { transition, type DraftEvent } from "~/domain/draft-workflow";
import { describeStale, confirmationState } from "~/domain/evidence-status";
import {
  decisionRefusal,
  isDismissed,
  latestDecisions,
  pendingEngineers,
  publicationBlockers,
  requiredApprovals,
  STAGE_MEANING,
  type ApprovalRecord,
} from "~/domain/review/approvals";
import { slugify, type AnsweredClaim } from "~/domain/review/statement";
import type { ReviewDecision } from "~/domain/review-enums";
import type { DraftState } from "~/domain/workflow";
import { AppError } from "~/utils/app-error";
import { recordEvent, type AuditActor } from "./audit.server";
import { actorOf, inTransaction } from "./case-input.server";

/** The person taking a step: who they are for the rules, and how the trail names them. */
export interface ReviewActor {
  id: string;
  name: string;
  email: string;
  roles: readonly string[];
  ip?: string | null;
}

function auditActor(user: ReviewActor): AuditActor {
  return actorOf(user, user.ip);
}

/** The checks stored with a version may come in a few shapes; read each flag's key and label. */
function readFlags(checks: unknown): { key: string; label: string }[] {
  const flags = (checks as { flags?: unknown } | null)?.flags;
  if (!Array.isArray(flags)) return [];
  return flags.map((f: Record<string, unknown>, i) => {
    const key = String(f.key ?? f.flagKey ?? `${f.kind ?? "flag"}:${f.text ?? i}`);
    const label = String(f.message ?? f.label ?? f.reason ?? f.kind ?? key);
    return { key, label };
  });
}

function citedClaimIds(citations: unknown): string[] {
  if (!Array.isArray(citations)) return [];
  return [...new Set(citations.map((c: { claimId?: unknown }) => c?.claimId).filter((id): id is string => typeof id === "string"))];
}

async function lockDraft(db: Db, draftId: string) {
  const [draft] = await db.select().from(drafts).where(eq(drafts.id, draftId)).for("update");
  if (!draft) throw new AppError("There is no such draft.", 404);
  return draft;
}

async function versionOf(db: Db, versionId: string | null) {
  if (!versionId) return null;
  const [v] = await db.select().from(draftVersions).where(eq(draftVersions.id, versionId));
  return v ?? null;
}

/** Everything the rules need about a draft's current version, read in one place. */
async function reviewFacts(db: Db, draft: typeof drafts.$inferSelect) {
  const current = await versionOf(db, draft.currentVersionId);
  const versions = await db
    .select({ id: draftVersions.id, number: draftVersions.number, hash: draftVersions.hash, authorId: draftVersions.authorId, createdAt: draftVersions.createdAt })
    .from(draftVersions)
    .where(eq(draftVersions.draftId, draft.id))
    .orderBy(asc(draftVersions.number));
  const claimIds = current ? citedClaimIds(current.citations) : [];
  const cited = claimIds.length
    ? await db
        .select({ id: claims.id, text: claims.text, verdict: claims.verdict, assigneeId: claims.assigneeId, assigneeName: users.name })
        .from(claims)
        .leftJoin(users, eq(users.id, claims.assigneeId))
        .where(inArray(claims.id, claimIds))
    : [];
  const links = claimIds.length
    ? await db
        .select({ claimId: evidenceLinks.claimId, incidentId: evidenceLinks.incidentId, confirmedVersion: evidenceLinks.confirmedVersion, currentVersion: incidents.version })
        .from(evidenceLinks)
        .innerJoin(incidents, eq(incidents.id, evidenceLinks.incidentId))
        .where(inArray(evidenceLinks.claimId, claimIds))
    : [];
  const engineers = [...new Map(cited.filter((c) => c.assigneeId).map((c) => [c.assigneeId!, { id: c.assigneeId!, name: c.assigneeName ?? "an engineer" }])).values()];
  const records = await db.select().from(approvals).where(eq(approvals.draftId, draft.id)).orderBy(asc(approvals.createdAt));
  const currentRef = current ? { id: current.id, hash: current.hash } : null;
  const decisions = latestDecisions(records, currentRef);
  const waivers = await db.select({ flagKey: draftFlagWaivers.flagKey }).from(draftFlagWaivers).where(eq(draftFlagWaivers.draftId, draft.id));
  const waived = new Set(waivers.map((w) => w.flagKey));
  const flags = current ? readFlags(current.checks).map((f) => ({ ...f, waived: waived.has(f.key) })) : [];
  const [{ open }] = await db
    .select({ open: sql<number>`count(*)::int` })
    .from(commentThreads)
    .where(and(eq(commentThreads.draftId, draft.id), eq(commentThreads.status, "open")));
  const numberOf = new Map(claimIds.map((id, i) => [id, i + 1]));
  const stale = links
    .filter((l) => confirmationState(l, l.currentVersion) === "stale")
    .map((l) => describeStale({ incidentId: l.incidentId, confirmedVersion: l.confirmedVersion!, currentVersion: l.currentVersion }));
  const unconfirmed = links
    .filter((l) => confirmationState(l, l.currentVersion) === "unconfirmed")
    .map((l) => `${l.incidentId} for the claim “${cited.find((c) => c.id === l.claimId)?.text.slice(0, 60) ?? numberOf.get(l.claimId)}”`);
  return { current, currentRef, versions, cited, links, engineers, records, decisions, flags, openThreads: open, stale, unconfirmed };
}

/** The authors of this version and every earlier one: who may not approve it. */
/** What stands between the draft and publication: the one reading both the review page and the publish step use. */
function blockersOf(state: DraftState, facts: Awaited<ReturnType<typeof reviewFacts>>): string[] {
  return publicationBlockers({
    state,
    required: requiredApprovals(facts.engineers),
    decisions: facts.decisions,
    openThreads: facts.openThreads,
    flags: facts.flags,
    staleConfirmations: facts.stale,
    unconfirmed: facts.unconfirmed,
  });
}

function editorsOf(versions: { number: number; authorId: string | null }[], upTo: number | undefined) {
  return versions.filter((v) => upTo === undefined || v.number <= upTo).map((v) => v.authorId);
}

export type ReviewStep =
  | { type: "submit" }
  | { type: "complete_fact_check" }
  | { type: "decide"; decision: ReviewDecision; versionId: string; versionHash: string; comment?: string }
  | { type: "publish"; versionId: string; versionHash: string }
  | { type: "retract"; reason: string }
  | { type: "supersede"; reason: string; supersededBy?: string };

function refuse(result: { ok: false; reason: string }): never {
  throw new AppError(result.reason, 409);
}

/**
 * Takes one step on a draft in one transaction: locks the draft row (so a new version, another
 * decision or a second click waits and then sees this one), checks the rules, writes, and
 * records the audit event with the version hash.
 */
export async function takeReviewStep(db: Db, user: ReviewActor, draftId: string, step: ReviewStep) {
  return inTransaction(db, async (tx) => {
    const draft = await lockDraft(tx, draftId);
    const state = draft.state as DraftState;
    const facts = await reviewFacts(tx, draft);
    const actor = auditActor(user);
    const base = { caseId: draft.caseId, entityType: "draft", entityId: draft.id };
    const hash = facts.current?.hash ?? null;
    const move = async (event: DraftEvent, extra: Record<string, unknown> = {}) => {
      const result = transition(state, event, user);
      if (!result.ok) refuse(result);
      await tx.update(drafts).set({ state: result.next, updatedAt: new Date() }).where(eq(drafts.id, draft.id));
      await recordEvent(tx, actor, {
        ...base,
        action: "draft.transition",
        versionHash: hash,
        data: { title: draft.title, from: state, to: result.next, event: event.type, versionNumber: facts.current?.number, ...extra },
      });
      return result.next;
    };

    switch (step.type) {
      case "submit":
        if (!facts.current) throw new AppError("Write the draft's text before sending it for review.", 409);
        return { state: await move({ type: "submit" }) };
      case "complete_fact_check":
        return { state: await move({ type: "complete_fact_check", pendingEngineers: pendingEngineers(facts.engineers, facts.decisions) }) };
      case "decide": {
        const meaning = STAGE_MEANING[state];
        const version = facts.versions.find((v) => v.id === step.versionId);
        const refusal = decisionRefusal({
          state,
          current: facts.currentRef,
          version: { id: step.versionId, hash: step.versionHash },
          reviewer: user,
          editorIds: editorsOf(facts.versions, version?.number),
          decision: step.decision,
          assignedEngineerIds: facts.engineers.map((e) => e.id),
        });
        if (refusal) throw new AppError(refusal, 409);
        const comment = step.comment?.trim() ?? "";
        if (step.decision === "changes_requested") {
          // The transition checks the role for this stage and that there is a comment.
          const result = transition(state, { type: "request_changes", comment }, user);
          if (!result.ok) refuse(result);
        } else if (meaning === "facts_confirmed") {
          const mine = facts.cited.filter((c) => c.assigneeId === user.id).map((c) => c.id);
          const open = facts.links.filter((l) => mine.includes(l.claimId) && confirmationState(l, l.currentVersion) !== "confirmed");
          if (open.length) throw new AppError(`Confirm the evidence of your claims first: ${open.map((l) => l.incidentId).join(", ")} ${open.length === 1 ? "is" : "are"} not confirmed on the record's current version.`, 409);
        }
        const [row] = await tx
          .insert(approvals)
          .values({
            draftId: draft.id,
            versionId: step.versionId,
            versionHash: step.versionHash,
            reviewerId: user.id,
            reviewerName: user.name,
            reviewerRole: user.roles.join(","),
            meaning: meaning!,
            decision: step.decision,
            comment,
          })
          .returning({ id: approvals.id });
        await recordEvent(tx, actor, {
          caseId: draft.caseId,
          entityType: "approval",
          entityId: row.id,
          action: step.decision === "approved" ? "approval.given" : "approval.changes_requested",
          versionHash: step.versionHash,
          data: { draftId: draft.id, title: draft.title, meaning, versionId: step.versionId, versionNumber: version?.number, comment },
        });
        if (step.decision === "changes_requested") return { state: await move({ type: "request_changes", comment }, { comment }) };
        if (meaning === "legal_accuracy") return { state: await move({ type: "approve_legal" }) };
        if (meaning === "release") return { state: await move({ type: "approve_release" }) };
        // Facts: the fact check is done when the last assigned engineer confirms.
        const decisions = [...facts.decisions, { reviewerId: user.id, reviewerName: user.name, versionId: step.versionId, versionHash: step.versionHash, meaning: meaning!, decision: "approved" as const, createdAt: new Date() }];
        if (!pendingEngineers(facts.engineers, decisions).length) return { state: await move({ type: "complete_fact_check", pendingEngineers: [] }) };
        return { state };
      }
      case "publish": {
        if (!facts.currentRef || facts.currentRef.id !== step.versionId || facts.currentRef.hash !== step.versionHash)
          throw new AppError("A newer version of this draft exists; only the approved current version can be published.", 409);
        const blockers = blockersOf(state, facts);
        if (blockers.length) throw new AppError(`This draft cannot be published yet: ${blockers.join(" ")}`, 409, undefined, { blockers });
        const slug = await freeSlug(tx, slugify(draft.title));
        const answered = await answeredClaims(tx, facts.cited);
        const [pub] = await tx
          .insert(publications)
          .values({
            draftId: draft.id,
            caseId: draft.caseId,
            slug,
            versionId: facts.current!.id,
            versionHash: facts.current!.hash,
            title: draft.title,
            body: facts.current!.body,
            claimsAnswered: answered,
            publishedBy: user.id,
          })
          .returning({ id: publications.id });
        await tx.insert(publicationLog).values({ publicationId: pub.id, kind: "published", actorId: user.id, actorName: user.name });
        await recordEvent(tx, actor, { caseId: draft.caseId, entityType: "publication", entityId: pub.id, action: "statement.published", versionHash: facts.current!.hash, data: { title: draft.title, slug, versionNumber: facts.current!.number } });
        return { state: await move({ type: "publish" }), slug };
      }
      case "retract":
      case "supersede": {
        const reason = step.reason.trim();
        const next = await move(step.type === "retract" ? { type: "retract", reason } : { type: "supersede", reason }, { reason });
        const [pub] = await tx.select().from(publications).where(eq(publications.draftId, draft.id)).for("update");
        if (!pub) throw new AppError("This draft was never published.", 409);
        const supersededBy = step.type === "supersede" ? step.supersededBy?.trim() || null : null;
        await tx.update(publications).set({ state: step.type === "retract" ? "retracted" : "superseded", supersededBy, updatedAt: new Date() }).where(eq(publications.id, pub.id));
        await tx.insert(publicationLog).values({ publicationId: pub.id, kind: step.type === "retract" ? "retracted" : "superseded", reason, actorId: user.id, actorName: user.name });
        await recordEvent(tx, actor, { caseId: draft.caseId, entityType: "publication", entityId: pub.id, action: step.type === "retract" ? "statement.retracted" : "statement.superseded", versionHash: pub.versionHash, data: { slug: pub.slug, reason, supersededBy } });
        return { state: next, slug: pub.slug };
      }
    }
  });
}

async function freeSlug(db: Db, base: string): Promise<string> {
  const taken = await db.select({ slug: publications.slug }).from(publications).where(sql`${publications.slug} = ${base} or ${publications.slug} like ${`${base}-%`}`);
  const set = new Set(taken.map((t) => t.slug));
  if (!set.has(base)) return base;
  for (let n = 2; ; n++) if (!set.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function answeredClaims(db: Db, cited: { id: string; text: string; verdict: string | null }[]): Promise<AnsweredClaim[]> {
  if (!cited.length) return [];
  const rows = await db
    .select({ claimId: claimAppearances.claimId, url: sources.url, outlet: sources.outlet, publishedAt: sources.publishedAt })
    .from(claimAppearances)
    .innerJoin(sources, eq(sources.id, claimAppearances.sourceId))
    .where(inArray(claimAppearances.claimId, cited.map((c) => c.id)));
  return cited.map((c) => ({
    claimId: c.id,
    text: c.text,
    verdict: c.verdict,
    appearances: rows.filter((r) => r.claimId === c.id).map((r) => ({ url: r.url, outlet: r.outlet, publishedAt: r.publishedAt ?? null })),
  }));
}

/** Turns ClaimReview markup on or off for a published statement. */
export async function setClaimReviewMarkup(db: Db, user: ReviewActor, draftId: string, enabled: boolean) {
  await inTransaction(db, async (tx) => {
    const [pub] = await tx.select().from(publications).where(eq(publications.draftId, draftId)).for("update");
    if (!pub) throw new AppError("This draft was never published.", 404);
    if (pub.claimReview === enabled) throw new AppError(`ClaimReview markup is already ${enabled ? "on" : "off"}.`, 409);
    await tx.update(publications).set({ claimReview: enabled }).where(eq(publications.id, pub.id));
    await tx.insert(publicationLog).values({ publicationId: pub.id, kind: enabled ? "claimreview_on" : "claimreview_off", actorId: user.id, actorName: user.name });
    await recordEvent(tx, auditActor(user), { caseId: pub.caseId, entityType: "publication", entityId: pub.id, action: "statement.claimreview", versionHash: pub.versionHash, data: { slug: pub.slug, enabled } });
  });
}

/** The review page: the draft, its versions, every decision (marked dismissed when on an older version), and what publication still needs. */
export async function getDraftReview(db: Db, draftId: string) {
  const [draft] = await db.select().from(drafts).where(eq(drafts.id, draftId));
  if (!draft) return null;
  const facts = await reviewFacts(db, draft);
  const reviewerIds = [...new Set(facts.records.map((r) => r.reviewerId).filter((id): id is string => !!id))];
  const [publication] = await db.select().from(publications).where(eq(publications.draftId, draftId));
  const log = publication ? await db.select().from(publicationLog).where(eq(publicationLog.publicationId, publication.id)).orderBy(asc(publicationLog.at)) : [];
  const blockers = blockersOf(draft.state as DraftState, facts);
  return {
    draft,
    current: facts.current,
    versions: facts.versions,
    engineers: facts.engineers,
    reviewerCount: reviewerIds.length,
    approvals: facts.records.map((r) => ({ ...r, dismissed: isDismissed(r, facts.currentRef), counts: facts.decisions.some((d) => d.id === r.id) })),
    decisions: facts.decisions as (ApprovalRecord & { id: string })[],
    flags: facts.flags,
    openThreads: facts.openThreads,
    pendingEngineers: pendingEngineers(facts.engineers, facts.decisions),
    blockers,
    publication: publication ?? null,
    log,
  };
}

/** A published statement by its slug, for the public page and downloads. */
export async function getPublishedStatement(db: Db, slug: string) {
  const [pub] = await db.select().from(publications).where(eq(publications.slug, slug));
  if (!pub) return null;
  const log = await db
    .select({ kind: publicationLog.kind, reason: publicationLog.reason, at: publicationLog.at })
    .from(publicationLog)
    .where(eq(publicationLog.publicationId, pub.id))
    .orderBy(asc(publicationLog.at));
  return { publication: pub, log };
}

/** The printable approval certificate: every version with its hash and every decision. */
export async function getCertificate(db: Db, draftId: string) {
  const review = await getDraftReview(db, draftId);
  if (!review) return null;
  const names = review.versions.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, review.versions.map((v) => v.authorId).filter((id): id is string => !!id)))
    : [];
  return {
    ...review,
    versions: review.versions.map((v) => ({ ...v, authorName: names.find((n) => n.id === v.authorId)?.name ?? "unknown" })),
  };
}

/** Drafts by state, newest first, for the inbox and lists. */
export async function listDraftsInStates(db: Db, states: DraftState[]) {
  return db.select().from(drafts).where(inArray(drafts.state, states)).orderBy(desc(drafts.updatedAt));
}

/** A case's drafts with their review state and publication, for the case's Reviews tab. */
export async function listCaseReviews(db: Db, caseId: string) {
  const rows = await db
    .select({ id: drafts.id, title: drafts.title, state: drafts.state, updatedAt: drafts.updatedAt, slug: publications.slug, publicationState: publications.state })
    .from(drafts)
    .leftJoin(publications, eq(publications.draftId, drafts.id))
    .where(eq(drafts.caseId, caseId))
    .orderBy(desc(drafts.updatedAt));
  return rows;
}
