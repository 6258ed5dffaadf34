/**
 * What the public sees of a published statement: its text without the internal citation
 * markers and notes, its Markdown download, and the optional ClaimReview JSON-LD (schema.org)
 * for each claim it answers, with every property Google requires.
 */

/** A claim the statement answers, frozen at publication. */
export interface AnsweredClaim {
  claimId: string;
  text: string;
  verdict: string | null;
  appearances: { url: string; outlet: string; publishedAt: string | null }[];
}

/** Google asks that claimReviewed be shorter than 75 characters. */
export const CLAIM_REVIEWED_MAX = 74;

/**
 * The statement body as published: citation markers ("[^c3]") and their footnote lines point
 * into the internal case, so they go, as do HTML comments (drafting notes).
 */
export function publicBody(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, "")
    .split("\n")
    .filter((line) => !/^\s*\[\^[^\]\s]+\]:/.test(line))
    .join("\n")
    .replace(/\[\^[^\]\s]+\]/g, "")
    .replace(/[ \t]+([.,;:!?])/g, "$1")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A claim's words shortened at a word boundary to fit `max` characters, with an ellipsis. */
export function shortenClaim(text: string, max = CLAIM_REVIEWED_MAX): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

const RATING_NAMES: Record<string, string> = {
  accurate: "True",
  inaccurate: "False",
  misleading: "Misleading",
  unverifiable: "Unverifiable",
};

/** The ClaimReview objects for the claims that have a verdict and an article with a URL. */
export function claimReviews(input: {
  statementUrl: string;
  organization: string;
  publishedAt: string;
  claims: readonly AnsweredClaim[];
}): Record<string, unknown>[] {
  return input.claims
    .filter((c) => c.verdict && c.appearances.some((a) => a.url))
    .map((c) => {
      const appearance = c.appearances.find((a) => a.url)!;
      return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        url: input.statementUrl,
        datePublished: input.publishedAt.slice(0, 10),
        author: { "@type": "Organization", name: input.organization },
        claimReviewed: shortenClaim(c.text),
        reviewRating: { "@type": "Rating", alternateName: RATING_NAMES[c.verdict!] ?? c.verdict },
        itemReviewed: {
          "@type": "Claim",
          appearance: { "@type": "CreativeWork", url: appearance.url, ...(appearance.outlet ? { publisher: { "@type": "Organization", name: appearance.outlet } } : {}) },
          ...(appearance.publishedAt ? { datePublished: appearance.publishedAt.slice(0, 10) } : {}),
        },
      };
    });
}

/** JSON for a <script type="application/ld+json">: "<" escaped so the text cannot close the tag. */
export function jsonLdScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** The Markdown download: title, dates, body and, when any, the correction log. */
export function statementMarkdown(input: {
  title: string;
  body: string;
  publishedAt: string;
  updatedAt: string;
  state: string;
  log: readonly { kind: string; reason: string; at: string }[];
}): string {
  const lines = [`# ${input.title}`, "", `Published ${input.publishedAt.slice(0, 10)} · last updated ${input.updatedAt.slice(0, 10)}`, ""];
  if (input.state !== "published") lines.push(`**This statement was ${input.state}.**`, "");
  lines.push(publicBody(input.body), "");
  const corrections = input.log.filter((l) => l.kind === "retracted" || l.kind === "superseded");
  if (corrections.length) {
    lines.push("## Corrections", "");
    for (const c of corrections) lines.push(`- ${c.at.slice(0, 10)}: ${c.kind}. ${c.reason}`);
    lines.push("");
  }
  return lines.join("\n");
}

/** A public slug from a title: lower-case words joined by hyphens, at most 60 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "statement";
}
