import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Placeholder } from "~/components/placeholder";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Audit · Factdesk" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "view:audit");
  return null;
}

export default function Audit() {
  return (
    <Placeholder title="Audit trail">
      <p>Every step of a case (claims, confirmations, reviews, approvals, publication) will be recorded here in a verifiable trail.</p>
    </Placeholder>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
