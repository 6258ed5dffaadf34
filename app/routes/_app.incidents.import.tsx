import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigate, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { FORMAT_LABELS, formatLabel } from "~/components/incident-badges";
import type { IncidentFileFormat } from "~/domain/incidents";
import { dropUpload, importIncidents, previewImport, stageUpload, takeUpload } from "~/models/incident.server";
import { requirePermission } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { importErrorLines, MAX_UPLOAD_LABEL, readImportForm, readUploadedText, UploadTooLargeError } from "~/utils/incident-pages.server";

export const meta: MetaFunction = () => [{ title: "Import incidents · Factdesk" }];

/** Every file format, from the labels (whose type makes them cover every format). */
const FORMATS = Object.keys(FORMAT_LABELS) as [IncidentFileFormat, ...IncidentFileFormat[]];
const NOT_YOURS =
  "That upload is not waiting to be imported: it was imported or cancelled already, it expired after a day, or it was uploaded by someone else. Upload the file again.";

const FormatField = z.preprocess((v) => (v === "" ? undefined : v), z.enum(FORMATS, { error: "Choose one of the listed formats." }).optional());
const UploadId = z.uuid({ error: "The upload id is missing or malformed; upload the file again." });

const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("preview"), format: FormatField }),
  z.object({ intent: z.literal("confirm"), uploadId: UploadId }),
  z.object({ intent: z.literal("cancel"), uploadId: UploadId }),
]);

export type ImportActionData =
  | { step: "preview"; uploadId: string; fileName: string; format: IncidentFileFormat; total: number; new: number; updated: number; unchanged: number }
  | { step: "errors"; fileName?: string; errors: string[]; truncated?: boolean; field?: string }
  | { step: "cancelled" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "import:incidents");
  return json({ maxUpload: MAX_UPLOAD_LABEL });
}

const errorsOf = (errors: string[], status: number, extra: { fileName?: string; truncated?: boolean; field?: string } = {}) =>
  json<ImportActionData>({ step: "errors", errors, ...extra }, { status });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "import:incidents");
  let form: FormData;
  try {
    form = await readImportForm(request);
  } catch (error) {
    if (error instanceof UploadTooLargeError) {
      return errorsOf([`${error.message}, the most one import accepts. Split it into smaller files.`], 413, { field: "file" });
    }
    return errorsOf(["The upload could not be read. Choose the file and try again."], 400);
  }
  const parsed = parseForm(Intent, form);
  if (!parsed.ok) return errorsOf(Object.values(parsed.errors), 400, { field: Object.keys(parsed.errors)[0] });
  const input = parsed.data;

  switch (input.intent) {
    case "preview": {
      const file = await readUploadedText(form.get("file"));
      if (!file.ok) return errorsOf([file.message], 400, { field: "file" });
      const outcome = await previewImport(context.db, file.text, input.format);
      if (!outcome.ok) {
        return errorsOf(
          importErrorLines(outcome.errors, file.fileName),
          400,
          { fileName: file.fileName, truncated: outcome.truncated },
        );
      }
      const uploadId = await stageUpload(context.db, { userId: user.id, fileName: file.fileName, format: outcome.format, content: file.text });
      return json<ImportActionData>({
        step: "preview",
        uploadId,
        fileName: file.fileName,
        format: outcome.format,
        total: outcome.total,
        new: outcome.new,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
      });
    }
    case "confirm": {
      const upload = await takeUpload(context.db, input.uploadId, user.id);
      if (!upload) return errorsOf([NOT_YOURS], 404);
      const outcome = await importIncidents(context.db, {
        text: upload.content,
        fileName: upload.fileName,
        format: (upload.format ?? undefined) as IncidentFileFormat | undefined,
        actor: { userId: user.id, label: user.email },
      });
      await dropUpload(context.db, upload.id);
      if (!outcome.ok) {
        return errorsOf(
          importErrorLines(outcome.errors, upload.fileName),
          400,
          { fileName: upload.fileName, truncated: outcome.truncated },
        );
      }
      return redirect(`/incidents?imported=${outcome.importId}`);
    }
    case "cancel": {
      const upload = await takeUpload(context.db, input.uploadId, user.id);
      if (upload) await dropUpload(context.db, upload.id);
      return json<ImportActionData>({ step: "cancelled" });
    }
  }
}

