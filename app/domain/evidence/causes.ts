/**
 * The contributing-factor vocabulary as it appears in prose. Records carry tags, but their root
 * cause text can confirm or deny a cause ("No AI-generated code was involved"), and claims may
 * arrive without mapped causes; both are read with the same phrase lists.
 */

/** Phrases (regular-expression sources, matched case-insensitively on word boundaries) per tag. */
const CAUSE_PHRASES: Record<string, string[]> = {
  ai_generated_code: [
    "ai[- ](?:generated|written|authored|produced) code",
    "code (?:that was |which was )?(?:written|generated|produced|authored) (?:by|with|using) (?:an? )?(?:ai|artificial intelligence|llm|chatbot|copilot|coding assistant)",
    "(?:partly |partially |largely )?generated (?:by|with) an? ai",
    "ai[- ]generated (?:change|patch|commit|script|update)s?",
    "code (?:from|by) an? ai",
    "machine[- ]written code",
  ],
  ai_assisted_tooling: [
    "ai (?:coding )?(?:assistant|tool|tools|agent|system|chatbot|model|copilot)s?",
    "ai[- ](?:assisted|powered|driven)",
    "artificial intelligence",
    "(?:large )?language models?",
    "llms?",
    "chatbots?",
    "copilot",
    "coding assistants?",
  ],
  human_error: ["human error", "(?:staff|employee|engineer|technician)(?:'s)? (?:error|mistake|blunder)", "manual step", "operator error", "engineer(?:'s)? (?:error|mistake)", "manual (?:error|mistake)", "mistakes?", "typo", "fat[- ]finger(?:ed)?"],
  config_change: ["config(?:uration)? changes?", "misconfigur(?:ation|ed)", "settings? changes?", "changed? (?:the |a )?(?:\\w+ )?(?:config(?:uration)?|settings?)", "configuration"],
  deployment: ["deploy(?:ed|ment|ments|ing)?", "botched (?:update|upgrade|release|change)", "(?:software|code) bugs?", "bugs? in (?:the |its |a )?(?:code|software|update|release)", "faulty (?:code|update|release|software)", "new (?:code|version|software)", "releases?", "rollouts?", "rolled out", "software updates?", "upgrades?", "code changes?", "patch(?:es)?", "migrations?"],
  capacity: ["capacity", "(?:heavy|high|unexpected|record) (?:traffic|demand|load)", "overwhelmed", "demand (?:spike|surge)", "overload(?:ed)?", "traffic (?:spike|surge|peak)s?", "surge in (?:demand|traffic)", "ran out of (?:disk|memory|space)", "resource exhaustion", "too much (?:traffic|load)"],
  dependency_failure: ["dependenc(?:y|ies)", "upstream (?:service|system|failure)s?", "downstream (?:service|system)s?"],
  third_party: ["third[- ]part(?:y|ies)", "(?:an? )?(?:outside|external) (?:company|firm|supplier|partner)", "vendors?", "suppliers?", "outside provider", "external provider", "cdn", "partner(?:'s)? (?:system|service)s?"],
  hardware: ["hardware", "power (?:failure|outage|cut|loss|supply)", "(?:data ?cent(?:er|re)) (?:fire|flood|cooling)", "cooling (?:failure|system)", "faulty (?:server|disk|hardware|equipment)", "(?:server|disk|drive|switch|router) failures?", "failed (?:server|disk|drive|switch|router)s?"],
  network: ["network(?:ing)?", "connectivity", "dns", "bgp", "routing", "fib(?:er|re) cuts?"],
  security: ["cyber[- ]?attacks?", "hack(?:ers?|ed|ing)?", "breach(?:ed|es)?", "ddos", "denial[- ]of[- ]service", "ransomware", "malicious", "intrusions?", "attackers?", "cyber ?security"],
  data_loss: ["data loss", "lost (?:customer )?data", "(?:transactions|payments|money|funds|balances|orders|records|files|objects) (?:was|were) (?:lost|deleted|wiped(?: out)?|erased)", "wiped out", "permanently (?:lost|deleted|destroyed|erased)", "(?:data|files|objects|records)\\b[^.;]{0,40}\\b(?:was|were) (?:permanently )?(?:lost|deleted|destroyed)", "data (?:was|were) (?:lost|deleted|wiped)", "deleted (?:customer )?(?:data|records)", "records (?:were|was) lost"],
  process_gap: ["without (?:a |any )?(?:human |peer |code )?reviews?", "(?:skipped|bypassed|no) (?:human |peer |code )?reviews?", "checklists?", "process gaps?", "unreviewed"],
  outdated_documentation: ["outdated (?:documentation|docs|wiki|runbook|guidance|instructions)(?: pages?)?", "stale (?:documentation|docs|wiki|runbook)", "out[- ]of[- ]date (?:documentation|docs|wiki|runbook)"],
  monitoring_gap: ["monitoring gaps?", "no (?:alarm|alert)s?", "went unnoticed", "undetected", "missing (?:alarm|alert)s?"],
};

const CAUSE_PATTERNS: [string, RegExp][] = Object.entries(CAUSE_PHRASES).map(([tag, phrases]) => [
  tag,
  new RegExp(`\\b(?:${phrases.join("|")})\\b`, "gi"),
]);

