/**
 * Drafts of a case's statement: generation from the case's verdicts and confirmed evidence,
 * immutable numbered versions with optimistic concurrency, the checks stored with each version,
 * waivers, snippets (pre-approved language) and the generator's editable template. Each write is
 * one transaction with its audit event.
 */
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "#db/client";
import { cases, claims, draftFlagWaivers, drafts, draftTemplates, draftVersions, evidenceLinks, incidents, incidentVersions, snippets, users } from "#db/schema";
import {
  checkDraft,
  DEFAULT_HOLDING_TEMPLATE,
  DEFAULT_STATEMENT_TEMPLATE,
  generateDraft,
  isInternalQuote,
  resolveTemplate,
  STATEMENT_TEMPLATE_KEYS,
  type Citation,
  type DraftFlag,
  type GenClaim,
  type NotReady,
  type StatementTemplate,
} from "~/domain/drafts";
import { confirmationState } from "~/domain/evidence-status";
import type { Incident } from "~/domain/incidents";
import type { DraftKind, VerdictLabelValue } from "~/domain/workflow";
import { AppError } from "~/utils/app-error";
import { recordEvent, type AuditActor } from "./audit.server";
import { inTransaction } from "./case-input.server";

/** A statement is a page or two; anything much longer is a mistake or an attack. */
export const MAX_DRAFT_CHARS = 100_000;
export const MAX_REASON_CHARS = 2000;
export const MAX_SNIPPET_CHARS = 10_000;

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export interface SnippetRef {
  snippetId: string;
  title: string;
  hash: string;
  approvedBy: string | null;
  approvedAt: string | null;
}

export interface StoredChecks {
  flags: DraftFlag[];
}

/** Refuses text a draft may not hold: NUL characters, or more than the limit. */
function validateBody(body: string, field = "body"): string {
  if (body.includes("\u0000")) throw new AppError("The text contains a NUL character; remove it and save again.", 400, field);
  if (body.length > MAX_DRAFT_CHARS) throw new AppError(`The text is longer than ${MAX_DRAFT_CHARS.toLocaleString("en-US")} characters.`, 413, field);
  if (!body.trim()) throw new AppError("The draft is empty; write something before saving.", 400, field);
  return body.replace(/\r\n/g, "\n");
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === "23505") return true;
  }
  return false;
}

// ---------------------------------------------------------------- inputs

/** The current record of every incident in the workspace (the disclosure check looks in all of them). */
export async function workspaceRecords(db: Db): Promise<Incident[]> {
  const rows = await db
    .select({ record: incidentVersions.record })
    .from(incidents)
    .innerJoin(incidentVersions, and(eq(incidentVersions.incidentId, incidents.id), eq(incidentVersions.version, incidents.version)));
  return rows.map((r) => r.record as Incident);
}

export interface CaseDraftInputs {
  claims: GenClaim[];
  records: Incident[];
  /** Records behind confirmed, current evidence links: what backs a figure. */
  evidence: Incident[];
}

