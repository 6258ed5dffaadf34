/** The audit trail across cases, as sentences, filterable by case, person and action; the chain's state on top. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CaseActivity } from "~/components/case-activity";
import { listAuditPage, verifyAuditTrail } from "~/models/audit.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Audit · Factdesk" }];

const Filter = z.object({
  case: z.string().uuid().optional().catch(undefined),
  person: z.string().uuid().optional().catch(undefined),
  action: z.string().regex(/^[a-z_.]{1,60}$/).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "view:audit");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = Filter.parse(params);
  const [page, chain] = await Promise.all([
    listAuditPage(context.db, { caseId: filter.case, actorId: filter.person, action: filter.action, beforeSeq: filter.before, limit: 100 }),
    verifyAuditTrail(context.db),
  ]);
  return json({ ...page, chain, filter });
}

export default function Audit() {
  const data = useLoaderData<typeof loader>();
  const { filter, options } = data;
  const next = new URLSearchParams(Object.entries({ case: filter.case, person: filter.person, action: filter.action, before: data.nextBeforeSeq ? String(data.nextBeforeSeq) : undefined }).filter((e): e is [string, string] => !!e[1]));
  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading">Audit trail</h1>
      <p role="status" className={data.chain.ok ? "muted" : "badge badge-danger"}>
        {data.chain.ok
          ? `The hash chain is intact: ${data.chain.count} events verified.`
          : `The hash chain is broken at event ${data.chain.brokenAt}: ${data.chain.reason}.`}
      </p>
      <Form method="get" className="filters" aria-label="Filter the audit trail">
        <label>
          Case{" "}
          <select name="case" defaultValue={filter.case ?? ""}>
            <option value="">All cases</option>
            {options.cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Person{" "}
          <select name="person" defaultValue={filter.person ?? ""}>
            <option value="">Everyone</option>
            {options.actors.map((a) => (
              <option key={`${a.id}-${a.label}`} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Action{" "}
          <select name="action" defaultValue={filter.action ?? ""}>
            <option value="">Every action</option>
            {options.actions.map((a) => (
              <option key={a} value={a}>
                {a.replace(/[._]/g, " ")}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit">Filter</button> <Link to="/audit">Clear</Link>
      </Form>
      <CaseActivity events={data.events} refs={{ claimNumbers: data.claimNumbers }} showCase empty="No events match these filters." />
      {data.nextBeforeSeq ? (
        <p>
          <Link to={`/audit?${next.toString()}`}>Older events</Link>
        </p>
      ) : null}
    </section>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
