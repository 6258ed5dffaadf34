import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Placeholder } from "~/components/placeholder";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Cases · Factdesk" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "view:cases");
  return null;
}

export default function Cases() {
  return (
    <Placeholder title="Cases">
      <p>
        A case is one press story to answer: its articles, the claims they make, the evidence from incident records,
        and the statement. Opening cases arrives in the next release.
      </p>
    </Placeholder>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