/** The case's claims in scope, with verdicts and each evidence link's confirmation state. */
export async function caseDraftInputs(db: Db, caseId: string): Promise<CaseDraftInputs> {
  const rows = await db
    .select({ id: claims.id, text: claims.text, kind: claims.kind, checkWorthiness: claims.checkWorthiness, verdict: claims.verdict })
    .from(claims)
    .where(and(eq(claims.caseId, caseId), sql`${claims.review} <> 'dismissed' and (${claims.review} = 'accepted' or not ${claims.belowThreshold})`))
    .orderBy(desc(claims.checkWorthiness), asc(claims.id));
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await db
        .select({
          id: evidenceLinks.id,
          claimId: evidenceLinks.claimId,
          incidentId: evidenceLinks.incidentId,
          stance: evidenceLinks.stance,
          confirmedVersion: evidenceLinks.confirmedVersion,
          currentVersion: incidents.version,
        })
        .from(evidenceLinks)
        .innerJoin(incidents, eq(incidents.id, evidenceLinks.incidentId))
        .where(inArray(evidenceLinks.claimId, ids))
        .orderBy(asc(evidenceLinks.createdAt), asc(evidenceLinks.id))
    : [];
  const records = await workspaceRecords(db);
  const byId = new Map(records.map((r) => [r.id, r]));
  const evidence = new Map<string, Incident>();
  const genClaims: GenClaim[] = rows.map((row) => ({
    id: row.id,
    text: row.text,
    kind: row.kind,
    checkWorthiness: row.checkWorthiness,
    verdict: row.verdict as VerdictLabelValue | null,
    evidence: links
      .filter((l) => l.claimId === row.id && byId.has(l.incidentId))
      .map((l) => {
        const state = confirmationState(l, l.currentVersion);
        if (state === "confirmed") evidence.set(l.incidentId, byId.get(l.incidentId)!);
        return { linkId: l.id, incident: byId.get(l.incidentId)!, stance: l.stance, confirmed: state === "confirmed", stale: state === "stale" };
      }),
  }));
  return { claims: genClaims, records, evidence: [...evidence.values()] };
}

/** The checks for a text against the case, as stored with a version. */
export function computeChecks(inputs: CaseDraftInputs, body: string, citations: Citation[]): StoredChecks {
  return {
    flags: checkDraft({
      draft: body,
      records: inputs.records,
      evidence: inputs.evidence,
      claims: inputs.claims.map((c) => ({ id: c.id, text: c.text, verdict: c.verdict })),
      markers: Object.fromEntries(citations.map((c) => [c.marker, c.claimId])),
    }),
  };
}

// ---------------------------------------------------------------- template

export async function getStatementTemplate(db: Db): Promise<StatementTemplate> {
  const [row] = await db.select({ body: draftTemplates.body }).from(draftTemplates).where(eq(draftTemplates.key, "statement"));
  return resolveTemplate(row?.body);
}

export async function saveStatementTemplate(db: Db, actor: AuditActor, values: Record<string, string>): Promise<void> {
  const body: Record<string, string> = {};
  for (const key of STATEMENT_TEMPLATE_KEYS) {
    const v = values[key];
    if (v === undefined) continue;
    if (v.includes("\u0000")) throw new AppError("The template contains a NUL character.", 400, key);
    if (v.length > 2000) throw new AppError(`"${key}" is longer than 2,000 characters.`, 400, key);
    if (v.trim() !== DEFAULT_STATEMENT_TEMPLATE[key]) body[key] = v.trim();
  }
  await inTransaction(db, async (tx) => {
    await tx
      .insert(draftTemplates)
      .values({ key: "statement", body, updatedBy: actor.id, updatedAt: new Date() })
      .onConflictDoUpdate({ target: draftTemplates.key, set: { body, updatedBy: actor.id, updatedAt: new Date() } });
    await recordEvent(tx, actor, { action: "draft_template.saved", entityType: "draft_template", entityId: "statement", data: { keys: Object.keys(body) } });
  });
}

// ---------------------------------------------------------------- drafts

async function requireCase(db: Db, caseId: string) {
  const [row] = await db.select({ id: cases.id, title: cases.title }).from(cases).where(eq(cases.id, caseId));
  if (!row) throw new AppError("There is no such case.", 404);
  return row;
}

async function requireDraft(db: Db, caseId: string, draftId: string) {
  const [row] = await db.select().from(drafts).where(and(eq(drafts.id, draftId), eq(drafts.caseId, caseId)));
  if (!row) throw new AppError("There is no such draft in this case.", 404);
  return row;
}

