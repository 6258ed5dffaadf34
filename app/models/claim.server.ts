/**
 * The claims of a case and what people do with them: accept or dismiss, reword (the quotes stay),
 * split at a word, merge, add from a selection of the article, assign to an engineer, and move
 * through checking. A claim appears in one or more sources (claim_appearances); the same claim
 * in an earlier case is linked by `sameAsClaimId`, never copied. Every write records its audit
 * event in the same transaction.
 */
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "#db/client";
import { cases, claimAppearances, claims, evidenceLinks, sources, users } from "#db/schema";
import { claimFingerprint, isLinkableFingerprint } from "~/domain/claim-fingerprint";
import { hasWords, locateQuote, offsetOfWord, splitSpan, trimWhitespace, wordIndexAt, type Span } from "~/domain/claim-spans";
import type { ClaimFacts } from "~/domain/claims";
import { describeSpan } from "~/domain/describe-span";
import type { ClaimReview, ClaimStatus } from "~/domain/workflow";
import { recordEvent, type AuditActor } from "./audit.server";
import { AppError } from "~/utils/app-error";
import { inTransaction } from "./case-input.server";
import { extractionVocabulary as cachedVocabulary } from "./analysis.server";
import { runCaseAnalysis } from "./evidence.server";

/** A claim made by hand may be long, but not a whole article. */
export const MAX_CLAIM_CHARS = 3000;

/** A PostgreSQL text[] literal passed as one parameter (drizzle would spread a JS array into many). */
export function textArray(values: readonly string[]): string {
  return `{${[...new Set(values)].map((v) => `"${v.replace(/(["\\])/g, "\\$1")}"`).join(",")}}`;
}

/**
 * The workspace's names for organisations, services and regions, for reading claims: the
 * analysis keeps them per import, so reading them is one small query even at 100k records.
 */
export async function extractionVocabulary(db: Db) {
  return cachedVocabulary(db);
}

export interface LinkedClaim {
  claimId: string;
  caseId: string;
  caseTitle: string;
  /** The source of its first appearance, for a link to the reader. */
  sourceId: string | null;
  text: string;
}

// Subqueries name the outer table explicitly: drizzle leaves a single-table select's columns unqualified.
const firstSource = sql<string | null>`(
  select a.source_id from ${claimAppearances} a join ${sources} s on s.id = a.source_id
  where a.claim_id = "claims"."id" order by s.created_at, s.id, a.start limit 1)`;

const linkedColumns = {
  claimId: claims.id,
  caseId: claims.caseId,
  caseTitle: cases.title,
  sourceId: firstSource,
  text: claims.text,
};

/**
 * Every claim of a case with its appearances (in article order), its assignee, the claim in an
 * earlier case it is the same as, and the claims in later cases that link to it.
 */
