/**
 * Drafts: the statement a case answers with. Pure: generation, the one Markdown policy, the
 * disclosure/support/coverage checks, public wording of figures, and the redline diff.
 */
export * from "./checks";
export * from "./generate";
export * from "./markdown";
export * from "./redline";
export * from "./template";
export * from "./wording";
export { isInternalQuote, publicView, recordTexts } from "./record-text";
export { findFigures, type Figure } from "./figures";
