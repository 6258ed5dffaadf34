/**
 * Pulling a public Statuspage site's incident history (`/api/v2/incidents.json`), page by page,
 * into one file's worth of Statuspage JSON that then goes through the ordinary preview and
 * import. Each request has a timeout; a page that is not JSON (a sign-in or error page, or a
 * site that is not a Statuspage) is refused with a sentence saying so. Nothing is kept here
 * between requests.
 */
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { AppError } from "~/utils/app-error";

export const PULL_TIMEOUT_MS = 10_000;
/** Statuspage returns at most this many incidents a page; more pages than this is not a status page. */
export const MAX_PULL_PAGES = 100;
const MAX_PAGE_BYTES = 20 * 1024 * 1024;

export interface PullOptions {
  timeoutMs?: number;
  maxPages?: number;
  /**
   * Whether the site may be on this machine or a private network. Off for the web form, so that
   * the server cannot be made to read its own or its network's internal addresses; the command
   * line, run by whoever runs the server, allows them.
   */
  privateAddresses?: boolean;
}

const MAX_REDIRECTS = 5;

/** Loopback, private, link-local, carrier-grade NAT, unique-local and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split(".").map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  const v6 = address.toLowerCase();
  return v6 === "::" || v6 === "::1" || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6);
}

/** Refuses a host that is, or resolves to, a private address, unless the options allow it. */
async function requirePublicHost(url: URL, options: PullOptions): Promise<void> {
  if (options.privateAddresses) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new AppError(`${url.host} could not be found; check the status page's address. Nothing was imported.`, 400, "url");
  }
  if (addresses.some(isPrivateAddress)) {
    throw new AppError(`${url.host} is an address on this machine or a private network; only public status pages can be pulled from here. Nothing was imported.`, 400, "url");
  }
}

export interface PulledHistory {
  /** The address the incidents were read from, without the page parameter. */
  url: string;
  /** The incidents of every page as one Statuspage list, ready for the import's preview. */
  text: string;
  incidents: number;
  pages: number;
}

/** The incidents address of a Statuspage site, from the site's address or the API's own. */
export function statuspageIncidentsUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new AppError(`“${input.slice(0, 200)}” is not a web address; give the status page's address, such as https://status.example.com.`, 400, "url");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new AppError("Give an http or https address for the status page.", 400, "url");
  if (url.username || url.password) throw new AppError("Give the status page's address without a user name or password.", 400, "url");
  if (!/\/api\/v2\/incidents\.json$/.test(url.pathname)) url = new URL(`${url.pathname.replace(/\/*$/, "/")}api/v2/incidents.json`, url.origin);
  url.search = "";
  url.hash = "";
  return url;
}

/**
 * Reads every page of a Statuspage site's incidents. Pages are requested as `?page=N` until one
 * is empty or brings nothing new (a site that ignores the parameter answers page 1 again).
 */
export async function pullStatuspage(address: string, options: PullOptions = {}): Promise<PulledHistory> {
  const base = statuspageIncidentsUrl(address);
  const timeoutMs = options.timeoutMs ?? PULL_TIMEOUT_MS;
  const maxPages = options.maxPages ?? MAX_PULL_PAGES;
  const seen = new Set<string>();
  const incidents: unknown[] = [];
  let pages = 0;
  for (let page = 1; page <= maxPages; page++) {
    const url = new URL(base);
    if (page > 1) url.searchParams.set("page", String(page));
    const listed = await fetchPage(url, timeoutMs, options);
    pages++;
    const fresh = listed.filter((incident) => {
      const id = typeof incident === "object" && incident !== null ? String((incident as { id?: unknown }).id) : "";
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    incidents.push(...fresh);
    if (fresh.length === 0) break;
  }
  return { url: base.toString(), text: JSON.stringify({ incidents }), incidents: incidents.length, pages };
}

async function fetchPage(url: URL, timeoutMs: number, options: PullOptions): Promise<unknown[]> {
  const where = url.host;
  const failed = (error: unknown): AppError => {
    if (error instanceof AppError) return error;
    const name = (error as Error).name;
    if (name === "TimeoutError" || name === "AbortError") {
      return new AppError(`${where} did not answer within ${Math.round(timeoutMs / 100) / 10} seconds; nothing was imported. Try again later.`, 400, "url");
    }
    return new AppError(`${where} could not be reached (${(error as Error).message}); nothing was imported.`, 400, "url");
  };
  let response: Response;
  let text: string;
  try {
    // Redirects are followed by hand so that each hop's host is checked as the first one was.
    let target = url;
    for (let hop = 0; ; hop++) {
      await requirePublicHost(target, options);
      response = await fetch(target, { signal: AbortSignal.timeout(timeoutMs), redirect: "manual", headers: { Accept: "application/json" } });
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) break;
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new AppError(`${where} redirected more than ${MAX_REDIRECTS} times; nothing was imported.`, 400, "url");
      target = new URL(location, target);
      if (target.protocol !== "https:" && target.protocol !== "http:") throw new AppError(`${where} redirected to an address that is not http or https; nothing was imported.`, 400, "url");
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new AppError(`${where} answered ${response.status} for ${url.pathname}; is it a Statuspage site? Nothing was imported.`, 400, "url");
    }
    text = await readLimited(response, where);
  } catch (error) {
    throw failed(error);
  }
  const type = response.headers.get("content-type") ?? "";
  if (/html/i.test(type) || /^\s*</.test(text)) {
    throw new AppError(`${where} returned a web page (HTML), not Statuspage's JSON; give the address of a Statuspage site. Nothing was imported.`, 400, "url");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError(`${where} did not return valid JSON for ${url.pathname}; nothing was imported.`, 400, "url");
  }
  const list = typeof value === "object" && value !== null ? (value as { incidents?: unknown }).incidents : undefined;
  if (!Array.isArray(list)) {
    throw new AppError(`${where} returned JSON without an "incidents" list; it does not look like a Statuspage site. Nothing was imported.`, 400, "url");
  }
  return list;
}

async function readLimited(response: Response, where: string): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_PAGE_BYTES) {
      await reader.cancel();
      throw new AppError(`${where} returned a page larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB; nothing was imported.`, 400, "url");
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
