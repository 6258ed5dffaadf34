/**
 * Content hashes of incident records. A re-import that changes nothing must not create a new
 * version in the history, so the hash depends on content only, never on key order.
 */

import { createHash } from "node:crypto";
import { canonicalJson } from "./json";
import type { Incident } from "./types";

/** SHA-256 (hex) of the record's canonical JSON: keys sorted at every depth, undefined dropped. */
export function contentHash(incident: Incident): string {
  return createHash("sha256").update(canonicalJson(incident)).digest("hex");
}
