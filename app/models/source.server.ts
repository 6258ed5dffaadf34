/**
 * Adding an article to a case: check what was given (pasted text, or an uploaded .txt, .md or
 * .html file), reduce HTML to its readable text and strip markup from the rest, store the body
 * exactly, and extract its claims. A claim already in the case gains an appearance instead of a
 * copy; one seen in an earlier case is created and linked to it. All of it is one transaction.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "#db/client";
import { cases, claimAppearances, claims, sources } from "#db/schema";
import { claimFingerprint, isLinkableFingerprint } from "~/domain/claim-fingerprint";
import { extractClaims, type ExtractedClaim } from "~/domain/claims";
import { findPublishedDate } from "~/domain/published-date";
import {
  checkBody,
  decodeSourceBytes,
  detectPastedFormat,
  formatOfFileName,
  MAX_HTML_BYTES,
  MAX_HTML_LABEL,
  stripMarkup,
  utf8Length,
} from "~/domain/source-input";
import type { SourceFormat } from "~/domain/workflow";
import { htmlToText } from "~/utils/html-to-text.server";
import { recordEvent, type AuditActor } from "./audit.server";
import { AppError } from "~/utils/app-error";
import { inTransaction } from "./case-input.server";
import { runCaseAnalysis } from "./evidence.server";
import { claimsByFingerprint, earlierClaimsByFingerprint, extractionVocabulary } from "./claim.server";

/** Rows per INSERT, well under PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 500;

export interface NewSource {
  /** Pasted text (its line breaks are read as LF, as the textarea held them) or an uploaded file, kept byte for byte. */
  content: { kind: "paste"; text: string } | { kind: "file"; fileName: string; bytes: Uint8Array };
  /** "auto" (or absent) reads the format from the file name, or from the pasted text. */
  format?: SourceFormat | "auto";
  title?: string;
  outlet?: string;
  author?: string;
  url?: string;
  /** YYYY-MM-DD; read from the article's byline when absent. */
  publishedAt?: string | null;
  /** The add-source form's idempotency key: a second submit with the same key adds nothing. */
  idempotencyKey?: string | null;
}

export interface AddedSource {
  sourceId: string;
  format: SourceFormat;
  /** Claims created from this source (check-worthy and below the threshold). */
  created: number;
  /** Check-worthy claims created. */
  checkWorthy: number;
  /** Appearances added to claims the case already had. */
  appearances: number;
  /** New claims linked to the same claim in an earlier case. */
  linkedEarlier: number;
  /** Pieces of HTML markup removed from pasted text or Markdown. */
  markupRemoved: number;
  /** True when this was a second submit of the same form (same idempotency key): nothing was added. */
  duplicate?: boolean;
  /** Claims of the case analysed against the current records once the source was in. */
  analyzed: number;
}

interface Prepared {
  body: string;
  format: SourceFormat;
  originalHtml: string | null;
  title: string;
  author: string;
  outlet: string;
  publishedAt: string | null;
  markupRemoved: number;
}

