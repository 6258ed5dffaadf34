/**
 * Word lists and small text helpers shared by the claim-extraction modules: number words,
 * month and weekday names, a rough finite-verb test, and the cue patterns that scoring and
 * classification read. Everything here is language data, not logic about any one article.
 */

const MONTHS = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
] as const;

/** Month names and their usual abbreviations, as a regex alternation (longest first). */
export const MONTH_PATTERN =
  "(?:january|february|march|april|may|june|july|august|september|october|november|december|" +
  "jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept\\.?|sep\\.?|oct\\.?|nov\\.?|dec\\.?)";

/** 0-based month index of a month name or abbreviation. */
export function monthIndex(name: string): number {
  const key = name.toLowerCase().replace(/\./g, "").slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key));
}

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
export const WEEKDAY_PATTERN = "(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)";

const UNIT_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS_WORDS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALE_WORDS: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, k: 1e3,
};

const UNIT_ALT = Object.keys(UNIT_WORDS).sort((a, b) => b.length - a.length).join("|");
const TENS_ALT = Object.keys(TENS_WORDS).join("|");
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const WORD_NUMBER = `(?:(?:${TENS_ALT})(?:[- ](?:${UNIT_ALT}))?|${UNIT_ALT}|a dozen|dozen)(?:\\s+hundred)?`;

/**
 * A number written in digits or words, with an optional scale ("2m", "1.2 million",
 * "twenty-five", "six hundred"). Wrapped in a non-capturing group; use with the `i` flag.
 */
export const NUMBER_PATTERN =
  `(?:(?<![\\w.])(?:${DIGITS})(?:(?:m|bn|mn|k)\\b|\\s?(?:million|billion|thousand|mln)\\b)?` +
  `|\\b${WORD_NUMBER}(?:\\s+(?:thousand|million|billion))?\\b` +
  // "a million customers", "a thousand flights"
  `|\\ban?\\s+(?:hundred|thousand|million|billion)\\b)`;

/** Parses what NUMBER_PATTERN matched; null when it is not a number. */
export function parseNumber(raw: string): number | null {
  const text = raw.trim().toLowerCase().replace(/-/g, " ");
  const digits = /^(\d[\d,]*(?:\.\d+)?)\s?([a-z]+)?$/.exec(text);
  if (digits) {
    const value = Number(digits[1].replace(/,/g, ""));
    const scale = digits[2] ? SCALE_WORDS[digits[2]] : 1;
    return scale === undefined || Number.isNaN(value) ? null : value * scale;
  }
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of text.split(/\s+/)) {
    if (word === "a" || word === "an") continue;
    if (word === "dozen") { current += 12; seen = true; continue; }
    if (word in UNIT_WORDS) { current += UNIT_WORDS[word]; seen = true; continue; }
    if (word in TENS_WORDS) { current += TENS_WORDS[word]; seen = true; continue; }
    if (word === "hundred") { current = (current || 1) * 100; seen = true; continue; }
    if (word in SCALE_WORDS) { total += (current || 1) * SCALE_WORDS[word]; current = 0; seen = true; continue; }
    return null;
  }
  return seen ? total + current : null;
}

export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};

/**
 * Comparator hedges, longest first so "more than" wins over "more". Each entry is
 * a regex alternation and the comparator it stands for.
 */
const COMPARATOR_WORDS: ReadonlyArray<readonly [string, "gt" | "gte" | "lt" | "lte" | "approx"]> = [
  ["more than|well over|just over|over|above|in excess of|upwards of|longer than|greater than", "gt"],
  ["at least|no fewer than|no less than|a minimum of", "gte"],
  ["less than|fewer than|just under|under|below|shorter than", "lt"],
  ["up to|at most|no more than|as many as|as much as", "lte"],
  ["nearly|almost|about|around|roughly|approximately|approx\\.|some|close to|an estimated|estimated|more or less", "approx"],
];
export const COMPARATOR_PATTERN = COMPARATOR_WORDS.map(([alt]) => alt).join("|");

const COMPARATOR_TESTS = COMPARATOR_WORDS.map(([alt, comparator]) => [new RegExp(`^(?:${alt})$`), comparator] as const);

export function comparatorOf(hedge: string | undefined): "eq" | "gt" | "gte" | "lt" | "lte" | "approx" {
  if (!hedge) return "eq";
  const normalised = hedge.toLowerCase().replace(/\s+/g, " ").trim();
  return COMPARATOR_TESTS.find(([test]) => test.test(normalised))?.[1] ?? "eq";
}

