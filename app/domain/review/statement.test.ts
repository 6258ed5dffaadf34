import { describe, expect, it } from "vitest";
import { claimReviews, jsonLdScript, publicBody, shortenClaim, slugify, statementMarkdown } from "./statement";

describe("the public text of a statement", () => {
  it("drops citation markers, their footnotes and drafting comments", () => {
    const body = "The outage lasted two hours [^c1].\n\n<!-- check with legal -->\nIt affected 38,000 customers[^c2].\n\n[^c1]: RET-2026-0031, internal timeline\n[^c2]: RET-2026-0032";
    expect(publicBody(body)).toBe("The outage lasted two hours.\n\nIt affected 38,000 customers.");
  });
});

describe("ClaimReview", () => {
  const claim = {
    claimId: "k1",
    text: "AI-written code caused every outage of the store in the last three months, according to staff",
    verdict: "inaccurate",
    appearances: [{ url: "https://news.example/story", outlet: "Example News", publishedAt: "2026-03-12" }],
  };

  it("keeps claimReviewed under 75 characters at a word boundary", () => {
    const short = shortenClaim(claim.text);
    expect(short.length).toBeLessThan(75);
    expect(short.endsWith("…")).toBe(true);
    expect(shortenClaim("Short claim")).toBe("Short claim");
  });

  it("carries the properties Google requires", () => {
    const [review] = claimReviews({ statementUrl: "https://co.example/statements/x", organization: "Co", publishedAt: "2026-03-13T10:00:00Z", claims: [claim] });
    expect(review).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://co.example/statements/x",
      reviewRating: { "@type": "Rating", alternateName: "False" },
      itemReviewed: { "@type": "Claim", appearance: { url: "https://news.example/story" }, datePublished: "2026-03-12" },
    });
    expect((review.claimReviewed as string).length).toBeLessThan(75);
  });

  it("leaves out claims without a verdict or an article URL", () => {
    expect(claimReviews({ statementUrl: "u", organization: "Co", publishedAt: "2026-03-13", claims: [{ ...claim, verdict: null }, { ...claim, appearances: [] }] })).toEqual([]);
  });

  it("escapes < so the JSON cannot end its script tag", () => {
    expect(jsonLdScript({ a: "</script>" })).toBe('{"a":"\\u003c/script>"}');
  });
});

describe("downloads and slugs", () => {
  it("writes the Markdown with dates and the correction log", () => {
    const md = statementMarkdown({ title: "Our answer", body: "Text [^c1].", publishedAt: "2026-03-13T10:00:00Z", updatedAt: "2026-03-14T10:00:00Z", state: "retracted", log: [{ kind: "retracted", reason: "A figure was wrong.", at: "2026-03-14T10:00:00Z" }] });
    expect(md).toBe("# Our answer\n\nPublished 2026-03-13 · last updated 2026-03-14\n\n**This statement was retracted.**\n\nText.\n\n## Corrections\n\n- 2026-03-14: retracted. A figure was wrong.\n");
  });
  it("makes a slug from a title", () => {
    expect(slugify("Meridian: the store outages, answered!")).toBe("meridian-the-store-outages-answered");
    expect(slugify("¡¡")).toBe("statement");
  });
});