export async function listCaseClaims(db: Db, caseId: string) {
  const [rows, appearances] = await Promise.all([
    db
      .select({
        id: claims.id,
        text: claims.text,
        kind: claims.kind,
        checkWorthiness: claims.checkWorthiness,
        belowThreshold: claims.belowThreshold,
        review: claims.review,
        status: claims.status,
        assigneeId: claims.assigneeId,
        assigneeName: sql<string | null>`(select u.name from ${users} u where u.id = "claims"."assignee_id")`,
        sameAsClaimId: claims.sameAsClaimId,
        verdict: claims.verdict,
        facts: claims.facts,
        createdAt: claims.createdAt,
        updatedAt: claims.updatedAt,
      })
      .from(claims)
      .where(eq(claims.caseId, caseId)),
    db
      .select({
        id: claimAppearances.id,
        claimId: claimAppearances.claimId,
        sourceId: claimAppearances.sourceId,
        sourceTitle: sources.title,
        start: claimAppearances.start,
        end: claimAppearances.end,
        quote: claimAppearances.quote,
      })
      .from(claimAppearances)
      .innerJoin(sources, eq(sources.id, claimAppearances.sourceId))
      .where(eq(sources.caseId, caseId))
      .orderBy(sources.createdAt, sources.id, claimAppearances.start, claimAppearances.end),
  ]);
  const ids = rows.map((r) => r.id);
  const sameAsIds = [...new Set(rows.map((r) => r.sameAsClaimId).filter((id): id is string => !!id))];
  const [sameAs, later] = await Promise.all([
    sameAsIds.length
      ? db.select(linkedColumns).from(claims).innerJoin(cases, eq(cases.id, claims.caseId)).where(inArray(claims.id, sameAsIds))
      : Promise.resolve([] as LinkedClaim[]),
    ids.length
      ? db
          .select({ ...linkedColumns, sameAsClaimId: claims.sameAsClaimId })
          .from(claims)
          .innerJoin(cases, eq(cases.id, claims.caseId))
          .where(and(sql`${claims.sameAsClaimId} = any(${textArray(ids)}::uuid[])`, ne(claims.caseId, caseId)))
          .orderBy(cases.createdAt)
      : Promise.resolve([] as Array<LinkedClaim & { sameAsClaimId: string | null }>),
  ]);
  const sameAsById = new Map(sameAs.map((s) => [s.claimId, s]));
  const order = new Map<string, number>();
  const appearancesOf = new Map<string, Array<Omit<(typeof appearances)[number], "claimId">>>();
  appearances.forEach(({ claimId, ...a }, i) => {
    if (!order.has(claimId)) order.set(claimId, i);
    const list = appearancesOf.get(claimId) ?? [];
    list.push(a);
    appearancesOf.set(claimId, list);
  });
  const laterOf = new Map<string, LinkedClaim[]>();
  for (const { sameAsClaimId, ...l } of later) {
    if (!sameAsClaimId) continue;
    laterOf.set(sameAsClaimId, [...(laterOf.get(sameAsClaimId) ?? []), l]);
  }
  return rows
    .map((row) => ({
      ...row,
      facts: row.facts as ClaimFacts,
      appearances: appearancesOf.get(row.id) ?? [],
      sameAs: (row.sameAsClaimId && sameAsById.get(row.sameAsClaimId)) || null,
      laterCopies: laterOf.get(row.id) ?? [],
    }))
    .sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) || a.createdAt.getTime() - b.createdAt.getTime());
}

export type CaseClaim = Awaited<ReturnType<typeof listCaseClaims>>[number];

/** Active users with the engineer role: the people a claim can be assigned to. */
export async function listEngineers(db: Db) {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, roles: users.roles })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(users.name);
  return rows.filter((u) => u.roles.includes("engineer")).map(({ id, name, email }) => ({ id, name, email }));
}

/** Claims of this case with these fingerprints, by fingerprint (the oldest claim of each). */
export async function claimsByFingerprint(db: Db, caseId: string, fingerprints: string[]) {
  const linkable = fingerprints.filter(isLinkableFingerprint);
  if (!linkable.length) return new Map<string, { id: string; belowThreshold: boolean; checkWorthiness: number }>();
  const rows = await db
    .select({ id: claims.id, fingerprint: claims.fingerprint, belowThreshold: claims.belowThreshold, checkWorthiness: claims.checkWorthiness })
    .from(claims)
    .where(and(eq(claims.caseId, caseId), sql`${claims.fingerprint} = any(${textArray(linkable)}::text[])`))
    .orderBy(claims.createdAt, claims.id);
  const out = new Map<string, { id: string; belowThreshold: boolean; checkWorthiness: number }>();
  for (const { fingerprint, ...row } of rows) if (!out.has(fingerprint)) out.set(fingerprint, row);
  return out;
}

/**
 * For each fingerprint, the claim of the earliest earlier case that has it (or the claim that one
 * already links to), so a new claim links to the first time the claim was seen.
 */
