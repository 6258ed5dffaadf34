/**
 * Evidence for a case's claims: the analysis that suggests records and a verdict for each claim,
 * the links people make from a claim to a record (or a field or excerpt of it), the assigned
 * engineer's confirmation of each link on the record's current version, and the verdict a
 * person sets with the suggestion they saw. Each write is one transaction with its audit event.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "#db/client";
import { cases, claimAppearances, claims, evidenceLinks, incidents, incidentVersions, sources, users } from "#db/schema";
import { articleWindow, type ClaimFacts, type ClaimKind, type ExtractedClaim } from "~/domain/claims";
import type { AnalysisContext, AssertionCheck, VerdictLabel } from "~/domain/evidence";
import { readClaim } from "~/domain/evidence/claim-reading";
import { confirmRefusal, isLinkableField, linkFieldLabel, locateExcerpt, type LinkableField } from "~/domain/evidence-links";
import { claimStatus, confirmationState, type ClaimStatus, type ConfirmationState, summarizeReadiness } from "~/domain/evidence-status";
import type { Incident } from "~/domain/incidents";
import { STANCES, VERDICT_LABELS, type Stance } from "~/domain/workflow";
import { analyzeExtractedClaims } from "./analysis.server";
import { recordEvent, type AuditActor } from "./audit.server";
import { AppError } from "~/utils/app-error";
import { actorOf, inTransaction } from "./case-input.server";

/** A note on a link or a verdict: a sentence or two, not an essay. */
export const MAX_NOTE_CHARS = 2000;
/** An excerpt is a phrase or a sentence of the record. */
export const MAX_EXCERPT_CHARS = 1000;

/** What the analysis stored for a claim: the suggestion a person sees beside the verdict form. */
export interface StoredSuggestion {
  suggested: VerdictLabel;
  basis: string;
  /** How sure the suggestion is, in [0, 1]; absent in suggestions stored before it existed. */
  confidence?: number;
  candidates: { incidentId: string; score: number; reasons: string[] }[];
  checks: AssertionCheck[];
  /** When the analysis ran (ISO); identifies the suggestion a verdict was set from. */
  analyzedAt: string;
  /** The candidates' record versions at that time. */
  versions: Record<string, number>;
  /** The days the claim speaks of and the cause tags it asserts, for the case timeline. */
  window: { from: string; to: string; text: string } | null;
  causeTags: string[];
}

/** The part of a suggestion kept with a verdict: what the person was shown. */
export interface VerdictSuggestionSnapshot {
  suggested: VerdictLabel;
  basis: string;
  analyzedAt: string;
  candidates: string[];
}

/** The claims the evidence work covers: kept ones, and proposed ones above the threshold. */
const inScope = sql`${claims.review} <> 'dismissed' and (${claims.review} = 'accepted' or not ${claims.belowThreshold})`;

/** Each claim's first appearance (the earliest source, then the earliest span). */
async function firstAppearances(db: Db, claimIds: string[]) {
  const out = new Map<string, { sourceId: string; start: number; end: number; quote: string; sourceTitle: string }>();
  if (!claimIds.length) return out;
  const rows = await db
    .select({
      claimId: claimAppearances.claimId,
      sourceId: claimAppearances.sourceId,
      start: claimAppearances.start,
      end: claimAppearances.end,
      quote: claimAppearances.quote,
      sourceTitle: sources.title,
    })
    .from(claimAppearances)
    .innerJoin(sources, eq(sources.id, claimAppearances.sourceId))
    .where(inArray(claimAppearances.claimId, claimIds))
    .orderBy(asc(sources.createdAt), asc(sources.id), asc(claimAppearances.start));
  for (const { claimId, ...row } of rows) if (!out.has(claimId)) out.set(claimId, row);
  return out;
}

async function currentVersions(db: Db, ids: string[]): Promise<Map<string, { version: number; contentHash: string; title: string }>> {
  const out = new Map<string, { version: number; contentHash: string; title: string }>();
  const unique = [...new Set(ids)];
  if (!unique.length) return out;
  const rows = await db
    .select({ id: incidents.id, version: incidents.version, contentHash: incidents.contentHash, title: incidents.title })
    .from(incidents)
    .where(inArray(incidents.id, unique));
  for (const { id, ...row } of rows) out.set(id, row);
  return out;
}

