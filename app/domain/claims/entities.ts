/**
 * Organisations, services and regions a claim names, normalised to the workspace's own
 * vocabulary (the names its incident records use). Press words reach that vocabulary through
 * a generic synonym table ("online store" is the "retail" organisation only where the workspace
 * has a "retail" organisation) and a small geography map ("Europe" is any "eu-*" region).
 * Division-style names ("Meridian Cloud", "its payments arm") are recognised without a vocabulary.
 */

import type { ExtractionOptions, NamedEntity } from "./types";

export type Vocabulary = NonNullable<ExtractionOptions["vocabulary"]>;

export interface Entities {
  organizations: NamedEntity[];
  services: NamedEntity[];
  regions: NamedEntity[];
}

/** Press words for common business units, keyed by the canonical name a workspace is likely to use. */
const ORGANIZATION_SYNONYMS: Record<string, string[]> = {
  retail: ["retail", "retailer", "store", "online store", "web store", "shop", "online shop", "shopping", "shopping website", "shopping site", "e-commerce", "ecommerce", "marketplace", "storefront"],
  cloud: ["cloud", "cloud computing", "cloud-computing", "cloud services", "hosting", "web services", "storage services", "cloud storage", "data centre business", "data center business"],
  payments: ["payments", "payment", "payment processing", "payments arm", "card payments", "fintech", "wallet"],
  banking: ["bank", "banking", "online banking", "mobile banking", "retail banking", "lender"],
  telecom: ["telecom", "telecoms", "mobile network", "network operator", "carrier", "broadband", "mobile operator"],
  travel: ["travel", "airline", "flights", "bookings"],
  logistics: ["logistics", "delivery", "deliveries", "shipping", "warehouse", "warehouses", "fulfilment", "fulfillment"],
  advertising: ["advertising", "ads", "ad business"],
  media: ["streaming", "media", "video"],
  gaming: ["gaming", "games"],
  insurance: ["insurance", "insurer"],
  healthcare: ["health", "healthcare", "hospital", "clinics"],
};

/** Press words for common services and components. */
const SERVICE_SYNONYMS: Record<string, string[]> = {
  storefront: ["website", "web site", "site", "online store", "shopping website", "shopping site", "homepage", "home page", "storefront", "web store"],
  checkout: ["checkout", "check-out", "basket", "shopping cart", "cart", "payment page"],
  search: ["search", "search results", "product search"],
  payments: ["payments", "payment", "card payments", "transactions", "payment processing"],
  media: ["images", "photos", "pictures", "product images", "videos", "media"],
  accounts: ["accounts", "account", "login", "logins", "log in", "sign-in", "sign in", "authentication"],
  login: ["login", "logins", "log in", "sign-in", "sign in", "authentication"],
  orders: ["orders", "order history", "past orders", "order tracking"],
  "object-storage": ["storage services", "storage service", "cloud storage", "file storage", "object storage", "storage"],
  storage: ["storage services", "cloud storage", "file storage", "object storage", "storage"],
  app: ["app", "mobile app", "banking app", "apps"],
  "mobile-app": ["app", "mobile app", "banking app"],
  transfers: ["transfers", "bank transfers", "money transfers", "payments"],
  cards: ["cards", "card payments", "debit cards", "credit cards", "card"],
  atm: ["atms", "atm", "cash machines", "cashpoints"],
  booking: ["booking", "bookings", "reservations", "reservation system", "booking system"],
  "check-in": ["check-in", "check in", "boarding"],
  voice: ["calls", "voice", "phone calls", "calling"],
  sms: ["texts", "text messages", "sms"],
  "mobile-data": ["mobile data", "data services", "4g", "5g"],
  broadband: ["broadband", "home internet", "internet"],
  email: ["email", "e-mail", "mail"],
  api: ["api", "apis"],
  dns: ["dns"],
  compute: ["virtual machines", "compute", "servers"],
  database: ["database", "databases"],
};

/** US cities the press names, with the side of the country their cloud region is on ("Seattle" → us-west). */
const US_CITY_SIDES: Record<string, string> = {
  Seattle: "west", Portland: "west", "San Francisco": "west", "Los Angeles": "west", "San Diego": "west", Phoenix: "west", Denver: "west",
  "New York": "east", Boston: "east", Washington: "east", Atlanta: "east", Miami: "east", Philadelphia: "east",
  Chicago: "central", Dallas: "central", Houston: "central", Austin: "central", Minneapolis: "central", Detroit: "central",
};

