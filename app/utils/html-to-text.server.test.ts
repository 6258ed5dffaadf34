import { describe, expect, it } from "vitest";
import { findHtmlFault, htmlToText } from "./html-to-text.server";

const page = `<!doctype html><html><head><title>Meridian outages | The Ledger</title>
<meta property="article:published_time" content="2026-03-13T08:00:00Z"><meta name="author" content="Jo Smith">
<style>p { color: red }</style><script>for (let i = 0; i < 3; i++) alert(i)</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>AI-written code blamed for string of Meridian store outages</h1>
<p>Meridian, the online household-goods retailer, suffered a string of outages on its shopping website this week,
and people familiar with the matter say AI-generated code was behind them. <img src=x onerror="alert(2)"></p>
<p>The online store went down at least four times between 5 and 11 March, according to an internal briefing.<br>One of the outages lasted more than six hours.</p>
<script>document.write('injected')</script>
<ul><li>First &amp; foremost</li><li>Second</li></ul>
<p onclick="alert(3)">Meridian did not respond to a request for comment on Thursday, a spokesperson for the retailer said later.</p>
</article><footer>Copyright The Ledger</footer></body></html>`;

describe("htmlToText", () => {
  it("keeps the article as paragraphs, with headings and list items marked, and what the page says of itself", () => {
    const result = htmlToText(page);
    if (!result.ok) throw new Error(result.message);
    const paragraphs = result.text.split("\n\n");
    expect(paragraphs[0]).toBe("# AI-written code blamed for string of Meridian store outages");
    expect(paragraphs).toContain(
      "Meridian, the online household-goods retailer, suffered a string of outages on its shopping website this week, and people familiar with the matter say AI-generated code was behind them.",
    );
    expect(paragraphs).toContain(
      "The online store went down at least four times between 5 and 11 March, according to an internal briefing.\nOne of the outages lasted more than six hours.",
    );
    expect(paragraphs).toContain("- First & foremost");
    expect(result.byline).toBe("Jo Smith");
    expect(result.publishedAt).toBe("2026-03-13");
  });

  it("never includes scripts, styles, event handlers or any markup", () => {
    const result = htmlToText(page);
    if (!result.ok) throw new Error(result.message);
    expect(result.text).not.toMatch(/<|>|alert|injected|onerror|onclick|color: red/);
  });

  it("falls back to the body's text when Readability finds no article", () => {
    const result = htmlToText("<html><body><span>Short note: the store went down.</span></body></html>");
    expect(result).toMatchObject({ ok: true, text: "Short note: the store went down." });
  });

  it("refuses a page with no readable text", () => {
    for (const html of ["<html><body><script>alert(1)</script></body></html>", "<div></div></span>", "   "]) {
      const result = htmlToText(html);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/no readable text/);
    }
  });

  it("refuses malformed HTML that a parser would silently cut short, naming the line", () => {
    expect(htmlToText("<p>Text</p>\n<!-- never closed\n<p>More</p>")).toMatchObject({ ok: false, message: expect.stringMatching(/comment opened on line 2/) });
    expect(htmlToText("<p>Text</p>\n<script>var x = 1;\n<p>More</p>")).toMatchObject({ ok: false, message: expect.stringMatching(/<script> element opened on line 2/) });
    expect(htmlToText("<p>Text</p>\n<p class=\"lede")).toMatchObject({ ok: false, message: expect.stringMatching(/cut off/) });
  });
});

describe("findHtmlFault", () => {
  it("accepts well-formed pages, including '<' inside scripts and comments", () => {
    expect(findHtmlFault(page)).toBeNull();
    expect(findHtmlFault("<!-- a < b --><p>x</p>")).toBeNull();
  });
});
