import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { fieldLabel, formatLabel, InternalBadge, SeverityBadge, StatusBadge, tagLabel } from "~/components/incident-badges";
import { IncidentTimeline } from "~/components/incident-timeline";
import { Markdown } from "~/components/markdown";
import { durationBetween, formatUtcDateTime } from "~/domain/duration";
import type { Incident } from "~/domain/incidents";
import { getIncident, getIncidentVersion } from "~/models/incident.server";
import { requirePermission } from "~/utils/auth.server";
import { compareRecords, incidentStatus, type FieldDiff } from "~/utils/incident-pages.server";
import { renderMarkdown } from "~/utils/markdown.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.record.id}: ${data.record.title} · Incidents · Factdesk` : "Incident · Factdesk" },
];

const VersionParam = z.coerce
  .number({ error: "A version must be a whole number." })
  .int("A version must be a whole number.")
  .min(1, "A version must be 1 or more.");
const CompareSchema = z.object({ from: VersionParam, to: VersionParam });

type Compare = { from: number; to: number; fields: FieldDiff[] } | null;

/** The diff between two versions asked for with ?from=&to=, or why it cannot be shown. */
async function loadCompare(
  db: Parameters<typeof getIncidentVersion>[0],
  id: string,
  params: URLSearchParams,
  latest: number,
): Promise<{ compare: Compare; error: string | null }> {
  const from = params.get("from");
  const to = params.get("to");
  if (!from && !to) return { compare: null, error: null };
  if (!from || !to) return { compare: null, error: "Choose both versions to compare." };
  const parsed = CompareSchema.safeParse({ from, to });
  if (!parsed.success) return { compare: null, error: parsed.error.issues[0].message };
  const { from: a, to: b } = parsed.data;
  for (const v of [a, b]) {
    if (v > latest) return { compare: null, error: `There is no version ${v}; this record has ${latest} ${latest === 1 ? "version" : "versions"}.` };
  }
  if (a === b) return { compare: { from: a, to: b, fields: [] }, error: "Choose two different versions to see what changed." };
  const [before, after] = await Promise.all([getIncidentVersion(db, id, a), getIncidentVersion(db, id, b)]);
  if (!before || !after) return { compare: null, error: "One of those versions could not be found." };
  return { compare: { from: a, to: b, fields: compareRecords(before.record, after.record) }, error: null };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "view:incidents");
  const id = params.id ?? "";
  // An id with control characters (a NUL cannot even reach the database) or of absurd length names no record.
  const incident = /[\u0000-\u001f\u007f]/.test(id) || id.length > 500 ? null : await getIncident(context.db, id);
  if (!incident) {
    throw new Response(`There is no incident record with the id “${id}”. It may not have been imported yet, or the id may be mistyped.`, {
      status: 404,
      statusText: "Not Found",
    });
  }
  const { compare, error } = await loadCompare(context.db, id, new URL(request.url).searchParams, incident.version);
  const { record } = incident;
  return json(
    {
      record,
      status: incidentStatus(record),
      version: incident.version,
      contentHash: incident.contentHash,
      versions: incident.versions,
      rawText: incident.raw === null || incident.raw === undefined ? null : JSON.stringify(incident.raw, null, 2),
      rawFormat: incident.versions.find((v) => v.version === incident.version)?.sourceFormat ?? null,
      summaryHtml: record.summary ? renderMarkdown(record.summary) : null,
      rootCauseHtml: record.rootCause ? renderMarkdown(record.rootCause) : null,
      compare,
      compareError: error,
    },
    { status: error && !compare ? 400 : 200 },
  );
}

const nf = new Intl.NumberFormat("en-US");

function isWebLink(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url.trim());
}