/** Press geography for region-code prefixes, most specific first; a direction word narrows the match. */
const GEOGRAPHY: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/\b(?:UK|U\.K\.|United Kingdom|Britain|British|England|English|Scotland|Scottish|Wales|Welsh|London|Manchester)\b/g, ["uk", "eu"]],
  [/\b(?:Europe|European|EU|E\.U\.|EMEA|Germany|German|France|French|Ireland|Irish|Spain|Italy|Netherlands|Dutch|Nordic|Scandinavia\w*)\b/g, ["eu"]],
  [new RegExp(String.raw`\b(?:US|U\.S\.|USA|United States|America|American|North America|East Coast|West Coast|Northeast|Northwest|Southeast|Southwest|Midwest|New England|Pacific Northwest|Virginia|Ohio|Oregon|California|${Object.keys(US_CITY_SIDES).join("|")})\b`, "g"), ["us"]],
  [/\b(?:Asia|Asian|Asia-Pacific|APAC|Japan|Singapore|Australia|India|Hong Kong|Korea|China)\b/g, ["ap"]],
  [/\b(?:South America|Latin America|Brazil)\b/g, ["sa"]],
  [/\bCanada\b/g, ["ca"]],
  [/\bMiddle East\b/g, ["me"]],
  [/\bAfrica\b/g, ["af"]],
];
/**
 * Places whose records may carry their own code or name rather than a cloud region
 * ("ie", "nl", "uk-wales", "jp"): a place word maps to these names before the prefix map.
 */
const PLACE_CODES: Record<string, readonly string[]> = {
  ireland: ["ie", "ireland"], irish: ["ie", "ireland"], netherlands: ["nl", "netherlands"], dutch: ["nl", "netherlands"],
  germany: ["de", "germany"], german: ["de", "germany"], france: ["fr", "france"], french: ["fr", "france"],
  spain: ["es", "spain"], italy: ["it", "italy"], japan: ["jp", "japan"], korea: ["kr", "korea"], india: ["in", "india"],
  australia: ["au", "australia"], singapore: ["sg", "singapore"], china: ["cn", "china"], "hong kong": ["hk"],
  brazil: ["br", "brazil"], canada: ["ca", "canada"], wales: ["wales"], welsh: ["wales"], scotland: ["scotland"],
  scottish: ["scotland"], england: ["england"], london: ["london"], manchester: ["manchester"],
  us: ["us", "usa"], "u.s.": ["us", "usa"], usa: ["us", "usa"], "united states": ["us", "usa"], america: ["us", "usa"],
  uk: ["uk", "gb"], "u.k.": ["uk", "gb"], "united kingdom": ["uk", "gb"], britain: ["uk", "gb"], british: ["uk", "gb"],
};

/** Whether a vocabulary region is the place itself ("ie"), or the place inside a larger one ("uk-wales", "wales-south"). */
function isPlaceRegion(region: string, code: string): boolean {
  return region === code || region.split(/[-_\s]+/).includes(code);
}

const DIRECTIONS: Record<string, string> = {
  northeast: "northeast", northwest: "northwest", southeast: "southeast", southwest: "southwest", midwest: "midwest",
  "new england": "northeast", "pacific northwest": "northwest", west: "west", western: "west", east: "east", eastern: "east", north: "north", northern: "north",
  south: "south", southern: "south", central: "central", virginia: "east", ohio: "east", oregon: "west", california: "west",
  ...Object.fromEntries(Object.entries(US_CITY_SIDES).map(([city, side]) => [city.toLowerCase(), side])),
};
const REGION_CODE = /\b[a-z]{2}-(?:east|west|north|south|central|northeast|northwest|southeast|southwest)(?:-\d)?\b/gi;

/** "Meridian Cloud", "Acme Payments": a company name followed by a business-unit word. */
const UNIT_NAME = /\b[A-Z][\w&]+\s+(Cloud|Retail|Payments|Pay|Logistics|Ads|Media|Music|Games|Gaming|Labs|Health|Energy|Wallet|Money|Shopping|Marketplace|Web Services|Mobile|Broadband|Capital|Insurance|Travel|Delivery)\b/g;
/** "the company's cloud-computing division", "its payments arm". */
const DIVISION = /\b([a-z][\w-]*)\s+(?:division|unit|arm|subsidiary|segment|business unit)\b/gi;
const GENERIC_SERVICE = /\b(?:its|their|the company's|the company’s|[A-Z][\w-]*(?:'s|’s))\s+([a-z][\w-]*(?:\s+and\s+[a-z][\w-]*)?)\s+(?:services?|systems?|platforms?|software)\b/g;
const NOT_SERVICE_WORDS = new Set(["own", "new", "old", "core", "main", "digital", "internal", "computer", "it", "technology", "tech", "online", "entire", "whole", "other", "many", "some", "all", "legacy"]);
const NOT_UNIT_WORDS = new Set(["its", "the", "a", "an", "new", "same", "whole", "entire", "core", "main", "other", "business", "company", "company's", "group's"]);

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A phrase as a case-insensitive regex tolerant of hyphen/space/underscore, plurals and possessives. */
function phrasePattern(phrase: string): string {
  const parts = phrase.toLowerCase().split(/[-_\s]+/).filter(Boolean).map(escapeRegExp);
  return `\\b${parts.join("[-_\\s]?")}(?:'s|’s|s|es)?\\b`;
}

