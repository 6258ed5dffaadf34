/** The printable approval certificate of a statement: its versions and hashes, and every decision with its meaning and time. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { formatUtcDateTime } from "~/domain/case-due";
import { APPROVAL_MEANING_LABELS } from "~/domain/review-enums";
import { getCertificate } from "~/models/review.server";
import { notFound } from "~/utils/app-error";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Approval certificate: ${data.title} · Factdesk` : "Certificate · Factdesk" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "view:cases");
  const id = z.string().uuid().safeParse(params.draftId);
  const cert = id.success ? await getCertificate(context.db, id.data) : null;
  if (!cert) throw notFound("There is no such draft.");
  return json({
    title: cert.draft.title,
    state: cert.draft.state,
    publication: cert.publication ? { slug: cert.publication.slug, versionHash: cert.publication.versionHash, publishedAt: cert.publication.publishedAt.toISOString() } : null,
    versions: cert.versions.map((v) => ({ number: v.number, hash: v.hash, authorName: v.authorName, createdAt: v.createdAt.toISOString() })),
    approvals: cert.approvals.map((a) => ({
      id: a.id,
      reviewerName: a.reviewerName,
      reviewerRole: a.reviewerRole,
      meaning: a.meaning,
      decision: a.decision,
      versionHash: a.versionHash,
      versionNumber: cert.versions.find((v) => v.id === a.versionId)?.number ?? null,
      createdAt: a.createdAt.toISOString(),
      dismissed: a.dismissed,
    })),
    log: cert.log.map((l) => ({ kind: l.kind, reason: l.reason, actorName: l.actorName, at: l.at.toISOString() })),
  });
}

export default function Certificate() {
  const c = useLoaderData<typeof loader>();
  return (
    <article className="certificate" aria-labelledby="cert-heading">
      <h1 id="cert-heading">Approval certificate</h1>
      <p>
        <strong>{c.title}</strong>
        {c.publication ? (
          <>
            {" "}
            — published {formatUtcDateTime(c.publication.publishedAt)} at /statements/{c.publication.slug}, version hash{" "}
            <span className="hash">{c.publication.versionHash}</span>
          </>
        ) : (
          " — not published"
        )}
      </p>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <h2>Versions</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Written by</th>
            <th scope="col">When (UTC)</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {c.versions.map((v) => (
            <tr key={v.number}>
              <td>{v.number}</td>
              <td>{v.authorName}</td>
              <td>{formatUtcDateTime(v.createdAt)}</td>
              <td className="hash">{v.hash}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Decisions</h2>
      {c.approvals.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Reviewer</th>
              <th scope="col">Role</th>
              <th scope="col">Meaning</th>
              <th scope="col">Version</th>
              <th scope="col">When (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {c.approvals.map((a) => (
              <tr key={a.id}>
                <td>{a.reviewerName}</td>
                <td>{a.reviewerRole}</td>
                <td>
                  {a.decision === "approved" ? APPROVAL_MEANING_LABELS[a.meaning] : "Changes requested"}
                  {a.dismissed ? " (dismissed by a later version)" : ""}
                </td>
                <td>
                  {a.versionNumber} <span className="hash">{a.versionHash}</span>
                </td>
                <td>{formatUtcDateTime(a.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No decisions recorded.</p>
      )}
      {c.log.length ? (
        <>
          <h2>Publication log</h2>
          <ul>
            {c.log.map((l) => (
              <li key={l.at + l.kind}>
                {formatUtcDateTime(l.at)}: {l.kind.replace(/_/g, " ")} by {l.actorName}
                {l.reason ? `: ${l.reason}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
