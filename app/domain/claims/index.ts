/**
 * Claim extraction: from a press article to the check-worthy claims in it, with exact offsets,
 * a kind, a check-worthiness score and the facts evidence matching needs. Pure: no I/O, no clock.
 */

export * from "./types";
export { splitSentences, type Segment, type SegmentRole } from "./segments";
export { scoreCheckWorthiness, checkWorthinessSignals, type WorthinessSignal } from "./check-worthiness";
export { classifyKind } from "./classify-kind";
export { extractFacts, type FactOptions } from "./extract-facts";
export { extractClaims, articleWindow } from "./extract-claims";
export { resolveRelativeDate, findDates } from "./dates";
export type { Vocabulary } from "./entities";
