import { describe, expect, it } from "vitest";
import { checkBody, decodeSourceBytes, detectPastedFormat, formatOfFileName, MAX_BODY_BYTES, stripMarkup } from "./source-input";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("formatOfFileName", () => {
  it("reads the extension", () => {
    expect(formatOfFileName("story.TXT")).toBe("text");
    expect(formatOfFileName("story.md")).toBe("markdown");
    expect(formatOfFileName("page.htm")).toBe("html");
    expect(formatOfFileName("page.pdf")).toBeNull();
    expect(formatOfFileName("README")).toBeNull();
  });
});

describe("decodeSourceBytes", () => {
  it("decodes UTF-8 and drops a byte-order mark", () => {
    expect(decodeSourceBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("Café")]), "a.txt", "text")).toEqual({ ok: true, text: "Café" });
  });

  it("refuses empty, whitespace-only, binary and non-UTF-8 files with a reason", () => {
    expect(decodeSourceBytes(new Uint8Array(), "a.txt", "text")).toMatchObject({ ok: false, status: 400, message: expect.stringContaining("empty") });
    expect(decodeSourceBytes(bytes(" \n\t"), "a.txt", "text")).toMatchObject({ ok: false, status: 400, message: expect.stringContaining("no text") });
    expect(decodeSourceBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), "a.txt", "text")).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining("binary"),
    });
    expect(decodeSourceBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9]), "a.txt", "text")).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining("not UTF-8"),
    });
  });

  it("refuses text over 2 MB with 413, and allows a larger HTML page", () => {
    const big = new Uint8Array(MAX_BODY_BYTES + 1).fill(0x61);
    expect(decodeSourceBytes(big, "a.md", "markdown")).toMatchObject({ ok: false, status: 413 });
    expect(decodeSourceBytes(big, "a.html", "html")).toMatchObject({ ok: true });
  });
});

describe("checkBody", () => {
  it("needs text under the limit without NUL characters", () => {
    expect(checkBody("Some text")).toEqual({ ok: true });
    expect(checkBody("  ")).toMatchObject({ ok: false, status: 400 });
    expect(checkBody("a\u0000b")).toMatchObject({ ok: false, status: 400 });
    expect(checkBody("é".repeat(MAX_BODY_BYTES / 2 + 1))).toMatchObject({ ok: false, status: 413 });
  });
});

describe("detectPastedFormat", () => {
  it("recognises an HTML page, Markdown and plain text", () => {
    expect(detectPastedFormat("<!DOCTYPE html><html><body><p>x</p></body></html>")).toBe("html");
    expect(detectPastedFormat("<div><p>One</p><p>Two</p></div>")).toBe("html");
    expect(detectPastedFormat("# Title\n\nBody")).toBe("markdown");
    expect(detectPastedFormat("Title\n\n*The Ledger — 13 March 2026*\n\nBody")).toBe("markdown");
    expect(detectPastedFormat("The store went down. Costs < 5 and > 3.")).toBe("text");
  });
});

describe("stripMarkup", () => {
  it("removes scripts with their content, event-handler tags and comments, keeping the text", () => {
    const input = 'Before <script>alert(1)</script>middle <img src=x onerror="alert(2)"> <b>bold</b><!-- note --> after';
    const { text, removed } = stripMarkup(input);
    expect(text).toBe("Before middle  bold after");
    expect(text).not.toMatch(/[<>]|alert|onerror/);
    expect(removed).toBe(5);
  });

  it("removes an unclosed script to the end and style blocks", () => {
    expect(stripMarkup("Text <style>p{}</style>more <SCRIPT type='x'>evil()").text).toBe("Text more ");
  });

  it("leaves comparisons, Markdown autolinks and plain text untouched", () => {
    const md = "Costs < 5 and x > 3; see <https://example.com> and a<b.\n\n# Heading";
    expect(stripMarkup(md)).toEqual({ text: md, removed: 0 });
  });
});
