/** The one error boundary's page: a plain explanation, never a stack trace. */
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const TITLES: Record<number, string> = {
  400: "That request could not be understood",
  403: "You do not have access to this",
  404: "Page not found",
  405: "That action is not allowed here",
  409: "That cannot be done in the current state",
  413: "That upload is too large",
  429: "Too many attempts",
};

export function ErrorPage() {
  const error = useRouteError();
  let status = 500;
  let message = "Something went wrong on our side. The error has been logged; please try again.";
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const data = typeof error.data === "string" ? error.data : (error.data as { message?: string })?.message;
    message = data || error.statusText || message;
  }
  const title = TITLES[status] ?? (status >= 500 ? "Something went wrong" : "Request failed");
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-code">Error {status}</p>
      <h1 id="error-title">{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </section>
  );
}