/**
 * Re-runs the analysis for the case's claims: each claim's stored facts, read in the context of
 * its first source (publication date and the article's window), against the current records.
 * Stores each claim's suggestion in one transaction with one audit event. With `only`, the
 * claims read as before (later claims refer back to earlier ones) but only those named get a
 * new suggestion, so that a claim just accepted, added or split does not make the suggestions
 * other people are looking at stale.
 */
export async function runCaseAnalysis(db: Db, actor: AuditActor, caseId: string, options: { only?: string[] } = {}): Promise<{ analyzed: number }> {
  const rows = await db
    .select({ id: claims.id, text: claims.text, kind: claims.kind, checkWorthiness: claims.checkWorthiness, facts: claims.facts, belowThreshold: claims.belowThreshold })
    .from(claims)
    .where(and(eq(claims.caseId, caseId), inScope));
  const appearances = await firstAppearances(db, rows.map((r) => r.id));
  const sourceIds = [...new Set([...appearances.values()].map((a) => a.sourceId))];
  const sourceRows = sourceIds.length
    ? await db.select({ id: sources.id, body: sources.body, publishedAt: sources.publishedAt }).from(sources).where(inArray(sources.id, sourceIds))
    : [];
  const contexts = new Map<string | null, AnalysisContext>(
    sourceRows.map((s) => {
      const publishedAt = s.publishedAt ?? undefined;
      return [s.id, { publishedAt, articleWindow: articleWindow(s.body, publishedAt) ?? undefined }];
    }),
  );
  contexts.set(null, {});

  // Claims are read in article order within their source: later claims refer back to earlier events.
  const groups = new Map<string | null, { id: string; claim: ExtractedClaim }[]>();
  for (const row of rows) {
    const appearance = appearances.get(row.id);
    const key = appearance?.sourceId ?? null;
    const claim: ExtractedClaim = {
      text: row.text,
      start: appearance?.start ?? 0,
      end: appearance?.end ?? row.text.length,
      checkWorthiness: row.checkWorthiness,
      kind: row.kind as ClaimKind,
      facts: row.facts as ClaimFacts,
      belowThreshold: row.belowThreshold,
    };
    groups.set(key, [...(groups.get(key) ?? []), { id: row.id, claim }]);
  }

  const analyzedAt = new Date().toISOString();
  const suggestions: { id: string; suggestion: Omit<StoredSuggestion, "versions"> }[] = [];
  for (const [sourceId, group] of groups) {
    group.sort((a, b) => a.claim.start - b.claim.start);
    const context = contexts.get(sourceId) ?? {};
    const results = await analyzeExtractedClaims(db, group.map((g) => g.claim), context);
    results.forEach((result, i) => {
      if (options.only && !options.only.includes(group[i].id)) return;
      const reading = readClaim(group[i].claim, context);
      suggestions.push({
        id: group[i].id,
        suggestion: {
          suggested: result.verdict.suggested,
          basis: result.verdict.basis,
          confidence: result.verdict.confidence,
          candidates: result.candidates,
          checks: result.checks,
          analyzedAt,
          window: reading.window ? { from: reading.window.from, to: reading.window.to, text: reading.window.text } : null,
          causeTags: [...new Set(reading.causes.filter((c) => !c.negated).map((c) => c.tag))],
        },
      });
    });
  }
  const versions = await currentVersions(db, suggestions.flatMap((s) => s.suggestion.candidates.map((c) => c.incidentId)));

  await inTransaction(db, async (tx) => {
    for (const { id, suggestion } of suggestions) {
      const stored: StoredSuggestion = {
        ...suggestion,
        versions: Object.fromEntries(suggestion.candidates.map((c) => [c.incidentId, versions.get(c.incidentId)?.version ?? 0])),
      };
      await tx.update(claims).set({ suggestion: stored, updatedAt: new Date() }).where(eq(claims.id, id));
    }
    await recordEvent(tx, actor, {
      action: "evidence.analyzed",
      caseId,
      entityType: "case",
      entityId: caseId,
      data: { analyzedAt, claims: suggestions.map((s) => ({ claimId: s.id, suggested: s.suggestion.suggested, top: s.suggestion.candidates[0]?.incidentId ?? null })) },
    });
  });
  return { analyzed: suggestions.length };
}

