/** A published statement as a Markdown or HTML file, public like its page. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { statementMarkdown } from "~/domain/review/statement";
import { getPublishedStatement } from "~/models/review.server";
import { notFound } from "~/utils/app-error";
import { renderMarkdown } from "~/domain/drafts/markdown";

const Format = z.enum(["md", "html"]);

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const format = Format.safeParse(new URL(request.url).searchParams.get("format") ?? "md");
  if (!format.success) return new Response("Choose format=md or format=html.", { status: 400 });
  const found = params.slug ? await getPublishedStatement(context.db, params.slug) : null;
  if (!found) throw notFound("There is no published statement at this address.");
  const { publication: p, log } = found;
  const markdown = statementMarkdown({
    title: p.title,
    body: p.body,
    publishedAt: p.publishedAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    state: p.state,
    log: log.map((l) => ({ kind: l.kind, reason: l.reason, at: l.at.toISOString() })),
  });
  if (format.data === "md")
    return new Response(markdown, {
      headers: { "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="${p.slug}.md"` },
    });
  const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(p.title)}</title></head><body>\n${renderMarkdown(markdown, { citations: "public" })}\n</body></html>\n`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Content-Disposition": `attachment; filename="${p.slug}.html"` } });
}
