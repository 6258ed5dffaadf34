/**
 * The one policy for turning draft Markdown into HTML: marked renders, sanitize-html keeps only
 * an allow-list of tags, attributes and URL schemes. Every preview (editor, version view, export)
 * goes through `renderMarkdown`, on the server; the browser asks the server for its live preview
 * rather than carrying a second policy.
 */
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/** A citation marker in a draft: `[^c3]`. */
export const CITATION_MARKER = /\[\^(c\d+)\]/g;

const marked = new Marked({ gfm: true, breaks: false, async: false });

const POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "sup", "table", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: { a: ["href", "title"], sup: ["id", "class"], ol: ["start"], th: ["align"], td: ["align"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Dropped with their content: nothing inside a script, style or embed is text to show.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "template", "title"],
  disallowedTagsMode: "discard",
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href ?? "";
      // Only same-page anchors and absolute http(s)/mailto links survive; anything else loses its href.
      const ok = /^(#[\w-]*|https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(href);
      const out: Record<string, string> = ok ? { href } : {};
      if (attribs.title) out.title = attribs.title;
      if (ok && /^https?:/i.test(href)) out.rel = "noopener noreferrer nofollow";
      return { tagName, attribs: out };
    },
  },
};
// rel is added by the transform, so it must be allowed too.
POLICY.allowedAttributes = { ...(POLICY.allowedAttributes as Record<string, string[]>), a: ["href", "title", "rel"] };

/** Sanitized HTML for untrusted HTML, with the one policy. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, POLICY);
}

export interface RenderOptions {
  /**
   * "preview" turns citation markers into numbered superscript links to #cite-cN;
   * "public" drops them, as the published text does.
   */
  citations: "preview" | "public";
}

/** Markdown → sanitized HTML. */
export function renderMarkdown(markdown: string, options: RenderOptions = { citations: "preview" }): string {
  const text = options.citations === "public" ? stripCitations(markdown) : markdown.replace(CITATION_MARKER, (_m, id: string) => `<sup class="cite" id="ref-${id}">[${id}](#cite-${id})</sup>`);
  const html = marked.parse(text.replace(/\u0000/g, ""), { async: false }) as string;
  return sanitize(html);
}

/** The text without citation markers (and without the space before each). */
export function stripCitations(markdown: string): string {
  return markdown.replace(/[ \t]*\[\^c\d+\]/g, "");
}

/** The markers a text uses, in order of first use. */
export function citationIds(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(CITATION_MARKER)].map((m) => m[1]!))];
}