async function insertDraft(
  tx: Db,
  actor: AuditActor,
  input: { caseId: string; kind: DraftKind; title: string; body: string; citations: Citation[]; notReady: NotReady[]; snippetRefs: SnippetRef[]; checks: StoredChecks },
): Promise<{ draftId: string; versionId: string }> {
  // A repeated submit (a double click on "Generate") finds the draft it already made: same case,
  // same kind, untouched since, same text. The per-case lock makes the check hold across processes.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`draft:${input.caseId}`}))`);
  const [same] = await tx
    .select({ draftId: drafts.id, versionId: draftVersions.id })
    .from(drafts)
    .innerJoin(draftVersions, eq(draftVersions.id, drafts.currentVersionId))
    .where(and(eq(drafts.caseId, input.caseId), eq(drafts.kind, input.kind), eq(draftVersions.number, 1), eq(draftVersions.hash, sha256(input.body))))
    .limit(1);
  if (same) return same;
  const [draft] = await tx.insert(drafts).values({ caseId: input.caseId, kind: input.kind, title: input.title, createdBy: actor.id }).returning({ id: drafts.id });
  const [version] = await tx
    .insert(draftVersions)
    .values({
      draftId: draft!.id,
      number: 1,
      body: input.body,
      hash: sha256(input.body),
      authorId: actor.id,
      citations: input.citations,
      snippetRefs: input.snippetRefs,
      checks: input.checks,
      notReady: input.notReady,
    })
    .returning({ id: draftVersions.id });
  await tx.update(drafts).set({ currentVersionId: version!.id }).where(eq(drafts.id, draft!.id));
  await recordEvent(tx, actor, {
    action: input.kind === "holding" ? "draft.holding_created" : "draft.generated",
    caseId: input.caseId,
    entityType: "draft",
    entityId: draft!.id,
    data: { version: 1, hash: sha256(input.body), citations: input.citations.length, notReady: input.notReady.length },
  });
  return { draftId: draft!.id, versionId: version!.id };
}

/** Generates a statement from the case's verdicts and confirmed evidence, as a new draft at version 1. */
export async function generateCaseDraft(db: Db, actor: AuditActor, caseId: string, options: { outlet?: string } = {}) {
  const kase = await requireCase(db, caseId);
  const inputs = await caseDraftInputs(db, caseId);
  const template = await getStatementTemplate(db);
  const generated = generateDraft({ claims: inputs.claims, template, records: inputs.records, outlet: options.outlet });
  const checks = computeChecks(inputs, generated.markdown, generated.citations);
  return inTransaction(db, (tx) =>
    insertDraft(tx, actor, {
      caseId,
      kind: "statement",
      title: `Statement: ${kase.title}`.slice(0, 200),
      body: generated.markdown,
      citations: generated.citations,
      notReady: generated.notReady,
      snippetRefs: [],
      checks,
    }),
  );
}

/** A holding statement: from an approved holding snippet when given, else the default wording. Needs no claim. */
export async function createHoldingDraft(db: Db, actor: AuditActor, caseId: string, snippetId?: string) {
  await requireCase(db, caseId);
  let body = DEFAULT_HOLDING_TEMPLATE.body;
  const refs: SnippetRef[] = [];
  if (snippetId) {
    const snippet = await requireApprovedSnippet(db, snippetId);
    body = `${snippet.body.trim()}\n`;
    refs.push(snippetRefOf(snippet));
  }
  const inputs = await caseDraftInputs(db, caseId);
  const checks = computeChecks({ ...inputs, claims: [] }, body, []);
  return inTransaction(db, (tx) =>
    insertDraft(tx, actor, { caseId, kind: "holding", title: DEFAULT_HOLDING_TEMPLATE.title, body, citations: [], notReady: [], snippetRefs: refs, checks }),
  );
}

export async function listCaseDrafts(db: Db, caseId: string) {
  return db
    .select({
      id: drafts.id,
      kind: drafts.kind,
      title: drafts.title,
      state: drafts.state,
      updatedAt: drafts.updatedAt,
      number: draftVersions.number,
    })
    .from(drafts)
    .leftJoin(draftVersions, eq(draftVersions.id, drafts.currentVersionId))
    .where(eq(drafts.caseId, caseId))
    .orderBy(desc(drafts.updatedAt));
}

