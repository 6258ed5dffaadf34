/**
 * The generator's wording, as data. Comms edits these strings in the app (draft_templates);
 * the defaults below are what a new workspace starts with. `{name}` placeholders are filled by
 * the generator; an unknown or empty placeholder leaves nothing behind.
 */

export const STATEMENT_TEMPLATE_KEYS = [
  "headline",
  "intro",
  "intro.noOutlet",
  "position.corrections",
  "position.confirmed",
  "heading.facts",
  "lead.inaccurate",
  "lead.misleading",
  "lead.accurate",
  "lead.unverifiable",
  "lead.noQuote",
  "topic.causal",
  "topic.numeric",
  "topic.scope",
  "topic.temporal",
  "topic.attribution",
  "topic.other",
  "verdict.inaccurate",
  "verdict.misleading",
  "verdict.accurate",
  "verdict.unverifiable",
  "fact.incident",
  "fact.customers",
  "fact.noCustomers",
  "fact.cause",
  "fact.count",
  "fact.countOrg",
  "fact.longest",
  "heading.actions",
  "action.done",
  "action.open",
  "closing",
  "noun.customers",
] as const;
export type StatementTemplateKey = (typeof STATEMENT_TEMPLATE_KEYS)[number];
export type StatementTemplate = Record<StatementTemplateKey, string>;

export const DEFAULT_STATEMENT_TEMPLATE: StatementTemplate = {
  headline: "Our response to recent reports about our service",
  intro: "{outlet} reported that our service was disrupted and made several claims about what happened. We have checked each claim against our incident records. {position}",
  "intro.noOutlet": "A recent report said that our service was disrupted and made several claims about what happened. We have checked each claim against our incident records. {position}",
  "position.corrections": "Some of those claims are not accurate, and we set out the facts below.",
  "position.confirmed": "We set out the facts below.",
  "heading.facts": "The facts",
  "lead.inaccurate": "The report says: {quote}. {verdict}",
  "lead.misleading": "The report says: {quote}. {verdict}",
  "lead.accurate": "The report says: {quote}. {verdict}",
  "lead.unverifiable": "The report says: {quote}. {verdict}",
  "lead.noQuote": "On {topic}: {verdict}",
  "topic.causal": "the cause",
  "topic.numeric": "the figures",
  "topic.scope": "which services were affected",
  "topic.temporal": "the timing",
  "topic.attribution": "what was said",
  "topic.other": "what happened",
  "verdict.inaccurate": "This is not accurate.",
  "verdict.misleading": "This is misleading.",
  "verdict.accurate": "This is correct.",
  "verdict.unverifiable": "Our records do not confirm this.",
  "fact.incident": "On {date}, {services} {was} disrupted for {duration}.",
  "fact.customers": "It affected {customers}.",
  "fact.noCustomers": "No customers were recorded as affected.",
  "fact.cause": "Our records give the cause as {causes}.",
  "fact.count": "Our records show {count} incidents between {first} and {last}.",
  "fact.countOrg": "Our records show {count} incidents between {first} and {last}, all in our {organization} systems.",
  "fact.longest": "The longest lasted {duration}.",
  "heading.actions": "What we are doing",
  "action.done": "Done: {text}",
  "action.open": "Under way: {text}",
  closing: "We are sorry for the disruption our customers experienced. We will keep sharing accurate information about our service and welcome questions from the press.",
  "noun.customers": "customers",
};

export const DEFAULT_HOLDING_TEMPLATE = {
  title: "Holding statement",
  body: "# Statement\n\nWe are aware of reports about disruption to our service. We are reviewing our records and will share accurate information as soon as we have confirmed the facts. We are sorry for any inconvenience to our customers.\n",
};

/** The stored template merged over the defaults: a key comms never edited keeps its default. */
export function resolveTemplate(stored: unknown): StatementTemplate {
  const out: StatementTemplate = { ...DEFAULT_STATEMENT_TEMPLATE };
  if (stored && typeof stored === "object") {
    for (const key of STATEMENT_TEMPLATE_KEYS) {
      const v = (stored as Record<string, unknown>)[key];
      if (typeof v === "string") out[key] = v;
    }
  }
  return out;
}

/** Fills `{name}` placeholders; missing ones become empty and the doubled spaces they leave are closed. */
export function fill(text: string, vars: Record<string, string | undefined>): string {
  return text
    .replace(/\{(\w+)\}/g, (_m, name: string) => vars[name] ?? "")
    .replace(/[ \t]{2,}/g, " ")
    .replace(/\s+([.,;:])/g, "$1")
    .trim();
}
