import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Placeholder } from "~/components/placeholder";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Incidents · Factdesk" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "view:incidents");
  return null;
}

export default function Incidents() {
  return (
    <Placeholder title="Incidents">
      <p>The incident records (postmortems) that every answer rests on will be listed and searchable here.</p>
    </Placeholder>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
