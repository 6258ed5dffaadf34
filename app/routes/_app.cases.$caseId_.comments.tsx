/**
 * Comments on a case's claims and verdicts, before any draft exists: legal, engineers and comms
 * raise a point on a claim or on the verdict set for it, reply, resolve and reopen.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listClaimThreads, listCommentableClaims, openThread, replyToThread, setThreadStatus } from "~/models/comment.server";
import { findCase } from "~/models/evidence.server";
import { notFound, refusing } from "~/utils/app-error";
import { requirePermission } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { readFormOrRespond } from "~/utils/request-body.server";
import { ThreadReplies } from "~/components/thread-replies";

export const meta: MetaFunction = () => [{ title: "Comments on claims · Factdesk" }];

const Id = z.string().uuid();
const Body = z
  .string()
  .max(4000, "A comment can be at most 4000 characters.")
  .refine((s) => !s.includes("\u0000"), "The comment contains a NUL character.");
const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("comment"), claimId: Id, target: z.enum(["claim", "verdict"]), body: Body }),
  z.object({ intent: z.literal("reply"), threadId: Id, body: Body }),
  z.object({ intent: z.literal("resolve"), threadId: Id }),
  z.object({ intent: z.literal("reopen"), threadId: Id }),
]);

async function requireCase(db: Parameters<typeof findCase>[0], caseId: string | undefined) {
  const id = Id.safeParse(caseId);
  const found = id.success ? await findCase(db, id.data) : null;
  if (!found) throw notFound("There is no such case.");
  return found;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "view:cases");
  const found = await requireCase(context.db, params.caseId);
  const [claimList, threads] = await Promise.all([listCommentableClaims(context.db, found.id), listClaimThreads(context.db, found.id)]);
  return json({ case: found, claims: claimList, threads });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "view:cases");
  const found = await requireCase(context.db, params.caseId);
  const form = await readFormOrRespond(request);
  if (!(form instanceof FormData)) return form;
  const parsed = parseForm(Intent, form);
  if (!parsed.ok) return json({ ok: false as const, message: Object.values(parsed.errors)[0] ?? "That form is not one this page knows." }, { status: 400 });
  const actor = { ...user, ip: context.clientIp ?? null };
  const data = parsed.data;
  return refusing(async () => {
    if (data.intent === "comment") await openThread(context.db, actor, { target: data.target, caseId: found.id, claimId: data.claimId, body: data.body });
    else if (data.intent === "reply") await replyToThread(context.db, actor, data.threadId, data.body);
    else await setThreadStatus(context.db, actor, data.threadId, data.intent === "resolve" ? "resolved" : "open");
    return json({ ok: true as const, message: "Done." });
  });
}

export default function ClaimComments() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section aria-labelledby="comments-heading">
      <p>
        <Link to={`/cases/${data.case.id}`}>Back to {data.case.title}</Link>
      </p>
      <h1 id="comments-heading">Comments on claims and verdicts</h1>
      {result ? (
        <p role={result.ok ? "status" : "alert"} className={result.ok ? "notice" : "error"}>
          {result.message}
        </p>
      ) : null}
      {data.claims.length ? null : <p className="muted">No accepted claims in this case yet.</p>}
      {data.claims.map((claim, i) => (
        <article key={claim.id} aria-labelledby={`claim-${claim.id}`}>
          <h2 id={`claim-${claim.id}`}>
            Claim {i + 1}: {claim.text}
          </h2>
          <p>{claim.verdict ? `Verdict: ${claim.verdict}${claim.verdictNote ? ` (${claim.verdictNote})` : ""}` : "No verdict yet."}</p>
          {data.threads
            .filter((t) => t.claimId === claim.id)
            .map((t) => (
              <div key={t.id} className="thread">
                <p>
                  On the {t.target} <span className="badge">{t.status}</span>
                </p>
                <ThreadReplies thread={t} />
              </div>
            ))}
          <Form method="post">
            <input type="hidden" name="claimId" value={claim.id} />
            <label>
              About{" "}
              <select name="target" defaultValue="claim">
                <option value="claim">the claim</option>
                <option value="verdict">its verdict</option>
              </select>
            </label>{" "}
            <label>
              Comment <textarea name="body" required rows={2} />
            </label>
            <button type="submit" name="intent" value="comment">
              Comment
            </button>
          </Form>
        </article>
      ))}
    </section>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