export default function IncidentDetail() {
  const data = useLoaderData<typeof loader>();
  const record = data.record as Incident;
  const internal = new Set(record.internalOnly ?? []);
  const isInternal = (field: string) => internal.has(field);
  const { status } = data;
  const timeToDetect = durationBetween(record.startedAt, record.detectedAt);
  const duration = durationBetween(record.startedAt, record.resolvedAt);
  const none = <span className="muted">Not recorded</span>;

  /** One row of the facts list, marked when the record says the field is internal only. */
  const fact = (field: keyof Incident, body: React.ReactNode, extra?: React.ReactNode) => (
    <div className={`fact${isInternal(field) ? " is-internal" : ""}`} key={field}>
      <dt>
        {fieldLabel(field)}
        {isInternal(field) ? <InternalBadge field={fieldLabel(field)} /> : null}
      </dt>
      <dd>
        {body}
        {extra}
      </dd>
    </div>
  );

  /** A titled section for one field, marked when internal only. */
  const section = (field: keyof Incident, body: React.ReactNode, className = "") => (
    <section className={`card record-section ${className}${isInternal(field) ? " is-internal" : ""}`} aria-labelledby={`sec-${field}`} key={field}>
      <h2 id={`sec-${field}`}>
        {fieldLabel(field)}
        {isInternal(field) ? <InternalBadge field={fieldLabel(field)} /> : null}
      </h2>
      {body}
    </section>
  );

  const timelineInternal = ["timeline", "startedAt", "detectedAt", "resolvedAt"].filter(isInternal);

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/incidents">Incidents</Link> <span aria-hidden="true">/</span> <span aria-current="page">{record.id}</span>
      </nav>
      <header className={`page-header incident-header${isInternal("title") ? " is-internal" : ""}`}>
        <div>
          <p className="mono muted incident-id">
            {record.id}
            {isInternal("id") ? <InternalBadge field="ID" /> : null} · version {data.version}
          </p>
          <h1>
            {record.title}
            {isInternal("title") ? <InternalBadge field="Title" /> : null}
          </h1>
          <p className="incident-meta">
            <StatusBadge status={status} />
            <SeverityBadge severity={record.severity} />
            {record.organization ? <span>{record.organization}</span> : null}
            {duration ? <span>· {duration} of impact</span> : null}
          </p>
        </div>
      </header>

      {internal.size ? (
        <div className="alert alert-internal" role="note">
          <strong>
            {internal.size === 1 ? "One field of this record is" : `${internal.size} fields of this record are`} internal only:
          </strong>{" "}
          {[...internal].map(fieldLabel).join(", ")}. {internal.size === 1 ? "It is" : "They are"} marked <InternalBadge /> below and must never be
          quoted in a public statement.
        </div>
      ) : null}

      <div className="record-grid">
        <section className="card" aria-labelledby="sec-facts">
          <h2 id="sec-facts">Facts</h2>
          <dl className="facts">
            {fact("status", <StatusBadge status={status} />, record.status ? null : <span className="small muted"> (not given; resolved by default)</span>)}
            {fact("severity", record.severity ? <SeverityBadge severity={record.severity} /> : none)}
            {fact("startedAt", <time dateTime={record.startedAt}>{formatUtcDateTime(record.startedAt)}</time>)}
            {fact(
              "detectedAt",
              record.detectedAt ? <time dateTime={record.detectedAt}>{formatUtcDateTime(record.detectedAt)}</time> : none,
              timeToDetect ? <div className="small">Time to detect: <strong>{timeToDetect}</strong></div> : null,
            )}
            {fact(
              "resolvedAt",
              record.resolvedAt ? <time dateTime={record.resolvedAt}>{formatUtcDateTime(record.resolvedAt)}</time> : none,
              duration ? <div className="small">Duration of impact: <strong>{duration}</strong></div> : null,
            )}
            {fact("organization", record.organization ?? none)}
            {fact("services", record.services?.length ? <TagList items={record.services} /> : none)}
            {fact("regions", record.regions?.length ? <TagList items={record.regions} /> : none)}
            {fact("customersAffected", record.customersAffected !== undefined ? nf.format(record.customersAffected) : none)}
            {fact("trigger", record.trigger ?? none)}
          </dl>
        </section>

        <div className="record-main">
          {section("customerImpact", record.customerImpact ? <p className="prose">{record.customerImpact}</p> : <p>{none}</p>)}
          {section("summary", data.summaryHtml ? <Markdown html={data.summaryHtml} /> : <p>{none}</p>)}
          {section("rootCause", data.rootCauseHtml ? <Markdown html={data.rootCauseHtml} /> : <p>{none}</p>)}
          {section(
            "contributingFactors",
            record.contributingFactors?.length ? (
              <ul className="factor-list">
                {record.contributingFactors.map((f, i) => (
                  <li key={i}>
                    <span className="tag">{tagLabel(f.tag)}</span> {f.description}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{none}</p>
            ),
          )}
        </div>
      </div>

      <section
        className={`card record-section${timelineInternal.length ? " is-internal" : ""}`}
        aria-labelledby="sec-timeline"
      >
        <h2 id="sec-timeline">
          Timeline
          {timelineInternal.length ? <InternalBadge field={timelineInternal.map(fieldLabel).join(", ")} /> : null}
        </h2>
        {timelineInternal.length && !isInternal("timeline") ? (
          <p className="small">Internal only here: {timelineInternal.map(fieldLabel).join(", ")}.</p>
        ) : null}
        <IncidentTimeline
          incidentId={record.id}
          startedAt={record.startedAt}
          detectedAt={record.detectedAt}
          resolvedAt={record.resolvedAt}
          events={record.timeline ?? []}
        />
        <h3 id="timeline-events">Events</h3>
        {record.timeline?.length ? (
          <ol className="timeline-list" aria-labelledby="timeline-events">
            {[...record.timeline]
              .map((entry, i) => ({ entry, i }))
              .sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || a.i - b.i)
              .map(({ entry }, n) => (
                <li key={n}>
                  <time dateTime={entry.at}>{formatUtcDateTime(entry.at)}</time>
                  <span className="muted small"> {sinceStart(record.startedAt, entry.at)}</span>
                  <div>{entry.text}</div>
                </li>
              ))}
          </ol>
        ) : (
          <p>{none}</p>
        )}
      </section>

      {section(
        "actionItems",
        record.actionItems?.length ? (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Action items of {record.id}</caption>
              <thead>
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Status</th>
                  <th scope="col">Owner</th>
                </tr>
              </thead>
              <tbody>
                {record.actionItems.map((item, i) => (
                  <tr key={i}>
                    <td>{item.text}</td>
                    <td>
                      <span className={`badge ${item.status === "done" ? "badge-ok" : "badge-warn"}`}>{item.status === "done" ? "Done" : "Open"}</span>
                    </td>
                    <td>{item.owner ?? <span className="muted">No owner</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{none}</p>
        ),
      )}

      {section(
        "links",
        record.links?.length ? (
          <ul className="link-list">
            {record.links.map((link, i) => (
              <li key={i}>
                {isWebLink(link.url) ? (
                  <a href={link.url.trim()} rel="noopener noreferrer" target="_blank">
                    {link.title}
                    <span className="visually-hidden"> (opens in a new tab)</span>
                  </a>
                ) : (
                  <>
                    {link.title}: <code>{link.url}</code> <span className="small muted">(not a web address)</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>{none}</p>
        ),
      )}

      <VersionHistory />

      <section className="card record-section" aria-labelledby="sec-raw">
        <h2 id="sec-raw">Source</h2>
        {data.rawText ? (
          <details className="raw-source">
            <summary>
              Raw source of version {data.version} as imported ({formatLabel(data.rawFormat)})
            </summary>
            <pre tabIndex={0} aria-label={`Raw source of ${record.id}`}>
              <code>{data.rawText}</code>
            </pre>
          </details>
        ) : (
          <p className="muted">The raw source was not kept for this version.</p>
        )}
      </section>
    </>
  );
}

/** "(at start)", "(+4 min)" or "(4 min before start)" for a timeline entry. */
function sinceStart(startedAt: string, at: string): string {
  const delta = Date.parse(at) - Date.parse(startedAt);
  if (delta === 0) return "(at start)";
  return delta > 0 ? `(+${durationBetween(startedAt, at)})` : `(${durationBetween(at, startedAt)} before start)`;
}

function TagList({ items }: { items: string[] }) {
  return (
    <ul className="tag-list">
      {items.map((item) => (
        <li key={item} className="tag">
          {item}
        </li>
      ))}
    </ul>
  );
}

function VersionHistory() {
  const data = useLoaderData<typeof loader>();
  const { versions, compare, compareError } = data;
  const record = data.record as Incident;
  const internal = new Set(record.internalOnly ?? []);
  const defaultFrom = compare?.from ?? versions[1]?.version ?? versions[0]?.version;
  const defaultTo = compare?.to ?? versions[0]?.version;
  return (
    <section className="card record-section" aria-labelledby="sec-versions">
      <h2 id="sec-versions">Version history</h2>
      <div className="table-wrap">
        <table className="versions-table">
          <caption className="visually-hidden">Versions of {record.id}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Imported</th>
              <th scope="col">File</th>
              <th scope="col">Format</th>
              <th scope="col">Changed fields</th>
              <th scope="col">Content hash</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version} aria-current={v.version === data.version ? "true" : undefined}>
                <th scope="row">
                  {v.version}
                  {v.version === data.version ? <span className="badge">current</span> : null}
                </th>
                <td>
                  <time dateTime={v.importedAt}>{formatUtcDateTime(v.importedAt)}</time>
                  <div className="small muted">by {v.importedBy}</div>
                </td>
                <td className="break">{v.fileName}</td>
                <td>{formatLabel(v.sourceFormat)}</td>
                <td>
                  {v.version === 1 ? (
                    <span className="muted">First import</span>
                  ) : v.changedFields.length ? (
                    v.changedFields.map(fieldLabel).join(", ")
                  ) : (
                    <span className="muted">None listed</span>
                  )}
                </td>
                <td>
                  <code title={v.contentHash}>{v.contentHash.slice(0, 12)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {versions.length > 1 ? (
        <>
          <h3 id="compare">Compare versions</h3>
          <Form method="get" className="compare-form" aria-labelledby="compare" preventScrollReset>
            <VersionSelect name="from" label="From version" value={defaultFrom} versions={versions} />
            <VersionSelect name="to" label="To version" value={defaultTo} versions={versions} />
            <button type="submit" className="btn btn-secondary">
              Show changes
            </button>
          </Form>
        </>
      ) : (
        <p className="muted">Only one version has been imported, so there is nothing to compare yet.</p>
      )}

      {compareError ? (
        <p className="alert alert-error" role="alert">
          {compareError}
        </p>
      ) : null}

      {compare && compare.from !== compare.to ? (
        <div className="diff" aria-live="polite">
          <h3>
            Changes from version {compare.from} to version {compare.to}
          </h3>
          {compare.fields.length === 0 ? (
            <p>No field differs between these versions.</p>
          ) : (
            <>
              <p className="small muted">
                {compare.fields.length} {compare.fields.length === 1 ? "field differs" : "fields differ"}. Added text is{" "}
                <ins className="diff-key">underlined</ins>, removed text is <del className="diff-key">struck through</del>.
              </p>
              {compare.fields.map((f) => (
                <div key={f.field} className={`diff-field${internal.has(f.field) ? " is-internal" : ""}`}>
                  <h4>
                    {fieldLabel(f.field)}
                    {internal.has(f.field) ? <InternalBadge field={fieldLabel(f.field)} /> : null}
                  </h4>
                  <pre className="diff-body">
                    {f.segments.map((s, i) =>
                      s.kind === "added" ? (
                        <ins key={i}>
                          <span className="visually-hidden">[added: </span>
                          {s.text}
                          <span className="visually-hidden">]</span>
                        </ins>
                      ) : s.kind === "removed" ? (
                        <del key={i}>
                          <span className="visually-hidden">[removed: </span>
                          {s.text}
                          <span className="visually-hidden">]</span>
                        </del>
                      ) : (
                        <span key={i}>{s.text}</span>
                      ),
                    )}
                  </pre>
                </div>
              ))}
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

/** One end of the comparison: the versions newest first, keyed so a new default resets it. */
function VersionSelect({ name, label, value, versions }: { name: "from" | "to"; label: string; value: number; versions: { version: number }[] }) {
  return (
    <div className="field">
      <label htmlFor={`cmp-${name}`}>{label}</label>
      <select id={`cmp-${name}`} name={name} defaultValue={value} key={`${name}-${value}`}>
        {[...versions].reverse().map((v) => (
          <option key={v.version} value={v.version}>
            {v.version}
          </option>
        ))}
      </select>
    </div>
  );
}