const IRREGULAR_FINITE = new Set(
  ("is are was were has have had will would can could may might must shall should does did do " +
    "say says said told went goes lost began begins left took takes made makes came comes hit cut " +
    "put set saw found gave got kept ran fell rose built sent spent paid brought thought wrote stood " +
    "led held broke shut became drove grew sold bought caught won knew felt meant struck took " +
    "remains remained shows suggests appears continues faces plans expects denies admits blames " +
    "knocked crashed spread").split(" "),
);
const NOT_VERBS = new Set(["need", "speed", "seed", "feed", "bed", "red", "shed", "hundred", "sacred", "wed", "bred"]);

/** A rough test for a finite verb: a word list plus regular past tenses. Good enough to tell a clause from a phrase. */
export function isFiniteVerb(word: string, previous?: string): boolean {
  const w = word.toLowerCase().replace(/[^a-z']/g, "");
  if (!w || previous?.toLowerCase() === "to") return false;
  if (IRREGULAR_FINITE.has(w)) return true;
  return /^[a-z]{2,}ed$/.test(w) && !NOT_VERBS.has(w);
}

/** A finite verb, not counting participles of attribution ("a briefing seen by", "documents reviewed by"). */
export function hasFiniteVerb(s: string): boolean {
  const words = wordsOf(s).map((w) => w.word);
  return words.some(
    (w, i) => isFiniteVerb(w, words[i - 1]) && !(/ed$|seen$/i.test(w) && words[i + 1]?.toLowerCase() === "by"),
  );
}

/** Words of a span, with their offsets, ignoring punctuation. */
export function wordsOf(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9][A-Za-z0-9'’.-]*/g)) {
    const word = m[0].replace(/[.'’-]+$/, "");
    out.push({ word, start: m.index, end: m.index + word.length });
  }
  return out;
}

export function countWords(text: string): number {
  return wordsOf(text).length;
}

/** Pronouns and determiners that point back to something said earlier in the sentence. */
export const BACK_REFERENCES = new Set([
  "it", "its", "they", "their", "them", "this", "these", "those", "he", "she", "his", "her", "which", "who", "such",
]);

/** Verbs of saying, for attribution; no forms that double as plural nouns ("claims", "reports"). */
export const SPEECH_VERBS =
  "said|says|say|told|added|noted|confirmed|wrote|reported|claimed|stated|explained|argued|insisted|acknowledged|admitted";

/** Reads as an attribution: "people familiar with the matter", "according to ...", "sources said". */
export const ATTRIBUTION_PATTERNS: RegExp[] = [
  /\b(?:(?:one|two|three|four|several|some|a|the)\s+)?(?:people|persons?|sources?|insiders?|officials?|employees?|engineers?|staff(?: members?)?|executives?)\s+(?:who\s+(?:work|worked|spoke)[\w\s]{0,30}?|familiar with [\w\s'’-]{1,40}?|close to [\w\s'’-]{1,30}?|with (?:direct )?knowledge of [\w\s'’-]{1,30}?|briefed on [\w\s'’-]{1,30}?)(?=\s+(?:say|said|says|told|added)\b|[,.;]|$)/gi,
  /\baccording to\s+[^,.;]+/gi,
  /\bjudging (?:by|from)\s+[^,.;]+/gi,
  /^[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}\s+(?:says|said|confirmed|acknowledged|admitted)(?=\s+(?:that\s+)?\S)/g,
  /\b(?:the|one|two|three|several|a|an)\s+(?:people|person|sources?|insiders?|officials?|employees?|spokes(?:wo)?man|spokesperson|executives?|engineers?|insider|company|bank|firm)\s+(?:said|say|says|told)\b/gi,
  /\b(?:sources|insiders)\s+(?:said|say|says)\b/gi,
  /\b(?:an?\s+)?(?:internal\s+)?(?:documents?|briefing|memo|report|emails?|messages|filing|presentation|recording)\s+(?:seen|reviewed|obtained|viewed)\s+by\s+(?:the\s+)?[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*/g,
];

/**
 * Connectives that assert a cause or a consequence ("caused", "was behind", "since the outages").
 * "after" counts only when an event follows it, never a time ("began shortly after 6am").
 */
export const CAUSAL_PATTERN =
  /\b(?:caused?|causing|was behind|were behind|is behind|are behind|blamed|blames?|to blame|led to|lead to|leading to|produced by|(?:was|were) (?:all )?down to|resulted? in|the result of|as a result of|due to(?!\s+(?:be|start|begin|open|launch|close|take|end|resume|arrive|go|make|have|meet|report|publish|air|run|finish|complete|return)\b)|because|owing to|triggered|triggering|traced (?:back )?to|stemmed from|stems? from|linked to|attributed to|sparked|set off|(?:began|started|came|followed|happened|occurred)\s+(?:shortly\s+|soon\s+)?(?:after|when)(?!\s+(?:about\s+|around\s+|roughly\s+)?\d)|followed an?|in the wake of|root cause|the cause of|responsible for|(?:lay|lies|lie) with|since the (?:outages?|incidents?|disruptions?|failures?|problems?|breach(?:es)?|attacks?|crash(?:es)?|episode|glitch(?:es)?))\b/i;

/** Verbs of damage whose subject may be a cause ("a cyberattack took down the site"). */
export const DAMAGE_VERB_PATTERN =
  /\b(?:brought down|took down|taken down|knocked (?:out|offline)|took (?:[\w-]+\s+){1,3}offline|crippled|wiped out|corrupted|deleted|disabled|broke)\b/i;

/** "after"/"following" an event or action (not "after three hours", not "after 5 March"). */
export const AFTER_EVENT_PATTERN =
  /\b(?:after|following)\s+(?:an?|the|its|their|his|her|engineers?|staff|hackers|someone)\s+(?![\d])(?!(?:hour|minute|day|week|month)s?\b)/i;

/** Hedged or speculative language: the sentence says what might happen, not what did. */
export const SPECULATION_PATTERN =
  /\b(?:(?:is|are|was|were)\s+(?:likely|unlikely|expected|set|poised|bound|supposed)\s+to|could(?!\s+(?:not|still|no longer|only)\b)|might|would(?!n['’]t|\s+(?:not|never|normally|usually|typically|otherwise|later)\b)|will likely|perhaps|possibly|potentially|appears? to|seems? to|if\b)/;
/** "may" as a modal: lower case only, because "May" is also a month. */
export const MODAL_MAY_PATTERN = /(?<![A-Z])\bmay\b(?!\s+\d)/;

/** Opinion and commentary: analysts, critics, debates, judgements. */
export const OPINION_SOURCE_PATTERN =
  /\b(?:analysts?|experts?|critics?|observers|commentators|campaigners|consumer groups?|lawmakers|politicians|mps|investors|specialists|consultants?|advis(?:es|ers?|ors?)|former [\w\s]{0,30}?(?:officer|chief|executive|director|engineer|head)|readers|(?:customers|users|passengers|players|drivers|riders|patients|residents) (?:said|say|told|described|complained|reported))\b/i;
export const EVALUATIVE_PATTERN =
  /\b(?:debate|scrutiny|blow to|embarrass\w*|headache|frustrat\w*|reputation\w*|under pressure|questions? (?:about|over)|(?:is|was|remains?) unclear|not clear|remains to be seen|highlights?|underscores?|shows? the need|should(?! have)|tempting|a sign that|(?:it is|it's) (?:easy|fair|hard|clear|tempting|worth) to|arguably|predictably|inevitably|furious|angry|of this kind|more often|in general|generally|criticis\w*|criticiz\w*|sorry|apologi[sz]\w*|inconvenience)\b/i;

/** Meetings, company background and market colour: true but not what the story asserts about systems. */
export const BACKGROUND_PATTERN =
  /\b(?:meeting|meetings|discussed|agenda|town hall|all-hands|conference call|routinely|regularly|typically|founded in|headquartered|is one of|one of the (?:largest|biggest)|employs|shares (?:in|of)|shares (?:fell|rose|dropped|climbed|slipped|jumped|were|are|have)|stock (?:fell|rose|dropped)|in (?:morning|afternoon|early|late) trading|was monitoring|is monitoring|in contact with|seeking answers|need to know|here is|here's|share price|stock price|market value|valuation|stock market|revenue|revenues|net income|turnover|(?:annual|full[- ]year|quarterly) (?:profit|loss|results|sales)|first (?:full[- ]year|annual) (?:profit|loss)|supplies [\w\s]{1,40}? to (?:around |about |some |more than |over )?[\d.,]+|serves (?:around |about |some |more than |over )?[\d.,]+)\b/i;

/** Boilerplate: no comment, credits, housekeeping. */
export const BOILERPLATE_PATTERN =
  /\b(?:did not (?:immediately )?(?:respond|reply|return)|declined to comment|could not be reached|was not (?:immediately )?available for comment|no comment|requests? for comment|reporting by|editing by|writing by|additional reporting|this article|subscribe|sign up|newsletter|click here|all rights reserved)\b|©/i;

/** Verbs of a company acting on its people, systems or policies. */
const COMPANY_ACTION_VERBS =
  "introduced|pushed|required|requires|banned|launched|rolled out|suspended|fired|hired|laid off|cut|replaced|moved|migrated|adopted|halted|paused|mandated|ordered|told|asked|encouraged|stopped|restricted|begun|started|reorganised|reorganized|created|set up|invested|spent|doubled|tripled|reduced|closed|outsourced|sold|bought|acquired|added|tightened|changed|updated|reversed|scrapped|delayed|compensated|refunded|offered|removed|disabled|shut down|switched|deployed|instructed|urged|forced|allowed|permitted|relied|uses|used|notified|informed|alerted|promised|pledged|vowed|blamed|attributed|modified|patched|fixed|automated|retired";
/** An opening phrase before the subject: "Since the outages, ", "At 09:14 UTC, ". */
export const OPENING_PHRASE_PATTERN = /^(?:since|after|following|in|last|this|earlier|at|on|by|within|during|later)\b[^,]{0,40},\s*/i;
/**
 * The subject of a company act (the company, its staff, or a proper name) and its verb,
 * in the perfect ("has introduced") or the past ("suspended").
 */
export const COMPANY_ACTION_PATTERN = new RegExp(
  "^(?:[Ii]t|[Tt]he (?:company|firm|group|bank|lender|retailer|airline|carrier|operator|provider|business|insurer|platform|team)|" +
    "(?:[Ii]ts |[Tt]he )?(?:engineers|staff|employees|technicians|developers|managers|executives)|[A-Z][\\w&'’.-]*(?:\\s+[A-Z][\\w&'’.-]*){0,3})" +
    "(?:'s|’s)?\\s+(?:[a-z]+\\s+){0,2}?(?:(?:has|have|had)\\s+)?(?:since\\s+|now\\s+|also\\s+|quietly\\s+|recently\\s+|already\\s+)?" +
    `(?:${COMPANY_ACTION_VERBS})\\b`,
);

/**
 * Ways the press says something failed that both extraction (impact) and claim reading (is this
 * about an incident?) count: "went unpaid", "stayed down", "would not load", "the fault hit".
 */
export const FAILURE_PHRASES = String.raw`unpaid|(?:stayed|remained) (?:down|offline)|went unnoticed|(?:did not|didn't|failed to) (?:spot|notice|detect)|(?:would|did) not (?:load|work|open|connect)|(?:wouldn't|didn't) (?:load|work|open|connect)|(?:fault|outage|problem|failure|glitch|bug|error)s? (?:also )?hit|spread to`;

/** Something went wrong for someone: the story is about impact. */
export const IMPACT_PATTERN = new RegExp(
  String.raw`\b(?:outages?|went down|go(?:es)? down|(?:was|were) down|offline|crash(?:ed|es)?|disrupt\w*|(?:was|were|been) (?:also )?hit|hit by|affected|impacted|lost access|unable to|could not|couldn't|cannot|can't|failed|fail|failures?|glitch(?:es)?|unavailable|inaccessible|suspended|cancell?ed|grounded|stranded|breach(?:ed|es)?|leaked|exposed|left without|cut off|knocked|took down|taken down|not affected|unaffected|continued to work|restored|blackout|locked out|wiped(?: out)?|erased|${FAILURE_PHRASES}|(?:stayed|remained) dark|buckled|collapsed|froze|stalled|seized up|ground to a halt|(?:problems?|outages?|faults?|failures?|glitch(?:es)?|incidents?|disruptions?|errors?|bugs?) (?:also |then )?hit|(?:would not|wouldn't|did not|didn't) (?:start|respond|process|go through)|spread across|could still|(?:still|remained) (?:work\w*|available|online|up|operational|function\w*)|(?:operating|working|running) normally|(?:stayed|remained) open|(?:ran|run|running|operated|operating) (?:normally|as normal|as usual|on schedule|on time))\b`,
  "i",
);

/** Recovery and timing: the claim is about when, not what. */
export const RECOVERY_PATTERN =
  /\b(?:restored|resumed|recovered|back (?:online|up)|fixed|resolved|began|started|ended|lasted until|came back)\b/i;

/** Whole-system unavailability, as opposed to a degraded feature. */
export const FULL_OUTAGE_PATTERN =
  /\b(?:went down|go(?:es)? down|(?:was|were) down|(?:taken|knocked|went|go|was|were) offline|offline|crash(?:ed|es)?|(?:unable to|could(?: not|n't)|can(?:not|'t)) (?:reach|access|use|log|connect|load|open|make|get|pay|buy|book|check|place|complete|withdraw|transfer|call|file|send)|lost access|inaccessible|unavailable|unreachable|went dark|locked out|stopped working|total outage|complete outage|full outage|left without|cut off|blackout|shut down)\b/i;
export const OUTAGE_WORD_PATTERN = /\boutages?\b/i;
/** Generic names of systems and services, for when no vocabulary names them. */
export const WHOLE_SYSTEM_PATTERN =
  /\b(?:website|web site|site|online store|store|shop|app|platform|service|services|system|systems|network|servers?|payments?|transfers|cash machines|atms|calls|broadband|mobile data|bookings?|check-in|checkout|log ?in|login|email|database|trains|flights|buses|deliveries|branches|stores|phone lines|portal)\b/i;
export const PARTIAL_PATTERN =
  /\b(?:some (?:features?|users|customers|pages)|partial(?:ly)?|slow(?:er|ness)?|degraded|intermittent(?:ly)?|a small number|a minority|certain features|parts? of)\b/i;

/** Absolutes: words that make a claim all-or-nothing. */
export const ABSOLUTE_PATTERN =
  /\b(?:all|every|everyone|entire(?:ly)?|whole|never|always|none|no one|nobody|completely|totally|throughout|nationwide|worldwide|globally|across the (?:company|group|business|country|network|board)|for the first time|first time|ever|worst|longest|biggest|largest)\b/gi;

/** Time of day ("7.30 a.m.", "09:14 UTC", "6am"); a temporal cue that is not a date. */
export const TIME_OF_DAY_PATTERN =
  /\b\d{1,2}(?:[:.]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}(?:\s?(?:UTC|GMT|BST|CET|CEST|ET|EST|EDT|PT|PST|PDT)\b)?|\b(?:noon|midnight|overnight)\b/gi;

/** Direct speech: text between double quotes (to the end of the span when the quote runs on). */
export const QUOTED_SPEECH_PATTERN = /["“][^"“”]{3,}(?:["”]|$)/g;

/**
 * The company's own written record of an incident (a postmortem, an incident report, a status
 * page, a published timeline) named as the source of a sentence: "the report says", "according
 * to the postmortem", "by the company's timeline", "the document begins". What such a record
 * states is a fact to check against the records, quoted or not.
 */
const RECORD_NOUNS = "post-?mortems?|incident reports?|reports?|documents?|status (?:page|dashboard)s?|timelines?|write-?ups?|root[- ]cause analys[ie]s|help pages?";
const RECORD_VERBS = "says|said|states|stated|explains|explained|wrote|writes|notes|noted|confirms|confirmed|shows|showed|lists|listed|begins|adds|added|describes|described|is categorical|is clear";
export const RECORD_SOURCE_PATTERN = new RegExp(
  String.raw`\b(?:(?:the|its|[A-Z][\w.&-]*(?:'s|’s))\s+(?:own\s+)?(?:[a-z-]+\s+)?(?:${RECORD_NOUNS})\s+(?:(?:now|also|itself)\s+)?(?:${RECORD_VERBS})|according to (?:the|its|[A-Z][\w.&-]*(?:'s|’s))\s+(?:own\s+)?(?:[a-z-]+\s+)?(?:${RECORD_NOUNS})|by (?:the|its|[A-Z][\w.&-]*(?:'s|’s))\s+(?:own\s+)?(?:${RECORD_NOUNS}|account)|the company wrote)\b`,
  "i",
);

/**
 * A claim someone else made, reported as a claim: "a post claimed that ...", "reports have
 * suggested that ...", "... reportedly ...". The fact-checker checks what is claimed, so the
 * hedge of the report does not make it colour.
 */
export const REPORTED_CLAIM_PATTERN =
  /\b(?:reportedly|(?:claimed|alleged|suggested|reported|insisted)\s+(?:instead\s+)?that|(?:newspapers|reports|outlets|posts?|media)\s+(?:have\s+|had\s+)?(?:reported|suggested|said|claimed)|is understood to)\b/i;

/**
 * Verbs of what an operator or a system did during an incident, in the past: the plain
 * narrative facts a postmortem records (a command was run, data was removed, a service was
 * restarted, paused, restored, refunded, escalated). Past forms only, so plans and opinions
 * do not count.
 */
export const INCIDENT_NARRATIVE_PATTERN =
  /\b(?:(?:was|were|had been|has been|have been)\s+(?:\w+ly\s+)?(?:run|entered|removed|deleted|restarted|paused|lost|restored|refunded|escalated|enabled|disabled|promoted|rolled back|reverted|replaced|overcharged|charged|classified|wiped|corrupted|purged|reported|triggered|taken|bypassed|delayed|marked)|(?:restarted|reconnected|escalated|bypassed|promoted|reverted|rolled back|overwrote|purged|took hours|took minutes|fell behind|ran out of|threw errors|stopped accepting|no longer accept\w*|received warnings?|(?:had|has) reported|(?:permanently|irretrievably) lost)|(?:had|has) (?:never )?been (?:enabled|disabled|tested|removed))\b/i;

/** A live blog's entry stamp at the start of a paragraph ("14:05 — ", "**9.40am** - "): when the entry was posted, not what it says. */
export const LIVE_ENTRY_STAMP_PATTERN = /^\**\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*\**\s*[-–—]\s*/i;

/**
 * When something happened to the service: a start, an end or a step of the incident placed at a
 * clock time ("began at ...", "was resolved before ...", "escalated at ..."). With the time of day
 * beside it, it is a timeline fact to check against the record.
 */
export const TIMED_EVENT_PATTERN =
  /\b(?:began|begun|started|starting|ended|stopped|resumed|recovered|restored|resolved|fixed|detected|noticed|spotted|escalated|deploy(?:ed|ing)|failing|came back|back (?:online|up)|went (?:down|offline|dark))\b/i;

/**
 * Sentences about the record or the article rather than the incident: that a postmortem was
 * published, what it mentions or how it reads. What the record says is checked where it is said.
 */
export const ABOUT_THE_RECORD_PATTERN =
  /\b(?:(?:has|have|had)\s+(?:now\s+)?published\s+(?:its|their|a|the)\s+(?:full\s+|own\s+)?(?:account|post-?mortem|report|analysis|write-?up)|makes? (?:no )?mention|makes? for [\w\s]{0,20}reading|(?:describes|explains|sets out) how|deserves? to be read)\b/i;

/** The newsroom speaking of its own reporting in a live blog: "we've asked ... to comment", "readers have told us", "a reader asks". */
export const NEWSROOM_PATTERN =
  /\b(?:we(?:'ve|’ve| have)? asked|we(?:'re|’re| are) getting|(?:readers|sellers|customers|users|buyers|passengers|listeners|viewers) (?:have )?told us|a reader (?:asks|asked|wants)|readers? (?:ask|asked|wonder))\b/i;

/** A general truth rather than an event: what such things "can" do, said of the sentence's subject. */
export const GENERIC_MODAL_PATTERN = /^(?:[\w'’-]+\s+){1,6}can\s+(?!not\b|still\b|only\b|no longer\b|reveal\b|confirm\b|report\b)/i;

/**
 * "would" that does not hedge the sentence: a counterfactual ("a check that would have caught
 * it") or a comment in a "which" clause on what the main clause asserts. A future reported after
 * a verb of saying ("said that it would cut costs") is a forecast, and still hedges.
 */
export const NON_HEDGING_WOULD_PATTERN = /\bwould have\b|\bwhich\s+(?:[\w'’-]+\s+){0,6}?would\b/gi;

/** "was also unreachable", "also stopped couriers from ...": the claim widens an incident's reach to something more. */
export const REACH_EXTENSION_PATTERN =
  /\b(?:also|too|as well)\b[^.]{0,60}\b(?:unreachable|unavailable|down|offline|failed|stopped|prevented|hit|affected|disrupted|broke|went)\b|\b(?:unreachable|unavailable|down|offline|failed|stopped|hit|affected|disrupted)\b[^.]{0,40}\b(?:too|as well)\b/i;
