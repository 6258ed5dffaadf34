/**
 * The live preview: the editor posts its text and gets back HTML rendered through the one
 * sanitizer policy on the server, so the browser never carries a second policy.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { renderMarkdown } from "~/domain/drafts";
import { MAX_DRAFT_CHARS } from "~/models/draft.server";
import { requirePermission } from "~/utils/auth.server";
import { readFormOrRespond } from "~/utils/request-body.server";

export async function action({ request, context }: ActionFunctionArgs) {
  await requirePermission(request, context, "view:cases");
  const form = await readFormOrRespond(request);
  if (!(form instanceof FormData)) return form;
  const body = form.get("body");
  if (typeof body !== "string") return json({ ok: false as const, message: "Send the draft's text as the body field." }, { status: 400 });
  if (body.length > MAX_DRAFT_CHARS) return json({ ok: false as const, message: "The text is too long to preview." }, { status: 413 });
  return json({ ok: true as const, html: renderMarkdown(body.replace(/\u0000/g, "")) });
}

export function loader() {
  return new Response("Post the text to preview.", { status: 405, headers: { Allow: "POST" } });
}
