/**
 * Cross-site request refusal. Browsers send Origin (and Sec-Fetch-Site) with every POST; a
 * mutation whose origin is not this site's is refused before any action runs. Requests that
 * carry neither header come from non-browser clients, which cannot ride on a user's cookie.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteMutation(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const origin = request.headers.get("origin");
  const expected = new URL(request.url).origin;
  if (origin && origin !== "null") return origin !== expected;
  if (origin === "null") return true;
  const site = request.headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const referer = request.headers.get("referer");
  if (referer) {
    try {
      return new URL(referer).origin !== expected;
    } catch {
      return true;
    }
  }
  return false;
}

/** Throws a 403 for a cross-site mutation. */
export function requireSameOrigin(request: Request): void {
  if (isCrossSiteMutation(request)) {
    throw new Response("This form was sent from another site, so it was refused. Reload the page and try again.", {
      status: 403,
      statusText: "Cross-site request refused",
    });
  }
}