const versionColumns = {
  id: draftVersions.id,
  number: draftVersions.number,
  body: draftVersions.body,
  hash: draftVersions.hash,
  createdAt: draftVersions.createdAt,
  basedOnVersionId: draftVersions.basedOnVersionId,
  citations: draftVersions.citations,
  snippetRefs: draftVersions.snippetRefs,
  checks: draftVersions.checks,
  notReady: draftVersions.notReady,
  authorEmail: users.email,
  authorName: users.name,
};

function typedVersion<T extends { citations: unknown; snippetRefs: unknown; checks: unknown; notReady: unknown }>(v: T) {
  return {
    ...v,
    citations: v.citations as Citation[],
    snippetRefs: v.snippetRefs as SnippetRef[],
    checks: v.checks as StoredChecks,
    notReady: v.notReady as NotReady[],
  };
}

export async function listVersions(db: Db, draftId: string) {
  return db
    .select({ id: draftVersions.id, number: draftVersions.number, hash: draftVersions.hash, createdAt: draftVersions.createdAt, authorEmail: users.email })
    .from(draftVersions)
    .leftJoin(users, eq(users.id, draftVersions.authorId))
    .where(eq(draftVersions.draftId, draftId))
    .orderBy(desc(draftVersions.number));
}

export async function getVersion(db: Db, caseId: string, draftId: string, number: number) {
  await requireDraft(db, caseId, draftId);
  const [row] = await db
    .select(versionColumns)
    .from(draftVersions)
    .leftJoin(users, eq(users.id, draftVersions.authorId))
    .where(and(eq(draftVersions.draftId, draftId), eq(draftVersions.number, number)));
  if (!row) throw new AppError(`This draft has no version ${number}.`, 404);
  return typedVersion(row);
}

async function latestVersion(db: Db, draftId: string) {
  const [row] = await db
    .select(versionColumns)
    .from(draftVersions)
    .leftJoin(users, eq(users.id, draftVersions.authorId))
    .where(eq(draftVersions.draftId, draftId))
    .orderBy(desc(draftVersions.number))
    .limit(1);
  return typedVersion(row!);
}

/** Everything the editor shows: the draft, its latest version, the versions, the checks with waivers applied. */
export async function getDraftView(db: Db, caseId: string, draftId: string) {
  const draft = await requireDraft(db, caseId, draftId);
  const [current, versions, waivers] = await Promise.all([
    latestVersion(db, draftId),
    listVersions(db, draftId),
    db
      .select({ flagKey: draftFlagWaivers.flagKey, reason: draftFlagWaivers.reason, waivedAt: draftFlagWaivers.waivedAt, waivedBy: users.email })
      .from(draftFlagWaivers)
      .leftJoin(users, eq(users.id, draftFlagWaivers.waivedBy))
      .where(eq(draftFlagWaivers.draftId, draftId)),
  ]);
  const waived = new Map(waivers.map((w) => [w.flagKey, w]));
  const flags = (current.checks.flags ?? []).map((f) => ({ ...f, waiver: waived.get(f.key) ?? null }));
  return { draft, current, versions, flags };
}

export interface SaveInput {
  caseId: string;
  draftId: string;
  /** The version the editor started from. */
  baseVersionId: string;
  body: string;
  /** A snippet to append, keeping a reference to its approval. */
  insertSnippetId?: string;
}

/**
 * Saves a new version. Refused with a 409 when the base is no longer the latest version (the
 * details carry the latest text so the editor can show both side by side); the unique
 * (draft_id, number) index refuses the loser of two simultaneous saves, across processes.
 * A repeated submit of the text that is already the latest, by the same author, is no change.
 */
