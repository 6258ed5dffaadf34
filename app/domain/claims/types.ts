/**
 * What claim extraction produces and what evidence matching consumes. Offsets are JavaScript
 * string indices into the source body exactly as stored: body.slice(start, end) === text.
 */

export const CLAIM_KINDS = ["causal", "numeric", "scope", "temporal", "attribution", "other"] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export type QuantityKind = "duration" | "count" | "customers" | "money" | "percentage";

/**
 * A quantity the claim asserts. `value` is normalised: durations in minutes, money in the
 * stated currency's major unit, percentages as 0..100, counts and customers as plain numbers.
 * `comparator` carries hedges: "more than six hours" is { value: 360, comparator: "gt" }.
 */
export interface Quantity {
  kind: QuantityKind;
  value: number;
  /** For vague amounts ("millions", "several") the lower bound; value is then that bound. */
  vague?: boolean;
  comparator: "eq" | "gt" | "gte" | "lt" | "lte" | "approx";
  unit?: string;
  /** What is counted, where the text says: "outages", "incidents", "times", "customers". */
  subject?: string;
  text: string;
  start: number;
  end: number;
}

/** A date or window the claim speaks of, resolved to ISO dates (YYYY-MM-DD, inclusive). */
export interface DateRange {
  from: string;
  to: string;
  /** How it was found: "explicit" ("5 March"), "relative" ("last Tuesday"), or "article" (the article's window). */
  source: "explicit" | "relative" | "article";
  text: string;
  start: number;
  end: number;
}

export interface NamedEntity {
  /** Normalised lower-case name, e.g. "cloud", "checkout", "eu-west". */
  name: string;
  text: string;
  start: number;
  end: number;
}

/** An asserted cause mapped onto the contributing-factor vocabulary. */
export interface AssertedCause {
  tag: string;
  text: string;
  start: number;
  end: number;
  /** True where the claim denies it ("was not caused by hackers"). */
  negated?: boolean;
}

export interface ClaimFacts {
  quantities: Quantity[];
  dates: DateRange[];
  organizations: NamedEntity[];
  services: NamedEntity[];
  regions: NamedEntity[];
  causes: AssertedCause[];
  /** Absolutes like "all", "never", "first time", "entire". */
  absolutes: string[];
  /** "people familiar with the matter", "according to ..." */
  attributions: string[];
  /** The claim says things were down/offline entirely ("went down", "offline", "unable to reach"). */
  assertsFullOutage: boolean;
}

export interface ExtractedClaim {
  text: string;
  start: number;
  end: number;
  checkWorthiness: number;
  kind: ClaimKind;
  facts: ClaimFacts;
  /** Below the threshold: kept "one click away", not shown as a claim by default. */
  belowThreshold: boolean;
}

export interface ExtractionOptions {
  /** The article's publication date (YYYY-MM-DD or ISO), for "last Tuesday" and "this week". */
  publishedAt?: string;
  /** Known names from the workspace's records, to recognise organisations, services and regions. */
  vocabulary?: {
    organizations?: string[];
    services?: string[];
    regions?: string[];
  };
  /** Default 0.5. */
  threshold?: number;
}
