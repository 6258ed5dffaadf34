import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CASE_STATUS_LABELS, CaseStatusBadge, DueBadge } from "~/components/case-badges";
import { dueState, formatUtcDateTime, relativeDue } from "~/domain/case-due";
import { can } from "~/domain/roles";
import { CASE_STATUSES } from "~/domain/workflow";
import { listCaseOwners, listCases } from "~/models/case.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Cases · Factdesk" }];

const STATUS_FILTERS = ["active", ...CASE_STATUSES, "all"] as const;
const STATUS_FILTER_LABELS: Record<(typeof STATUS_FILTERS)[number], string> = {
  active: "Open and responding",
  ...CASE_STATUS_LABELS,
  all: "All cases",
};

const Filters = z.object({
  status: z.enum(STATUS_FILTERS).catch("active"),
  owner: z.union([z.literal("me"), z.literal("none"), z.uuid()]).optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "view:cases");
  const params = new URL(request.url).searchParams;
  const filters = Filters.parse({ status: params.get("status") || undefined, owner: params.get("owner") || undefined });
  const ownerId = filters.owner === "me" ? user.id : filters.owner;
  const [rows, owners] = await Promise.all([listCases(context.db, { status: filters.status, ownerId }), listCaseOwners(context.db)]);
  const now = new Date();
  return json({
    filters,
    owners,
    canCreate: can(user, "edit:cases"),
    filtered: filters.status !== "active" || !!filters.owner,
    cases: rows.map((c) => ({
      ...c,
      due: dueState(c.dueAt, c.status, now),
      dueLabel: c.dueAt ? formatUtcDateTime(c.dueAt) : null,
      dueRelative: c.dueAt ? relativeDue(c.dueAt, now) : null,
    })),
  });
}

export default function Cases() {
  const { cases, owners, filters, canCreate, filtered } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Cases</h1>
          <p>Press stories to answer, the nearest deadline first.</p>
        </div>
        {canCreate ? (
          <Link className="btn" to="/cases/new">
            New case
          </Link>
        ) : null}
      </header>

      <Form method="get" className="card case-filters" aria-label="Filter cases">
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={filters.status}>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {STATUS_FILTER_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-owner">Owner</label>
          <select id="filter-owner" name="owner" defaultValue={filters.owner ?? ""}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">No owner</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="case-filter-actions">
          <button className="btn btn-secondary" type="submit">
            Show cases
          </button>
          {filtered ? <Link to="/cases">Clear filters</Link> : null}
        </div>
      </Form>

      {cases.length === 0 ? (
        <div className="empty-state">
          {filtered ? (
            <>
              <p className="empty-title">No cases match these filters.</p>
              <p>
                <Link to="/cases?status=all">Show every case</Link>
              </p>
            </>
          ) : (
            <>
              <p className="empty-title">No open cases.</p>
              <p>A case is one press story to answer: its articles, the claims they make, the evidence, and the statement.</p>
              {canCreate ? (
                <p>
                  <Link className="btn" to="/cases/new">
                    Open a case
                  </Link>
                </p>
              ) : null}
            </>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="case-table">
            <caption className="visually-hidden">Cases, the nearest deadline first</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Respond by</th>
                <th scope="col">Status</th>
                <th scope="col">Owner</th>
                <th scope="col" className="num">
                  Sources
                </th>
                <th scope="col" className="num">
                  Claims
                </th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id} className={c.due === "overdue" ? "row-overdue" : undefined}>
                  <th scope="row">
                    <Link className="case-title" to={`/cases/${c.id}`}>
                      {c.title}
                    </Link>
                    {c.summary ? <p className="case-summary">{c.summary}</p> : null}
                  </th>
                  <td>
                    {c.dueLabel ? (
                      <>
                        <span className="case-nowrap">{c.dueLabel}</span>
                        <div className="small">
                          <DueBadge state={c.due} /> <span className="muted">{c.dueRelative}</span>
                        </div>
                      </>
                    ) : (
                      <span className="muted">No deadline</span>
                    )}
                  </td>
                  <td>
                    <CaseStatusBadge status={c.status} />
                  </td>
                  <td>{c.ownerName ?? <span className="muted">No owner</span>}</td>
                  <td className="num">{c.sourceCount}</td>
                  <td className="num">{c.claimCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
