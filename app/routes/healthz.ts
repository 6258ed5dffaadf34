import type { LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "drizzle-orm";

/** 200 when the database answers, 503 otherwise. No sign-in needed; it reveals nothing. */
export async function loader({ context }: LoaderFunctionArgs) {
  try {
    await context.db.execute(sql`select 1`);
    return new Response("ok\n", { status: 200, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  } catch {
    return new Response("database unavailable\n", {
      status: 503,
      headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" },
    });
  }
}