export async function saveDraftVersion(db: Db, actor: AuditActor, input: SaveInput): Promise<{ versionId: string; number: number; unchanged?: boolean }> {
  let body = validateBody(input.body);
  const draft = await requireDraft(db, input.caseId, input.draftId);
  if (draft.state !== "draft") throw new AppError(`This draft is in ${draft.state.replace(/_/g, " ")} and can no longer be edited.`, 409);
  const latest = await latestVersion(db, input.draftId);
  const [base] = await db.select({ id: draftVersions.id, number: draftVersions.number }).from(draftVersions).where(and(eq(draftVersions.id, input.baseVersionId), eq(draftVersions.draftId, input.draftId)));
  if (!base) throw new AppError("The version you started from is not a version of this draft.", 400, "baseVersionId");
  let snippetRefs = [...latest.snippetRefs];
  if (input.insertSnippetId) {
    const snippet = await requireApprovedSnippet(db, input.insertSnippetId);
    body = `${body.trimEnd()}\n\n${snippet.body.trim()}\n`;
    snippetRefs = [...snippetRefs.filter((r) => r.snippetId !== snippet.id), snippetRefOf(snippet)];
    validateBody(body);
  }
  if (base.id !== latest.id) {
    if (latest.body === body && !input.insertSnippetId) return { versionId: latest.id, number: latest.number, unchanged: true };
    throw conflict(latest, body);
  }
  if (latest.body === body) return { versionId: latest.id, number: latest.number, unchanged: true };
  // A pre-approved passage keeps its reference only while its text is still there, word for word.
  const liveSnippets = await snippetBodies(db, snippetRefs.map((r) => r.snippetId));
  snippetRefs = snippetRefs.filter((r) => {
    const text = liveSnippets.get(r.snippetId);
    return text !== undefined && body.includes(text.trim());
  });
  const citations = latest.citations.filter((c) => body.includes(`[^${c.marker}]`));
  const inputs = await caseDraftInputs(db, input.caseId);
  const checks = computeChecks(draft.kind === "holding" ? { ...inputs, claims: [] } : inputs, body, citations);
  try {
    return await inTransaction(db, async (tx) => {
      const [row] = await tx
        .insert(draftVersions)
        .values({
          draftId: input.draftId,
          number: latest.number + 1,
          body,
          hash: sha256(body),
          authorId: actor.id,
          basedOnVersionId: latest.id,
          citations,
          snippetRefs,
          checks,
          notReady: latest.notReady,
        })
        .returning({ id: draftVersions.id, number: draftVersions.number });
      await tx.update(drafts).set({ currentVersionId: row!.id, updatedAt: new Date() }).where(eq(drafts.id, input.draftId));
      await recordEvent(tx, actor, {
        action: "draft.saved",
        caseId: input.caseId,
        entityType: "draft",
        entityId: input.draftId,
        data: { version: row!.number, hash: sha256(body), basedOn: latest.number, snippet: input.insertSnippetId ?? null },
      });
      return { versionId: row!.id, number: row!.number };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw conflict(await latestVersion(db, input.draftId), body);
  }
}

function conflict(latest: { id: string; number: number; body: string; authorEmail: string | null }, yours: string): AppError {
  return new AppError(
    `Someone saved version ${latest.number} while you were editing. Nothing was overwritten: compare the two texts and save again from the latest.`,
    409,
    "body",
    { latestVersionId: latest.id, latestNumber: latest.number, latestBody: latest.body, latestAuthor: latest.authorEmail, yours },
  );
}

/** Waives one flag of a draft with a written reason; recorded in the audit trail. */
export async function waiveFlag(db: Db, actor: AuditActor, input: { caseId: string; draftId: string; flagKey: string; reason: string }) {
  const reason = input.reason.trim();
  if (reason.length < 10) throw new AppError("Write a reason of at least a few words for waiving this flag.", 400, "reason");
  if (reason.length > MAX_REASON_CHARS || reason.includes("\u0000")) throw new AppError(`The reason must be plain text of at most ${MAX_REASON_CHARS} characters.`, 400, "reason");
  await requireDraft(db, input.caseId, input.draftId);
  const latest = await latestVersion(db, input.draftId);
  const flag = (latest.checks.flags ?? []).find((f) => f.key === input.flagKey);
  if (!flag) throw new AppError("That flag is not on the latest version any more.", 409, "flagKey");
  await inTransaction(db, async (tx) => {
    const inserted = await tx
      .insert(draftFlagWaivers)
      .values({ draftId: input.draftId, flagKey: flag.key, reason, waivedBy: actor.id })
      .onConflictDoNothing()
      .returning({ id: draftFlagWaivers.id });
    if (!inserted.length) throw new AppError("This flag is already waived.", 409, "flagKey");
    await recordEvent(tx, actor, {
      action: "draft.flag_waived",
      caseId: input.caseId,
      entityType: "draft",
      entityId: input.draftId,
      data: { flag: flag.key, kind: flag.kind, text: flag.text, reason, version: latest.number },
    });
  });
}

// ---------------------------------------------------------------- snippets

type SnippetRow = typeof snippets.$inferSelect;

function snippetRefOf(s: SnippetRow): SnippetRef {
  return { snippetId: s.id, title: s.title, hash: s.hash, approvedBy: s.approvedBy, approvedAt: s.approvedAt?.toISOString() ?? null };
}

async function requireApprovedSnippet(db: Db, id: string): Promise<SnippetRow> {
  const [row] = await db.select().from(snippets).where(and(eq(snippets.id, id), isNull(snippets.archivedAt)));
  if (!row) throw new AppError("There is no such snippet.", 404);
  if (!row.approvedAt) throw new AppError(`"${row.title}" is not approved yet; only approved snippets can be inserted.`, 409, "snippetId");
  return row;
}

async function snippetBodies(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: snippets.id, body: snippets.body }).from(snippets).where(inArray(snippets.id, ids));
  return new Map(rows.map((r) => [r.id, r.body]));
}

