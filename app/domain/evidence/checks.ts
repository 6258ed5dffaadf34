/**
 * Assertion checks: what the matched records say, set against each thing the claim asserts
 * (how many, how long, where, why, how many customers, whether things were fully down).
 * Figures are computed over the records in the claim's window, narrowed to the scope it names.
 */
import type { AssertedCause, Quantity } from "~/domain/claims/types";
import type { Incident } from "~/domain/incidents/types";
import { describeTag, isGenericTag, tagImplies, tagsRelated } from "./causes";
import { daysOutside, isIncidentLength, isIncidentSubject, readClaim, type ClaimReading, type Superlative } from "./claim-reading";
import { satisfies } from "./compare";
import { factsOf, recordHasTag, rootCauseHeadline, type IncidentFacts } from "./incident-facts";
import { organizationMatches, regionMatches, serviceMatches } from "./scope";
import { formatBetween, formatDay, formatMinutes, formatNumber, listJoin, plural, tokenize } from "./text";
import type { AnalysisContext, AssertionCheck, CheckStatus, ClaimInput } from "./types";

/** Optional knowledge of the workspace beyond the matched records. */
export interface CheckOptions {
  /**
   * Organisation names the workspace knows. A claimed organisation outside them (the company's
   * own name, say) is not treated as a division the records could contradict.
   */
  knownOrganizations?: string[];
  /** Service names the workspace knows; see AnalysisContext.knownServices. */
  knownServices?: string[];
  /** The best-ranked record: the event a claim about one event ("the outage") speaks of. */
  subjectId?: string;
  /** The claim's reading, when the caller already has it (read with the same context). */
  reading?: ClaimReading;
}

/** The records a claim's figures are computed over. */
interface Evidence {
  reading: ClaimReading;
  /** All matched records. */
  all: IncidentFacts[];
  /** Those in the claim's window (all of them when it has none). */
  inWindow: IncidentFacts[];
  /** Those also in the scope the claim names (or the article's organisations). */
  inScope: IncidentFacts[];
  scope: { organizations: string[]; services: string[]; regions: string[]; own: boolean };
  /** "between 5 and 11 Mar 2026", or "among the matched records". */
  where: string;
  /** The best-ranked record, when the caller named it. */
  subject: IncidentFacts | null;
}

/**
 * Compare what the claim asserts with what the matched records say. One check per asserted
 * aspect; none for a claim about policy or intentions, which incident records cannot settle.
 */
export function checkAssertions(
  claim: ClaimInput,
  context: AnalysisContext,
  matched: Incident[],
  options: CheckOptions = {},
): AssertionCheck[] {
  const reading = options.reading ?? readClaim(claim, context);
  if (reading.aboutPolicy || !reading.aboutIncidents) return [];
  const ev = gatherEvidence(reading, matched, options);
  if (reading.deniesIncidents) return [checkNone(ev)];
  const checks: AssertionCheck[] = [];
  if (ev.scope.own) checks.push(checkScope(ev));
  for (const q of reading.quantities) {
    if (q.kind === "count" && isIncidentSubject(q.subject) && !isRepeatedAct(reading.text, q)) checks.push(checkCount(ev, q));
    if (q.kind === "duration" && isIncidentLength(reading.text, q)) checks.push(checkDuration(ev, q));
    if (q.kind === "customers") checks.push(checkCustomers(ev, q));
    if (q.kind === "percentage" && isShareOfImpact(reading.text, q)) checks.push(checkShare(ev, q));
  }
  if (reading.superlative) checks.push(checkSuperlative(ev, reading.superlative));
  if (reading.causes.length) checks.push(checkCause(ev, reading.causes));
  if (reading.assertsFullOutage) checks.push(checkOutage(ev));
  return checks;
}

/**
 * "18% of checkout attempts failed", "a third of players lost access": a share of what the
 * incident touched. A percentage of something else ("a 99.9% uptime commitment", "shares fell
 * 3%") is not a figure incident records give.
 */
function isShareOfImpact(text: string, q: Quantity): boolean {
  const after = text.slice(text.indexOf(q.text) + q.text.length);
  const ofWhat = /\bof\b/i.test(q.text) ? q.text : /^\s+of\b/i.test(after) ? after.slice(0, 40) : null;
  return ofWhat !== null && !/\b(?:shares?|stock|revenue|profit|sales|uptime|market)\b/i.test(ofWhat);
}

/** "charged twice", "billed three times": what happened to each customer, not how many incidents. */
function isRepeatedAct(text: string, q: Quantity): boolean {
  const before = text.slice(0, Math.max(0, text.indexOf(q.text)));
  return /\b(?:charged|billed|debited|paid|sent|delivered|booked|processed|taken|deducted)\s+(?:\w+\s+)?$/i.test(before);
}

