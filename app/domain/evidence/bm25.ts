/**
 * A tiny in-memory BM25 scorer over incident records, standing in for PostgreSQL full-text
 * search in tests and evaluation. Scores are divided by the best score for the query, so the
 * top match is 1 (as the database layer normalises ts_rank into 0..1).
 */
import type { Incident } from "~/domain/incidents/types";
import { tokenize } from "./text";

const K1 = 1.2;
const B = 0.75;

/** The record text a full-text index would cover (title weighted by repetition). */
export function indexedText(incident: Incident): string {
  return [
    incident.title,
    incident.title,
    incident.organization,
    ...(incident.services ?? []),
    ...(incident.regions ?? []),
    incident.customerImpact,
    incident.summary,
    incident.rootCause,
    incident.trigger,
    ...(incident.contributingFactors ?? []).map((f) => `${f.tag.replace(/_/g, " ")} ${f.description}`),
  ]
    .filter(Boolean)
    .join(" ");
}

/** A query interface over an in-memory index. */
export interface Bm25Index {
  /** Normalised 0..1 scores for every record, in the indexed order. */
  score(query: string): { incident: Incident; textScore: number }[];
}

/** Build an index over the records. */
export function buildBm25Index(incidents: Incident[]): Bm25Index {
  const docs = incidents.map((incident) => {
    const tf = new Map<string, number>();
    const tokens = tokenize(indexedText(incident));
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    return { incident, tf, length: tokens.length };
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const avgLength = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, docs.length);
  const idf = (t: string) => {
    const n = df.get(t) ?? 0;
    return Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
  };
  return {
    score(query) {
      const terms = [...new Set(tokenize(query))];
      const raw = docs.map((d) =>
        terms.reduce((sum, t) => {
          const f = d.tf.get(t) ?? 0;
          return f ? sum + (idf(t) * f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.length) / avgLength)) : sum;
        }, 0),
      );
      const max = Math.max(0, ...raw);
      return docs.map((d, i) => ({ incident: d.incident, textScore: max > 0 ? raw[i] / max : 0 }));
    },
  };
}
