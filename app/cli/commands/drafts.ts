import path from "node:path";
import { checkDraft, generateDraft, toCheckDraftJson, type GenClaim } from "~/domain/drafts";
import { formatImportError, parseIncidentFile, type Incident } from "~/domain/incidents";
import { findPublishedDate } from "~/domain/published-date";
import type { VerdictLabelValue } from "~/domain/workflow";
import { analyzeArticle } from "~/models/analysis.server";
import { caseDraftInputs, getStatementTemplate, workspaceRecords } from "~/models/draft.server";
import { findCase } from "~/models/evidence.server";
import { importIncidents } from "~/models/incident.server";
import { CliError, type Command } from "../types";
import { readInputFile } from "./incidents";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function readRecords(files: string[], what: string): Promise<Incident[]> {
  const out: Incident[] = [];
  for (const file of files) {
    const name = path.basename(file);
    const parsed = parseIncidentFile(await readInputFile(file, what));
    if (!parsed.ok) {
      const first = parsed.errors.slice(0, 5).map((e) => formatImportError(e, name));
      throw new CliError(`${what}: ${name} is not a valid incident file: ${first.join("; ")}`);
    }
    out.push(...parsed.records);
  }
  return out;
}

function caseIdOf(values: Record<string, unknown>, what: string): string | undefined {
  const id = values.case as string | undefined;
  if (id === undefined) return undefined;
  if (!values.db) throw new CliError(`${what}: --case needs --db PATH_OR_URL`);
  if (!UUID.test(id)) throw new CliError(`${what}: --case must be a case id (a UUID), got "${id}"`);
  return id;
}

/**
 * `check-draft --incidents FILE… --draft FILE` (or `--db … --case ID`), as
 * shared/formats/check-draft.md specifies: the editor's checks, as JSON on stdout.
 */
export const checkDraftCommand: Command = {
  name: "check-draft",
  summary: "Check a draft statement for disclosure and unsupported figures against incident records (JSON).",
  usage: "check-draft --incidents FILE [--incidents FILE …] --draft FILE | --db PATH_OR_URL --case ID --draft FILE",
  options: { incidents: { type: "string", multiple: true }, draft: { type: "string" }, case: { type: "string" } },
  async run({ values }, ctx) {
    const files = (values.incidents as string[] | undefined) ?? [];
    const draftFile = values.draft as string | undefined;
    if (!draftFile) throw new CliError("check-draft: --draft FILE is required");
    const caseId = caseIdOf(values, "check-draft");
    if (!files.length && !caseId) throw new CliError("check-draft: give --incidents FILE (or --db and --case to check against a case)");
    const draft = await readInputFile(draftFile, "check-draft");
    if (draft.includes("\u0000")) throw new CliError(`check-draft: ${draftFile} contains a NUL character`);
    const given = await readRecords(files, "check-draft");
    let records = given;
    let evidence = given;
    if (caseId) {
      const ws = await ctx.open();
      if (!(await findCase(ws.db, caseId))) throw new CliError(`check-draft: there is no case ${caseId} in ${ws.location}`);
      const inputs = await caseDraftInputs(ws.db, caseId);
      records = [...inputs.records, ...given];
      evidence = [...inputs.evidence, ...given];
    }
    ctx.io.stdout.write(`${JSON.stringify(toCheckDraftJson(checkDraft({ draft, records, evidence })), null, 2)}\n`);
    return 0;
  },
};

/**
 * `draft --incidents FILE… --article FILE [--published-at DATE]`: the Markdown the generator
 * writes for the article when every suggested verdict is taken as set and each claim's best
 * candidate as confirmed. `--db … --case ID` drafts an existing case instead.
 */
export const draftCommand: Command = {
  name: "draft",
  summary: "Print the statement the generator writes for an article (or a case), in Markdown.",
  usage: "draft --incidents FILE [--incidents FILE …] --article FILE [--published-at YYYY-MM-DD] | --db PATH_OR_URL --case ID",
  options: { incidents: { type: "string", multiple: true }, article: { type: "string" }, "published-at": { type: "string" }, case: { type: "string" } },
  async run({ values }, ctx) {
    const caseId = caseIdOf(values, "draft");
    if (caseId) {
      const ws = await ctx.open();
      if (!(await findCase(ws.db, caseId))) throw new CliError(`draft: there is no case ${caseId} in ${ws.location}`);
      const inputs = await caseDraftInputs(ws.db, caseId);
      const out = generateDraft({ claims: inputs.claims, template: await getStatementTemplate(ws.db), records: inputs.records });
      ctx.io.stdout.write(out.markdown);
      return 0;
    }
    const files = (values.incidents as string[] | undefined) ?? [];
    const articleFile = values.article as string | undefined;
    if (!articleFile) throw new CliError("draft: --article FILE is required (or --db and --case)");
    if (!files.length && !values.db) throw new CliError("draft: give --incidents FILE (or --db to use a workspace's records)");
    const publishedArg = values["published-at"] as string | undefined;
    if (publishedArg !== undefined && !/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(publishedArg)) {
      throw new CliError(`draft: --published-at must be a date like 2026-03-13, got "${publishedArg}"`);
    }
    const article = await readInputFile(articleFile, "draft");
    if (!article.trim()) throw new CliError(`draft: ${articleFile} is empty`);
    const texts = await Promise.all(files.map((f) => readInputFile(f, "draft")));
    const ws = await ctx.open("memory://");
    for (const [i, text] of texts.entries()) {
      const name = path.basename(files[i]!);
      const outcome = await importIncidents(ws.db, { text, fileName: name, actor: { label: "command line" } });
      if (!outcome.ok) {
        const first = outcome.errors.slice(0, 5).map((e) => formatImportError(e, name));
        throw new CliError(`draft: ${name} was not imported: ${first.join("; ")}`);
      }
    }
    const records = await workspaceRecords(ws.db);
    const byId = new Map(records.map((r) => [r.id, r]));
    const publishedAt = publishedArg?.slice(0, 10) ?? findPublishedDate(article);
    const result = await analyzeArticle(ws.db, { text: article, publishedAt });
    const claims: GenClaim[] = result.claims.map((c, i) => {
      const best = c.candidates[0] && byId.get(c.candidates[0].incidentId);
      return {
        id: `claim-${i + 1}`,
        text: c.text,
        kind: c.kind,
        checkWorthiness: c.checkWorthiness,
        verdict: c.verdict.suggested as VerdictLabelValue,
        evidence: best ? [{ linkId: `candidate-${i + 1}`, incident: best, stance: "supports", confirmed: true, stale: false }] : [],
      };
    });
    const out = generateDraft({ claims, template: await getStatementTemplate(ws.db), records, publishedAt });
    ctx.io.stdout.write(out.markdown);
    return 0;
  },
};