/** Words that, earlier in the same clause, deny what follows ("No AI-generated code was involved"). */
const NEGATION_BEFORE = /\b(?:no|not|never|without|nor|neither|none|ruled out|rather than|instead of|isn't|wasn't|weren't|didn't|did not|was not|were not|is not|there is no|no evidence of)\b[^.;:]*$/i;
/** Denials that follow the phrase ("AI-generated code was not involved"). */
const NEGATION_AFTER = /^[^.;:]{0,40}?\b(?:was|were|is|are|had)\s+(?:not|never)\b|^[^.;:]{0,20}?\bwas ruled out\b/i;

/** A noun the cause word only qualifies ("DDoS protection", "network team"). */
const QUALIFIED_NOUN = /^[\s-]+(?:protection|mitigation|defen[cs]es?|scrubbing|filter(?:s|ing)?|teams?|tool(?:s|ing)?|services?|profiles?|rules?|monitoring|alerts?|alarms?|checks?|settings?|safeguards?|controls?)\b/i;

/** A cause phrase found in a text, with whether it was denied there. */
export interface CauseMention {
  tag: string;
  phrase: string;
  negated: boolean;
}

function clauseBefore(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 80), index);
  const cut = Math.max(before.lastIndexOf("."), before.lastIndexOf(";"), before.lastIndexOf(":"), before.lastIndexOf(","));
  return cut >= 0 ? before.slice(cut + 1) : before;
}

const PATTERN_BY_TAG = new Map(CAUSE_PATTERNS);

/** Every cause phrase in `text`, each marked negated where the clause denies it. */
export function findCauseMentions(text: string): CauseMention[] {
  return CAUSE_PATTERNS.flatMap(([tag, pattern]) => mentionsWith(text, tag, pattern));
}

/** The phrases for one tag in `text` (cheaper than all of them when one cause is asserted). */
export function findTagMentions(text: string, tag: string): CauseMention[] {
  const pattern = PATTERN_BY_TAG.get(tag);
  return pattern ? mentionsWith(text, tag, pattern) : [];
}

function mentionsWith(text: string, tag: string, pattern: RegExp): CauseMention[] {
  const mentions: CauseMention[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const before = clauseBefore(text, m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    // "DDoS protection was not enabled": the denial is of the thing the cause word qualifies.
    const negated = NEGATION_BEFORE.test(before) || (NEGATION_AFTER.test(after) && !QUALIFIED_NOUN.test(after));
    mentions.push({ tag, phrase: m[0], negated });
  }
  return mentions;
}

const TAG_NOUNS: Record<string, string> = {
  ai_assisted_tooling: "AI-assisted tooling",
  ai_generated_code: "AI-generated code",
  config_change: "a configuration change",
  deployment: "a deployment or software release",
  capacity: "a capacity problem",
  dependency_failure: "a dependency failure",
  third_party: "a third-party failure",
  hardware: "a hardware or power failure",
  network: "a network failure",
  security: "a security incident or attack",
  data_loss: "data loss",
  process_gap: "a process gap",
  outdated_documentation: "outdated documentation",
  monitoring_gap: "a monitoring gap",
};

/** Human words for a tag: "ai_assisted_tooling" → "AI-assisted tooling", "security" → "a security incident or attack". */
export function describeTag(tag: string): string {
  return TAG_NOUNS[tag] ?? tag.replace(/_/g, " ");
}

/**
 * How far a recorded tag establishes an asserted one: 1 the same, a fraction where the record
 * implies it (AI-generated code implies an AI tool was involved), 0 otherwise. Deliberately
 * one-directional: an AI assistant in the story does not make the code AI-written.
 */
export function tagImplies(recorded: string, asserted: string): number {
  if (recorded === asserted) return 1;
  return IMPLIES[recorded]?.[asserted] ?? 0;
}

const IMPLIES: Record<string, Record<string, number>> = {
  ai_generated_code: { ai_assisted_tooling: 1, deployment: 0.5 },
  dependency_failure: { third_party: 0.6 },
  third_party: { dependency_failure: 0.8 },
  config_change: { human_error: 0.3, deployment: 0.4 },
  deployment: { config_change: 0.3 },
  hardware: { network: 0.3 },
  network: { hardware: 0.2 },
};

/** Tags that are near each other for relevance (not for support): an AI assistant bears on an AI-code claim. */
export function tagsRelated(a: string, b: string): boolean {
  return a === b || RELATED.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

const RELATED: [string, string][] = [
  ["ai_generated_code", "ai_assisted_tooling"],
  ["deployment", "config_change"],
  ["dependency_failure", "third_party"],
  ["hardware", "network"],
  ["process_gap", "human_error"],
  ["outdated_documentation", "process_gap"],
];

/** Tags so common in postmortems that matching them says little about which record is meant. */
const GENERIC_TAGS = new Set(["human_error", "deployment", "config_change", "process_gap", "monitoring_gap", "capacity"]);

/** Weight of an asserted tag when several are asserted: specific causes count more. */
export function tagWeight(tag: string): number {
  return GENERIC_TAGS.has(tag) ? 0.5 : 1;
}

/** Whether a tag is one of the common, generic ones. */
export function isGenericTag(tag: string): boolean {
  return GENERIC_TAGS.has(tag);
}
