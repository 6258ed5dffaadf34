/**
 * Deterministic filler records for an evaluation case: the hundreds of unrelated incidents a
 * real company's workspace holds beside the few a story is about. A seeded generator (the same
 * case always gets the same records) writes varied wording from parts (services, symptoms,
 * causes, durations, regions) in organisations the case's own records never use, dated over the
 * 24 months before the article, with ids that cannot collide with the case's.
 */
import type { Incident } from "../../app/domain/incidents/types";

/** mulberry32: small, fast, and the same sequence on every platform. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Business units a company of any industry tends to have, with the services they run. */
const GENERIC_UNITS: Record<string, string[]> = {
  "internal-tools": ["wiki", "ticketing", "expense-portal", "sso-dashboard"],
  "data-platform": ["data-warehouse", "etl-scheduler", "reporting-api", "event-stream"],
  "hr-systems": ["payroll-export", "hr-portal", "timesheets"],
  "marketing-tech": ["email-campaigns", "newsletter", "promo-engine", "cms"],
  "observability": ["metrics-pipeline", "log-ingest", "alerting", "tracing"],
  "identity": ["directory-sync", "mfa-service", "password-reset"],
  "finance-systems": ["ledger-sync", "invoice-archive", "procurement-portal"],
  "facilities": ["badge-access", "meeting-room-booking", "visitor-system"],
  "partner-integrations": ["partner-api", "webhook-relay", "sftp-gateway"],
  "search-infrastructure": ["indexer", "autocomplete", "ranking-service"],
  "developer-experience": ["build-cache", "artifact-store", "code-review-bot"],
  "corporate-network": ["vpn", "office-wifi", "dns-resolvers"],
  "analytics": ["dashboards", "experiment-platform", "clickstream"],
  "legal-and-compliance": ["records-retention", "e-discovery", "policy-portal"],
  "customer-insights": ["survey-tool", "feedback-inbox", "nps-reports"],
};

const REGIONS = ["eu-west", "eu-central", "us-east", "us-west", "ap-southeast", "ap-northeast", "uk", "sa-east", "ca-central", "in-south"];

interface Symptom {
  title: (s: string) => string;
  impact: (s: string, d: string) => string;
}

const SYMPTOMS: Symptom[] = [
  { title: (s) => `Elevated error rates on ${s}`, impact: (s, d) => `Roughly a fifth of requests to ${s} returned errors for ${d}.` },
  { title: (s) => `${s} unavailable`, impact: (s, d) => `Staff could not use ${s} for ${d}.` },
  { title: (s) => `Slow responses from ${s}`, impact: (s, d) => `Pages served by ${s} took several seconds to load for ${d}; nothing failed outright.` },
  { title: (s) => `Delayed jobs in ${s}`, impact: (s, d) => `Scheduled work in ${s} ran late by up to ${d}; no data was lost.` },
  { title: (s) => `Intermittent timeouts in ${s}`, impact: (s, d) => `About one request in ten to ${s} timed out over ${d}.` },
  { title: (s) => `Stale data shown by ${s}`, impact: (s, d) => `${s} showed figures up to a day old for ${d}.` },
  { title: (s) => `Login failures for ${s}`, impact: (s, d) => `Some internal users could not sign in to ${s} for ${d}.` },
  { title: (s) => `Degraded throughput in ${s}`, impact: (s, d) => `${s} processed work at half its usual rate for ${d}.` },
];

interface Cause {
  tag: string;
  summary: (s: string) => string;
  rootCause: string;
  factor: string;
}

