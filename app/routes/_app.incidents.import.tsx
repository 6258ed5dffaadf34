import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigate, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import type { Db } from "#db/client";
import { FIELD_LABELS, FORMAT_LABELS, formatLabel } from "~/components/incident-badges";
import type { CsvMapping, IncidentField, IncidentFileFormat } from "~/domain/incidents";
import {
  dropUpload,
  getCsvMapping,
  importIncidents,
  listCsvMappings,
  previewImport,
  saveCsvMapping,
  stageUpload,
  takeUpload,
} from "~/models/incident.server";
import { AppError, isAppError } from "~/utils/app-error";
import { requirePermission } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import {
  csvColumns,
  importErrorLines,
  isIncidentField,
  MAX_UPLOAD_LABEL,
  readImportForm,
  readUploadedFiles,
  UploadTooLargeError,
} from "~/utils/incident-pages.server";
import { pullStatuspage } from "~/utils/statuspage-pull.server";

export const meta: MetaFunction = () => [{ title: "Import incidents · Factdesk" }];

/** Every file format, from the labels (whose type makes them cover every format). */
const FORMATS = Object.keys(FORMAT_LABELS) as [IncidentFileFormat, ...IncidentFileFormat[]];
/** Every canonical field, from the labels (whose type makes them cover every field). */
const FIELDS = Object.keys(FIELD_LABELS) as IncidentField[];
const NOT_YOURS =
  "That upload is not waiting to be imported: it was imported or cancelled already, it expired after a day, or it was uploaded by someone else. Upload the file again.";

const FormatField = z.preprocess((v) => (v === "" ? undefined : v), z.enum(FORMATS, { error: "Choose one of the listed formats." }).optional());
const MappingName = z
  .string()
  .trim()
  .min(1, { error: "Name the mapping, for example the tool whose export it reads." })
  .max(80, { error: "A mapping name has at most 80 characters." })
  .refine((v) => !/[\u0000-\u001f]/.test(v), { error: "A mapping name cannot contain control characters." });
const MappingField = z.preprocess((v) => (v === "" ? undefined : v), MappingName.optional());
const UploadId = z.uuid({ error: "The upload id is missing or malformed; upload the file again." });

const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("preview"), format: FormatField, mapping: MappingField }),
  z.object({ intent: z.literal("confirm"), uploadId: UploadId, skipInvalid: z.enum(["1"], { error: "skipInvalid is 1 or absent." }).optional() }),
  z.object({ intent: z.literal("cancel"), uploadId: UploadId }),
  z.object({ intent: z.literal("map"), uploadId: UploadId, name: MappingName }),
  z.object({ intent: z.literal("pull"), url: z.string().trim().min(1, { error: "Give the status page's address." }).max(2000, { error: "That address is too long." }) }),
]);

export type ImportActionData =
  | {
      ok: true;
      step: "preview";
      uploadId: string;
      fileName: string;
      format: IncidentFileFormat;
      total: number;
      new: number;
      updated: number;
      unchanged: number;
      /** Objects that are not incidents (scheduled maintenances), left out. */
      ignored: number;
      mapping?: string;
    }
  | {
      ok: false;
      step: "errors";
      /** The first problem, or how many there are: the one sentence every refusal carries. */
      message: string;
      /** Every problem found, one line each (up to 50 records' errors). */
      problems: string[];
      errors?: Record<string, string>;
      fileName?: string;
      truncated?: boolean;
      field?: string;
      /** Set when the valid records may be imported without the invalid ones: the staged upload and the counts. */
      uploadId?: string;
      skippable?: { valid: number; invalid: number };
      /** A CSV's columns, for mapping them onto the canonical fields. */
      columns?: string[];
    }
  | { ok: true; step: "cancelled" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "import:incidents");
  const mappings = await listCsvMappings(context.db);
  return json({ maxUpload: MAX_UPLOAD_LABEL, mappings: mappings.map((m) => m.name), fields: FIELDS });
}

/** The import page's refusal, in the one failure shape (ok, message, field, errors) with every problem listed. */
const errorsOf = (problems: string[], status: number, extra: Omit<Extract<ImportActionData, { step: "errors" }>, "ok" | "step" | "message" | "problems" | "errors"> = {}) => {
  const message = problems.length === 1 ? problems[0]! : `${problems.length} problems were found${extra.fileName ? ` in ${extra.fileName}` : ""}; nothing was imported.`;
  return json<ImportActionData>(
    { ok: false, step: "errors", message, problems, errors: extra.field ? { [extra.field]: message } : undefined, ...extra },
    { status },
  );
};