export async function listSnippets(db: Db, options: { approvedOnly?: boolean } = {}) {
  const rows = await db
    .select({
      id: snippets.id,
      title: snippets.title,
      category: snippets.category,
      body: snippets.body,
      hash: snippets.hash,
      approvedAt: snippets.approvedAt,
      approvedBy: users.email,
      updatedAt: snippets.updatedAt,
    })
    .from(snippets)
    .leftJoin(users, eq(users.id, snippets.approvedBy))
    .where(isNull(snippets.archivedAt))
    .orderBy(asc(snippets.category), asc(snippets.title));
  return options.approvedOnly ? rows.filter((r) => r.approvedAt) : rows;
}

function validateSnippet(input: { title: string; body: string; category: string }) {
  const title = input.title.trim();
  const body = input.body.trim();
  if (!title) throw new AppError("Give the snippet a title.", 400, "title");
  if (title.length > 200) throw new AppError("The title is longer than 200 characters.", 400, "title");
  if (!body) throw new AppError("The snippet's text is empty.", 400, "body");
  if (body.length > MAX_SNIPPET_CHARS) throw new AppError(`The snippet is longer than ${MAX_SNIPPET_CHARS.toLocaleString("en-US")} characters.`, 400, "body");
  if (`${title}${body}`.includes("\u0000")) throw new AppError("The snippet contains a NUL character.", 400, "body");
  if (!["holding", "sentence"].includes(input.category)) throw new AppError('The category must be "holding" or "sentence".', 400, "category");
  return { title, body, category: input.category };
}

/** A new snippet, approved at once when `approve` is set (the library's managers are its approvers). */
export async function createSnippet(db: Db, actor: AuditActor, input: { title: string; body: string; category: string; approve: boolean }) {
  const v = validateSnippet(input);
  return inTransaction(db, async (tx) => {
    const now = new Date();
    const [row] = await tx
      .insert(snippets)
      .values({ ...v, hash: sha256(v.body), createdBy: actor.id, approvedBy: input.approve ? actor.id : null, approvedAt: input.approve ? now : null })
      .returning({ id: snippets.id });
    await recordEvent(tx, actor, { action: "snippet.created", entityType: "snippet", entityId: row!.id, data: { title: v.title, hash: sha256(v.body), approved: input.approve } });
    return { id: row!.id };
  });
}

