import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { z } from "zod";
import { Highlight } from "~/components/highlight";
import { InternalBadge, SeverityBadge, formatLabel, tagLabel } from "~/components/incident-badges";
import { durationBetween, formatUtcDate, formatUtcTime } from "~/domain/duration";
import { can } from "~/domain/roles";
import {
  countIncidents,
  getImportSummary,
  getInternalOnlyFields,
  incidentFacets,
  searchIncidents,
  type IncidentFilters,
  type IncidentListItem,
} from "~/models/incident.server";
import { requirePermission } from "~/utils/auth.server";
import type { FieldErrors } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Incidents · Factdesk" }];

const FILTER_KEYS = ["q", "organization", "service", "region", "severity", "tag", "from", "to"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

const isRealDate = (value: string) => {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
};
const DateParam = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `“${label}” must be a date written like 2026-03-07.`)
    .refine(isRealDate, `“${label}” is not a real date.`);
const Text = (label: string, max = 200) => z.string().trim().max(max, `${label} is too long (${max} characters at most).`);

const FiltersSchema = z
  .object({
    q: Text("The search", 500).optional(),
    organization: Text("Organization").optional(),
    service: Text("Service").optional(),
    region: Text("Region").optional(),
    severity: Text("Severity").optional(),
    tag: Text("Contributing factor").optional(),
    from: DateParam("Started from").optional(),
    to: DateParam("Started until").optional(),
    page: z.coerce
      .number({ error: "The page must be a whole number of 1 or more." })
      .int("The page must be a whole number of 1 or more.")
      .min(1, "The page must be a whole number of 1 or more.")
      .max(1_000_000, "That page number is too large.")
      .optional(),
    imported: z.string().optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "“Started from” is after “Started until”.", path: ["to"] });

/** A list row with every field the record marks internal-only left out (named in `hidden`). */
export interface IncidentRow {
  id: string;
  title: string | null;
  severity: string | null;
  organization: string | null;
  services: string[] | null;
  startedAt: string | null;
  duration: string | null;
  tags: string[] | null;
  snippet: string | null;
  hidden: string[];
}

function toRow(item: IncidentListItem, internal: string[]): IncidentRow {
  const hide = (...fields: string[]) => fields.some((f) => internal.includes(f));
  const ongoing = !item.resolvedAt && item.status !== null && !["resolved", "closed"].includes(item.status);
  return {
    id: item.id,
    title: hide("title") ? null : item.title,
    severity: hide("severity") ? null : item.severity,
    organization: hide("organization") ? null : item.organization,
    services: hide("services") ? null : item.services,
    startedAt: hide("startedAt") ? null : item.startedAt,
    duration: hide("startedAt", "resolvedAt") ? null : (durationBetween(item.startedAt, item.resolvedAt) ?? (ongoing ? "ongoing" : "")),
    tags: hide("contributingFactors") ? null : item.tags,
    // The snippet is cut from the summary and root cause together.
    snippet: hide("summary", "rootCause") ? null : item.snippet,
    hidden: internal,
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "view:incidents");
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string> = {};
  for (const key of [...FILTER_KEYS, "page", "imported"]) {
    const value = params.get(key);
    if (value !== null && value.trim() !== "") raw[key] = value;
  }
  const parsed = FiltersSchema.safeParse(raw);
  const errors: FieldErrors = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  const filters: IncidentFilters = parsed.success ? parsed.data : {};
  const values = Object.fromEntries(FILTER_KEYS.map((k) => [k, raw[k] ?? ""])) as Record<FilterKey, string>;

  const importedId = parsed.success && parsed.data.imported && z.uuid().safeParse(parsed.data.imported).success ? parsed.data.imported : null;
  const [result, facets, imported] = await Promise.all([
    parsed.success ? searchIncidents(context.db, filters) : Promise.resolve({ items: [], total: 0, page: 1, pages: 1 }),
    incidentFacets(context.db),
    importedId ? getImportSummary(context.db, importedId) : Promise.resolve(null),
  ]);
  const internal = await getInternalOnlyFields(context.db, result.items.map((i) => i.id));
  const anyRecords = result.total > 0 || (await countIncidents(context.db)) > 0;
  const filtered = FILTER_KEYS.some((k) => values[k] !== "");

  return json(
    {
      values,
      errors,
      filtered,
      searched: Boolean(filters.q?.trim()),
      rows: result.items.map((item) => toRow(item, internal.get(item.id) ?? [])),
      total: result.total,
      page: result.page,
      pages: result.pages,
      facets,
      anyRecords,
      canImport: can(user, "import:incidents"),
      imported,
    },
    { status: Object.keys(errors).length ? 400 : 200 },
  );
}

