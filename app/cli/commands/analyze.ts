import path from "node:path";
import { formatImportError } from "~/domain/incidents";
import { findPublishedDate } from "~/domain/published-date";
import { analyzeArticle } from "~/models/analysis.server";
import { importIncidents } from "~/models/incident.server";
import { CliError, type Command } from "../types";
import { readInputFile } from "./incidents";

/**
 * `analyze --incidents FILE… --article FILE [--published-at DATE] [--db PATH_OR_URL]`, exactly
 * as shared/formats/analyze.md specifies: one JSON object on stdout, one-line errors on stderr.
 * Without --db the records go into a throwaway in-memory database restored from the migrated
 * template, so nothing persists and no initdb runs.
 */
export const analyzeCommand: Command = {
  name: "analyze",
  summary: "Find an article's claims and the incidents that bear on each, with suggested verdicts (JSON).",
  usage: "analyze --incidents FILE [--incidents FILE …] --article FILE [--published-at YYYY-MM-DD] [--db PATH_OR_URL]",
  options: {
    incidents: { type: "string", multiple: true },
    article: { type: "string" },
    "published-at": { type: "string" },
  },
  async run({ values }, ctx) {
    const files = (values.incidents as string[] | undefined) ?? [];
    const articleFile = values.article as string | undefined;
    if (!articleFile) throw new CliError("analyze: --article FILE is required");
    if (!files.length && !values.db) throw new CliError("analyze: give --incidents FILE (or --db to use a workspace's records)");
    const publishedArg = values["published-at"] as string | undefined;
    if (publishedArg !== undefined && !/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(publishedArg)) {
      throw new CliError(`analyze: --published-at must be a date like 2026-03-13, got "${publishedArg}"`);
    }
    const article = await readInputFile(articleFile, "analyze", ctx.io);
    if (!article.trim()) throw new CliError(`analyze: ${articleFile} is empty`);
    const texts = await Promise.all(files.map((f) => readInputFile(f, "analyze", ctx.io)));

    const ws = await ctx.open("memory://");
    for (const [i, text] of texts.entries()) {
      const name = path.basename(files[i]);
      const outcome = await importIncidents(ws.db, { text, fileName: name, actor: { label: "command line" } });
      if (!outcome.ok) {
        const first = outcome.errors.slice(0, 5).map((e) => formatImportError(e, name));
        const more = outcome.errors.length > 5 ? `; and ${outcome.errors.length - 5} more` : "";
        throw new CliError(`analyze: ${name} was not imported: ${first.join("; ")}${more}`);
      }
    }
    const publishedAt = publishedArg?.slice(0, 10) ?? findPublishedDate(article);
    const result = await analyzeArticle(ws.db, { text: article, publishedAt });
    const claims = result.claims.map(({ text, start, end, checkWorthiness, kind, candidates, verdict }) => ({
      text,
      start,
      end,
      checkWorthiness,
      kind,
      candidates,
      verdict,
    }));
    ctx.io.stdout.write(`${JSON.stringify({ claims }, null, 2)}\n`);
    return 0;
  },
};
