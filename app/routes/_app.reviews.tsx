import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Placeholder } from "~/components/placeholder";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Reviews · Factdesk" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "view:cases");
  return null;
}

export default function Reviews() {
  return (
    <Placeholder title="Reviews">
      <p>Drafts waiting for your review and approval will be listed here once drafting and review are available.</p>
    </Placeholder>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
