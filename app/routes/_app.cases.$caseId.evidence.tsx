/**
 * A case's evidence, claim by claim: the suggested verdict with its basis and ranked records,
 * the evidence people linked with its confirmation state (stale confirmations shown first and
 * loudly), the assigned engineer's confirm buttons, the verdict form, and the case timeline.
 * Every form posts an intent to this route's action; everything works without JavaScript.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { CaseTimeline } from "~/components/case-timeline";
import { InternalBadge } from "~/components/incident-badges";
import { LINKABLE_FIELDS, suggestedStance } from "~/domain/evidence-links";
import { NEEDS_A_PERSON } from "~/domain/evidence/types";
import { can, type Permission } from "~/domain/roles";
import { STANCES, VERDICT_LABELS, type Stance } from "~/domain/workflow";
import {
  confirmLink,
  findCase,
  getCaseEvidence,
  linkEvidence,
  runCaseAnalysis,
  setVerdict,
  unlinkEvidence,
} from "~/models/evidence.server";
import { notFound, toActionResult } from "~/utils/app-error";
import { actorOf } from "~/models/case.server";
import { internalLinkIds } from "~/models/draft.server";
import { requirePermission } from "~/utils/auth.server";
import { requireCan } from "~/utils/case-routes.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Evidence · Factdesk" }];

const Id = z.string().uuid("That is not a valid id.");
/** What the write was based on, as the page showed it ("" for nothing yet); required, so no write is blind. */
const BasedOn = z.string({ error: "This form is from an older page; reload the page and try again." }).max(100);
const Note = z.string().trim().max(2000, "A note can be at most 2000 characters.").optional().default("");

const EvidenceIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("analyze") }),
  z.object({
    intent: z.literal("link"),
    claimId: Id,
    incidentId: z.string().trim().min(1, "Give the id of the incident record to link.").max(200, "That id is too long."),
    stance: z.enum(STANCES, { error: "Choose whether the record supports, contradicts or gives context to the claim." }),
    field: z.string().trim().optional().default(""),
    excerpt: z.string().trim().max(1000, "An excerpt can be at most 1000 characters; quote the sentence that matters.").optional().default(""),
    note: Note,
  }),
  z.object({ intent: z.literal("unlink"), claimId: Id, linkId: Id }),
  z.object({ intent: z.literal("confirm"), claimId: Id, linkId: Id, confirmedAt: BasedOn }),
  z.object({
    intent: z.literal("set-verdict"),
    claimId: Id,
    verdict: z.enum(VERDICT_LABELS, { error: "Choose accurate, inaccurate, misleading or unverifiable." }),
    note: Note,
    suggestionAt: z.string().optional().default(""),
    verdictAt: BasedOn,
  }),
]);
type IntentName = z.infer<typeof EvidenceIntent>["intent"];

/** What each intent needs; confirming also needs to be the claim's engineer (the model checks). */
const PERMISSION: Record<IntentName, Permission> = {
  analyze: "link:evidence",
  link: "link:evidence",
  unlink: "link:evidence",
  confirm: "confirm:evidence",
  "set-verdict": "set:verdict",
};

type ActionData =
  | { ok: true; intent: string; claimId?: string; message: string }
  | { ok: false; intent: string; claimId?: string; message: string; errors?: Record<string, string> };

