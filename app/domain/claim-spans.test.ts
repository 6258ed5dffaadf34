import { describe, expect, it } from "vitest";
import {
  hasWords,
  locateQuote,
  offsetOfWord,
  snapToWords,
  sourceOffsetFromDom,
  splitPoints,
  splitSpan,
  trimWhitespace,
  wordIndexAt,
  wordsIn,
} from "./claim-spans";

const quote = "One of the outages lasted more than six hours, leaving shoppers unable to reach the site";

describe("wordsIn", () => {
  it("keeps hyphenated, dotted and apostrophised words whole", () => {
    expect(wordsIn("AI-written code, 1.5 hours; Meridian’s store").map((w) => w.word)).toEqual([
      "AI-written",
      "code",
      "1.5",
      "hours",
      "Meridian’s",
      "store",
    ]);
  });
});

describe("trimWhitespace", () => {
  it("narrows a selection to its text", () => {
    const text = "  \n Hello world \r\n";
    const span = trimWhitespace(text, 0, text.length)!;
    expect(text.slice(span.start, span.end)).toBe("Hello world");
  });
  it("is null for a selection of whitespace", () => {
    expect(trimWhitespace("a   b", 1, 4)).toBeNull();
  });
});

describe("splitPoints and splitSpan", () => {
  it("offers a split before every word but the first, with context", () => {
    const points = splitPoints("The store went down");
    expect(points.map((p) => p.offset)).toEqual([4, 10, 15]);
    expect(points[1]).toEqual({ offset: 10, before: "The store", after: "went down" });
  });

  it("splits into two trimmed spans, the first without its trailing comma", () => {
    const at = quote.indexOf("leaving");
    const [a, b] = splitSpan(quote, { start: 0, end: quote.length }, at)!;
    expect(quote.slice(a.start, a.end)).toBe("One of the outages lasted more than six hours");
    expect(quote.slice(b.start, b.end)).toBe("leaving shoppers unable to reach the site");
  });

  it("works with article offsets", () => {
    const body = `Intro.\n\n${quote}.`;
    const start = body.indexOf(quote);
    const [a, b] = splitSpan(body, { start, end: start + quote.length }, body.indexOf("leaving"))!;
    expect(body.slice(a.start, a.end)).toBe("One of the outages lasted more than six hours");
    expect(body.slice(b.start, b.end)).toBe("leaving shoppers unable to reach the site");
  });

  it("refuses a split at the edges or one leaving a part without words", () => {
    expect(splitSpan(quote, { start: 0, end: quote.length }, 0)).toBeNull();
    expect(splitSpan(quote, { start: 0, end: quote.length }, quote.length)).toBeNull();
    expect(splitSpan("Hello, — world", { start: 0, end: 14 }, 6)).not.toBeNull();
    expect(splitSpan("Hello — !", { start: 0, end: 9 }, 6)).toBeNull();
  });

  it("counts the split position in words, so it carries over to a differently punctuated copy", () => {
    const at = quote.indexOf("leaving");
    const index = wordIndexAt(quote, at);
    const copy = "One of the outages lasted more than six hours — leaving shoppers unable to reach the site";
    expect(copy.slice(offsetOfWord(copy, index)!)).toMatch(/^leaving/);
    expect(offsetOfWord("two words", 5)).toBeNull();
  });
});

describe("locateQuote", () => {
  const body = "The store went down.\nThe store went\ndown again, and the store went down.";

  it("finds an exact quote and counts its occurrences", () => {
    const found = locateQuote(body, "the store went down")!;
    expect(body.slice(found.span.start, found.span.end)).toBe("the store went down");
    expect(found.occurrences).toBe(1);
  });

  it("lets any whitespace stand for any other when there is no exact match", () => {
    const found = locateQuote(body, "  The store went down again ")!;
    expect(body.slice(found.span.start, found.span.end)).toBe("The store went\ndown again");
  });

  it("is null when the body does not contain the quote", () => {
    expect(locateQuote(body, "The store went up")).toBeNull();
    expect(locateQuote(body, "   ")).toBeNull();
  });

  it("treats regular-expression characters literally", () => {
    expect(locateQuote("Costs rose (by $5.00)?", "(by $5.00)?")!.span).toEqual({ start: 11, end: 22 });
  });
});

describe("sourceOffsetFromDom", () => {
  it("is the identity without carriage returns", () => {
    expect(sourceOffsetFromDom("abc\ndef", 5)).toBe(5);
  });
  it("counts a CRLF the browser shows as one LF as two stored characters", () => {
    const original = "ab\r\n\r\ncd";
    // The browser shows "ab\n\ncd"; offset 4 there is before "c" (index 6 stored).
    expect(sourceOffsetFromDom(original, 4)).toBe(6);
    expect(original.slice(sourceOffsetFromDom(original, 4))).toBe("cd");
  });
});

describe("hasWords", () => {
  it("needs a letter or digit", () => {
    expect(hasWords("— !")).toBe(false);
    expect(hasWords("4")).toBe(true);
  });
});

describe("snapToWords", () => {
  it("widens a selection that cuts words to the whole words", () => {
    const text = "Meridian has pushed its engineers hard.";
    const span = snapToWords(text, 2, text.indexOf("engineers") + 4);
    expect(text.slice(span.start, span.end)).toBe("Meridian has pushed its engineers");
  });
  it("leaves a selection on word edges, and whitespace around it, as it is", () => {
    const text = "one two three";
    expect(snapToWords(text, 3, 8)).toEqual({ start: 3, end: 8 });
    expect(snapToWords(text, 0, text.length)).toEqual({ start: 0, end: text.length });
  });
});
