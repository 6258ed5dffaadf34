/**
 * What an article must be before it is stored: UTF-8 text, not empty, at most 2 MB, and free of
 * markup. Uploads are checked as bytes (binary files and other encodings are refused, never
 * guessed at); pasted text and Markdown keep every character except HTML markup, which is
 * removed so that nothing from a source can ever run.
 */
import type { SourceFormat } from "./workflow";

/** The most a stored body may hold, in UTF-8 bytes. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_BODY_LABEL = "2 MB";
/** An HTML page is read down to its text; the page itself may be larger (scripts, styles, markup). */
export const MAX_HTML_BYTES = 8 * 1024 * 1024;
export const MAX_HTML_LABEL = "8 MB";

export const SOURCE_FILE_TYPES = ".txt,.md,.markdown,.html,.htm";

export type InputFailure = { ok: false; status: 400 | 413; message: string };

/** The format a file's name declares, or null when it is not one we read. */
export function formatOfFileName(name: string): SourceFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === "txt" || ext === "text") return "text";
  if (ext === "md" || ext === "markdown") return "markdown";
  if (ext === "html" || ext === "htm") return "html";
  return null;
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * An uploaded file's bytes as text, or why they cannot be: empty, too large, binary (NUL bytes)
 * or not UTF-8. A byte-order mark is dropped, since it is encoding, not text.
 */
export function decodeSourceBytes(bytes: Uint8Array, fileName: string, format: SourceFormat): { ok: true; text: string } | InputFailure {
  const name = fileName || "The file";
  if (bytes.length === 0) return { ok: false, status: 400, message: `${name} is empty. Choose the article's file again, or paste its text.` };
  const limit = format === "html" ? MAX_HTML_BYTES : MAX_BODY_BYTES;
  const label = format === "html" ? MAX_HTML_LABEL : MAX_BODY_LABEL;
  if (bytes.length > limit) return { ok: false, status: 413, message: `${name} is larger than ${label}, the most an article may be.` };
  if (bytes.includes(0)) {
    return { ok: false, status: 400, message: `${name} is not a text file (it contains binary data). Upload the article as .txt, .md or .html.` };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, status: 400, message: `${name} is not UTF-8 text. Save it as UTF-8 and upload it again.` };
  }
  if (!/\S/u.test(text)) return { ok: false, status: 400, message: `${name} has no text in it.` };
  return { ok: true, text };
}

/** A finished body's limits: some text, no NUL characters, at most 2 MB. */
export function checkBody(text: string, what = "The article"): { ok: true } | InputFailure {
  if (!/\S/u.test(text)) return { ok: false, status: 400, message: `${what} is empty. Paste the article's text or choose its file.` };
  if (text.includes("\u0000")) return { ok: false, status: 400, message: `${what} contains binary data. Paste the article's text only.` };
  if (utf8Length(text) > MAX_BODY_BYTES) {
    return { ok: false, status: 413, message: `${what} is larger than ${MAX_BODY_LABEL}, the most an article may be. Add it in parts.` };
  }
  return { ok: true };
}

const DOCUMENT_MARKERS = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;
const BLOCK_TAGS = /<(?:p|div|article|section|main|h[1-6]|ul|ol|li|table|blockquote|figure)\b[^<>]*>/gi;
const MARKDOWN_CUES = /^(?:#{1,6}\s|\s*[-*+]\s|>\s)|\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\)|^\*[^*\n]+\*\s*$/m;

/** What pasted text most likely is: an HTML page (a document, or several block tags), Markdown, or plain text. */
export function detectPastedFormat(text: string): SourceFormat {
  if (DOCUMENT_MARKERS.test(text) || (text.match(BLOCK_TAGS)?.length ?? 0) >= 2) return "html";
  return MARKDOWN_CUES.test(text) ? "markdown" : "text";
}

/** Elements whose content is code or hidden, removed whole. An unclosed one runs to the end. */
const CONTENT_ELEMENTS = ["script", "style", "iframe", "object", "noscript", "template", "svg", "math", "textarea", "select"];
const ELEMENT_WITH_CONTENT = new RegExp(
  `<(${CONTENT_ELEMENTS.join("|")})\\b[^>]*>[\\s\\S]*?(?:</\\1\\s*>|$)`,
  "gi",
);
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const DECLARATION = /<![^>]*>|<\?[\s\S]*?\?>/g;
/** A start or end tag: "<" and a letter, attributes without "<", then ">". "a < b" and "<https://…>" are not tags. */
const TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi;

/**
 * Removes HTML markup from text or Markdown: script, style and other code-bearing elements with
 * their content, comments, and every other tag (keeping the text between tags). Everything else
 * is kept exactly. Returns how many pieces of markup were removed.
 */
export function stripMarkup(text: string): { text: string; removed: number } {
  let removed = 0;
  const drop = () => {
    removed += 1;
    return "";
  };
  const out = text.replace(COMMENT, drop).replace(ELEMENT_WITH_CONTENT, drop).replace(DECLARATION, drop).replace(TAG, drop);
  return { text: out, removed };
}