export async function earlierClaimsByFingerprint(db: Db, caseId: string, fingerprints: string[]) {
  const linkable = fingerprints.filter(isLinkableFingerprint);
  const out = new Map<string, string>();
  if (!linkable.length) return out;
  const rows = await db
    .select({ id: claims.id, fingerprint: claims.fingerprint, sameAsClaimId: claims.sameAsClaimId })
    .from(claims)
    .innerJoin(cases, eq(cases.id, claims.caseId))
    .where(
      and(
        sql`${claims.fingerprint} = any(${textArray(linkable)}::text[])`,
        ne(claims.caseId, caseId),
        sql`${cases.createdAt} < (select c2.created_at from ${cases} c2 where c2.id = ${caseId})`,
      ),
    )
    .orderBy(cases.createdAt, claims.createdAt, claims.id);
  for (const row of rows) if (!out.has(row.fingerprint)) out.set(row.fingerprint, row.sameAsClaimId ?? row.id);
  return out;
}

async function requireClaim(db: Db, caseId: string, claimId: string) {
  const [row] = await db
    .select()
    .from(claims)
    .where(and(eq(claims.id, claimId), eq(claims.caseId, caseId)))
    .for("update");
  if (!row) throw new AppError("There is no such claim in this case; it may have been merged into another.", 404);
  return row;
}

async function appearancesOf(db: Db, claimId: string) {
  return db
    .select({ id: claimAppearances.id, sourceId: claimAppearances.sourceId, start: claimAppearances.start, end: claimAppearances.end, quote: claimAppearances.quote })
    .from(claimAppearances)
    .innerJoin(sources, eq(sources.id, claimAppearances.sourceId))
    .where(eq(claimAppearances.claimId, claimId))
    .orderBy(sources.createdAt, sources.id, claimAppearances.start);
}

const REVIEW_ACTIONS: Record<ClaimReview, string> = { accepted: "claim.accepted", dismissed: "claim.dismissed", proposed: "claim.reopened" };

/** Accepts or dismisses a claim, or puts it back to proposed. */
export async function setClaimReview(db: Db, actor: AuditActor, caseId: string, claimId: string, review: ClaimReview) {
  await inTransaction(db, async (tx) => {
    const claim = await requireClaim(tx, caseId, claimId);
    if (claim.review === review) return;
    await tx.update(claims).set({ review, updatedAt: new Date() }).where(eq(claims.id, claimId));
    await recordEvent(tx, actor, { action: REVIEW_ACTIONS[review], caseId, entityType: "claim", entityId: claimId, data: { from: claim.review, text: claim.text } });
    // An accepted claim is analysed at once, so its suggestion is ready on the Evidence tab.
    if (review === "accepted") await runCaseAnalysis(tx, actor, caseId, { only: [claimId] });
  });
}

/** Rewords a claim. Its appearances keep their exact quotes, and its fingerprint stays that of the quote. */
export async function editClaimText(
  db: Db,
  actor: AuditActor,
  caseId: string,
  claimId: string,
  text: string,
  /** The wording the person edited. If the claim was reworded since, the write is a 409 with the current wording. Undefined skips the check. */
  basedOn?: string,
) {
  const wording = text.trim();
  if (!wording) throw new AppError("Write the claim's wording, or leave it as it was.", 400, "text");
  if (wording.length > MAX_CLAIM_CHARS) throw new AppError(`A claim can be at most ${MAX_CLAIM_CHARS} characters.`, 400, "text");
  await inTransaction(db, async (tx) => {
    const claim = await requireClaim(tx, caseId, claimId);
    if (claim.text === wording) return;
    if (basedOn !== undefined && basedOn.replace(/\r\n?/g, "\n").trim() !== claim.text) {
      throw new AppError(
        "Someone else reworded this claim since the page was loaded, so your wording was not saved. The current wording is shown; reword it again if it still needs it.",
        409,
        "text",
        { text: claim.text },
      );
    }
    await tx.update(claims).set({ text: wording, updatedAt: new Date() }).where(eq(claims.id, claimId));
    await recordEvent(tx, actor, { action: "claim.edited", caseId, entityType: "claim", entityId: claimId, data: { from: claim.text, to: wording } });
  });
}

