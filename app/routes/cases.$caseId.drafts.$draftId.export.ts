/**
 * Exports one version: Markdown, or standalone HTML with a print stylesheet (the browser's
 * "Save as PDF" gives a clean page). Both are the public text: citation markers are dropped.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { renderMarkdown, stripCitations } from "~/domain/drafts";
import { getVersion } from "~/models/draft.server";
import { isAppError, notFound } from "~/utils/app-error";
import { requirePermission } from "~/utils/auth.server";
import { requireId } from "~/utils/case-routes.server";

const Query = z.object({ version: z.coerce.number().int().positive(), format: z.enum(["md", "html"]) });

const PRINT_CSS = `
  body { font: 12pt/1.5 Georgia, "Times New Roman", serif; color: #111; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 1.5rem; }
  a { color: inherit; }
  @media print { body { margin: 0; max-width: none; } a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; } }
  @page { margin: 2cm; }
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "view:cases");
  const caseId = requireId(params.caseId, "case");
  const draftId = requireId(params.draftId, "draft");
  const url = new URL(request.url);
  const query = Query.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) return new Response("Give a version number and a format (md or html).", { status: 400 });
  const version = await getVersion(context.db, caseId, draftId, query.data.version).catch((error: unknown) => {
    throw isAppError(error) && error.status === 404 ? notFound(error.message) : error;
  });
  const markdown = stripCitations(version.body);
  const name = `statement-v${version.number}`;
  if (query.data.format === "md") {
    return new Response(markdown, {
      headers: { "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.md"`, "X-Content-Type-Options": "nosniff" },
    });
  }
  const title = markdown.match(/^#\s+(.+)$/m)?.[1] ?? "Statement";
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
${renderMarkdown(markdown, { citations: "public" })}
</body>
</html>
`;
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
      "Content-Disposition": `inline; filename="${name}.html"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