async function requireCase(context: LoaderFunctionArgs["context"], caseId: string | undefined) {
  const found = caseId && z.string().uuid().safeParse(caseId).success ? await findCase(context.db, caseId) : null;
  if (!found) throw notFound("There is no such case.");
  return found;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "view:cases");
  const found = await requireCase(context, params.caseId);
  const evidence = await getCaseEvidence(context.db, found.id);
  const internal = new Set(await internalLinkIds(context.db, evidence.claims.flatMap((c) => c.links)));
  return json({
    caseId: found.id,
    evidence: { ...evidence, claims: evidence.claims.map((c) => ({ ...c, links: c.links.map((l) => ({ ...l, internal: internal.has(l.id) })) })) },
    user: { id: user.id, isAdmin: user.roles.includes("admin") },
    canLink: can(user, "link:evidence"),
    canConfirm: can(user, "confirm:evidence"),
    canSetVerdict: can(user, "set:verdict"),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  // Who is asking, and whether they may see the case, before a byte of the body is read; the
  // intent's own permission is checked once the (bounded) form names it.
  const user = await requirePermission(request, context, "view:cases");
  const found = await requireCase(context, params.caseId);
  let form: FormData;
  try {
    form = await readForm(request);
  } catch (error) {
    return toActionResult(error, { intent: "", claimId: undefined as string | undefined });
  }
  const intent = String(form.get("intent") ?? "");
  const permission = PERMISSION[intent as IntentName];
  if (permission) requireCan(user, permission);
  const parsed = parseForm(EvidenceIntent, form);
  const claimId = typeof form.get("claimId") === "string" ? String(form.get("claimId")) : undefined;
  if (!parsed.ok) {
    const message = permission ? Object.values(parsed.errors)[0] : "That form is not one this page knows.";
    return json<ActionData>({ ok: false, intent, claimId, message, errors: parsed.errors }, { status: 400 });
  }
  const actor = actorOf(user, context.clientIp);
  const data = parsed.data;
  try {
    switch (data.intent) {
      case "analyze": {
        const { analyzed } = await runCaseAnalysis(context.db, actor, found.id);
        return json<ActionData>({ ok: true, intent, message: `Analysed ${analyzed} ${analyzed === 1 ? "claim" : "claims"} against the current records.` });
      }
      case "link": {
        await linkEvidence(context.db, actor, { caseId: found.id, ...data });
        return json<ActionData>({ ok: true, intent, claimId, message: `Linked ${data.incidentId} as ${data.stance === "context" ? "context" : `evidence that ${data.stance} the claim`}.` });
      }
      case "unlink":
        await unlinkEvidence(context.db, actor, { caseId: found.id, linkId: data.linkId });
        return json<ActionData>({ ok: true, intent, claimId, message: "Removed the link." });
      case "confirm": {
        const { version, changed } = await confirmLink(context.db, user, { caseId: found.id, linkId: data.linkId, basedOn: data.confirmedAt });
        return json<ActionData>({ ok: true, intent, claimId, message: changed ? `Confirmed on version ${version} of the record.` : `Already confirmed by you on version ${version}.` });
      }
      case "set-verdict":
        await setVerdict(context.db, actor, { caseId: found.id, claimId: data.claimId, verdict: data.verdict, note: data.note, suggestionAt: data.suggestionAt, verdictAt: data.verdictAt });
        return json<ActionData>({ ok: true, intent, claimId, message: `Verdict set: ${data.verdict}.` });
    }
  } catch (error) {
    return toActionResult(error, { intent, claimId });
  }
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type ClaimView = Data["evidence"]["claims"][number];

const VERDICT_CLASS: Record<string, string> = { accurate: "badge-ok", inaccurate: "badge-danger", misleading: "badge-warn", unverifiable: "" };
const CHECK_CLASS: Record<string, string> = { supported: "badge-ok", contradicted: "badge-danger", partial: "badge-warn", unknown: "" };
const STANCE_LABEL: Record<string, string> = { supports: "supports", contradicts: "contradicts", context: "context" };

function when(iso: string | null | undefined): string {
  if (!iso) return "";
  return `${new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" })} UTC`;
}

function VerdictBadge({ verdict }: { verdict: string | null }) {
  if (!verdict) return <span className="badge">no verdict</span>;
  return <span className={`badge ${VERDICT_CLASS[verdict] ?? ""}`}>{verdict}</span>;
}

export default function CaseEvidence() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const { evidence } = data;
  const { readiness } = evidence;
  const caseResult = result && !result.claimId ? result : null;

  return (
    <section className="evidence" aria-labelledby="evidence-heading">
      <div className="evidence-head">
        <div>
          <h2 id="evidence-heading">Evidence</h2>
          <p className="muted small">
            {evidence.claims.length} {evidence.claims.length === 1 ? "claim" : "claims"}: {readiness.ready} ready for a draft, {readiness.incomplete} still missing
            something
            {readiness.stale ? (
              <>
                , <strong className="evidence-stale-text">{readiness.stale} with a stale confirmation</strong>
              </>
            ) : null}
            . {evidence.analyzedAt ? `Last analysed ${when(evidence.analyzedAt)}.` : "Not analysed yet."}
          </p>
        </div>
        {data.canLink ? (
          <Form method="post">
            <input type="hidden" name="intent" value="analyze" />
            <button className="btn btn-secondary" type="submit" disabled={busy}>
              {evidence.analyzedAt ? "Analyse again" : "Analyse the claims"}
            </button>
          </Form>
        ) : null}
      </div>
      {caseResult ? (
        <div className={`alert ${caseResult.ok ? "alert-ok" : "alert-error"}`} role={caseResult.ok ? "status" : "alert"}>
          {caseResult.message}
        </div>
      ) : null}

      {evidence.claims.length ? (
        <section className="card" aria-labelledby="case-timeline-heading">
          <h3 id="case-timeline-heading">Timeline</h3>
          <CaseTimeline timeline={evidence.timeline} />
        </section>
      ) : (
        <div className="empty-state">
          <p className="empty-title">No claims to check yet</p>
          <p>Add an article and accept its claims; their evidence is gathered here.</p>
        </div>
      )}

      <nav aria-label="Claims at a glance" className="evidence-glance">
        <ol>
          {evidence.claims.map((claim) => (
            <li key={claim.id}>
              <a href={`#claim-${claim.id}`}>{claim.text.length > 90 ? `${claim.text.slice(0, 88)}…` : claim.text}</a>{" "}
              <VerdictBadge verdict={claim.verdict} /> <Readiness claim={claim} />
            </li>
          ))}
        </ol>
      </nav>

      {evidence.claims.map((claim, i) => (
        <ClaimEvidence key={claim.id} claim={claim} index={i + 1} data={data} result={result?.claimId === claim.id ? result : null} busy={busy} />
      ))}
    </section>
  );
}

function Readiness({ claim }: { claim: ClaimView }) {
  const { readiness, counts } = claim.evidenceStatus;
  const confirmation = counts.links ? `${counts.confirmed} of ${counts.links} confirmed` : "no evidence";
  if (readiness === "stale") return <span className="badge badge-danger">⚠ stale confirmation · {confirmation}</span>;
  if (readiness === "ready") return <span className="badge badge-ok">✓ ready · {confirmation}</span>;
  return <span className="badge badge-warn">missing {claim.evidenceStatus.missing.length} · {confirmation}</span>;
}

function ClaimEvidence({ claim, index, data, result, busy }: { claim: ClaimView; index: number; data: Data; result: ActionData | null; busy: boolean }) {
  const headingId = `claim-${claim.id}-heading`;
  const stale = claim.links.filter((l) => l.stale);
  const isAssigned = claim.assignee?.id === data.user.id;
  const mayConfirm = data.canConfirm && (isAssigned || data.user.isAdmin);
  const errors = result && !result.ok ? (result.errors ?? {}) : {};

  return (
    <article id={`claim-${claim.id}`} className={`card evidence-claim${stale.length ? " evidence-claim-stale" : ""}`} aria-labelledby={headingId}>
      <header className="evidence-claim-head">
        <h3 id={headingId}>
          <span className="muted">Claim {index}.</span> <q>{claim.text}</q>
        </h3>
        <div className="evidence-claim-meta small">
          <span className="badge">{claim.kind}</span>
          <VerdictBadge verdict={claim.verdict} />
          <Readiness claim={claim} />
          <span>
            <span className="muted">Engineer</span> {claim.assignee ? claim.assignee.name : <em>not assigned</em>}
          </span>
          {claim.appearance?.sourceTitle ? (
            <span>
              <span className="muted">In</span> {claim.appearance.sourceTitle}
            </span>
          ) : null}
        </div>
      </header>

      {stale.length ? (
        <div className="alert alert-error evidence-stale" role="alert">
          <strong>⚠ {stale.length === 1 ? "A confirmation is stale" : `${stale.length} confirmations are stale`}.</strong>{" "}
          {stale.map((l) => `${l.incidentId} changed to version ${l.currentVersion} after it was confirmed on version ${l.confirmedVersion}`).join("; ")}.{" "}
          {claim.assignee ? `${claim.assignee.name} needs to confirm again.` : "Assign an engineer to confirm again."}
        </div>
      ) : null}

      {result ? (
        <div className={`alert ${result.ok ? "alert-ok" : "alert-error"}`} role={result.ok ? "status" : "alert"}>
          {result.message}
        </div>
      ) : null}

      {claim.evidenceStatus.missing.length ? (
        <div className="evidence-missing">
          <p className="small">
            <strong>Before a draft can rely on this claim:</strong>
          </p>
          <ul className="small">
            {claim.evidenceStatus.missing.map((m) => (
              <li key={m.code} className={m.code === "stale" ? "evidence-stale-text" : undefined}>
                {m.text}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="small evidence-ready">✓ A draft can rely on this claim: verdict set, evidence confirmed on the records' current versions.</p>
      )}

      <div className="evidence-columns">
        <section aria-labelledby={`${headingId}-links`}>
          <h4 id={`${headingId}-links`}>Linked evidence</h4>
          {claim.links.length ? (
            <ul className="evidence-links">
              {claim.links.map((link) => (
                <li key={link.id} className={`evidence-link evidence-link-${link.state}`}>
                  <div>
                    <span className={`badge stance-${link.stance}`}>{STANCE_LABEL[link.stance]}</span>{" "}
                    <Link to={`/incidents/${encodeURIComponent(link.incidentId)}`}>{link.incidentId}</Link> {link.incidentTitle}
                    {link.fieldLabel ? <span className="muted"> · {link.fieldLabel}</span> : null}
                    {link.internal ? (
                      <>
                        {" "}
                        <InternalBadge field={link.fieldLabel ?? "this excerpt"} />
                      </>
                    ) : null}
                  </div>
                  {link.excerpt ? <blockquote className={`evidence-excerpt${link.internal ? " internal-only" : ""}`}>{link.excerpt}</blockquote> : null}
                  {link.note ? <p className="small">{link.note}</p> : null}
                  <p className="small muted">
                    Linked by {link.createdByName ?? "a former user"} {when(link.createdAt)}
                  </p>
                  <p className="small">
                    {link.state === "confirmed" ? (
                      <span className="badge badge-ok">✓ confirmed</span>
                    ) : link.state === "stale" ? (
                      <span className="badge badge-danger">⚠ stale</span>
                    ) : (
                      <span className="badge badge-warn">not confirmed</span>
                    )}{" "}
                    {link.state === "confirmed" ? `by ${link.confirmedByName ?? "a former user"} ${when(link.confirmedAt)} on version ${link.confirmedVersion}` : null}
                    {link.state === "stale"
                      ? `confirmed by ${link.confirmedByName ?? "a former user"} on version ${link.confirmedVersion}; the record is now at version ${link.currentVersion}`
                      : null}
                    {link.state === "unconfirmed" ? `the record is at version ${link.currentVersion}` : null}
                  </p>
                  <div className="evidence-link-actions">
                    {mayConfirm && link.state !== "confirmed" ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="confirm" />
                        <input type="hidden" name="claimId" value={claim.id} />
                        <input type="hidden" name="linkId" value={link.id} />
                        <input type="hidden" name="confirmedAt" value={link.confirmedAt ?? ""} />
                        <button className="btn btn-small" type="submit" disabled={busy}>
                          {link.state === "stale" ? `Confirm again on version ${link.currentVersion}` : `Confirm on version ${link.currentVersion}`}
                        </button>
                      </Form>
                    ) : null}
                    {data.canLink ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="unlink" />
                        <input type="hidden" name="claimId" value={claim.id} />
                        <input type="hidden" name="linkId" value={link.id} />
                        <button className="btn btn-small btn-danger" type="submit" disabled={busy}>
                          Remove link
                        </button>
                      </Form>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">No records linked yet.</p>
          )}
          {data.canConfirm && !mayConfirm && claim.links.some((l) => l.state !== "confirmed") ? (
            <p className="small muted">
              {claim.assignee ? `Only ${claim.assignee.name}, the engineer assigned to this claim, can confirm its evidence.` : "Assign an engineer to this claim; they confirm its evidence."}
            </p>
          ) : null}
          {data.canLink ? <LinkForm claimId={claim.id} errors={errors} busy={busy} /> : null}
        </section>

        <section aria-labelledby={`${headingId}-suggestion`}>
          <h4 id={`${headingId}-suggestion`}>Suggestion</h4>
          <Suggestion claim={claim} data={data} busy={busy} />
          <VerdictBlock claim={claim} data={data} errors={errors} busy={busy} />
        </section>
      </div>
    </article>
  );
}

function Suggestion({ claim, data, busy }: { claim: ClaimView; data: Data; busy: boolean }) {
  const s = claim.suggestion;
  if (!s) return <p className="muted small">Not analysed yet{data.canLink ? `: use “${data.evidence.analyzedAt ? "Analyse again" : "Analyse the claims"}” above.` : "."}</p>;
  return (
    <div className="evidence-suggestion">
      <p>
        Suggested: <VerdictBadge verdict={s.suggested} />{" "}
        {s.confidence !== undefined && s.confidence < NEEDS_A_PERSON ? (
          <span className="badge badge-warn" title={`Confidence ${Math.round(s.confidence * 100)}%`}>
            needs a person
          </span>
        ) : s.confidence !== undefined ? (
          <span className="muted small">confidence {Math.round(s.confidence * 100)}%</span>
        ) : null}{" "}
        <span className="muted small">(analysed {when(s.analyzedAt)}; a person sets the verdict)</span>
      </p>
      <p className="evidence-basis">{s.basis}</p>
      {s.checks.length ? (
        <div className="table-wrap">
          <table className="small">
            <caption className="visually-hidden">What the claim asserts against the records</caption>
            <thead>
              <tr>
                <th scope="col">Checks</th>
                <th scope="col">The claim</th>
                <th scope="col">The records</th>
              </tr>
            </thead>
            <tbody>
              {s.checks.map((check, i) => (
                <tr key={i}>
                  <td>
                    {check.aspect} <span className={`badge ${CHECK_CLASS[check.status]}`}>{check.status}</span>
                  </td>
                  <td>{check.claimed}</td>
                  <td>{check.recorded}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h5>Records that bear on it, best first</h5>
      {s.candidates.length ? (
        <ol className="evidence-candidates">
          {s.candidates.map((c) => (
            <li key={c.incidentId}>
              <div>
                <Link to={`/incidents/${encodeURIComponent(c.incidentId)}`}>{c.incidentId}</Link> {c.title ?? <em>no longer in the records</em>}{" "}
                <span className="muted small">
                  score {c.score.toFixed(2)}
                  {c.organization ? ` · ${c.organization}` : ""}
                </span>
                {c.linked ? <span className="badge badge-ok">linked</span> : null}
                {c.changedSinceAnalysis ? <span className="badge badge-warn">changed since the analysis</span> : null}
              </div>
              <ul className="small evidence-reasons">
                {c.reasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
              {data.canLink && !c.linked && c.title ? (
                <details className="evidence-quick-link">
                  <summary className="small">Link {c.incidentId} as evidence</summary>
                  <Form method="post" className="evidence-form">
                    <input type="hidden" name="intent" value="link" />
                    <input type="hidden" name="claimId" value={claim.id} />
                    <input type="hidden" name="incidentId" value={c.incidentId} />
                    <LinkFields idPrefix={`q-${claim.id}-${c.incidentId}`} errors={{}} stance={suggestedStance(s.checks, c.incidentId)} />
                    <button className="btn btn-small" type="submit" disabled={busy}>
                      Link {c.incidentId}
                    </button>
                  </Form>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted small">No record bears on this claim.</p>
      )}
    </div>
  );
}

/** The stance radios preselect `stance` where the suggestion gives one, and nothing otherwise. */
function LinkFields({ idPrefix, errors, stance: preselected = null }: { idPrefix: string; errors: Record<string, string>; stance?: Stance | null }) {
  return (
    <>
      <fieldset className="field">
        <legend>Stance</legend>
        <div className="checks">
          {STANCES.map((stance) => (
            <label key={stance}>
              <input type="radio" name="stance" value={stance} defaultChecked={stance === preselected} /> {STANCE_LABEL[stance]}
            </label>
          ))}
        </div>
        {errors.stance ? <p className="field-error">{errors.stance}</p> : null}
      </fieldset>
      <div className="field">
        <label htmlFor={`${idPrefix}-field`}>Field (optional)</label>
        <select id={`${idPrefix}-field`} name="field" aria-invalid={errors.field ? true : undefined}>
          <option value="">The whole record</option>
          {LINKABLE_FIELDS.map(([field, label]) => (
            <option key={field} value={field}>
              {label}
            </option>
          ))}
        </select>
        {errors.field ? <p className="field-error">{errors.field}</p> : null}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-excerpt`}>Excerpt (optional)</label>
        <input id={`${idPrefix}-excerpt`} type="text" name="excerpt" aria-invalid={errors.excerpt ? true : undefined} aria-describedby={`${idPrefix}-excerpt-hint`} />
        <span className="hint" id={`${idPrefix}-excerpt-hint`}>
          Words exactly as the record has them; they must occur in the field chosen (or in any field).
        </span>
        {errors.excerpt ? <p className="field-error">{errors.excerpt}</p> : null}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-note`}>Note</label>
        <input id={`${idPrefix}-note`} type="text" name="note" maxLength={2000} aria-invalid={errors.note ? true : undefined} />
        {errors.note ? <p className="field-error">{errors.note}</p> : null}
      </div>
    </>
  );
}

function LinkForm({ claimId, errors, busy }: { claimId: string; errors: Record<string, string>; busy: boolean }) {
  const open = Object.keys(errors).some((k) => ["incidentId", "stance", "field", "excerpt", "note"].includes(k));
  return (
    <details className="evidence-link-form" open={open || undefined}>
      <summary className="btn btn-secondary btn-small">Link a record</summary>
      <Form method="post" className="evidence-form" noValidate>
        <input type="hidden" name="intent" value="link" />
        <input type="hidden" name="claimId" value={claimId} />
        <div className="field">
          <label htmlFor={`link-${claimId}-incident`}>Incident id</label>
          <input id={`link-${claimId}-incident`} type="text" name="incidentId" required aria-invalid={errors.incidentId ? true : undefined} />
          {errors.incidentId ? <p className="field-error">{errors.incidentId}</p> : null}
        </div>
        <LinkFields idPrefix={`link-${claimId}`} errors={errors} />
        <button className="btn btn-small" type="submit" disabled={busy}>
          Link the record
        </button>
      </Form>
    </details>
  );
}

function VerdictBlock({ claim, data, errors, busy }: { claim: ClaimView; data: Data; errors: Record<string, string>; busy: boolean }) {
  const s = claim.suggestion;
  const from = claim.verdictFromSuggestion;
  return (
    <div className="evidence-verdict">
      <h5>Verdict</h5>
      {claim.verdict ? (
        <p className="small">
          <VerdictBadge verdict={claim.verdict} /> set by {claim.verdictSetBy?.name ?? "a former user"} {when(claim.verdictSetAt)},{" "}
          {from ? (
            <>
              from the suggestion of {when(from.analyzedAt)} (suggested <strong>{from.suggested}</strong>
              {from.suggested === claim.verdict ? ", followed" : ", not followed"})
            </>
          ) : (
            "with no suggestion shown"
          )}
          .{claim.verdictNote ? <> Note: {claim.verdictNote}</> : null}
        </p>
      ) : (
        <p className="small muted">No verdict set yet.</p>
      )}
      {data.canSetVerdict ? (
        <Form method="post" className="evidence-form" noValidate>
          <input type="hidden" name="intent" value="set-verdict" />
          <input type="hidden" name="claimId" value={claim.id} />
          <input type="hidden" name="suggestionAt" value={s?.analyzedAt ?? ""} />
          <input type="hidden" name="verdictAt" value={claim.verdictSetAt ?? ""} />
          <fieldset className="field">
            <legend>{claim.verdict ? "Change the verdict" : "Set the verdict"}</legend>
            <div className="checks">
              {VERDICT_LABELS.map((v) => (
                <label key={v}>
                  <input type="radio" name="verdict" value={v} defaultChecked={claim.verdict === v} /> {v}
                  {s?.suggested === v ? <span className="muted small"> (suggested)</span> : null}
                </label>
              ))}
            </div>
            {errors.verdict ? <p className="field-error">{errors.verdict}</p> : null}
          </fieldset>
          <div className="field">
            <label htmlFor={`verdict-${claim.id}-note`}>Note (why)</label>
            <input id={`verdict-${claim.id}-note`} type="text" name="note" maxLength={2000} defaultValue={claim.verdictNote ?? ""} />
          </div>
          <button className="btn btn-small" type="submit" disabled={busy}>
            {claim.verdict ? "Change verdict" : "Set verdict"}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