async function requireClaim(db: Db, caseId: string, claimId: string, lock = false) {
  const query = db
    .select({
      id: claims.id,
      text: claims.text,
      assigneeId: claims.assigneeId,
      review: claims.review,
      verdict: claims.verdict,
      verdictNote: claims.verdictNote,
      verdictSetAt: claims.verdictSetAt,
      suggestion: claims.suggestion,
    })
    .from(claims)
    .where(and(eq(claims.id, claimId), eq(claims.caseId, caseId)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new AppError("There is no such claim in this case; it may have been merged into another.", 404);
  return row;
}

async function currentRecord(db: Db, incidentId: string, lock = false) {
  const query = db
    .select({ id: incidents.id, version: incidents.version, contentHash: incidents.contentHash, record: incidentVersions.record })
    .from(incidents)
    .innerJoin(incidentVersions, and(eq(incidentVersions.incidentId, incidents.id), eq(incidentVersions.version, incidents.version)))
    .where(eq(incidents.id, incidentId));
  // FOR SHARE on the record: an import cannot move it to a new version while a confirmation reads it.
  const [row] = lock ? await query.for("share", { of: incidents }) : await query;
  return row ? { ...row, record: row.record as Incident } : null;
}

export interface LinkInput {
  caseId: string;
  claimId: string;
  incidentId: string;
  field?: string | null;
  excerpt?: string | null;
  stance: Stance;
  note?: string | null;
}

/**
 * Links a record to a claim as evidence: the record must exist; a field must be one of the
 * record's fields; an excerpt must occur in that field's text of the current version (without a
 * field, the first field that holds it), and is stored in the record's own wording.
 */
export async function linkEvidence(db: Db, actor: AuditActor, input: LinkInput): Promise<{ linkId: string }> {
  const incidentId = input.incidentId.trim();
  const field = input.field?.trim() || null;
  const excerpt = input.excerpt?.trim() || null;
  const note = input.note?.trim() ?? "";
  if (!incidentId) throw new AppError("Give the id of the incident record to link.", 400, "incidentId");
  if (!(STANCES as readonly string[]).includes(input.stance)) throw new AppError("Choose whether the record supports, contradicts or gives context to the claim.", 400, "stance");
  if (field && !isLinkableField(field)) throw new AppError(`“${field}” is not a field of an incident record.`, 400, "field");
  if (excerpt && excerpt.length > MAX_EXCERPT_CHARS) throw new AppError(`An excerpt can be at most ${MAX_EXCERPT_CHARS} characters; quote the sentence that matters.`, 400, "excerpt");
  if (note.length > MAX_NOTE_CHARS) throw new AppError(`A note can be at most ${MAX_NOTE_CHARS} characters.`, 400, "note");

  return inTransaction(db, async (tx) => {
    await requireClaim(tx, input.caseId, input.claimId, true);
    const current = await currentRecord(tx, incidentId);
    if (!current) throw new AppError(`There is no incident record with the id “${incidentId}”.`, 400, "incidentId");
    let linkedField = field as LinkableField | null;
    let linkedExcerpt: string | null = null;
    if (excerpt) {
      const found = locateExcerpt(current.record, excerpt, linkedField ?? undefined);
      if (!found) {
        const where = linkedField ? `its ${linkFieldLabel(linkedField).toLowerCase()}` : "any of its fields";
        throw new AppError(`“${excerpt}” does not occur in ${where} in version ${current.version} of ${incidentId}. Copy the words exactly as the record has them.`, 400, "excerpt");
      }
      linkedField = found.field;
      linkedExcerpt = found.excerpt;
    }
    const duplicate = await tx
      .select({ id: evidenceLinks.id })
      .from(evidenceLinks)
      .where(
        and(
          eq(evidenceLinks.claimId, input.claimId),
          eq(evidenceLinks.incidentId, incidentId),
          linkedField ? eq(evidenceLinks.field, linkedField) : sql`${evidenceLinks.field} is null`,
          linkedExcerpt ? eq(evidenceLinks.excerpt, linkedExcerpt) : sql`${evidenceLinks.excerpt} is null`,
        ),
      )
      .limit(1);
    if (duplicate.length) throw new AppError(`${incidentId}${linkedField ? ` (${linkFieldLabel(linkedField).toLowerCase()})` : ""} is already linked to this claim.`, 409, "incidentId");
    const [link] = await tx
      .insert(evidenceLinks)
      .values({ claimId: input.claimId, incidentId, field: linkedField, excerpt: linkedExcerpt, stance: input.stance, note, createdBy: actor.id })
      .returning({ id: evidenceLinks.id });
    await recordEvent(tx, actor, {
      action: "evidence.linked",
      caseId: input.caseId,
      entityType: "evidence_link",
      entityId: link.id,
      data: { claimId: input.claimId, incidentId, version: current.version, field: linkedField, excerpt: linkedExcerpt, stance: input.stance, note },
    });
    return { linkId: link.id };
  });
}

async function requireLink(db: Db, caseId: string, linkId: string) {
  const [row] = await db
    .select({
      id: evidenceLinks.id,
      claimId: evidenceLinks.claimId,
      incidentId: evidenceLinks.incidentId,
      field: evidenceLinks.field,
      excerpt: evidenceLinks.excerpt,
      stance: evidenceLinks.stance,
      confirmedVersion: evidenceLinks.confirmedVersion,
      confirmedAt: evidenceLinks.confirmedAt,
      confirmedBy: evidenceLinks.confirmedBy,
      assigneeId: claims.assigneeId,
    })
    .from(evidenceLinks)
    .innerJoin(claims, eq(claims.id, evidenceLinks.claimId))
    .where(and(eq(evidenceLinks.id, linkId), eq(claims.caseId, caseId)))
    .for("update", { of: evidenceLinks });
  if (!row) throw new AppError("There is no such evidence link in this case; it may have been removed.", 404);
  return row;
}

/** Removes a link (its confirmation goes with it; the audit trail keeps both). */
export async function unlinkEvidence(db: Db, actor: AuditActor, input: { caseId: string; linkId: string }): Promise<void> {
  await inTransaction(db, async (tx) => {
    const link = await requireLink(tx, input.caseId, input.linkId);
    await tx.delete(evidenceLinks).where(eq(evidenceLinks.id, link.id));
    await recordEvent(tx, actor, {
      action: "evidence.unlinked",
      caseId: input.caseId,
      entityType: "evidence_link",
      entityId: link.id,
      data: { claimId: link.claimId, incidentId: link.incidentId, field: link.field, excerpt: link.excerpt, stance: link.stance, wasConfirmedOn: link.confirmedVersion },
    });
  });
}

/** Who confirms: the signed-in user, with their roles for the rule. */
export interface Confirmer {
  id: string;
  email: string;
  roles: readonly string[];
}

/**
 * Confirms a link on the record's current version: only the engineer assigned to the claim (or
 * an admin). Records who, when, and the version and content hash confirmed. An excerpt that the
 * current version no longer holds cannot be confirmed: link the current wording instead.
 */
export async function confirmLink(
  db: Db,
  user: Confirmer,
  input: {
    caseId: string;
    linkId: string;
    /**
     * The confirmation the person saw (its confirmedAt, "" when unconfirmed). When another
     * confirmation has landed since, this one is refused with a 409 instead of replacing it.
     * Undefined skips the check (callers that are not answering a page).
     */
    basedOn?: string | null;
  },
): Promise<{ version: number; changed: boolean }> {
  return inTransaction(db, async (tx) => {
    const link = await requireLink(tx, input.caseId, input.linkId);
    const seen = input.basedOn?.trim() ?? null;
    const stored = link.confirmedAt?.toISOString() ?? "";
    if (seen !== null && seen !== stored && link.confirmedBy !== user.id) {
      throw new AppError(
        link.confirmedVersion === null
          ? "The confirmation of this link was removed since the page was loaded. Reload the page and confirm again if it still holds."
          : `Someone else confirmed this link on version ${link.confirmedVersion} of ${link.incidentId} since the page was loaded. Reload the page to see it.`,
        409,
        undefined,
        { confirmedAt: stored || null, confirmedVersion: link.confirmedVersion },
      );
    }
    const [assignee] = link.assigneeId ? await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, link.assigneeId)) : [];
    const verdict = confirmRefusal(user, assignee ?? null);
    if (!verdict.ok) throw new AppError(verdict.reason, verdict.status);
    const current = await currentRecord(tx, link.incidentId, true);
    if (!current) throw new AppError(`The record ${link.incidentId} no longer exists.`, 409);
    if (link.excerpt && link.field && isLinkableField(link.field) && !locateExcerpt(current.record, link.excerpt, link.field)) {
      throw new AppError(
        `Version ${current.version} of ${link.incidentId} no longer has “${link.excerpt}” in its ${linkFieldLabel(link.field).toLowerCase()}. Remove this link and link the record's current wording.`,
        409,
      );
    }
    if (link.confirmedVersion === current.version) {
      const [same] = await tx.select({ confirmedBy: evidenceLinks.confirmedBy }).from(evidenceLinks).where(eq(evidenceLinks.id, link.id));
      if (same?.confirmedBy === user.id) return { version: current.version, changed: false };
    }
    const actor: AuditActor = actorOf(user);
    await tx
      .update(evidenceLinks)
      .set({ confirmedBy: user.id, confirmedAt: new Date(), confirmedVersion: current.version, confirmedHash: current.contentHash })
      .where(eq(evidenceLinks.id, link.id));
    await recordEvent(tx, actor, {
      action: link.confirmedVersion === null ? "evidence.confirmed" : "evidence.reconfirmed",
      caseId: input.caseId,
      entityType: "evidence_link",
      entityId: link.id,
      data: { claimId: link.claimId, incidentId: link.incidentId, version: current.version, hash: current.contentHash, previousVersion: link.confirmedVersion },
    });
    return { version: current.version, changed: true };
  });
}