export async function setClaimStatus(db: Db, actor: AuditActor, caseId: string, claimId: string, status: ClaimStatus) {
  await inTransaction(db, async (tx) => {
    const claim = await requireClaim(tx, caseId, claimId);
    if (claim.status === status) return;
    await tx.update(claims).set({ status, updatedAt: new Date() }).where(eq(claims.id, claimId));
    await recordEvent(tx, actor, { action: "claim.status", caseId, entityType: "claim", entityId: claimId, data: { from: claim.status, to: status } });
  });
}

/** Assigns a claim to an engineer (an active user with the engineer role), or unassigns it with null. */
export async function assignClaim(db: Db, actor: AuditActor, caseId: string, claimId: string, assigneeId: string | null) {
  await inTransaction(db, async (tx) => {
    const claim = await requireClaim(tx, caseId, claimId);
    let name: string | null = null;
    if (assigneeId) {
      const [user] = await tx.select({ name: users.name, roles: users.roles, active: users.active }).from(users).where(eq(users.id, assigneeId));
      if (!user || !user.active || !user.roles.includes("engineer")) {
        throw new AppError("Claims are assigned to engineers: choose an active user with the engineer role.", 400, "assigneeId");
      }
      name = user.name;
    }
    if (claim.assigneeId === assigneeId) return;
    await tx.update(claims).set({ assigneeId, updatedAt: new Date() }).where(eq(claims.id, claimId));
    await recordEvent(tx, actor, {
      action: assigneeId ? "claim.assigned" : "claim.unassigned",
      caseId,
      entityType: "claim",
      entityId: claimId,
      data: { from: claim.assigneeId, to: assigneeId, toName: name },
    });
  });
}

/**
 * Splits a claim in two at `offset` in the quote of one of its appearances (its first by
 * default). The claim keeps the first part and a new claim takes the second; the split is
 * carried to its other appearances at the same word, so each source keeps exact sub-spans.
 * An appearance too different to split that way stays whole with the first part.
 */