interface TermMatcher {
  canonical: string;
  pattern: RegExp;
}

interface CompiledVocabulary {
  organizations: TermMatcher[];
  services: TermMatcher[];
  regions: TermMatcher[];
  regionNames: string[];
  organizationNames: Map<string, string>;
}

const compiled = new WeakMap<object, CompiledVocabulary>();
const NO_VOCABULARY: Vocabulary = {};

/** Direct names plus synonyms for canonical names the vocabulary has; longest phrases first. */
function termMatchers(names: string[] | undefined, synonyms: Record<string, string[]>): TermMatcher[] {
  const known = new Map((names ?? []).map((n) => [normaliseName(n), n]));
  const terms: { canonical: string; phrase: string }[] = (names ?? []).map((n) => ({ canonical: n, phrase: n }));
  for (const [key, phrases] of Object.entries(synonyms)) {
    const canonical = known.get(normaliseName(key));
    if (canonical) for (const phrase of phrases) terms.push({ canonical, phrase });
  }
  terms.sort((a, b) => b.phrase.length - a.phrase.length);
  return terms.map((t) => ({ canonical: t.canonical, pattern: new RegExp(phrasePattern(t.phrase), "gi") }));
}

function compile(vocabulary: Vocabulary): CompiledVocabulary {
  const cached = compiled.get(vocabulary);
  if (cached) return cached;
  const result: CompiledVocabulary = {
    organizations: termMatchers(vocabulary.organizations, ORGANIZATION_SYNONYMS),
    services: termMatchers(vocabulary.services, SERVICE_SYNONYMS),
    // Two-letter codes ("in", "it", "us") read as words; countries reach them through the geography map.
    regions: termMatchers(vocabulary.regions?.filter((r) => r.length > 2), {}),
    regionNames: (vocabulary.regions ?? []).map((r) => r.toLowerCase()),
    organizationNames: new Map((vocabulary.organizations ?? []).map((n) => [normaliseName(n), n])),
  };
  compiled.set(vocabulary, result);
  return result;
}

/** Matches each term once, longest first, never twice over the same characters. */
function matchTerms(text: string, offsetBase: number, matchers: TermMatcher[], taken: Array<[number, number]>): NamedEntity[] {
  const found: NamedEntity[] = [];
  for (const { canonical, pattern } of matchers) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const [s, e] = [m.index, m.index + m[0].length];
      if (taken.some(([ts, te]) => s < te && ts < e)) continue;
      taken.push([s, e]);
      found.push({ name: canonical.toLowerCase(), text: m[0], start: offsetBase + s, end: offsetBase + e });
    }
  }
  return found;
}

/** The canonical organisation for a unit word: a vocabulary name, a synonym of one, or the word itself. */
function organizationFor(word: string, vocab: CompiledVocabulary): string {
  const stem = word.toLowerCase().replace(/-(?:computing|services|based|related)$/, "");
  const direct = vocab.organizationNames.get(normaliseName(stem));
  if (direct) return direct.toLowerCase();
  for (const [key, phrases] of Object.entries(ORGANIZATION_SYNONYMS)) {
    if (!phrases.some((p) => normaliseName(p) === normaliseName(stem))) continue;
    const canonical = vocab.organizationNames.get(normaliseName(key));
    return (canonical ?? key).toLowerCase();
  }
  return stem;
}

function findUnitNames(text: string, offsetBase: number, vocab: CompiledVocabulary): NamedEntity[] {
  const found: NamedEntity[] = [];
  for (const pattern of [UNIT_NAME, DIVISION]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (NOT_UNIT_WORDS.has(m[1].toLowerCase())) continue;
      found.push({ name: organizationFor(m[1], vocab), text: m[0], start: offsetBase + m.index, end: offsetBase + m.index + m[0].length });
    }
  }
  return found;
}

/**
 * Regions through the geography map. Where the vocabulary has no region under the prefix,
 * the region is named by the prefix as a pattern ("eu-*"): still a scope, matching no record.
 */