function pageHref(values: Record<string, string>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/incidents?${query}` : "/incidents";
}

/** Page numbers to offer: the first, the last, and two either side of the current one. */
function pageWindow(page: number, pages: number): (number | "gap")[] {
  const wanted = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1] > 1) out.push("gap");
    out.push(n);
  });
  return out;
}

const nf = new Intl.NumberFormat("en-US");

/** A date input can only hold a real YYYY-MM-DD; anything else is shown in the error instead. */
function isoDateOrEmpty(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value) ? value : "";
}

export default function Incidents() {
  const data = useLoaderData<typeof loader>();
  const { values, errors, rows, total, page, pages, facets } = data;
  const submit = useSubmit();
  const navigation = useNavigation();
  const busy = navigation.state === "loading" && navigation.location?.pathname === "/incidents";
  /** Submits the filters without the empty ones, so the URL says only what was chosen. */
  const submitFilters = (form: HTMLFormElement, replace = false) => {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === "string" && value.trim() !== "") params.append(key, value);
    submit(params, { method: "get", action: "/incidents", replace });
  };

  const select = (name: FilterKey, label: string, options: string[], show: (v: string) => string = (v) => v) => (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={values[name]} aria-invalid={errors[name] ? true : undefined}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {show(o)}
          </option>
        ))}
        {values[name] && !options.includes(values[name]) ? <option value={values[name]}>{show(values[name])}</option> : null}
      </select>
      {errors[name] ? <p className="field-error">{errors[name]}</p> : null}
    </div>
  );

  return (
    <>
      <header className="page-header">
        <div>
          <h1>Incidents</h1>
          <p>The incident records (postmortems) that every answer rests on.</p>
        </div>
        {data.canImport ? (
          <Link className="btn btn-secondary" to="/incidents/import">
            Import incidents
          </Link>
        ) : null}
      </header>

      {data.imported ? (
        <div className="alert alert-ok" role="status">
          <strong>
            Imported: {nf.format(data.imported.new)} new, {nf.format(data.imported.updated)} updated, {nf.format(data.imported.unchanged)} unchanged
          </strong>{" "}
          <span className="small">
            ({data.imported.fileName}, {formatLabel(data.imported.format)})
          </span>
          {data.imported.ignored.length ? (
            <p className="small">
              {nf.format(data.imported.ignored.length)} {data.imported.ignored.length === 1 ? "entry was" : "entries were"} not an incident (a
              scheduled maintenance, for example) and left out.
            </p>
          ) : null}
          {data.imported.skipped.length ? (
            <details>
              <summary>
                {nf.format(data.imported.skipped.length)} invalid {data.imported.skipped.length === 1 ? "record was" : "records were"} skipped, as
                chosen
              </summary>
              <ul className="error-list">
                {data.imported.skipped.map((record) => (
                  <li key={record.index}>
                    <code>
                      record {record.index}
                      {record.id ? ` (${record.id})` : ""}: {record.reasons.join("; ")}
                    </code>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}

      {!data.anyRecords && !data.filtered ? (
        <div className="empty-state">
          <p className="empty-title">No incident records yet</p>
          <p>
            Incident records come in as files: canonical JSON, CSV, or an export from Statuspage or PagerDuty. Each import is all or
            nothing, and re-importing a record keeps its earlier versions.
          </p>
          {data.canImport ? (
            <p>
              <Link className="btn" to="/incidents/import">
                Import incidents
              </Link>
            </p>
          ) : (
            <p>Ask an engineer or an admin to import them.</p>
          )}
        </div>
      ) : (
        <>
          <Form
            method="get"
            role="search"
            className="card filters"
            aria-label="Search and filter incidents"
            onSubmit={(event) => {
              event.preventDefault();
              submitFilters(event.currentTarget);
            }}
            onChange={(event) => {
              // With JavaScript, a changed select or date applies at once; the search box waits for Enter or the button.
              const target = event.target as HTMLElement;
              if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === "date")) {
                submitFilters(event.currentTarget, true);
              }
            }}
          >
            <div className="filters-top">
              <div className="field filters-q">
                <label htmlFor="f-q">Search</label>
                <input
                  id="f-q"
                  name="q"
                  type="search"
                  defaultValue={values.q}
                  placeholder="Words from the title, summary, root cause…"
                  aria-describedby="f-q-hint"
                  aria-invalid={errors.q ? true : undefined}
                />
                <span className="hint" id="f-q-hint">
                  Use quotes for a phrase, <code>or</code> for either word, and <code>-word</code> to leave a word out.
                </span>
                {errors.q ? <p className="field-error">{errors.q}</p> : null}
              </div>
              <div className="field">
                <label htmlFor="f-from">Started from</label>
                <input
                  id="f-from"
                  name="from"
                  type="date"
                  defaultValue={isoDateOrEmpty(values.from)}
                  aria-invalid={errors.from ? true : undefined}
                  aria-describedby={errors.from ? "f-from-error" : undefined}
                />
                {errors.from ? (
                  <p className="field-error" id="f-from-error">
                    {errors.from}
                    {values.from && !isoDateOrEmpty(values.from) ? ` (It was “${values.from}”.)` : ""}
                  </p>
                ) : null}
              </div>
              <div className="field">
                <label htmlFor="f-to">Started until</label>
                <input
                  id="f-to"
                  name="to"
                  type="date"
                  defaultValue={isoDateOrEmpty(values.to)}
                  aria-invalid={errors.to ? true : undefined}
                  aria-describedby={errors.to ? "f-to-error" : undefined}
                />
                {errors.to ? (
                  <p className="field-error" id="f-to-error">
                    {errors.to}
                    {values.to && !isoDateOrEmpty(values.to) ? ` (It was “${values.to}”.)` : ""}
                  </p>
                ) : null}
              </div>
            </div>
            <div className="filters-grid">
              {select("organization", "Organization", facets.organizations)}
              {select("service", "Service", facets.services)}
              {select("region", "Region", facets.regions)}
              {select("severity", "Severity", facets.severities)}
              {select("tag", "Contributing factor", facets.tags, tagLabel)}
            </div>
            <div className="filters-actions">
              <button className="btn" type="submit">
                Search
              </button>
              {data.filtered ? (
                <Link className="btn btn-secondary" to="/incidents">
                  Clear filters
                </Link>
              ) : null}
            </div>
          </Form>

          {errors.page ? (
            <div className="alert alert-error" role="alert">
              {errors.page} <Link to={pageHref(values, 1)}>Go to the first page</Link>.
            </div>
          ) : null}

          <div aria-live="polite" aria-busy={busy || undefined}>
            <p className="result-count">
              {Object.keys(errors).length
                ? "Fix the filters above to see results."
                : total === 0
                  ? "No incidents match."
                  : `${nf.format(total)} ${total === 1 ? "incident" : "incidents"}${data.searched ? ", most relevant first" : ", newest first"}${pages > 1 ? ` · page ${page} of ${nf.format(pages)}` : ""}`}
            </p>
          </div>

          {total === 0 && !Object.keys(errors).length ? (
            <div className="empty-state">
              <p className="empty-title">No incidents match these filters</p>
              <p>Try fewer words, another date range, or fewer filters.</p>
              <p>
                <Link className="btn btn-secondary" to="/incidents">
                  Clear all filters
                </Link>
              </p>
            </div>
          ) : null}

          {total > 0 && rows.length === 0 ? (
            <div className="empty-state">
              <p className="empty-title">There is no page {page}</p>
              <p>
                The results fill {pages} {pages === 1 ? "page" : "pages"}. <Link to={pageHref(values, pages)}>Go to the last page</Link>.
              </p>
            </div>
          ) : null}

          {rows.length > 0 ? <IncidentTable rows={rows} searched={data.searched} total={total} page={page} pages={pages} /> : null}

          {pages > 1 ? (
            <nav className="pagination" aria-label="Pages of results">
              {page > 1 ? (
                <Link to={pageHref(values, page - 1)} rel="prev">
                  ← Previous
                </Link>
              ) : (
                <span className="pagination-disabled" aria-hidden="true">
                  ← Previous
                </span>
              )}
              <ul>
                {pageWindow(page, pages).map((n, i) =>
                  n === "gap" ? (
                    <li key={`gap-${i}`} aria-hidden="true">
                      …
                    </li>
                  ) : (
                    <li key={n}>
                      <Link to={pageHref(values, n)} aria-current={n === page ? "page" : undefined} aria-label={`Page ${n}`}>
                        {n}
                      </Link>
                    </li>
                  ),
                )}
              </ul>
              {page < pages ? (
                <Link to={pageHref(values, page + 1)} rel="next">
                  Next →
                </Link>
              ) : (
                <span className="pagination-disabled" aria-hidden="true">
                  Next →
                </span>
              )}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}

function Hidden() {
  return (
    <span className="muted small">
      <InternalBadge />
    </span>
  );
}

function IncidentTable({ rows, searched, total, page, pages }: { rows: IncidentRow[]; searched: boolean; total: number; page: number; pages: number }) {
  return (
    <div className="table-wrap">
      <table className="incident-table">
        <caption className="visually-hidden">
          Incidents{searched ? " matching the search, most relevant first" : ", newest first"}: {total} in all
          {pages > 1 ? `, page ${page} of ${pages}` : ""}. Fields a record marks internal only are left out.
        </caption>
        <thead>
          <tr>
            <th scope="col">Incident</th>
            <th scope="col">Severity</th>
            <th scope="col">Organization and services</th>
            <th scope="col">Started (UTC)</th>
            <th scope="col">Duration</th>
            <th scope="col">Contributing factors</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="incident-cell">
                <Link to={`/incidents/${encodeURIComponent(row.id)}`} className="incident-title">
                  {row.title ?? "(title internal only)"}
                </Link>
                <div className="mono small muted">{row.id}</div>
                {row.snippet ? (
                  <p className="snippet">
                    <Highlight text={row.snippet} />
                  </p>
                ) : searched && row.hidden.some((f) => f === "summary" || f === "rootCause") ? (
                  <p className="snippet muted">The matching text is internal only.</p>
                ) : null}
              </th>
              <td>{row.severity === null && row.hidden.includes("severity") ? <Hidden /> : <SeverityBadge severity={row.severity} />}</td>
              <td>
                {row.organization === null ? row.hidden.includes("organization") ? <Hidden /> : <span className="muted">—</span> : <strong>{row.organization}</strong>}
                {row.services === null ? (
                  <div>
                    <Hidden />
                  </div>
                ) : row.services.length ? (
                  <div className="small">{row.services.join(", ")}</div>
                ) : null}
              </td>
              <td className="nowrap">
                {row.startedAt === null ? (
                  <Hidden />
                ) : (
                  <time dateTime={row.startedAt}>
                    {formatUtcDate(row.startedAt)}
                    <span className="small muted"> {formatUtcTime(row.startedAt)}</span>
                  </time>
                )}
              </td>
              <td className="nowrap">{row.duration === null ? <Hidden /> : row.duration || <span className="muted">—</span>}</td>
              <td>
                {row.tags === null ? (
                  <Hidden />
                ) : row.tags.length ? (
                  <ul className="tag-list">
                    {row.tags.map((t) => (
                      <li key={t} className="tag">
                        {tagLabel(t)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
