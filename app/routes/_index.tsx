import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { can } from "~/domain/roles";
import { requireUser } from "~/utils/auth.server";

/** The start page is the user's main work: cases for comms and legal, incidents for engineers. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (can(user, "view:cases") && !user.roles.every((r) => r === "engineer")) return redirect("/cases");
  return redirect("/incidents");
}