/** A posted column mapping: pairs of `column` and `field` ("" leaves the column out). */
function readMapping(form: FormData): CsvMapping | string {
  const columns = form.getAll("column").map(String);
  const fields = form.getAll("field").map(String);
  if (columns.length === 0 || columns.length !== fields.length) return "Choose a field (or “leave out”) for every column.";
  const mapping: Record<string, IncidentField | null> = {};
  for (let i = 0; i < columns.length; i++) {
    if (/[\u0000-\u001f]/.test(columns[i]) || columns[i].length > 200) return "A column name is malformed; upload the file again.";
    if (fields[i] !== "" && !isIncidentField(fields[i])) return `“${fields[i].slice(0, 60)}” is not a field of the incident format.`;
    mapping[columns[i]] = fields[i] === "" ? null : (fields[i] as IncidentField);
  }
  return mapping;
}

/** Previews a staged or uploaded text and answers with the preview, or the errors with what the user may do next. */
async function answerPreview(
  db: Db,
  input: { userId: string; fileName: string; text: string; format?: IncidentFileFormat; csvMapping?: CsvMapping; mappingName?: string },
) {
  const outcome = await previewImport(db, input.text, { format: input.format, csvMapping: input.csvMapping });
  const stage = () =>
    stageUpload(db, { userId: input.userId, fileName: input.fileName, format: outcome.format ?? input.format, content: input.text, csvMapping: input.csvMapping });
  if (!outcome.ok) {
    // The columns are offered for mapping when the header is what is wrong (an unknown or missing column).
    const headerProblem = outcome.errors.some((error) => error.index === 0 && error.field !== "");
    const columns = headerProblem ? csvColumns(input.text, outcome.format) : undefined;
    const staged = outcome.skippable || columns ? await stage() : undefined;
    return errorsOf(importErrorLines(outcome.errors, input.fileName), 400, {
      fileName: input.fileName,
      truncated: outcome.truncated,
      ...(staged ? { uploadId: staged } : {}),
      ...(outcome.skippable ? { skippable: outcome.skippable } : {}),
      ...(columns ? { columns } : {}),
    });
  }
  const uploadId = await stage();
  return json<ImportActionData>({
    ok: true,
    step: "preview",
    uploadId,
    fileName: input.fileName,
    format: outcome.format,
    total: outcome.total,
    new: outcome.new,
    updated: outcome.updated,
    unchanged: outcome.unchanged,
    ignored: outcome.ignored.length,
    ...(input.mappingName ? { mapping: input.mappingName } : {}),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "import:incidents");
  let form: FormData;
  try {
    form = await readImportForm(request);
  } catch (error) {
    if (error instanceof UploadTooLargeError) {
      return errorsOf([`${error.message}, the most one import accepts. Split it into smaller files.`], 413, { field: "file" });
    }
    if (isAppError(error)) return errorsOf([error.message], error.status);
    return errorsOf(["The upload could not be read. Choose the file and try again."], 400);
  }
  const parsed = parseForm(Intent, form);
  if (!parsed.ok) return errorsOf(Object.values(parsed.errors), 400, { field: Object.keys(parsed.errors)[0] });
  const input = parsed.data;

  switch (input.intent) {
    case "preview": {
      const file = await readUploadedFiles(form.getAll("file"));
      if (!file.ok) return errorsOf([file.message], 400, { field: "file" });
      const csvMapping = input.mapping ? await getCsvMapping(context.db, input.mapping) : undefined;
      if (csvMapping === null) return errorsOf([`There is no saved column mapping named “${input.mapping}”.`], 400, { field: "mapping" });
      return answerPreview(context.db, {
        userId: user.id,
        fileName: file.fileName,
        text: file.text,
        format: input.mapping ? "csv" : input.format,
        csvMapping,
        mappingName: input.mapping,
      });
    }
    case "pull": {
      let pulled;
      try {
        pulled = await pullStatuspage(input.url, { privateAddresses: context.allowPrivatePull === true });
      } catch (error) {
        if (error instanceof AppError) return errorsOf([error.message], error.status, { field: "url" });
        throw error;
      }
      return answerPreview(context.db, { userId: user.id, fileName: pulled.url, text: pulled.text, format: "statuspage" });
    }
    case "map": {
      const upload = await takeUpload(context.db, input.uploadId, user.id);
      if (!upload) return errorsOf([NOT_YOURS], 404);
      const mapping = readMapping(form);
      if (typeof mapping === "string") return errorsOf([mapping], 400, { field: "field" });
      await saveCsvMapping(context.db, { name: input.name, mapping, actor: { userId: user.id, label: user.email } });
      await dropUpload(context.db, upload.id);
      return answerPreview(context.db, {
        userId: user.id,
        fileName: upload.fileName,
        text: upload.content,
        format: "csv",
        csvMapping: mapping,
        mappingName: input.name,
      });
    }
    case "confirm": {
      const upload = await takeUpload(context.db, input.uploadId, user.id);
      if (!upload) return errorsOf([NOT_YOURS], 404);
      const outcome = await importIncidents(context.db, {
        text: upload.content,
        fileName: upload.fileName,
        format: (upload.format ?? undefined) as IncidentFileFormat | undefined,
        csvMapping: upload.csvMapping,
        skipInvalid: input.skipInvalid === "1",
        actor: { userId: user.id, label: user.email },
      });
      await dropUpload(context.db, upload.id);
      if (!outcome.ok) {
        return errorsOf(importErrorLines(outcome.errors, upload.fileName), 400, { fileName: upload.fileName, truncated: outcome.truncated });
      }
      return redirect(`/incidents?imported=${outcome.importId}`);
    }
    case "cancel": {
      const upload = await takeUpload(context.db, input.uploadId, user.id);
      if (!upload) return errorsOf([NOT_YOURS], 404);
      await dropUpload(context.db, upload.id);
      return json<ImportActionData>({ ok: true, step: "cancelled" });
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
  const { maxUpload, mappings, fields } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  const submitting = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const fileError = result?.step === "errors" && result.field === "file" ? result.problems[0] : null;
  const urlError = result?.step === "errors" && result.field === "url" ? result.problems[0] : null;
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

      {result?.step === "errors" && !fileError && !urlError ? (
        <div className="alert alert-error" role="alert" tabIndex={-1}>
          <p className="alert-title">
            {result.fileName ? `${result.fileName} cannot be imported; nothing was written.` : "Nothing was imported."}
            {result.problems.length > 1 ? ` ${result.problems.length} problems were found:` : ""}
          </p>
          <ul className="error-list">
            {result.problems.map((e, i) => (
              <li key={i}>
                <code>{e}</code>
              </li>
            ))}
          </ul>
          {result.truncated ? <p>More problems were found; the first {result.problems.length} are listed.</p> : null}
          {result.fileName ? <p>Fix the file and upload it again{result.skippable || result.columns ? ", or:" : "."}</p> : null}
        </div>
      ) : null}

      {result?.step === "errors" && result.uploadId && result.skippable ? (
        <section className="card" aria-labelledby="skip-title">
          <h2 id="skip-title">Import only the valid records</h2>
          <p>
            {nf.format(result.skippable.valid)} {result.skippable.valid === 1 ? "record is" : "records are"} valid. You may import{" "}
            {result.skippable.valid === 1 ? "it" : "them"} and skip the {nf.format(result.skippable.invalid)} listed above; the import&apos;s history
            keeps every skipped id and why it was skipped.
          </p>
          <div className="button-row">
            <Form method="post">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="uploadId" value={result.uploadId} />
              <input type="hidden" name="skipInvalid" value="1" />
              <button className="btn" type="submit" disabled={submitting === "confirm"}>
                {`Import the valid ${nf.format(result.skippable.valid)} and skip these ${nf.format(result.skippable.invalid)}`}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <input type="hidden" name="uploadId" value={result.uploadId} />
              <button className="btn btn-secondary" type="submit">
                Cancel
              </button>
            </Form>
          </div>
        </section>
      ) : null}

      {result?.step === "errors" && result.uploadId && result.columns?.length ? (
        <section className="card" aria-labelledby="map-title">
          <h2 id="map-title">Map this CSV&apos;s columns</h2>
          <p className="small muted">
            Another tool&apos;s CSV export: choose the field each column holds. The mapping is saved for the whole workspace under its name, so the
            next export of that tool imports in one step (or with <code>--mapping NAME</code> on the command line).
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="map" />
            <input type="hidden" name="uploadId" value={result.uploadId} />
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Column in the file</th>
                  <th scope="col">Field</th>
                </tr>
              </thead>
              <tbody>
                {result.columns.map((column, i) => (
                  <tr key={`${column}-${i}`}>
                    <td>
                      <label htmlFor={`map-field-${i}`}>{column}</label>
                      <input type="hidden" name="column" value={column} />
                    </td>
                    <td>
                      <select id={`map-field-${i}`} name="field" defaultValue={fields.includes(column as IncidentField) ? column : ""}>
                        <option value="">Leave out</option>
                        {fields.map((f) => (
                          <option key={f} value={f}>
                            {FIELD_LABELS[f]} ({f})
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="field field-narrow">
              <label htmlFor="map-name">Save the mapping as</label>
              <input id="map-name" name="name" required maxLength={80} aria-describedby="map-name-hint" />
              <span className="hint" id="map-name-hint">
                For example the tool&apos;s name. A mapping of the same name is replaced.
              </span>
            </div>
            <button className="btn" type="submit" disabled={submitting === "map"}>
              {submitting === "map" ? "Checking…" : "Save mapping and check the file"}
            </button>
          </Form>
        </section>
      ) : null}

      {result?.step === "preview" ? (
        <section className="card import-preview" aria-labelledby="preview-title">
          <h2 id="preview-title">Ready to import {result.fileName}</h2>
          <p className="preview-counts" role="status">
            <strong>
              {nf.format(result.new)} new, {nf.format(result.updated)} updated, {nf.format(result.unchanged)} unchanged
            </strong>{" "}
            ({formatLabel(result.format)}
            {result.mapping ? `, columns mapped by “${result.mapping}”` : ""}, {nf.format(result.total)} {result.total === 1 ? "record" : "records"})
          </p>
          {result.ignored > 0 ? (
            <p className="small">
              {nf.format(result.ignored)} {result.ignored === 1 ? "entry is" : "entries are"} not an incident (a scheduled maintenance, for
              example) and will be left out.
            </p>
          ) : null}
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
              multiple
              required
              aria-describedby="import-file-hint import-file-error"
              aria-invalid={fileError ? true : undefined}
            />
            <span className="hint" id="import-file-hint">
              JSON or CSV, UTF-8, up to {maxUpload}. Several JSON files are read as one: a PagerDuty incident with its log entries and notes.
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
              Canonical JSON is the workspace&apos;s own format; the others are those tools&apos; API exports (a list or one incident).
            </span>
          </div>
          {mappings.length ? (
            <div className="field field-narrow">
              <label htmlFor="import-mapping">CSV column mapping</label>
              <select id="import-mapping" name="mapping" defaultValue="" aria-describedby="import-mapping-hint">
                <option value="">None: the columns are named like the fields</option>
                {mappings.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
              <span className="hint" id="import-mapping-hint">
                A saved mapping reads another tool&apos;s CSV export.
              </span>
            </div>
          ) : null}
          <button className="btn" type="submit" disabled={submitting === "preview"}>
            {submitting === "preview" ? "Checking…" : "Check file"}
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="pull-title">
        <h2 id="pull-title">Or load a public status page</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="pull" />
          <div className="field">
            <label htmlFor="pull-url">Status page address</label>
            <input
              id="pull-url"
              name="url"
              type="url"
              inputMode="url"
              placeholder="https://status.example.com"
              required
              aria-describedby="pull-url-hint pull-url-error"
              aria-invalid={urlError ? true : undefined}
            />
            <span className="hint" id="pull-url-hint">
              A Statuspage site: its whole incident history is read and checked first, as for a file. Loading it again updates the records; it
              never duplicates them.
            </span>
            {urlError ? (
              <p className="field-error" id="pull-url-error" role="alert">
                {urlError}
              </p>
            ) : null}
          </div>
          <button className="btn" type="submit" disabled={submitting === "pull"}>
            {submitting === "pull" ? "Loading…" : "Load and check"}
          </button>
        </Form>
      </section>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