export interface VerdictInput {
  caseId: string;
  claimId: string;
  verdict: VerdictLabel;
  note?: string | null;
  /** The analyzedAt of the suggestion the person was shown ("" or null when there was none). */
  suggestionAt?: string | null;
  /**
   * When the verdict the person saw was set ("" when there was none). A verdict set since then
   * is not overwritten: the write gets a 409 with the current verdict. Undefined skips the check.
   */
  verdictAt?: string | null;
}

/**
 * A person sets the claim's verdict. The claim keeps who set it, when, and the suggestion they
 * were shown; if the suggestion changed since the page was loaded, the verdict is refused so
 * that nobody sets a verdict "from" a suggestion they did not see.
 */
export async function setVerdict(db: Db, actor: AuditActor, input: VerdictInput): Promise<void> {
  if (!(VERDICT_LABELS as readonly string[]).includes(input.verdict)) throw new AppError("Choose accurate, inaccurate, misleading or unverifiable.", 400, "verdict");
  const note = input.note?.trim() ?? "";
  if (note.length > MAX_NOTE_CHARS) throw new AppError(`A note can be at most ${MAX_NOTE_CHARS} characters.`, 400, "note");
  await inTransaction(db, async (tx) => {
    const claim = await requireClaim(tx, input.caseId, input.claimId, true);
    const seenVerdictAt = input.verdictAt === undefined || input.verdictAt === null ? null : input.verdictAt.trim();
    const storedVerdictAt = claim.verdictSetAt?.toISOString() ?? "";
    if (seenVerdictAt !== null && seenVerdictAt !== storedVerdictAt) {
      throw new AppError(
        claim.verdict
          ? `Someone else set the verdict to “${claim.verdict}” since the page was loaded, so yours was not saved. Reload the page, then choose again if it should change.`
          : "The verdict was cleared since the page was loaded, so yours was not saved. Reload the page and choose again.",
        409,
        "verdict",
        { verdict: claim.verdict, verdictNote: claim.verdictNote, verdictSetAt: storedVerdictAt || null },
      );
    }
    const suggestion = claim.suggestion as StoredSuggestion | null;
    const shown = input.suggestionAt?.trim() || null;
    if ((suggestion?.analyzedAt ?? null) !== shown) {
      throw new AppError(
        suggestion
          ? `The suggestion for this claim changed since the page was loaded (the analysis ran again at ${suggestion.analyzedAt}). Review the new suggestion and choose again.`
          : "The suggestion shown is no longer stored for this claim. Reload the page and choose again.",
        409,
        "verdict",
      );
    }
    const snapshot: VerdictSuggestionSnapshot | null = suggestion
      ? { suggested: suggestion.suggested, basis: suggestion.basis, analyzedAt: suggestion.analyzedAt, candidates: suggestion.candidates.slice(0, 3).map((c) => c.incidentId) }
      : null;
    const now = new Date();
    await tx
      .update(claims)
      .set({ verdict: input.verdict, verdictNote: note || null, verdictSetBy: actor.id, verdictSetAt: now, verdictFromSuggestion: snapshot, updatedAt: now })
      .where(eq(claims.id, claim.id));
    await recordEvent(tx, actor, {
      action: "claim.verdict",
      caseId: input.caseId,
      entityType: "claim",
      entityId: claim.id,
      data: { from: claim.verdict, to: input.verdict, note, suggested: snapshot?.suggested ?? null, suggestionAt: snapshot?.analyzedAt ?? null },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Reading the evidence of a case.
// ---------------------------------------------------------------------------------------------

/** The case's id and title, or null. */
export async function findCase(db: Db, caseId: string): Promise<{ id: string; title: string } | null> {
  const [row] = await db.select({ id: cases.id, title: cases.title }).from(cases).where(eq(cases.id, caseId));
  return row ?? null;
}

export interface EvidenceLinkView {
  id: string;
  incidentId: string;
  incidentTitle: string;
  currentVersion: number;
  field: string | null;
  fieldLabel: string | null;
  excerpt: string | null;
  stance: Stance;
  note: string;
  createdByName: string | null;
  createdAt: string;
  confirmedByName: string | null;
  confirmedAt: string | null;
  confirmedVersion: number | null;
  state: ConfirmationState;
  stale: boolean;
}

export interface CandidateView {
  incidentId: string;
  score: number;
  reasons: string[];
  title: string | null;
  organization: string | null;
  startedAt: string | null;
  currentVersion: number | null;
  /** The record moved to another version since the analysis ran (or was removed). */
  changedSinceAnalysis: boolean;
  linked: boolean;
}

export interface TimelineIncident {
  id: string;
  title: string;
  organization: string | null;
  severity: string | null;
  startedAt: string;
  resolvedAt: string | null;
  /** Tags of this record that the claims assert as causes. */
  markedTags: string[];
  linked: boolean;
}

export interface TimelineWindow {
  from: string;
  to: string;
  label: string;
  claims: number;
}

export interface CaseTimeline {
  windows: TimelineWindow[];
  incidents: TimelineIncident[];
  tags: string[];
}

/** How many of each claim's suggested records join the timeline beside the linked ones. */
const TIMELINE_CANDIDATES = 3;

/**
 * The evidence of a case, claim by claim (in article order): the suggestion with its candidate
 * records, the verdict and who set it from which suggestion, the links with their confirmation
 * state against each record's current version, and what is still missing before a draft can
 * rely on the claim. Null when there is no such case.
 */
export async function getCaseEvidence(db: Db, caseId: string) {
  const rows = await db
    .select({
      id: claims.id,
      text: claims.text,
      kind: claims.kind,
      review: claims.review,
      status: claims.status,
      assigneeId: claims.assigneeId,
      suggestion: claims.suggestion,
      verdict: claims.verdict,
      verdictNote: claims.verdictNote,
      verdictSetBy: claims.verdictSetBy,
      verdictSetAt: claims.verdictSetAt,
      verdictFromSuggestion: claims.verdictFromSuggestion,
      createdAt: claims.createdAt,
    })
    .from(claims)
    .where(and(eq(claims.caseId, caseId), inScope));
  const ids = rows.map((r) => r.id);
  const [appearances, links] = await Promise.all([
    firstAppearances(db, ids),
    ids.length
      ? db
          .select({
            id: evidenceLinks.id,
            claimId: evidenceLinks.claimId,
            incidentId: evidenceLinks.incidentId,
            field: evidenceLinks.field,
            excerpt: evidenceLinks.excerpt,
            stance: evidenceLinks.stance,
            note: evidenceLinks.note,
            createdBy: evidenceLinks.createdBy,
            createdAt: evidenceLinks.createdAt,
            confirmedBy: evidenceLinks.confirmedBy,
            confirmedAt: evidenceLinks.confirmedAt,
            confirmedVersion: evidenceLinks.confirmedVersion,
            incidentTitle: incidents.title,
            currentVersion: incidents.version,
          })
          .from(evidenceLinks)
          .innerJoin(incidents, eq(incidents.id, evidenceLinks.incidentId))
          .where(inArray(evidenceLinks.claimId, ids))
          .orderBy(asc(evidenceLinks.createdAt), asc(evidenceLinks.id))
      : Promise.resolve([]),
  ]);
  const suggestions = new Map(rows.map((r) => [r.id, r.suggestion as StoredSuggestion | null]));
  const candidateIds = [...suggestions.values()].flatMap((s) => s?.candidates.map((c) => c.incidentId) ?? []);
  const people = [...new Set([...rows.flatMap((r) => [r.assigneeId, r.verdictSetBy]), ...links.flatMap((l) => [l.createdBy, l.confirmedBy])].filter((id): id is string => !!id))];
  const [names, records] = await Promise.all([
    people.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, people)) : Promise.resolve([]),
    timelineRecords(db, [...new Set([...candidateIds, ...links.map((l) => l.incidentId)])]),
  ]);
  const nameOf = (id: string | null) => (id ? (names.find((n) => n.id === id)?.name ?? null) : null);
  const order = (id: string) => {
    const a = appearances.get(id);
    return a ? [a.sourceId, a.start] : null;
  };

  const claimViews = rows
    .map((row) => {
      const suggestion = suggestions.get(row.id) ?? null;
      const claimLinks: EvidenceLinkView[] = links
        .filter((l) => l.claimId === row.id)
        .map((l) => {
          const state = confirmationState(l, l.currentVersion);
          return {
            id: l.id,
            incidentId: l.incidentId,
            incidentTitle: l.incidentTitle,
            currentVersion: l.currentVersion,
            field: l.field,
            fieldLabel: l.field ? linkFieldLabel(l.field) : null,
            excerpt: l.excerpt,
            stance: l.stance,
            note: l.note,
            createdByName: nameOf(l.createdBy),
            createdAt: l.createdAt.toISOString(),
            confirmedByName: nameOf(l.confirmedBy),
            confirmedAt: l.confirmedAt?.toISOString() ?? null,
            confirmedVersion: l.confirmedVersion,
            state,
            stale: state === "stale",
          };
        });
      const linkedIds = new Set(claimLinks.map((l) => l.incidentId));
      const candidates: CandidateView[] = (suggestion?.candidates ?? []).map((c) => {
        const record = records.get(c.incidentId);
        return {
          ...c,
          title: record?.title ?? null,
          organization: record?.organization ?? null,
          startedAt: record?.startedAt ?? null,
          currentVersion: record?.version ?? null,
          changedSinceAnalysis: !record || record.version !== (suggestion?.versions[c.incidentId] ?? record.version),
          linked: linkedIds.has(c.incidentId),
        };
      });
      const status: ClaimStatus = claimStatus({
        verdict: row.verdict,
        assigneeId: row.assigneeId,
        links: claimLinks.map((l) => ({ incidentId: l.incidentId, stance: l.stance, confirmedVersion: l.confirmedVersion, currentVersion: l.currentVersion })),
      });
      return {
        id: row.id,
        text: row.text,
        kind: row.kind,
        review: row.review,
        status: row.status,
        appearance: appearances.get(row.id) ?? null,
        assignee: row.assigneeId ? { id: row.assigneeId, name: nameOf(row.assigneeId) ?? "a former user" } : null,
        suggestion: suggestion ? { ...suggestion, candidates } : null,
        verdict: row.verdict,
        verdictNote: row.verdictNote,
        verdictSetBy: row.verdictSetBy ? { id: row.verdictSetBy, name: nameOf(row.verdictSetBy) ?? "a former user" } : null,
        verdictSetAt: row.verdictSetAt?.toISOString() ?? null,
        verdictFromSuggestion: row.verdictFromSuggestion as VerdictSuggestionSnapshot | null,
        links: claimLinks,
        evidenceStatus: status,
        createdAt: row.createdAt.getTime(),
      };
    })
    .sort((a, b) => {
      const oa = order(a.id);
      const ob = order(b.id);
      if (oa && ob) return oa[0] === ob[0] ? (oa[1] as number) - (ob[1] as number) : String(oa[0]) < String(ob[0]) ? -1 : 1;
      return oa ? -1 : ob ? 1 : a.createdAt - b.createdAt;
    })
    .map(({ createdAt: _c, ...view }) => view);

  return {
    claims: claimViews,
    readiness: summarizeReadiness(claimViews.map((c) => c.evidenceStatus)),
    analyzedAt: claimViews.map((c) => c.suggestion?.analyzedAt ?? "").sort().pop() || null,
    timeline: buildTimeline(claimViews, records),
  };
}

export type CaseEvidence = Awaited<ReturnType<typeof getCaseEvidence>>;
export type EvidenceClaimView = CaseEvidence["claims"][number];

interface TimelineRecord {
  title: string;
  organization: string | null;
  severity: string | null;
  startedAt: string;
  resolvedAt: string | null;
  tags: string[];
  version: number;
}

async function timelineRecords(db: Db, ids: string[]): Promise<Map<string, TimelineRecord>> {
  const out = new Map<string, TimelineRecord>();
  if (!ids.length) return out;
  const rows = await db
    .select({
      id: incidents.id,
      title: incidents.title,
      organization: incidents.organization,
      severity: incidents.severity,
      startedAt: incidents.startedAt,
      resolvedAt: incidents.resolvedAt,
      tags: incidents.tags,
      version: incidents.version,
    })
    .from(incidents)
    .where(inArray(incidents.id, ids));
  for (const { id, ...r } of rows) out.set(id, { ...r, startedAt: r.startedAt.toISOString(), resolvedAt: r.resolvedAt?.toISOString() ?? null });
  return out;
}

/**
 * The case timeline: the windows the claims speak of, and the records the claims bear on (each
 * claim's linked records and its top suggested ones), with the asserted cause tags marked.
 */
function buildTimeline(
  claimViews: { suggestion: (Pick<StoredSuggestion, "window" | "causeTags"> & { candidates: CandidateView[] }) | null; links: EvidenceLinkView[] }[],
  records: Map<string, TimelineRecord>,
): CaseTimeline {
  const windows = new Map<string, TimelineWindow>();
  for (const c of claimViews) {
    const w = c.suggestion?.window;
    if (!w) continue;
    const key = `${w.from}/${w.to}`;
    const known = windows.get(key);
    if (known) known.claims += 1;
    else windows.set(key, { from: w.from, to: w.to, label: w.text, claims: 1 });
  }
  const tags = [...new Set(claimViews.flatMap((c) => c.suggestion?.causeTags ?? []))].sort();
  const linked = new Set(claimViews.flatMap((c) => c.links.map((l) => l.incidentId)));
  const shown = new Set([...linked, ...claimViews.flatMap((c) => (c.suggestion?.candidates ?? []).slice(0, TIMELINE_CANDIDATES).map((x) => x.incidentId))]);
  const list: TimelineIncident[] = [...shown]
    .flatMap((id) => {
      const r = records.get(id);
      return r
        ? [{ id, title: r.title, organization: r.organization, severity: r.severity, startedAt: r.startedAt, resolvedAt: r.resolvedAt, markedTags: r.tags.filter((t) => tags.includes(t)), linked: linked.has(id) }]
        : [];
    })
    .sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.id < b.id ? -1 : 1));
  return { windows: [...windows.values()].sort((a, b) => (a.from < b.from ? -1 : 1)), incidents: list, tags };
}