/** The title an article gives itself: its first heading, or its first line. */
function titleOf(body: string): string {
  const heading = /^\s{0,3}#{1,6}\s+(.+)$/m.exec(body.slice(0, 2000));
  const line = heading?.[1] ?? body.trim().split(/\r?\n/)[0] ?? "";
  const clean = line.replace(/[*_`]+/g, "").replace(/\s+/g, " ").trim();
  return clean.length > 200 ? `${clean.slice(0, 199)}…` : clean;
}

/** Checks and reduces what was given to the body to store; throws a AppError saying what is wrong. */
export function prepareSource(input: NewSource): Prepared {
  let raw: string;
  let format: SourceFormat;
  const field = input.content.kind === "file" ? "file" : "body";
  if (input.content.kind === "file") {
    const declared = formatOfFileName(input.content.fileName);
    format = input.format && input.format !== "auto" ? input.format : (declared ?? "text");
    if (!declared && (!input.format || input.format === "auto")) {
      throw new AppError(`${input.content.fileName || "That file"} is not a .txt, .md or .html file. Upload the article in one of those formats.`, 400, "file");
    }
    const decoded = decodeSourceBytes(input.content.bytes, input.content.fileName, format);
    if (!decoded.ok) throw new AppError(decoded.message, decoded.status, "file");
    raw = decoded.text;
  } else {
    // A form posts a textarea's line breaks as CRLF; the text the person pasted had LF.
    raw = input.content.text.replace(/\r\n?/g, "\n");
    format = input.format && input.format !== "auto" ? input.format : detectPastedFormat(raw);
    if (format === "html" && utf8Length(raw) > MAX_HTML_BYTES) {
      throw new AppError(`The pasted page is larger than ${MAX_HTML_LABEL}, the most an HTML page may be.`, 413, "body");
    }
  }

  let body: string;
  let markupRemoved = 0;
  const meta = { title: "", author: "", outlet: "", publishedAt: null as string | null };
  if (format === "html") {
    const reduced = htmlToText(raw);
    if (!reduced.ok) throw new AppError(reduced.message, 400, field);
    body = reduced.text;
    Object.assign(meta, { title: reduced.title, author: reduced.byline, outlet: reduced.siteName, publishedAt: reduced.publishedAt });
  } else if (format === "markdown") {
    // Markdown may carry inline HTML, which is removed; plain text is text, so "x<y and y>z" keeps its words.
    const stripped = stripMarkup(raw);
    body = stripped.text;
    markupRemoved = stripped.removed;
  } else {
    body = raw;
  }
  const checked = checkBody(body, input.content.kind === "file" ? input.content.fileName || "The file" : "The article");
  if (!checked.ok) throw new AppError(checked.message, checked.status, field);

  return {
    body,
    format,
    originalHtml: format === "html" ? raw : null,
    title: input.title?.trim() || titleOf(body) || meta.title,
    author: input.author?.trim() || meta.author,
    outlet: input.outlet?.trim() || meta.outlet,
    publishedAt: input.publishedAt || meta.publishedAt || findPublishedDate(body) || null,
    markupRemoved,
  };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Adds a source to a case and its claims, in one transaction; throws a AppError for bad input, storing nothing. */
export async function addSource(db: Db, actor: AuditActor, caseId: string, input: NewSource): Promise<AddedSource> {
  const [found] = await db.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId));
  if (!found) throw new AppError("There is no such case.", 404);
  const prepared = prepareSource(input);
  const vocabulary = await extractionVocabulary(db);
  const extracted = extractClaims(prepared.body, { publishedAt: prepared.publishedAt ?? undefined, vocabulary });

  // One claim per fingerprint in this article; sentences too short to link stay claims of their own.
  const seenSpans = new Set<string>();
  const groups = new Map<string, { fingerprint: string; items: ExtractedClaim[] }>();
  extracted.forEach((claim, i) => {
    const spanKey = `${claim.start}:${claim.end}`;
    if (seenSpans.has(spanKey) || claim.end <= claim.start) return;
    seenSpans.add(spanKey);
    const fingerprint = claimFingerprint(claim.text);
    const key = isLinkableFingerprint(fingerprint) ? fingerprint : `#${i}`;
    const group = groups.get(key) ?? { fingerprint, items: [] };
    group.items.push(claim);
    groups.set(key, group);
  });

  return inTransaction(db, async (tx) => {
    const [source] = await tx
      .insert(sources)
      .values({
        idempotencyKey: input.idempotencyKey ?? null,
        caseId,
        title: prepared.title,
        outlet: prepared.outlet,
        author: prepared.author,
        url: input.url?.trim() ?? "",
        publishedAt: prepared.publishedAt,
        format: prepared.format,
        body: prepared.body,
        originalHtml: prepared.originalHtml,
        createdBy: actor.id,
      })
      .onConflictDoNothing({ target: [sources.caseId, sources.idempotencyKey] })
      .returning({ id: sources.id });
    if (!source) {
      // A second submit of the same add-source form: the first one's source stands, nothing is added.
      const [first] = await tx
        .select({ id: sources.id, format: sources.format })
        .from(sources)
        .where(and(eq(sources.caseId, caseId), eq(sources.idempotencyKey, input.idempotencyKey!)));
      if (!first) throw new AppError("This article was just sent and is still being added. Reload the case in a moment.", 409);
      return { sourceId: first.id, format: first.format, created: 0, checkWorthy: 0, appearances: 0, linkedEarlier: 0, markupRemoved: 0, analyzed: 0, duplicate: true };
    }

    const fingerprints = [...groups.values()].map((g) => g.fingerprint);
    const inCase = await claimsByFingerprint(tx, caseId, fingerprints);
    const earlier = await earlierClaimsByFingerprint(tx, caseId, fingerprints);

    const toCreate: Array<{ group: { fingerprint: string; items: ExtractedClaim[] }; lead: ExtractedClaim }> = [];
    const appearances: Array<{ claimId: string; sourceId: string; start: number; end: number; quote: string }> = [];
    let added = 0;
    for (const group of groups.values()) {
      const lead = group.items.reduce((best, c) => (c.checkWorthiness > best.checkWorthiness ? c : best));
      const existing = isLinkableFingerprint(group.fingerprint) ? inCase.get(group.fingerprint) : undefined;
      if (!existing) {
        toCreate.push({ group, lead });
        continue;
      }
      if (existing.belowThreshold && !lead.belowThreshold) {
        await tx
          .update(claims)
          .set({ belowThreshold: false, checkWorthiness: Math.max(existing.checkWorthiness, lead.checkWorthiness), updatedAt: new Date() })
          .where(eq(claims.id, existing.id));
      }
      for (const c of group.items) appearances.push({ claimId: existing.id, sourceId: source.id, start: c.start, end: c.end, quote: c.text });
      added += group.items.length;
    }

    let linkedEarlier = 0;
    for (const batch of chunks(toCreate, INSERT_CHUNK)) {
      const rows = await tx
        .insert(claims)
        .values(
          batch.map(({ group, lead }) => {
            const sameAs = isLinkableFingerprint(group.fingerprint) ? (earlier.get(group.fingerprint) ?? null) : null;
            if (sameAs) linkedEarlier += 1;
            return {
              caseId,
              text: lead.text,
              fingerprint: group.fingerprint,
              kind: lead.kind,
              checkWorthiness: lead.checkWorthiness,
              belowThreshold: lead.belowThreshold,
              facts: lead.facts,
              sameAsClaimId: sameAs,
            };
          }),
        )
        .returning({ id: claims.id });
      batch.forEach(({ group }, i) => {
        for (const c of group.items) appearances.push({ claimId: rows[i].id, sourceId: source.id, start: c.start, end: c.end, quote: c.text });
      });
    }
    for (const batch of chunks(appearances, INSERT_CHUNK)) await tx.insert(claimAppearances).values(batch);

    const result: AddedSource = {
      sourceId: source.id,
      format: prepared.format,
      created: toCreate.length,
      checkWorthy: toCreate.filter((c) => !c.lead.belowThreshold).length,
      appearances: added,
      linkedEarlier,
      markupRemoved: prepared.markupRemoved,
      analyzed: 0,
    };
    await recordEvent(tx, actor, {
      action: "source.added",
      caseId,
      entityType: "source",
      entityId: source.id,
      data: {
        title: prepared.title,
        format: prepared.format,
        outlet: prepared.outlet,
        created: result.created,
        checkWorthy: result.checkWorthy,
        appearances: result.appearances,
        linkedEarlier: result.linkedEarlier,
        markupRemoved: result.markupRemoved,
      },
    });
    // The new claims get their suggested verdicts and candidate records in the same action, so
    // the Evidence tab is ready as soon as the article is in.
    result.analyzed = (await runCaseAnalysis(tx, actor, caseId)).analyzed;
    return result;
  });
}

/** One source of a case with its body, or null. */
export async function getSource(db: Db, caseId: string, sourceId: string) {
  const [row] = await db
    .select({
      id: sources.id,
      caseId: sources.caseId,
      title: sources.title,
      outlet: sources.outlet,
      author: sources.author,
      url: sources.url,
      publishedAt: sources.publishedAt,
      format: sources.format,
      body: sources.body,
      createdAt: sources.createdAt,
    })
    .from(sources)
    .where(and(eq(sources.id, sourceId), eq(sources.caseId, caseId)));
  return row ?? null;
}
