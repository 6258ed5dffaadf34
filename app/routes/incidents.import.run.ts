/**
 * Runs a confirmed import and streams its progress: NDJSON lines `{"done":n,"total":t}` after
 * each batch, then one final `{"ok":true,importId,new,updated,unchanged,...}` or
 * `{"ok":false,errors:[...]}`. The import page posts here with JavaScript; without it, the page's
 * own action does the same import and redirects. Refusals before the import starts are a single
 * `{"ok":false}` line with a 4xx status, so the client reads every answer the same way.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import type { IncidentFileFormat } from "~/domain/incidents";
import { dropUpload, importIncidents, takeUpload } from "~/models/incident.server";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { isAppError } from "~/utils/app-error";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";
import { importErrorLines } from "~/utils/incident-pages.server";

const RunSchema = z.object({
  uploadId: z.uuid({ error: "The upload id is missing or malformed; upload the file again." }),
  skipInvalid: z.enum(["1"], { error: "skipInvalid is 1 or absent." }).optional(),
});

const HEADERS = {
  "Content-Type": "application/x-ndjson; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  // Proxies such as nginx would otherwise hold the lines back until the import ends.
  "X-Accel-Buffering": "no",
};

function line(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

function refuse(status: number, errors: string[]): Response {
  return new Response(line({ ok: false, errors }), { status, headers: HEADERS });
}

/** GET has nothing to show: an anonymous visitor is sent to sign in first, anyone else is told so. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  throw new Response("This address only runs an import that was posted from the import page.", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "import:incidents");
  let form: FormData;
  try {
    form = await readForm(request);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return refuse(error.status, [error.message]);
  }
  const parsed = parseForm(RunSchema, form);
  if (!parsed.ok) return refuse(400, Object.values(parsed.errors));
  const upload = await takeUpload(context.db, parsed.data.uploadId, user.id);
  if (!upload) {
    return refuse(404, [
      "That upload is not waiting to be imported: it was imported or cancelled already, it expired after a day, or it was uploaded by someone else. Upload the file again.",
    ]);
  }

  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (value: unknown) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(line(value)));
        } catch {
          // The client went away; the import still finishes (it is one transaction either way).
          open = false;
        }
      };
      const run = async () => {
        try {
          const outcome = await importIncidents(context.db, {
            text: upload.content,
            fileName: upload.fileName,
            format: (upload.format ?? undefined) as IncidentFileFormat | undefined,
            csvMapping: upload.csvMapping,
            skipInvalid: parsed.data.skipInvalid === "1",
            actor: { userId: user.id, label: user.email },
            onProgress: (done, total) => {
              send({ done, total });
              // Gives the server a turn to write the line out. The embedded database never yields to
              // the event loop by itself, so this only helps where the model awaits the callback.
              return new Promise<void>((resolve) => setImmediate(resolve));
            },
          });
          await dropUpload(context.db, upload.id);
          if (outcome.ok) {
            const { importId, format, total, new: added, updated, unchanged, skipped, ignored } = outcome;
            send({ ok: true, importId, format, total, new: added, updated, unchanged, skipped: skipped.length, ignored: ignored.length });
          } else {
            send({ ok: false, errors: importErrorLines(outcome.errors, upload.fileName), truncated: outcome.truncated ?? false });
          }
        } catch (error) {
          console.error(error);
          send({ ok: false, errors: ["The import failed on the server and nothing was written. Try again; if it keeps failing, tell an admin."] });
        } finally {
          if (open) controller.close();
          open = false;
        }
      };
      void run();
    },
  });
  return new Response(body, { status: 200, headers: HEADERS });
}
