/**
 * The fingerprint that recognises one claim across articles and cases. Two quotes that differ
 * only in case, punctuation, typographic quotes, Markdown emphasis or spacing are the same claim;
 * any difference in the words or numbers makes them different claims.
 */

const APOSTROPHES = /(?<=[\p{L}\p{N}])['’ʼ`](?=[\p{L}\p{N}])/gu;
const DIGIT_GROUPS = /(?<=\d)[,\u00A0\u202F ](?=\d{3}(?!\d))/g;
/** Punctuation (but not %), plus the symbols Markdown and typography use as punctuation. */
const PUNCTUATION = /(?:(?!%)[\p{P}`~^|+=<>])+/gu;

/**
 * The normalised form of a claim's text: lower case, Unicode-compatibility folded, apostrophes
 * inside words dropped ("Meridian's" = "Meridians"), digit-group separators dropped
 * ("1,000" = "1000"), every other run of punctuation and whitespace folded to one space.
 * Symbols that carry meaning (%, $, €) are kept.
 */
export function claimFingerprint(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(DIGIT_GROUPS, "")
    .replace(APOSTROPHES, "")
    .replace(PUNCTUATION, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/** Fingerprints this short ("yes", "it did") say too little to link claims across articles. */
export const MIN_LINKABLE_FINGERPRINT = 12;

/** True when a fingerprint is long enough to treat a match as the same claim. */
export function isLinkableFingerprint(fingerprint: string): boolean {
  return fingerprint.length >= MIN_LINKABLE_FINGERPRINT;
}
