/**
 * An uploaded HTML page reduced to the article's readable text. linkedom parses it (no scripts
 * run, nothing is fetched); Mozilla Readability finds the article, as Firefox's reader view does;
 * the article's DOM is then read as text, with block elements as paragraphs (blank lines),
 * headings and list items marked the Markdown way so claim extraction sees their roles.
 * Scripts, styles and every other piece of markup are left behind.
 */
import { createRequire } from "node:module";
import { Readability } from "@mozilla/readability";

// linkedom is loaded on the first HTML page, not at start-up: it costs ~150 ms to load, which
// every command-line run and server start would otherwise pay (its CommonJS build, so this stays synchronous).
const requireLazily = createRequire(import.meta.url);
let linkedom: typeof import("linkedom") | undefined;
function parseHTML(page: string) {
  linkedom ??= requireLazily("linkedom") as typeof import("linkedom");
  return linkedom.parseHTML(page);
}

export interface HtmlArticle {
  text: string;
  title: string;
  byline: string;
  siteName: string;
  /** YYYY-MM-DD when the page states it. */
  publishedAt: string | null;
}

export type HtmlResult = ({ ok: true } & HtmlArticle) | { ok: false; message: string };

const SKIP = new Set([
  "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas",
  "head", "title", "meta", "link", "button", "select", "textarea", "input", "form", "audio", "video",
]);
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "dt", "fieldset",
  "figcaption", "figure", "footer", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
  "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "html",
]);
const HEADING = /^h([1-6])$/;
const CELL = new Set(["td", "th"]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Reads a DOM subtree as paragraphs of text: one per block, lines kept at <br>. */
function blocksOf(root: DomNode): string[] {
  const blocks: string[] = [];
  let current = "";
  let prefix = "";
  const flush = () => {
    const text = current
      .split("\n")
      .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, " ").trim())
      .filter((line, i, lines) => line !== "" || (i > 0 && i < lines.length - 1))
      .join("\n")
      .trim();
    if (text) blocks.push(prefix + text);
    current = "";
    prefix = "";
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      current += (node.textContent ?? "").replace(/\s+/g, " ");
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toLowerCase();
    if (SKIP.has(name)) return;
    if (name === "br") {
      current += "\n";
      return;
    }
    const heading = HEADING.exec(name);
    const block = BLOCK.has(name) || heading !== null;
    if (block) flush();
    if (heading) prefix = Number(heading[1]) <= 2 ? "# " : "## ";
    else if (name === "li") prefix = "- ";
    for (const child of Array.from(node.childNodes)) walk(child);
    if (CELL.has(name)) current += " ";
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}

function lineOf(html: string, index: number): number {
  return html.slice(0, index).split("\n").length;
}

/**
 * Structural faults that make a parser swallow or drop the article: a comment, script or style
 * that is never closed, or a tag cut off at the end of the file. Parsers recover from these
 * silently, which is how text goes missing; a person should fix the file instead.
 */
export function findHtmlFault(html: string): string | null {
  const comment = html.search(/<!--(?![\s\S]*?-->)/);
  if (comment >= 0) return `a comment opened on line ${lineOf(html, comment)} is never closed (no “-->”)`;
  const rawText = /<(script|style|textarea|title)\b[^>]*>/gi;
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, (m) => " ".repeat(m.length));
  for (const m of withoutComments.matchAll(rawText)) {
    const close = new RegExp(`</${m[1]}\\s*>`, "i");
    if (!close.test(withoutComments.slice(m.index + m[0].length))) {
      return `a <${m[1].toLowerCase()}> element opened on line ${lineOf(html, m.index)} is never closed`;
    }
  }
  const visible = withoutComments.replace(/<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, (m) => " ".repeat(m.length));
  const lastOpen = visible.search(/<[a-zA-Z/!][^>]*$/);
  if (lastOpen >= 0) return `a tag on line ${lineOf(html, lastOpen)} is cut off (it has no closing “>”)`;
  return null;
}

function isoDate(value: string | null | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value ?? "");
  return m ? m[1] : null;
}

/** linkedom builds no document element for a fragment, so a fragment gets a page around it. */
function parse(html: string) {
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(page) as unknown as { document: Document & DomNode };
}

/** The readable text of an HTML page, with what the page says of its title, author, site and date. */
export function htmlToText(html: string): HtmlResult {
  const fault = findHtmlFault(html);
  if (fault) return { ok: false, message: `The HTML could not be read: ${fault}. Fix the file, or paste the article's text instead.` };

  const { document } = parse(html);
  let article: ReturnType<Readability<string>["parse"]> = null;
  try {
    // Readability changes the document it reads; give it its own copy.
    article = new Readability(parse(html).document as unknown as Document).parse();
  } catch {
    article = null;
  }
  let blocks: string[] = [];
  if (article?.content) blocks = blocksOf(parse(`<!doctype html><html><body>${article.content}</body></html>`).document);
  if (!blocks.join("").trim()) {
    const body = (document.body ?? document.documentElement) as unknown as DomNode | null;
    blocks = body ? blocksOf(body) : [];
  }
  if (!/[\p{L}\p{N}]/u.test(blocks.join(""))) {
    return { ok: false, message: "The HTML has no readable text in it (after scripts, styles and markup are set aside). Check the file, or paste the article's text instead." };
  }
  const title = (article?.title ?? document.title ?? "").replace(/\s+/g, " ").trim();
  if (title && !blocks.some((b) => b.startsWith("# ")) && !blocks[0].includes(title)) blocks.unshift(`# ${title}`);
  const text = blocks.join("\n\n");
  return {
    ok: true,
    text,
    title,
    byline: (article?.byline ?? "").replace(/\s+/g, " ").replace(/^by\s+/i, "").trim(),
    siteName: (article?.siteName ?? "").trim(),
    publishedAt: isoDate(article?.publishedTime),
  };
}
