import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import payloads from "../../../test/fixtures/xss/payloads.json";
import { citationIds, renderMarkdown, stripCitations } from "./markdown";

/** Everything a rendered preview must never contain, read from the parsed DOM, not the string. */
export function unsafeParts(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const problems: string[] = [];
  for (const el of document.body.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    if (["script", "iframe", "form", "style", "svg", "math", "object", "embed", "img", "input", "button", "base", "meta", "link", "template", "video", "audio", "source"].includes(tag)) problems.push(`<${tag}>`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) problems.push(`${tag}[${name}]`);
      if (name === "style" || name === "srcdoc" || name === "background" || name === "formaction") problems.push(`${tag}[${name}]`);
      if (["href", "src", "action", "xlink:href"].includes(name)) {
        const value = attr.value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
        if (!/^(?:https?:|mailto:|#)/.test(value)) problems.push(`${tag}[${name}=${attr.value}]`);
      }
    }
  }
  return problems;
}

describe("renderMarkdown: the one sanitizer policy", () => {
  it("has a corpus of at least 50 payloads", () => {
    expect(payloads.length).toBeGreaterThanOrEqual(50);
  });

  it.each(payloads.map((p, i) => [i, p] as const))("stops payload %i", (_i, payload) => {
    for (const mode of ["preview", "public"] as const) {
      const html = renderMarkdown(`Before.\n\n${payload}\n\nAfter.`, { citations: mode });
      expect(unsafeParts(html)).toEqual([]);
      expect(html).not.toMatch(/<script|<[^>]*(?:javascript:|\son\w+=)/i);
    }
  });

  it("keeps ordinary Markdown: headings, emphasis, lists and https links", () => {
    const html = renderMarkdown("# Title\n\nSome **bold** and *soft* text, a [link](https://example.com/a).\n\n- one\n- two\n");
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('<a href="https://example.com/a" rel="noopener noreferrer nofollow">link</a>');
    expect(html).toContain("<li>one</li>");
  });

  it("resolves citation markers in the preview and drops them from the public text", () => {
    const md = "We fixed it within the hour. [^c2] Nothing else changed.[^c10]";
    expect(renderMarkdown(md)).toContain('<sup class="cite" id="ref-c2"><a href="#cite-c2">c2</a></sup>');
    const pub = renderMarkdown(md, { citations: "public" });
    expect(pub).not.toContain("c2");
    expect(stripCitations(md)).toBe("We fixed it within the hour. Nothing else changed.");
    expect(citationIds(md)).toEqual(["c2", "c10"]);
  });
});