/** An edit changes the hash and clears the approval: approved language is approved word for word. */
export async function updateSnippet(db: Db, actor: AuditActor, id: string, input: { title: string; body: string; category: string; expectedHash: string }) {
  const v = validateSnippet(input);
  await inTransaction(db, async (tx) => {
    const [row] = await tx.select().from(snippets).where(and(eq(snippets.id, id), isNull(snippets.archivedAt))).for("update");
    if (!row) throw new AppError("There is no such snippet.", 404);
    if (row.hash !== input.expectedHash) throw new AppError("Someone changed this snippet while you were editing it; reload and edit again.", 409, "body", { latestBody: row.body });
    const hash = sha256(v.body);
    const changed = hash !== row.hash;
    await tx
      .update(snippets)
      .set({ ...v, hash, updatedAt: new Date(), ...(changed ? { approvedBy: null, approvedAt: null } : {}) })
      .where(eq(snippets.id, id));
    await recordEvent(tx, actor, { action: "snippet.updated", entityType: "snippet", entityId: id, data: { hash, approvalCleared: changed && Boolean(row.approvedAt) } });
  });
}

export async function approveSnippet(db: Db, actor: AuditActor, id: string, expectedHash: string) {
  await inTransaction(db, async (tx) => {
    const [row] = await tx.select().from(snippets).where(and(eq(snippets.id, id), isNull(snippets.archivedAt))).for("update");
    if (!row) throw new AppError("There is no such snippet.", 404);
    if (row.hash !== expectedHash) throw new AppError("The snippet changed since you read it; read it again before approving.", 409);
    if (row.approvedAt) throw new AppError("This snippet is already approved.", 409);
    await tx.update(snippets).set({ approvedBy: actor.id, approvedAt: new Date() }).where(eq(snippets.id, id));
    await recordEvent(tx, actor, { action: "snippet.approved", entityType: "snippet", entityId: id, data: { hash: row.hash } });
  });
}

export async function archiveSnippet(db: Db, actor: AuditActor, id: string) {
  await inTransaction(db, async (tx) => {
    const done = await tx.update(snippets).set({ archivedAt: new Date() }).where(and(eq(snippets.id, id), isNull(snippets.archivedAt))).returning({ id: snippets.id });
    if (!done.length) throw new AppError("There is no such snippet.", 404);
    await recordEvent(tx, actor, { action: "snippet.archived", entityType: "snippet", entityId: id });
  });
}

/** The claims behind a version's citation markers, for the editor's list of sources. */
export async function citationClaims(db: Db, citations: Citation[]) {
  const ids = [...new Set(citations.map((c) => c.claimId))];
  const rows = ids.length ? await db.select({ id: claims.id, text: claims.text, verdict: claims.verdict }).from(claims).where(inArray(claims.id, ids)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return citations.map((c) => ({ ...c, claim: byId.get(c.claimId) ?? null }));
}

/** The ids of links that quote an internal-only field of their record (for the "Internal only" badge). */
export async function internalLinkIds(db: Db, links: { id: string; incidentId: string; field: string | null; excerpt: string | null }[]): Promise<string[]> {
  const ids = [...new Set(links.map((l) => l.incidentId))];
  if (!ids.length) return [];
  const rows = await db
    .select({ id: incidents.id, record: incidentVersions.record })
    .from(incidents)
    .innerJoin(incidentVersions, and(eq(incidentVersions.incidentId, incidents.id), eq(incidentVersions.version, incidents.version)))
    .where(inArray(incidents.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r.record as Incident]));
  return links.filter((l) => byId.has(l.incidentId) && isInternalQuote(byId.get(l.incidentId)!, l.field, l.excerpt)).map((l) => l.id);
}