export async function splitClaim(
  db: Db,
  actor: AuditActor,
  caseId: string,
  claimId: string,
  at: { offset: number; appearanceId?: string },
): Promise<{ firstId: string; secondId: string }> {
  const vocabulary = await extractionVocabulary(db);
  return inTransaction(db, async (tx) => {
    const claim = await requireClaim(tx, caseId, claimId);
    const appearances = await appearancesOf(tx, claimId);
    const primary = at.appearanceId ? appearances.find((a) => a.id === at.appearanceId) : appearances[0];
    if (!primary) throw new AppError("That appearance is not one of this claim's.", 400, "offset");
    const whole = (quote: string): Span => ({ start: 0, end: quote.length });
    const parts = splitSpan(primary.quote, whole(primary.quote), at.offset);
    if (!parts) throw new AppError("Choose a split point inside the quote, with words on both sides of it.", 400, "offset");
    const wordIndex = wordIndexAt(primary.quote, at.offset);
    const plan = appearances.map((a) => {
      const relative = a.quote === primary.quote ? at.offset : offsetOfWord(a.quote, wordIndex);
      const split = relative === null ? null : splitSpan(a.quote, whole(a.quote), relative);
      return { appearance: a, split: split?.map((p) => ({ start: a.start + p.start, end: a.start + p.end })) ?? null };
    });

    const spans = plan.flatMap(({ appearance, split }) => (split ? split.map((s) => ({ sourceId: appearance.sourceId, ...s })) : []));
    const clash = await tx
      .select({ quote: claimAppearances.quote })
      .from(claimAppearances)
      .where(
        and(
          sql`(${claimAppearances.sourceId}, ${claimAppearances.start}, ${claimAppearances.end}) in (${sql.join(
            spans.map((s) => sql`(${s.sourceId}::uuid, ${s.start}::int, ${s.end}::int)`),
            sql`, `,
          )})`,
          ne(claimAppearances.claimId, claimId),
        ),
      )
      .limit(1);
    if (clash.length) {
      throw new AppError(`One part of this split is already a claim of its own (“${clash[0].quote}”). Merge the two claims instead.`, 409, "offset");
    }

    const [source] = await tx.select({ body: sources.body, publishedAt: sources.publishedAt }).from(sources).where(eq(sources.id, primary.sourceId));
    const [first, second] = plan.find((p) => p.appearance.id === primary.id)!.split!;
    const describe = (span: Span) => describeSpan(source.body, span, { publishedAt: source.publishedAt ?? undefined, vocabulary });
    const firstText = source.body.slice(first.start, first.end);
    const secondText = source.body.slice(second.start, second.end);
    const d1 = describe(first);
    const d2 = describe(second);
    const now = new Date();
    await tx
      .update(claims)
      .set({ text: firstText, fingerprint: claimFingerprint(firstText), ...d1, belowThreshold: false, sameAsClaimId: null, updatedAt: now })
      .where(eq(claims.id, claimId));
    const [created] = await tx
      .insert(claims)
      .values({
        caseId,
        text: secondText,
        fingerprint: claimFingerprint(secondText),
        ...d2,
        belowThreshold: false,
        review: claim.review,
        status: claim.status,
        assigneeId: claim.assigneeId,
      })
      .returning({ id: claims.id });
    for (const { appearance, split } of plan) {
      if (!split) continue;
      const quoteOf = (s: Span) => appearance.quote.slice(s.start - appearance.start, s.end - appearance.start);
      await tx
        .update(claimAppearances)
        .set({ start: split[0].start, end: split[0].end, quote: quoteOf(split[0]) })
        .where(eq(claimAppearances.id, appearance.id));
      await tx
        .insert(claimAppearances)
        .values({ claimId: created.id, sourceId: appearance.sourceId, start: split[1].start, end: split[1].end, quote: quoteOf(split[1]) });
    }
    await recordEvent(tx, actor, {
      action: "claim.split",
      caseId,
      entityType: "claim",
      entityId: claimId,
      data: { from: claim.text, into: [{ id: claimId, text: firstText }, { id: created.id, text: secondText }], unsplit: plan.filter((p) => !p.split).length },
    });
    await runCaseAnalysis(tx, actor, caseId, { only: [claimId, created.id] });
    return { firstId: claimId, secondId: created.id };
  });
}

/**
 * Merges claims into `targetId`: the target takes every appearance (and any evidence) of the
 * others, which are deleted; claims in later cases that linked to them link to the target.
 */
export async function mergeClaims(db: Db, actor: AuditActor, caseId: string, targetId: string, otherIds: string[]) {
  const ids = [...new Set(otherIds)].filter((id) => id !== targetId);
  if (!ids.length) throw new AppError("Choose another claim to merge into this one.", 400, "mergeIds");
  await inTransaction(db, async (tx) => {
    const target = await requireClaim(tx, caseId, targetId);
    const others = await tx
      .select()
      .from(claims)
      .where(and(inArray(claims.id, ids), eq(claims.caseId, caseId)))
      .for("update");
    if (others.length !== ids.length) throw new AppError("One of the claims to merge is not in this case any more.", 404);
    await tx.update(claimAppearances).set({ claimId: targetId }).where(inArray(claimAppearances.claimId, ids));
    await tx.update(evidenceLinks).set({ claimId: targetId }).where(inArray(evidenceLinks.claimId, ids));
    await tx.update(claims).set({ sameAsClaimId: targetId }).where(sql`${claims.sameAsClaimId} = any(${textArray(ids)}::uuid[])`);
    const earlier = target.sameAsClaimId ?? others.find((o) => o.sameAsClaimId && o.sameAsClaimId !== targetId)?.sameAsClaimId ?? null;
    await tx
      .update(claims)
      .set({
        belowThreshold: target.belowThreshold && others.every((o) => o.belowThreshold),
        checkWorthiness: Math.max(target.checkWorthiness, ...others.map((o) => o.checkWorthiness)),
        sameAsClaimId: earlier,
        updatedAt: new Date(),
      })
      .where(eq(claims.id, targetId));
    await tx.delete(claims).where(inArray(claims.id, ids));
    await recordEvent(tx, actor, {
      action: "claim.merged",
      caseId,
      entityType: "claim",
      entityId: targetId,
      data: { into: { id: targetId, text: target.text }, merged: others.map((o) => ({ id: o.id, text: o.text })) },
    });
  });
}

