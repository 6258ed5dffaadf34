/** The word-level redline between any two versions of a draft (?from=N&to=M). */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { redline, redlineCounts } from "~/domain/drafts";
import { getVersion } from "~/models/draft.server";
import { isAppError, notFound } from "~/utils/app-error";
import { requirePermission } from "~/utils/auth.server";
import { requireId } from "~/utils/case-routes.server";

export const meta: MetaFunction = () => [{ title: "Redline · Factdesk" }];

const VersionNumber = z.coerce.number().int().positive();

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "view:cases");
  const caseId = requireId(params.caseId, "case");
  const draftId = requireId(params.draftId, "draft");
  const url = new URL(request.url);
  const from = VersionNumber.safeParse(url.searchParams.get("from"));
  const to = VersionNumber.safeParse(url.searchParams.get("to"));
  if (!from.success || !to.success) throw new Response("Choose two version numbers to compare (from and to).", { status: 400 });
  const [a, b] = await Promise.all([getVersion(context.db, caseId, draftId, from.data), getVersion(context.db, caseId, draftId, to.data)]).catch((error: unknown) => {
    throw isAppError(error) && error.status === 404 ? notFound(error.message) : error;
  });
  const parts = redline(a.body, b.body);
  return json({ caseId, draftId, from: a.number, to: b.number, parts, counts: redlineCounts(parts) });
}

export default function DraftDiff() {
  const data = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="diff-heading">
      <p className="case-breadcrumb">
        <Link to={`/cases/${data.caseId}/drafts/${data.draftId}`}>Back to the draft</Link>
      </p>
      <h2 id="diff-heading">
        Version {data.from} → version {data.to}
      </h2>
      <p className="muted">
        {data.counts.added} words added, {data.counts.removed} removed.
      </p>
      <pre className="redline draft-text">
        {data.parts.map((p, i) => (p.op === "added" ? <ins key={i}>{p.text}</ins> : p.op === "removed" ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
      </pre>
    </section>
  );
}
