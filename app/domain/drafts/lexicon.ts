/**
 * The words the draft checks and the generator rely on, as data: one list per concept, shared by
 * every stage that needs it.
 */

/** Words that colour a statement; flagged when the case's records do not use them themselves. Stems match word starts. */
export const LOADED_WORD_STEMS = [
  "breach",
  "unauthori", // unauthorized, unauthorised
  "leak",
  "hack",
  "negligen", // negligence, negligent
  "cyberattack",
  "attacker",
  "malicious",
  "catastroph",
  "meltdown",
  "cover-up",
  "cover up",
] as const;

/** Top-level domains and host words that only an internal network uses. */
export const INTERNAL_HOST_SUFFIXES = ["internal", "corp", "local", "lan", "intranet", "private", "intra", "localdomain", "home.arpa"] as const;
export const INTERNAL_HOST_WORDS = ["wiki", "jira", "confluence", "grafana", "kibana", "intranet", "internal", "corp", "vpn", "admin", "staging", "pagerduty", "runbook", "sharepoint"] as const;

/** Number words a statement writes out. */
export const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90,
  hundred: 100, a: 1, an: 1, half: 0.5, dozen: 12, several: 3,
};

/** Qualifiers before a figure, and how they bound the true value v against the stated x. */
export const QUALIFIERS: Record<string, "approx" | "below" | "above" | "atLeast" | "atMost" | "nearlyBelow"> = {
  about: "approx",
  around: "approx",
  approximately: "approx",
  roughly: "approx",
  some: "approx",
  nearly: "nearlyBelow",
  almost: "nearlyBelow",
  "just under": "nearlyBelow",
  "fewer than": "below",
  "less than": "below",
  under: "below",
  "below": "below",
  "more than": "above",
  "over": "above",
  "above": "above",
  "in excess of": "above",
  "at least": "atLeast",
  "no fewer than": "atLeast",
  "at most": "atMost",
  "no more than": "atMost",
  "up to": "atMost",
};

/** Month names (and their short forms) for dates. */
export const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** Words after a bare number that make it a count of something the records count. */
export const COUNT_NOUNS = ["customer", "user", "shopper", "client", "account", "order", "merchant", "business", "incident", "outage", "disruption", "issue", "time", "request", "transaction", "checkout", "payment", "region", "service", "site", "store", "hour", "minute", "day"];

/** Words too common to count as a person's name on their own. */
export const NOT_NAMES = ["The", "A", "An", "Our", "We", "On", "In", "At", "It", "This", "That", "After", "Before", "During", "When", "No", "Alarm", "Team", "Search", "Checkout", "Support", "Engineering", "Operations", "Security", "Platform", "Inc", "Ltd", "Group", "Cloud", "Retail"];

/** Phrases with numbers that state no fact a record could back (opening hours, always-on service). */
export const NOT_FIGURES = ["seven days a week", "7 days a week", "24 hours a day", "365 days a year", "around the clock", "round the clock"];
