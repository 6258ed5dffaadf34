/**
 * Evidence matching and verdicts: which incident records bear on a press claim, what they say
 * about its figures, scope and causes, and what verdict that suggests. Pure: the database layer
 * retrieves each claim's candidate pool and hands it in.
 */
export { analyzeClaims, inferArticleWindow } from "./analyze";
export { checkAssertions, type CheckOptions } from "./checks";
export { readClaim, type ClaimReading, type ClaimWindow } from "./claim-reading";
export { classifyImpact, type ImpactLevel } from "./incident-facts";
export { rankCandidates } from "./rank";
export { suggestVerdict } from "./verdict";
export * from "./types";