function gatherEvidence(reading: ClaimReading, matched: Incident[], options: CheckOptions): Evidence {
  const all = matched.map(factsOf);
  const window = reading.window;
  const inWindow = window ? all.filter((f) => daysOutside(window, f) === 0) : all;
  const known = options.knownOrganizations?.map((o) => o.toLowerCase());
  const ownOrgs = reading.organizationsFromArticle ? [] : reading.organizations;
  const claimedOrgs = ownOrgs.filter((o) => !known || known.some((k) => organizationMatches(o, k)));
  // A service no record uses is generic wording, except where the claim says it was spared.
  const services = options.knownServices && !reading.deniesIncidents
    ? reading.services.filter((s) => serviceMatches(s, options.knownServices!))
    : reading.services;
  const scope = {
    organizations: claimedOrgs,
    services,
    regions: reading.regions,
    own: claimedOrgs.length > 0 || services.length > 0 || reading.regions.length > 0,
  };
  const inScope = inWindow.filter((f) => inClaimedScope(scope, f));
  const where = window ? formatBetween(window.from, window.to) : "among the matched records";
  const subject = options.subjectId ? (all.find((f) => f.incident.id === options.subjectId) ?? null) : null;
  return { reading, all, inWindow, inScope, scope, where, subject };
}

/** A record that leaves a dimension blank (no regions, say) is not excluded by it. */
function inClaimedScope(scope: Evidence["scope"], f: IncidentFacts): boolean {
  const org = f.organization;
  if (scope.organizations.length && org && !scope.organizations.some((o) => organizationMatches(o, org))) return false;
  if (scope.services.length && f.services.length && !scope.services.some((s) => serviceMatches(s, f.services))) return false;
  if (scope.regions.length && f.regions.length && !f.regions.some((r) => scope.regions.some((c) => regionMatches(c, r)))) return false;
  return true;
}

const ids = (facts: IncidentFacts[]): string[] => facts.map((f) => f.incident.id);

function check(aspect: AssertionCheck["aspect"], status: CheckStatus, claimed: string, recorded: string, facts: IncidentFacts[]): AssertionCheck {
  return { aspect, status, claimed, recorded, incidentIds: ids(facts) };
}

/** "4 incidents between 5 and 11 Mar 2026 (A, B, C, D)". */
function incidentList(facts: IncidentFacts[], where: string): string {
  return `${plural(facts.length, "incident")} ${where}${facts.length ? ` (${ids(facts).join(", ")})` : ""}`;
}

/** "cloud storage", "retail checkout in eu-west". */
function scopeLabel(scope: Evidence["scope"]): string {
  // A service named like its division ("broadband" in broadband) is said once.
  const services = scope.services.filter((s) => !scope.organizations.some((o) => o.toLowerCase() === s.toLowerCase()));
  const what = [listJoin(scope.organizations), listJoin(services)].filter(Boolean).join(" ");
  const where = listJoin(scope.regions);
  return [what, where && (what ? `in ${where}` : where)].filter(Boolean).join(" ");
}

function checkScope(ev: Evidence): AssertionCheck {
  const claimed = scopeLabel(ev.scope);
  const event = ev.subject;
  // One event ("the outage also spread to ..."): the event's own record must name every place,
  // service and unit the claim does; other records in the window say nothing about that event.
  if (event && !isAboutASpan(ev.reading) && ev.inWindow.includes(event)) return checkSubjectScope(ev, event, claimed);
  if (ev.inScope.length) {
    // A record that leaves a dimension blank is not excluded by it, but it does not back it either.
    const naming = ev.inScope.filter((f) => namesScope(ev.scope, f));
    if (!naming.length) return check("scope", "unknown", claimed, `the records ${ev.where} do not name ${claimed}`, []);
    return check("scope", "supported", claimed, `${incidentList(naming, ev.where)} involved ${claimed}`, naming);
  }
  if (!ev.inWindow.length) return check("scope", "unknown", claimed, `no incident is recorded ${ev.where}`, []);
  const subject = ev.inWindow.length === 1 ? `${ev.inWindow[0].incident.id}, the only incident ${ev.where},` : `the ${incidentList(ev.inWindow, ev.where)}`;
  let recorded = `${subject} ${scopeMismatch(ev)}`;
  const last = lastInScopeBefore(ev);
  if (last) recorded += `; the last ${claimed} incident on record, ${last.incident.id}, was on ${formatDay(last.startDay)}`;
  // An organisation is on every record, so a window without it says it was not hit; services and
  // regions are named loosely, so a window without them is only silent unless one record is the event.
  const orgMissing = ev.scope.organizations.length > 0 && !ev.inWindow.some((f) => f.organization && ev.scope.organizations.some((o) => organizationMatches(o, f.organization!)));
  return { ...check("scope", "contradicted", claimed, recorded, last ? [...ev.inWindow, last] : ev.inWindow), ...(orgMissing ? {} : { silent: true }) };
}