const CAUSES: Cause[] = [
  { tag: "capacity", summary: (s) => `A burst of scheduled batch work saturated the worker pool behind ${s}.`, rootCause: "Worker pool sized for average rather than peak load.", factor: "Autoscaling limit set too low for month-end batch volume." },
  { tag: "config_change", summary: (s) => `A routine change to the connection settings of ${s} lowered a timeout below the time some queries need.`, rootCause: "Timeout value changed without load testing.", factor: "Timeout change applied to all environments at once." },
  { tag: "deployment", summary: (s) => `A new release of ${s} shipped with a missing database index; it was rolled back.`, rootCause: "Migration adding the index was left out of the release.", factor: "Release checklist did not verify migrations." },
  { tag: "dependency_failure", summary: (s) => `${s} depends on an internal cache cluster that lost a node and rebalanced slowly.`, rootCause: "Cache cluster rebalancing throttled too aggressively.", factor: "Upstream cache cluster degraded." },
  { tag: "third_party", summary: (s) => `A hosted vendor API used by ${s} rate-limited our account after a plan change on their side.`, rootCause: "Vendor quota reduced during their plan migration.", factor: "Vendor-side quota change without notice." },
  { tag: "hardware", summary: (s) => `A storage controller on a host serving ${s} failed and its replacement took time to sync.`, rootCause: "Single storage controller without a warm spare.", factor: "Failed disk controller on one host." },
  { tag: "network", summary: (s) => `Packet loss between two data-centre zones slowed calls from ${s} to its database.`, rootCause: "A faulty optic on an inter-zone link.", factor: "Inter-zone link degraded." },
  { tag: "monitoring_gap", summary: (s) => `A certificate used by ${s} expired; no alert fired because the check covered a different hostname.`, rootCause: "Certificate expiry monitoring missed an alternate hostname.", factor: "Expiry check scoped to primary hostname only." },
  { tag: "human_error", summary: (s) => `An operator ran a clean-up script against the wrong environment, removing queue entries for ${s}.`, rootCause: "Script accepted an environment name without confirmation.", factor: "Manual clean-up step without a dry run." },
  { tag: "process_gap", summary: (s) => `Two teams scheduled maintenance on ${s} and its database in the same window.`, rootCause: "No shared maintenance calendar between the teams.", factor: "Overlapping maintenance windows." },
  { tag: "outdated_documentation", summary: (s) => `The on-call engineer followed a retired runbook for ${s}, which prolonged recovery.`, rootCause: "Runbook not updated after the last migration.", factor: "Runbook referred to decommissioned hosts." },
];

const SEVERITIES = ["SEV2", "SEV3", "SEV3", "SEV4", "SEV4"];

function duration(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h} hour${h === 1 ? "" : "s"}${m ? ` ${m} minutes` : ""}`;
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

function code(org: string): string {
  return org.split("-").map((w) => w.slice(0, 2)).join("").toUpperCase().slice(0, 4);
}

/**
 * `count` filler records for a case. `caseRecords` are the case's own records (their
 * organisations and ids are avoided); `organizations` the case's other business units, when it
 * names any (each gets generic services), else the generic pool.
 */
export function fillerRecords(options: { seed: string; publishedAt: string; caseRecords: Incident[]; organizations?: string[]; count?: number }): Incident[] {
  const count = options.count ?? 300;
  const r = rng(hash(options.seed));
  const used = new Set(options.caseRecords.map((i) => i.organization?.toLowerCase()).filter(Boolean));
  const taken = new Set(options.caseRecords.map((i) => i.id));
  const allServices = Object.values(GENERIC_UNITS).flat();
  const named = (options.organizations ?? []).filter((o) => !used.has(o.toLowerCase()));
  const units: [string, string[]][] = named.length
    ? named.map((o, i) => [o, allServices.slice((i * 3) % allServices.length, ((i * 3) % allServices.length) + 3)])
    : Object.entries(GENERIC_UNITS).filter(([o]) => !used.has(o));
  const end = Date.parse(`${options.publishedAt.slice(0, 10)}T00:00:00Z`);
  const span = 730 * 86_400_000;
  const out: Incident[] = [];
  for (let n = 0; out.length < count; n++) {
    const [org, services] = pick(r, units);
    const service = pick(r, services);
    const symptom = pick(r, SYMPTOMS);
    const cause = pick(r, CAUSES);
    const minutes = 5 * Math.round((10 + Math.floor(r() ** 2 * 600)) / 5);
    const start = end - Math.floor(r() * span);
    const startedAt = new Date(start - (start % 60_000));
    const detectedAt = new Date(startedAt.getTime() + Math.floor(r() * 20) * 60_000);
    const resolvedAt = new Date(startedAt.getTime() + minutes * 60_000);
    const year = startedAt.getUTCFullYear();
    const id = `${code(org)}-${year}-F${String(n + 1).padStart(4, "0")}`;
    if (taken.has(id)) continue;
    taken.add(id);
    const regions = r() < 0.3 ? [] : [pick(r, REGIONS)];
    const affected = r() < 0.4 ? 5 + Math.floor(r() * 400) : undefined;
    const d = duration(minutes);
    out.push({
      id,
      title: symptom.title(service),
      status: "closed",
      severity: pick(r, SEVERITIES),
      startedAt: startedAt.toISOString(),
      detectedAt: detectedAt.toISOString(),
      resolvedAt: resolvedAt.toISOString(),
      organization: org,
      services: [service],
      regions,
      customerImpact: symptom.impact(service, d),
      ...(affected !== undefined ? { customersAffected: affected } : {}),
      summary: cause.summary(service),
      rootCause: cause.rootCause,
      contributingFactors: [{ tag: cause.tag, description: cause.factor }],
      actionItems: [{ text: `Follow up on ${cause.tag.replace(/_/g, " ")} for ${service}`, status: r() < 0.6 ? "done" : "open" }],
    });
  }
  return out;
}