export type Selection = { start: number; end: number } | { quote: string };

export type AddOutcome = "created" | "appearance" | "exists";

/**
 * Makes a claim of a passage a person chose: by offsets (a browser selection) or by its exact
 * text. The passage is trimmed of surrounding whitespace and stored as body.slice(start, end).
 * The same claim elsewhere in the case gains this appearance instead; a passage that already is
 * a claim is answered with that claim.
 */
export async function addClaimFromSelection(
  db: Db,
  actor: AuditActor,
  caseId: string,
  sourceId: string,
  selection: Selection,
): Promise<{ claimId: string; outcome: AddOutcome }> {
  const vocabulary = await extractionVocabulary(db);
  return inTransaction(db, async (tx) => {
    const [source] = await tx
      .select({ body: sources.body, publishedAt: sources.publishedAt })
      .from(sources)
      .where(and(eq(sources.id, sourceId), eq(sources.caseId, caseId)));
    if (!source) throw new AppError("There is no such source in this case.", 404);
    const body = source.body;
    let span: Span | null;
    if ("quote" in selection) {
      const found = locateQuote(body, selection.quote);
      if (!found) {
        throw new AppError("That text does not appear in this article. Copy it exactly as it stands (line breaks and spaces may differ).", 400, "quote");
      }
      span = found.span;
    } else {
      const { start, end } = selection;
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= body.length && start < end)) {
        throw new AppError(`The selection must lie inside the article (characters 0 to ${body.length}), with its start before its end.`, 400, "start");
      }
      span = trimWhitespace(body, start, end);
    }
    const quote = span ? body.slice(span.start, span.end) : "";
    if (!span || !hasWords(quote)) throw new AppError("Select some words of the article to make a claim of.", 400, "quote" in selection ? "quote" : "start");
    if (quote.length > MAX_CLAIM_CHARS) {
      throw new AppError(`A claim can be at most ${MAX_CLAIM_CHARS} characters; select one assertion, not a whole passage.`, 400, "quote" in selection ? "quote" : "start");
    }

    const [existing] = await tx
      .select({ claimId: claimAppearances.claimId })
      .from(claimAppearances)
      .where(and(eq(claimAppearances.sourceId, sourceId), eq(claimAppearances.start, span.start), eq(claimAppearances.end, span.end)));
    if (existing) return { claimId: existing.claimId, outcome: "exists" as const };

    const fingerprint = claimFingerprint(quote);
    const same = (await claimsByFingerprint(tx, caseId, [fingerprint])).get(fingerprint);
    let claimId: string;
    let outcome: AddOutcome;
    if (same) {
      claimId = same.id;
      outcome = "appearance";
      if (same.belowThreshold) await tx.update(claims).set({ belowThreshold: false, updatedAt: new Date() }).where(eq(claims.id, same.id));
    } else {
      const earlier = (await earlierClaimsByFingerprint(tx, caseId, [fingerprint])).get(fingerprint) ?? null;
      const described = describeSpan(body, span, { publishedAt: source.publishedAt ?? undefined, vocabulary });
      const [created] = await tx
        .insert(claims)
        .values({ caseId, text: quote, fingerprint, ...described, belowThreshold: false, review: "accepted", sameAsClaimId: earlier })
        .returning({ id: claims.id });
      claimId = created.id;
      outcome = "created";
    }
    await tx.insert(claimAppearances).values({ claimId, sourceId, start: span.start, end: span.end, quote });
    await recordEvent(tx, actor, {
      action: "claim.added",
      caseId,
      entityType: "claim",
      entityId: claimId,
      data: { sourceId, start: span.start, end: span.end, quote, outcome },
    });
    await runCaseAnalysis(tx, actor, caseId, { only: [claimId] });
    return { claimId, outcome };
  });
}