/**
 * A claim about a span of its own ("this week"), several incidents or a count speaks of whatever
 * happened in it; otherwise it speaks of one event, the best-ranked record.
 */
export function isAboutASpan(reading: ClaimReading): boolean {
  return reading.plural || reading.namesASpan || reading.quantities.some((q) => q.kind === "count");
}

/** Whether a record names (not merely does not exclude) each dimension of the claimed scope. */
function namesScope(scope: Evidence["scope"], f: IncidentFacts): boolean {
  if (scope.organizations.length && !(f.organization && scope.organizations.some((o) => organizationMatches(o, f.organization!)))) return false;
  if (scope.services.length && !scope.services.some((s) => serviceMatches(s, f.services))) return false;
  if (scope.regions.length && !f.regions.some((r) => scope.regions.some((c) => regionMatches(c, r)))) return false;
  return true;
}

/** Each claimed value the subject's record lacks, by the field that lacks it. */
function checkSubjectScope(ev: Evidence, subject: IncidentFacts, claimed: string): AssertionCheck {
  const { organizations, services, regions } = ev.scope;
  const blank = [
    organizations.length && !subject.organization ? "organisation" : "",
    services.length && !subject.services.length ? "services" : "",
    regions.length && !subject.regions.length ? "regions" : "",
  ].filter(Boolean);
  const missing: string[] = [];
  const org = subject.organization;
  // "their devices": a common noun that is also a unit's name does not place the event in that unit.
  const units = organizations.filter((o) => ev.reading.namedUnits.includes(o));
  if (units.length && org && !organizations.some((o) => organizationMatches(o, org))) missing.push(`its organisation is recorded as '${org}', not ${listJoin(organizations)}`);
  const lackingServices = subject.services.length ? services.filter((s) => !serviceMatches(s, subject.services)) : [];
  if (lackingServices.length) missing.push(`its services are recorded as '${subject.services.join(", ")}', without ${listJoin(lackingServices)}`);
  const lackingRegions = subject.regions.length ? regions.filter((c) => !subject.regions.some((r) => regionMatches(c, r))) : [];
  if (lackingRegions.length) missing.push(`its regions are recorded as '${subject.regions.join(", ")}', without ${listJoin(lackingRegions)}`);
  const id = subject.incident.id;
  if (!missing.length && blank.length) return check("scope", "unknown", claimed, `${id}, the incident the claim speaks of, records no ${listJoin(blank)}`, [subject]);
  if (!missing.length && !units.length && org && organizations.length && !organizations.some((o) => organizationMatches(o, org))) {
    return check("scope", "unknown", claimed, `${id}, the incident the claim speaks of, is recorded under '${org}'; the claim names ${listJoin(organizations)} only as a common noun`, [subject]);
  }
  if (!missing.length) return check("scope", "supported", claimed, `${id}, the incident the claim speaks of, involved ${claimed}`, [subject]);
  return check("scope", "contradicted", claimed, `${id}, the incident the claim speaks of: ${missing.join("; ")}`, [subject]);
}

/**
 * "were in retail, not cloud": the dimensions the window's records do not share with the
 * claim. A wrong organisation says it all; services and regions are named otherwise.
 */
function scopeMismatch(ev: Evidence): string {
  const { organizations, services, regions } = ev.scope;
  const w = ev.inWindow;
  const parts: string[] = [];
  const distinct = (values: string[]) => listJoin([...new Set(values)]);
  if (organizations.length && !w.some((f) => f.organization && organizations.some((o) => organizationMatches(o, f.organization!)))) {
    parts.push(`${w.length === 1 ? "was" : "were"} in ${distinct(w.map((f) => f.organization ?? "no named organisation"))}, not ${listJoin(organizations)}`);
  }
  if (parts.length) return parts[0];
  if (services.length && !w.some((f) => services.some((s) => serviceMatches(s, f.services)))) {
    parts.push(`affected ${distinct(w.flatMap((f) => f.services)) || "no named service"}, not ${listJoin(services)}`);
  }
  if (regions.length && !w.some((f) => f.regions.some((r) => regions.some((c) => regionMatches(c, r))))) {
    parts.push(`affected ${distinct(w.flatMap((f) => f.regions)) || "no named region"}, not ${listJoin(regions)}`);
  }
  return parts.length ? parts.join(" and ") : `did not involve ${scopeLabel(ev.scope)} together`;
}

