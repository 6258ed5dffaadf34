/**
 * The kind, check-worthiness and facts of a span a person chose (a selection, or one half of a
 * split), read the same way extraction reads its own segments, with the article's window.
 */
import { articleWindow, classifyKind, extractFacts, scoreCheckWorthiness, type ClaimFacts, type ClaimKind, type ExtractionOptions } from "./claims";

export interface SpanDescription {
  kind: ClaimKind;
  checkWorthiness: number;
  facts: ClaimFacts;
}

/** Describes body.slice(start, end) as a claim of the article `body`. */
export function describeSpan(body: string, span: { start: number; end: number }, options: Pick<ExtractionOptions, "publishedAt" | "vocabulary"> = {}): SpanDescription {
  const text = body.slice(span.start, span.end);
  const facts = extractFacts(text, span.start, {
    publishedAt: options.publishedAt,
    vocabulary: options.vocabulary,
    articleWindow: articleWindow(body, options.publishedAt),
  });
  return {
    kind: classifyKind({ text }, facts),
    checkWorthiness: scoreCheckWorthiness({ text, role: "sentence", start: span.start }, facts),
    facts,
  };
}