const nf = new Intl.NumberFormat("en-US");

type Progress =
  | { state: "idle" }
  | { state: "running"; done: number; total: number | null }
  | { state: "failed"; errors: string[] }
  | { state: "finished"; message: string };

/** Reads the run route's NDJSON stream, calling `onLine` for each object. */
async function readLines(response: Response, onLine: (line: Record<string, unknown>) => void) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line) onLine(JSON.parse(line));
    }
    if (done) break;
  }
  if (buffer.trim()) onLine(JSON.parse(buffer));
}

export default function ImportIncidents() {
  const { maxUpload } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  const submitting = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const fileError = result?.step === "errors" && result.field === "file" ? result.errors[0] : null;
  const running = progress.state === "running";

  /** With JavaScript, confirm streams progress from the run route instead of waiting on a plain post. */
  async function confirmWithProgress(event: React.FormEvent<HTMLFormElement>) {
    // Browsers that cannot read a streamed response post the form plainly instead.
    if (typeof TextDecoderStream === "undefined") return;
    event.preventDefault();
    if (running) return;
    const body = new URLSearchParams(new FormData(event.currentTarget) as unknown as Record<string, string>);
    setProgress({ state: "running", done: 0, total: null });
    let final: Record<string, unknown> | null = null;
    try {
      const response = await fetch("/incidents/import/run", { method: "POST", body, headers: { Accept: "application/x-ndjson" } });
      const type = response.headers.get("content-type") ?? "";
      if (response.redirected || !type.includes("ndjson")) {
        const text = response.redirected ? "Your session has ended. Sign in again, then upload the file again." : await response.text();
        setProgress({ state: "failed", errors: [text.slice(0, 500) || `The import could not start (status ${response.status}).`] });
        return;
      }
      await readLines(response, (line) => {
        if (typeof line.done === "number") setProgress({ state: "running", done: line.done, total: Number(line.total) });
        if ("ok" in line) final = line;
      });
    } catch {
      setProgress({ state: "failed", errors: ["The connection was lost. Open the incident list to see whether the import finished, or try again."] });
      return;
    }
    const outcome = final as Record<string, unknown> | null;
    if (!outcome) {
      setProgress({ state: "failed", errors: ["The import stopped before it finished. Open the incident list to see whether it was imported."] });
    } else if (outcome.ok) {
      setProgress({ state: "finished", message: "Import finished. Opening the incident list…" });
      navigate(`/incidents?imported=${encodeURIComponent(String(outcome.importId))}`);
    } else {
      setProgress({ state: "failed", errors: Array.isArray(outcome.errors) ? outcome.errors.map(String) : ["The import failed; nothing was written."] });
    }
  }

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/incidents">Incidents</Link> <span aria-hidden="true">/</span> <span aria-current="page">Import</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>Import incidents</h1>
          <p>Check a file first; nothing is written until you confirm. An import is all or nothing.</p>
        </div>
      </header>

      {result?.step === "cancelled" ? (
        <div className="alert alert-info" role="status">
          Import cancelled; nothing was written.
        </div>
      ) : null}

      {result?.step === "errors" && !fileError ? (
        <div className="alert alert-error" role="alert" tabIndex={-1}>
          <p className="alert-title">
            {result.fileName ? `${result.fileName} cannot be imported; nothing was written.` : "Nothing was imported."}
            {result.errors.length > 1 ? ` ${result.errors.length} problems were found:` : ""}
          </p>
          <ul className="error-list">
            {result.errors.map((e, i) => (
              <li key={i}>
                <code>{e}</code>
              </li>
            ))}
          </ul>
          {result.truncated ? <p>More problems were found; the first {result.errors.length} are listed.</p> : null}
          {result.fileName ? <p>Fix the file and upload it again.</p> : null}
        </div>
      ) : null}

      {result?.step === "preview" ? (
        <section className="card import-preview" aria-labelledby="preview-title">
          <h2 id="preview-title">Ready to import {result.fileName}</h2>
          <p className="preview-counts" role="status">
            <strong>
              {nf.format(result.new)} new, {nf.format(result.updated)} updated, {nf.format(result.unchanged)} unchanged
            </strong>{" "}
            ({formatLabel(result.format)}, {nf.format(result.total)} {result.total === 1 ? "record" : "records"})
          </p>
          <p className="small muted">
            Nothing has been written yet. Updated records keep their earlier versions; unchanged ones get no new version.
          </p>
          {progress.state === "running" || progress.state === "finished" ? (
            <div className="import-progress">
              <label htmlFor="import-progress">Import progress</label>
              <progress id="import-progress" max={progress.state === "running" && progress.total ? progress.total : undefined} value={progress.state === "running" && progress.total ? progress.done : undefined} />
            </div>
          ) : null}
          <p aria-live="polite" className="small progress-text">
            {progress.state === "running"
              ? progress.total
                ? `Imported ${nf.format(progress.done)} of ${nf.format(progress.total)} records (${Math.floor((progress.done / Math.max(progress.total, 1)) * 100)}%).`
                : "Checking the file and starting the import…"
              : progress.state === "finished"
                ? progress.message
                : ""}
          </p>
          {progress.state === "failed" ? (
            <div className="alert alert-error" role="alert">
              <p className="alert-title">The import did not complete; nothing was written.</p>
              <ul className="error-list">
                {progress.errors.map((e, i) => (
                  <li key={i}>{e}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="button-row">
            <Form method="post" onSubmit={confirmWithProgress}>
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="uploadId" value={result.uploadId} />
              <button className="btn" type="submit" disabled={running || progress.state === "finished" || submitting === "confirm"}>
                {running || submitting === "confirm" ? "Importing…" : `Confirm import of ${nf.format(result.total)} ${result.total === 1 ? "record" : "records"}`}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <input type="hidden" name="uploadId" value={result.uploadId} />
              <button className="btn btn-secondary" type="submit" disabled={running || progress.state === "finished"}>
                Cancel
              </button>
            </Form>
          </div>
        </section>
      ) : null}

      <section className="card" aria-labelledby="upload-title">
        <h2 id="upload-title">{result?.step === "preview" ? "Or check another file" : "Choose a file"}</h2>
        <Form method="post" encType="multipart/form-data" noValidate key={result?.step === "preview" ? result.uploadId : "upload"}>
          <input type="hidden" name="intent" value="preview" />
          <div className="field field-file">
            <label htmlFor="import-file">Incident file</label>
            <input
              id="import-file"
              name="file"
              type="file"
              accept=".json,.csv,.ndjson,.txt,application/json,text/csv"
              required
              aria-describedby="import-file-hint import-file-error"
              aria-invalid={fileError ? true : undefined}
            />
            <span className="hint" id="import-file-hint">
              JSON or CSV, UTF-8, up to {maxUpload}.
            </span>
            {fileError ? (
              <p className="field-error" id="import-file-error" role="alert">
                {fileError}
              </p>
            ) : null}
          </div>
          <div className="field field-narrow">
            <label htmlFor="import-format">Format</label>
            <select id="import-format" name="format" defaultValue="" aria-describedby="import-format-hint">
              <option value="">Detect automatically</option>
              {FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
            <span className="hint" id="import-format-hint">
              Canonical JSON is the workspace&apos;s own format; Statuspage and PagerDuty are those tools&apos; JSON exports.
            </span>
          </div>
          <button className="btn" type="submit" disabled={submitting === "preview"}>
            {submitting === "preview" ? "Checking…" : "Check file"}
          </button>
        </Form>
      </section>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