function lastInScopeBefore(ev: Evidence): IncidentFacts | null {
  const before = ev.reading.window?.from ?? "9999";
  const matches = ev.all.filter((f) => f.startDay < before && inClaimedScope(ev.scope, f));
  return matches.sort((a, b) => b.startMs - a.startMs)[0] ?? null;
}

/** The set a count, duration or customer figure is computed over: the claimed scope, else the article's. */
function countedSet(ev: Evidence): IncidentFacts[] {
  if (ev.scope.own || !ev.reading.organizationsFromArticle) return ev.inScope;
  const orgs = ev.reading.organizations;
  const narrowed = ev.inWindow.filter((f) => f.organization && orgs.some((o) => organizationMatches(o, f.organization!)));
  return narrowed.length ? narrowed : ev.inWindow;
}

/** "has not had an outage since January": any record in the window and scope contradicts it. */
function checkNone(ev: Evidence): AssertionCheck {
  const set = countedSet(ev);
  const label = scopeLabel(ev.scope);
  const claimed = `no ${label ? `${label} ` : ""}incidents`;
  // "Card payments already under way were not affected": a part spared by an incident. A record of
  // an incident in that scope does not say the spared part was hit; only what a record says of it does.
  const spared = ev.reading.keptWorking;
  if (spared && (!ev.scope.own || (set.length && namesAPart(spared.subject, ev.scope)))) return checkKeptWorking(ev, spared.subject);
  if (set.length) return check("count", "contradicted", claimed, `${incidentList(set, ev.where)}${label ? ` involved ${label}` : ""}`, set);
  if (!ev.reading.window) return check("count", "unknown", claimed, "the claim gives no period to check", []);
  return check("count", "supported", claimed, `no ${label ? `${label} ` : ""}incident is recorded ${ev.where}`, []);
}

/** Who was spared, not what: these words do not narrow a service to a part of it. */
const AUDIENCE = new Set(tokenize("customers users people clients passengers riders members players students shoppers buyers sellers drivers subscribers account holders"));

/**
 * "Card payments already under way", "GitLab Enterprise customers": the spared subject says more
 * than the service, unit or place it names, so it is a part of it, which a record of that service
 * failing does not speak of.
 */
function namesAPart(subject: string, scope: Evidence["scope"]): boolean {
  const named = new Set([...scope.services, ...scope.organizations, ...scope.regions].flatMap((n) => tokenize(n)));
  return tokenize(subject).some((w) => w.length >= 3 && !named.has(w) && !AUDIENCE.has(w));
}

