import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { can, ROLE_LABELS } from "~/domain/roles";
import { inboxCount } from "~/models/inbox.server";
import { requireUser } from "~/utils/auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const waiting = can(user, "view:cases") ? await inboxCount(context.db, user) : 0;
  return json({ user, waiting });
}

export default function AppShell() {
  const { user, waiting } = useLoaderData<typeof loader>();
  const nav = [
    { to: "/cases", label: "Cases", show: can(user, "view:cases") },
    { to: "/incidents", label: "Incidents", show: can(user, "view:incidents") },
    { to: "/reviews", label: "Reviews", count: waiting, show: can(user, "view:cases") },
    { to: "/snippets", label: "Snippets", show: can(user, "view:cases") },
    { to: "/audit", label: "Audit", show: can(user, "view:audit") },
    { to: "/admin/users", label: "Admin", show: can(user, "manage:users") },
  ];
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <a className="brand" href="/">
            <img src="/favicon.svg" alt="" width="24" height="24" /> Factdesk
          </a>
          <nav className="nav" aria-label="Main">
            {nav
              .filter((item) => item.show)
              .map((item) => (
                <NavLink key={item.to} to={item.to} prefetch="intent">
                  {item.label}
                  {"count" in item && item.count ? (
                    <span className="nav-count" aria-label={`${item.count} waiting`}>
                      {" "}
                      {item.count}
                    </span>
                  ) : null}
                </NavLink>
              ))}
          </nav>
          <div className="usermenu">
            <span>
              {user.name} · {user.roles.map((r) => ROLE_LABELS[r]).join(", ")}
            </span>
            <Form method="post" action="/sign-out">
              <button type="submit">Sign out</button>
            </Form>
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
