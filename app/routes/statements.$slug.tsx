/**
 * A published statement, public: no sign-in, only what was published (never the case, the
 * citations or who approved), its dates, and its correction log. ClaimReview JSON-LD only when
 * switched on for this statement.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Markdown } from "~/components/markdown";
import { formatUtcDateTime } from "~/domain/case-due";
import { claimReviews, jsonLdScript, publicBody, type AnsweredClaim } from "~/domain/review/statement";
import { getPublishedStatement } from "~/models/review.server";
import { notFound } from "~/utils/app-error";
import { renderMarkdown } from "~/domain/drafts/markdown";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.title : "Statement not found" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const found = params.slug ? await getPublishedStatement(context.db, params.slug) : null;
  if (!found) throw notFound("There is no published statement at this address.");
  const { publication: p, log } = found;
  const url = new URL(request.url);
  const statementUrl = `${url.origin}/statements/${p.slug}`;
  return json({
    slug: p.slug,
    title: p.title,
    state: p.state,
    html: renderMarkdown(publicBody(p.body), { citations: "public" }),
    publishedAt: p.publishedAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    supersededBy: p.supersededBy,
    corrections: log.filter((l) => l.kind === "retracted" || l.kind === "superseded").map((l) => ({ kind: l.kind, reason: l.reason, at: l.at.toISOString() })),
    jsonLd: p.claimReview
      ? jsonLdScript(claimReviews({ statementUrl, organization: url.hostname, publishedAt: p.publishedAt.toISOString(), claims: p.claimsAnswered as AnsweredClaim[] }))
      : null,
  });
}

export default function Statement() {
  const s = useLoaderData<typeof loader>();
  return (
    <article className="statement" aria-labelledby="statement-title">
      {s.jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: s.jsonLd }} /> : null}
      {s.state !== "published" ? (
        <p className="statement-banner" role="status">
          This statement was {s.state}.{" "}
          {s.supersededBy ? (
            <>
              See <a href={s.supersededBy.startsWith("/") ? s.supersededBy : `/statements/${s.supersededBy}`}>the statement that replaces it</a>.
            </>
          ) : null}
        </p>
      ) : null}
      <h1 id="statement-title">{s.title}</h1>
      <p className="muted">
        Published <time dateTime={s.publishedAt}>{formatUtcDateTime(s.publishedAt)}</time> · last updated{" "}
        <time dateTime={s.updatedAt}>{formatUtcDateTime(s.updatedAt)}</time>
      </p>
      <Markdown html={s.html} />
      {s.corrections.length ? (
        <section aria-labelledby="corrections-heading">
          <h2 id="corrections-heading">Correction log</h2>
          <ul>
            {s.corrections.map((c) => (
              <li key={c.at}>
                <time dateTime={c.at}>{formatUtcDateTime(c.at)}</time>: {c.kind}. {c.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        Download as <a href={`/statements/${s.slug}/download?format=md`}>Markdown</a> or{" "}
        <a href={`/statements/${s.slug}/download?format=html`}>HTML</a>.
      </p>
    </article>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