const CONTINUED = /\b(?:continued to|kept|still) (?:work|worked|working|operate|operating|function|run|running)\b|\b(?:was|were|remained) (?:not affected|unaffected|available|working)\b|\bnot affected\b/i;
const STOPPED = /\b(?:failed|fail|could not|couldn't|unable|unavailable|down|stopped|errors?)\b/i;

/**
 * "Emergency calls could still be made": something the records name no service for. Read what
 * the window's records say of it: a sentence naming it as still working supports the claim, one
 * naming it as failing contradicts it; silence settles nothing.
 */
function checkKeptWorking(ev: Evidence, subject: string): AssertionCheck {
  const claimed = `${subject.toLowerCase()} kept working`;
  const words = [...new Set(tokenize(subject).filter((w) => w.length >= 3))];
  if (!words.length) return check("scope", "unknown", claimed, "the claim does not say what kept working", []);
  for (const f of ev.inWindow) {
    const sentences = [f.incident.customerImpact, f.incident.summary].flatMap((t) => (t ?? "").split(/(?<=[.;!?])\s+/));
    for (const sentence of sentences) {
      const tokens = new Set(tokenize(sentence));
      if (!words.every((w) => tokens.has(w))) continue;
      const quoted = `${f.incident.id} records '${sentence.trim().replace(/[.;]$/, "")}'`;
      if (CONTINUED.test(sentence)) return check("scope", "supported", claimed, quoted, [f]);
      if (STOPPED.test(sentence)) return check("scope", "contradicted", claimed, quoted, [f]);
    }
  }
  return check("scope", "unknown", claimed, `the records ${ev.where} do not say whether ${subject.toLowerCase()} kept working`, []);
}

function checkCount(ev: Evidence, q: Quantity): AssertionCheck {
  const set = countedSet(ev);
  if (!set.length && !ev.reading.window) return check("count", "unknown", q.text, "no matching incident is recorded", []);
  const comparator = q.vague ? "gte" : q.comparator;
  if (satisfies(set.length, q.value, comparator)) return check("count", "supported", q.text, incidentList(set, ev.where), set);
  const failures = set.filter((f) => !f.slowOnly);
  if (failures.length < set.length && satisfies(failures.length, q.value, comparator)) {
    const slow = set.filter((f) => f.slowOnly);
    const recorded = `${incidentList(failures, ev.where)} where something failed; ${listJoin(ids(slow))} only slowed things down`;
    return check("count", "supported", q.text, recorded, failures);
  }
  return check("count", "contradicted", q.text, incidentList(set, ev.where), set);
}

/**
 * The records a figure is measured against: for a claim about one event ("the outage lasted
 * ..."), that event's record when it is among them; otherwise the whole counted set.
 */
function measuredSet(ev: Evidence): IncidentFacts[] {
  const set = countedSet(ev);
  const subject = ev.subject;
  if (ev.reading.singleEvent && !ev.reading.totals && subject && set.includes(subject)) return [subject];
  // "A botched software update sent inflated bills to ...": the figure is that cause's incidents', not the window's.
  const asserted = ev.reading.causes.filter((c) => !c.negated).map((c) => c.tag);
  const caused = asserted.length ? set.filter((f) => asserted.some((tag) => supportsTag(f, tag))) : [];
  return caused.length ? caused : set;
}

function checkDuration(ev: Evidence, q: Quantity): AssertionCheck {
  const set = measuredSet(ev).filter((f) => f.durationMinutes !== null);
  if (!set.length) return check("duration", "unknown", q.text, `no resolved incident ${ev.where} to time`, []);
  const minutes = (f: IncidentFacts) => f.durationMinutes ?? 0;
  const comparator = q.vague ? "gte" : durationComparator(q.comparator);
  if (ev.reading.totals && set.length > 1) {
    const total = set.reduce((s, f) => s + minutes(f), 0);
    const status = satisfies(total, q.value, comparator) ? "supported" : "contradicted";
    return check("duration", status, q.text, `the ${plural(set.length, "incident")} ${ev.where} lasted ${formatMinutes(total)} in total`, set);
  }
  const fits = set.filter((f) => satisfies(minutes(f), q.value, comparator));
  // "every service", "almost every user": a claim about one event generalises over its reach, not over incidents.
  if (ev.reading.universal && ev.reading.plural) {
    const misfits = set.filter((f) => !fits.includes(f));
    if (!misfits.length) return check("duration", "supported", q.text, `every incident ${ev.where} fits (${durationList(set)})`, set);
    return check("duration", "contradicted", q.text, `${durationList(misfits)} do not fit`, misfits);
  }
  if (fits.length) return check("duration", "supported", q.text, durationList(fits), fits);
  const nearest = nearestDuration(set, q);
  const label = q.comparator === "lt" || q.comparator === "lte" ? "the shortest" : q.comparator === "gt" || q.comparator === "gte" ? "the longest" : "the closest";
  return check("duration", "contradicted", q.text, `${label} incident ${ev.where}, ${nearest.incident.id}, lasted ${formatMinutes(minutes(nearest))}`, [nearest]);
}

/** Spoken durations are rounded: "lasted three hours" holds for 2 h 40 min. */
function durationComparator(comparator: Quantity["comparator"]): string {
  return comparator === "eq" ? "approx" : comparator;
}

function durationList(facts: IncidentFacts[]): string {
  return listJoin(facts.map((f) => `${f.incident.id} lasted ${formatMinutes(f.durationMinutes ?? 0)}`));
}

function nearestDuration(set: IncidentFacts[], q: Quantity): IncidentFacts {
  const key = (f: IncidentFacts) => f.durationMinutes ?? 0;
  if (q.comparator === "gt" || q.comparator === "gte") return set.reduce((a, b) => (key(b) > key(a) ? b : a));
  if (q.comparator === "lt" || q.comparator === "lte") return set.reduce((a, b) => (key(b) < key(a) ? b : a));
  return set.reduce((a, b) => (Math.abs(Math.log(key(b) / q.value)) < Math.abs(Math.log(key(a) / q.value)) ? b : a));
}

function checkCustomers(ev: Evidence, q: Quantity): AssertionCheck {
  const set = measuredSet(ev);
  if (!set.length) {
    const status = ev.scope.own && ev.inWindow.length ? "contradicted" : "unknown";
    return check("customers", status, q.text, `no incident ${ev.where} affected ${scopeLabel(ev.scope) || "customers"}`, []);
  }
  const counted = set.filter((f) => f.incident.customersAffected !== undefined);
  if (!counted.length) return check("customers", "unknown", q.text, "the records do not count affected customers", []);
  const figure = (f: IncidentFacts) => f.incident.customersAffected ?? 0;
  const total = counted.reduce((s, f) => s + figure(f), 0);
  const comparator = q.vague ? "gte" : q.comparator === "eq" ? "approx" : q.comparator;
  const single = counted.find((f) => satisfies(figure(f), q.value, comparator));
  // Figures of separate incidents add up where the claim speaks of several, or of the story as a whole; one event's figure is its own.
  const useTotal = counted.length > 1 && (ev.reading.totals || ev.reading.plural || (!single && !ev.reading.singleEvent));
  if (useTotal) {
    const ok = satisfies(total, q.value, comparator) || Boolean(single);
    const recorded = `${formatNumber(total)} customers affected across ${plural(counted.length, "incident")} ${ev.where} (${counted.map((f) => `${f.incident.id}: ${formatNumber(figure(f))}`).join(", ")})`;
    return check("customers", ok ? "supported" : "contradicted", q.text, recorded, counted);
  }
  if (single) return check("customers", "supported", q.text, `${single.incident.id} affected ${formatNumber(figure(single))} customers`, [single]);
  const largest = counted.reduce((a, b) => (figure(b) > figure(a) ? b : a));
  const nearest = ev.subject && counted.includes(ev.subject) ? ev.subject : largest;
  const label = nearest === largest && counted.length > 1 ? `the largest incident ${ev.where}, ${nearest.incident.id},` : nearest.incident.id;
  return check("customers", "contradicted", q.text, `${label} affected ${formatNumber(figure(nearest))} customers`, [nearest]);
}

/** "18% of checkout attempts failed": the share the records give, under the customers aspect. */
function checkShare(ev: Evidence, q: Quantity): AssertionCheck {
  const set = countedSet(ev).filter((f) => f.percentages.length > 0);
  if (!set.length) return check("customers", "unknown", q.text, `the records ${ev.where} give no share of customers or requests`, []);
  const comparator = q.comparator === "eq" ? "approx" : q.comparator;
  const fits = set.filter((f) => f.percentages.some((p) => satisfies(p, q.value, comparator)));
  const shares = (facts: IncidentFacts[]) => listJoin(facts.map((f) => `${f.incident.id}: ${f.percentages.map((p) => `${p}%`).join(", ")}`));
  return fits.length
    ? check("customers", "supported", q.text, `the records give ${shares(fits)}`, fits)
    : check("customers", "contradicted", q.text, `the records give ${shares(set)}`, set);
}

const SUPERLATIVE_ASPECT = { longest: "duration", largest: "customers", first: "count" } as const;

/**
 * "The longest outage in the bank's history": the claim's event (the largest record in its
 * window and scope) against every earlier matched record in the same scope, or in the event's
 * organisation where the claim names none.
 */
function checkSuperlative(ev: Evidence, kind: Superlative): AssertionCheck {
  const aspect = SUPERLATIVE_ASPECT[kind];
  const measure = (f: IncidentFacts) => (kind === "longest" ? (f.durationMinutes ?? 0) : (f.incident.customersAffected ?? 0));
  const set = countedSet(ev);
  if (!set.length) return check(aspect, "unknown", `the ${kind}`, `no incident ${ev.where} to compare`, []);
  const event = kind === "first" ? set.reduce((a, b) => (b.startMs < a.startMs ? b : a)) : set.reduce((a, b) => (measure(b) > measure(a) ? b : a));
  const sameScope = (f: IncidentFacts) => (ev.scope.own ? inClaimedScope(ev.scope, f) : f.organization === event.organization);
  const earlier = ev.all.filter((f) => f.startMs < event.startMs && !set.includes(f) && sameScope(f));
  const id = event.incident.id;
  if (kind === "first") {
    if (set.length > 1) return check(aspect, "contradicted", "the first", `${incidentList(set, ev.where)}; the first was ${id}`, set);
    const before = earlier.sort((a, b) => b.startMs - a.startMs)[0];
    return before
      ? check(aspect, "contradicted", "the first", `${before.incident.id} on ${formatDay(before.startDay)} came before ${id}`, [event, before])
      : check(aspect, "supported", "the first", `no earlier incident like ${id} is on record`, [event]);
  }
  const label = kind === "longest" ? (f: IncidentFacts) => formatMinutes(measure(f)) : (f: IncidentFacts) => `${formatNumber(measure(f))} customers`;
  const bigger = earlier.filter((f) => measure(f) > measure(event)).sort((a, b) => measure(b) - measure(a))[0];
  if (bigger) {
    const recorded = `${bigger.incident.id} on ${formatDay(bigger.startDay)} (${label(bigger)}) exceeded ${id} (${label(event)})`;
    return check(aspect, "contradicted", `the ${kind}`, recorded, [event, bigger]);
  }
  if (!earlier.length) return check(aspect, "unknown", `the ${kind}`, `no earlier incident to compare ${id} with`, [event]);
  return check(aspect, "supported", `the ${kind}`, `${id} (${label(event)}) exceeds the ${plural(earlier.length, "earlier incident")} on record`, [event]);
}

interface TagFinding {
  cause: AssertedCause;
  status: CheckStatus;
  supporters: IncidentFacts[];
  recorded: string;
}

/** Up to this many records, each one's recorded root cause is read against the asserted one. */
const CAUSE_EXAMINED_MAX = 3;

function checkCause(ev: Evidence, causes: AssertedCause[]): AssertionCheck {
  const set = countedSet(ev);
  const findings = causes.map((c) => findTag(ev, set, c));
  const decisive = pickDecisive(findings);
  const claimed = causes.map((c) => (c.negated ? `not ${c.text}` : c.text)).join("; ");
  const involved = [...new Set(findings.flatMap((f) => f.supporters))];
  const others = set.filter((f) => findings.some((x) => mentionsCause(f, x.cause.tag)));
  // A cause no record supports is contradicted by the root causes of the records the claim speaks of.
  const examined = decisive.status === "contradicted" && set.length <= CAUSE_EXAMINED_MAX ? set : [];
  return check("cause", decisive.status, claimed, decisive.recorded, involved.length ? involved : others.length ? others : examined);
}

/** A specific cause decides; generic ones ("human error") decide only when nothing else is supported. */
function pickDecisive(findings: TagFinding[]): TagFinding {
  const specific = findings.filter((f) => !isGenericTag(f.cause.tag));
  const pool = specific.length ? specific : findings;
  const order: CheckStatus[] = ["contradicted", "partial", "supported", "unknown"];
  const anySupported = findings.some((f) => f.status === "supported");
  const ranked = pool
    .map((f) => (isGenericTag(f.cause.tag) && f.status === "contradicted" && anySupported ? { ...f, status: "unknown" as const } : f))
    .sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  return ranked[0];
}

function mentionsCause(f: IncidentFacts, tag: string): boolean {
  return f.denies(tag) || f.tags.some((t) => tagsRelated(t, tag));
}

function findTag(ev: Evidence, set: IncidentFacts[], cause: AssertedCause): TagFinding {
  const label = describeTag(cause.tag);
  if (!set.length) return { cause, status: "unknown", supporters: [], recorded: `no incident is recorded ${ev.where}` };
  const supporters = set.filter((f) => supportsTag(f, cause.tag));
  if (cause.negated) {
    // "No evidence that any data had been accessed": a record whose own prose says the same
    // ("No data was accessed") backs the denial, whatever broader cause its tags name.
    const agreeing = set.map((f) => [f, denialOf(f, cause.text)] as const).find(([, sentence]) => sentence);
    if (agreeing) return { cause, status: "supported", supporters: [agreeing[0]], recorded: `${agreeing[0].incident.id} records '${agreeing[1]}'` };
    const status = supporters.length ? "contradicted" : "supported";
    const recorded = supporters.length
      ? `${plural(supporters.length, "incident")} ${ev.where} records ${label} (${ids(supporters).join(", ")})`
      : `${noneOf(ev, set)} records ${label}`;
    return { cause, status, supporters, recorded };
  }
  if (!supporters.length) return { cause, status: "contradicted", supporters, recorded: noSupportSentence(ev, set, cause.tag) };
  const everyOne = supporters.length === set.length;
  const share =
    set.length === 1
      ? `${set[0].incident.id}, the only incident ${ev.where}, involved ${label}`
      : `${supporters.length} of ${plural(set.length, "incident")} ${ev.where} involved ${label} (${ids(supporters).join(", ")})`;
  if (ev.reading.universal && !everyOne) return { cause, status: "contradicted", supporters, recorded: share };
  const status = ev.reading.plural && supporters.length * 2 < set.length ? "partial" : "supported";
  return { cause, status, supporters, recorded: everyOne && set.length > 1 ? `all ${share}` : share };
}

const DENIAL = /\b(?:no|not|never|none|nothing|without|did not|didn't|was not|wasn't|were not|weren't)\b/i;

/** A sentence of the record's prose that denies what the claim's phrase names, every content word of it. */
function denialOf(f: IncidentFacts, phrase: string): string | null {
  const words = [...new Set(tokenize(phrase).filter((w) => w.length >= 3 && !/^(?:no|not|never|any)$/.test(w)))];
  if (!words.length) return null;
  const prose = [f.incident.customerImpact, f.incident.summary, f.incident.rootCause].flatMap((t) => (t ?? "").split(/(?<=[.;!?])\s+/));
  for (const sentence of prose) {
    const tokens = tokenize(sentence);
    if (DENIAL.test(sentence) && words.every((w) => tokens.some((t) => t.startsWith(w) || w.startsWith(t)) )) return sentence.trim().replace(/[.;]$/, "");
  }
  return null;
}

function supportsTag(f: IncidentFacts, tag: string): boolean {
  if (f.denies(tag)) return false;
  return recordHasTag(f, tag) || f.tags.some((t) => tagImplies(t, tag) >= 0.8);
}

/** "none of the 4 incidents between …", or "X, the only incident on …,". */
function noneOf(ev: Evidence, set: IncidentFacts[]): string {
  const kind = ev.scope.own ? `${scopeLabel(ev.scope)} ` : "";
  return set.length === 1 ? `${set[0].incident.id}, the only ${kind}incident ${ev.where},` : `none of the ${plural(set.length, `${kind}incident`)} ${ev.where}`;
}

/**
 * "none of the 4 incidents … records AI-generated code; RET-B involved AI-assisted tooling; its
 * root cause is recorded as '…' and says no AI-generated code was involved".
 */
function noSupportSentence(ev: Evidence, set: IncidentFacts[], tag: string): string {
  const label = describeTag(tag);
  const bare = label.replace(/^an? /, "");
  if (set.length === 1) return `${noneOf(ev, set)} records no ${bare}${explainCause(set[0], tag, "its")}`;
  const parts = [`${noneOf(ev, set)} records ${label}`];
  for (const f of set.filter((x) => mentionsCause(x, tag)).slice(0, 2)) parts.push(`${f.incident.id}${explainCause(f, tag, "its")}`);
  return parts.join("; ");
}

/** What a record says near an asserted cause: a related tag, its root cause, a denial. */
function explainCause(f: IncidentFacts, tag: string, pronoun: string): string {
  const near = f.tags.find((t) => t !== tag && tagsRelated(t, tag));
  const headline = rootCauseHeadline(f.incident);
  let text = near ? ` involved ${describeTag(near)}` : "";
  if (headline) text += `; ${pronoun} root cause is recorded as '${headline}'`;
  if (f.denies(tag)) text += ` and says no ${describeTag(tag).replace(/^an? /, "")} was involved`;
  return text;
}

/**
 * Whether things were fully down. A claim that counts outages ("went down four times") needs
 * that many full outages; otherwise one suffices. For a claim about a named service, the
 * question is whether that feature failed outright, not the whole product.
 */
function checkOutage(ev: Evidence): AssertionCheck {
  const set = countedSet(ev);
  const claimed = "a full outage";
  if (!set.length) return check("outage", "unknown", claimed, `no incident ${ev.where}`, []);
  const level = (f: IncidentFacts) => (ev.scope.services.length ? f.featureImpact : f.impact);
  const what = ev.scope.services.length ? listJoin(ev.scope.services) : "the service";
  const full = set.filter((f) => level(f) === "full");
  const partial = set.filter((f) => level(f) === "partial");
  const count = ev.reading.quantities.find((q) => q.kind === "count" && isIncidentSubject(q.subject) && !isRepeatedAct(ev.reading.text, q));
  const needed = count ? count.value : 1;
  if (full.length >= needed || (full.length && !count)) {
    return check("outage", "supported", claimed, `${listJoin(full.map((f) => `${f.incident.id} (${f.incident.customerImpact ?? f.incident.title})`))} took ${what} down`, full);
  }
  if (!full.length && partial.length * 2 < set.length) {
    return check("outage", "unknown", claimed, `the records do not say whether the ${plural(set.length, "incident")} ${ev.where} were full outages`, set);
  }
  const each = listJoin(partial.map((f) => `${f.incident.title.replace(/\.$/, "")} (${f.incident.id})`));
  if (full.length) {
    const recorded = `only ${listJoin(ids(full))} took ${what} down; the others affected part of it: ${each}`;
    return check("outage", "contradicted", claimed, recorded, set);
  }
  const subject = set.length === 1 ? `the incident ${ev.where} did not take` : `none of the ${plural(set.length, "incident")} ${ev.where} took`;
  return check("outage", "contradicted", claimed, `${subject} ${what} offline; ${set.length === 1 ? "it" : "each"} affected part of it: ${each}`, set);
}
