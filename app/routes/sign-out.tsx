import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { signOutAndRedirect } from "~/utils/auth.server";
import { requireSameOrigin } from "~/utils/csrf.server";

export const loader = () => redirect("/");

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  return signOutAndRedirect(request, context);
}