function findGeography(text: string, offsetBase: number, vocab: CompiledVocabulary): NamedEntity[] {
  const found: NamedEntity[] = [];
  for (const [pattern, prefixes] of GEOGRAPHY) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const codes = PLACE_CODES[m[0].toLowerCase()] ?? [];
      const own = vocab.regionNames.filter((r) => codes.some((c) => isPlaceRegion(r, c)));
      if (own.length) {
        for (const name of own) found.push({ name, text: m[0], start: offsetBase + m.index, end: offsetBase + m.index + m[0].length });
        continue;
      }
      const prefix = prefixes.find((p) => vocab.regionNames.some((r) => r.startsWith(`${p}-`))) ?? prefixes[0];
      const candidates = vocab.regionNames.filter((r) => r.startsWith(`${prefix}-`));
      const direction = directionNear(text, m.index, m.index + m[0].length, m[0]);
      const narrowed = direction ? candidates.filter((r) => r.includes(direction)) : [];
      const names = narrowed.length > 0 ? narrowed : candidates.length > 0 ? candidates : [`${prefix}-*`];
      for (const name of names) {
        found.push({ name, text: m[0], start: offsetBase + m.index, end: offsetBase + m.index + m[0].length });
      }
    }
  }
  REGION_CODE.lastIndex = 0;
  for (let m = REGION_CODE.exec(text); m; m = REGION_CODE.exec(text)) {
    found.push({ name: m[0].toLowerCase(), text: m[0], start: offsetBase + m.index, end: offsetBase + m.index + m[0].length });
  }
  return found;
}

/** "its storage and database services", "the bank's payments system": services named without a vocabulary. */
function findGenericServices(text: string, offsetBase: number, taken: Array<[number, number]>): NamedEntity[] {
  const found: NamedEntity[] = [];
  GENERIC_SERVICE.lastIndex = 0;
  for (let m = GENERIC_SERVICE.exec(text); m; m = GENERIC_SERVICE.exec(text)) {
    const listStart = m.index + m[0].indexOf(m[1]);
    for (const w of m[1].matchAll(/[a-z][\w-]*/gi)) {
      const [s, e] = [listStart + w.index, listStart + w.index + w[0].length];
      if (w[0].toLowerCase() === "and" || NOT_SERVICE_WORDS.has(w[0].toLowerCase())) continue;
      if (taken.some(([ts, te]) => s < te && ts < e)) continue;
      found.push({ name: w[0].toLowerCase(), text: w[0], start: offsetBase + s, end: offsetBase + e });
    }
  }
  return found;
}

/** "western Europe", "Europe West", "East Coast", "north of England". */
function directionNear(text: string, start: number, end: number, matched: string): string | undefined {
  const own =
    /\b(northeast|northwest|southeast|southwest|midwest|new england|pacific northwest)\b/i.exec(matched) ??
    /\b(east|west|north|south)\b/i.exec(matched) ??
    /^(virginia|ohio|oregon|california)$/i.exec(matched);
  if (own) return DIRECTIONS[own[1].toLowerCase()];
  const city = DIRECTIONS[matched.toLowerCase()];
  if (city) return city;
  const before = /\b(western|eastern|northern|southern|central|west|east|north|south)(?:\s+of)?(?:\s+the)?\s+$/i.exec(text.slice(Math.max(0, start - 20), start));
  const after = /^\s+(west|east|north|south|central)\b/i.exec(text.slice(end, end + 12));
  const word = before?.[1] ?? after?.[1];
  return word ? DIRECTIONS[word.toLowerCase()] : undefined;
}

function uniqueByName(entities: NamedEntity[]): NamedEntity[] {
  const seen = new Set<string>();
  return entities
    .sort((a, b) => a.start - b.start)
    .filter((e) => (seen.has(e.name) ? false : (seen.add(e.name), true)));
}

/** Organisations, services and regions named in `text`, each name once, offsets shifted by `offsetBase`. */
export function findEntities(text: string, offsetBase: number, vocabulary: Vocabulary = NO_VOCABULARY): Entities {
  const vocab = compile(vocabulary);
  const unitNames = findUnitNames(text, offsetBase, vocab);
  const taken: Array<[number, number]> = unitNames.map((u) => [u.start - offsetBase, u.end - offsetBase]);
  const organizations = [...unitNames, ...matchTerms(text, offsetBase, vocab.organizations, taken)];
  const serviceSpans: Array<[number, number]> = [];
  const vocabularyServices = matchTerms(text, offsetBase, vocab.services, serviceSpans);
  const services = [...vocabularyServices, ...findGenericServices(text, offsetBase, serviceSpans)];
  const regions = [...matchTerms(text, offsetBase, vocab.regions, []), ...findGeography(text, offsetBase, vocab)];
  return {
    organizations: uniqueByName(organizations),
    services: uniqueByName(services),
    regions: uniqueByName(regions),
  };
}
