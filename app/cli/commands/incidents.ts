import fs from "node:fs/promises";
import path from "node:path";
import { combineJsonFiles, formatImportError, INCIDENT_FILE_FORMATS, type CsvMapping, type IncidentFileFormat } from "~/domain/incidents";
import { exportIncidents, getCsvMapping, importIncidents } from "~/models/incident.server";
import { AppError } from "~/utils/app-error";
import { pullStatuspage } from "~/utils/statuspage-pull.server";
import { CliError, UsageError, type CliIO, type Command } from "../types";

function readFormat(value: unknown): IncidentFileFormat | undefined {
  if (value === undefined) return undefined;
  if (!(INCIDENT_FILE_FORMATS as readonly string[]).includes(String(value))) {
    throw new UsageError(`import: --format must be one of ${INCIDENT_FILE_FORMATS.join(", ")}, got "${value}"`);
  }
  return value as IncidentFileFormat;
}

export async function readInputFile(file: string, what: string, io?: CliIO): Promise<string> {
  if (file === "-") {
    if (!io?.readStdin) throw new CliError(`${what}: standard input cannot be read here`);
    return io.readStdin();
  }
  try {
    return await fs.readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${what}: cannot read ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : (error as Error).message}`);
  }
}

const USAGE = `import incidents FILE|- [FILE …] [--format ${INCIDENT_FILE_FORMATS.join("|")}] [--mapping NAME] [--skip-invalid] [--json] [--db PATH_OR_URL]
       npm run factdesk -- import statuspage URL [--skip-invalid] [--json] [--db PATH_OR_URL]`;

/**
 * `import incidents FILE` (or `-` for standard input) and `import statuspage URL`: all or
 * nothing unless --skip-invalid, progress on stderr, counts on stdout (as JSON with --json).
 */
export const importCommand: Command = {
  name: "import",
  summary: "Import incident records from a file or a public Statuspage site: import incidents FILE, import statuspage URL.",
  usage: USAGE,
  options: {
    format: { type: "string" },
    mapping: { type: "string" },
    "skip-invalid": { type: "boolean" },
    json: { type: "boolean" },
  },
  async run({ values, positionals }, ctx) {
    const [kind, source, ...extra] = positionals;
    const moreFiles = kind === "incidents" ? extra.splice(0) : [];
    if (kind !== "incidents" && kind !== "statuspage") {
      throw new UsageError(`import: expected "incidents" or "statuspage", got ${kind ? `"${kind}"` : "nothing"} (usage: ${USAGE})`);
    }
    if (!source) throw new UsageError(kind === "incidents" ? "import incidents: give the file to import, or - for standard input" : "import statuspage: give the status page's address");
    if (extra.length) throw new UsageError(`import ${kind}: unexpected argument "${extra[0]}"`);
    const asJson = values.json === true;
    const skipInvalid = values["skip-invalid"] === true;
    let format = readFormat(values.format);
    let text: string;
    let fileName: string;
    if (kind === "statuspage") {
      if (values.format !== undefined || values.mapping !== undefined) throw new UsageError("import statuspage: --format and --mapping are for files");
      try {
        // Whoever runs the command line runs the server: a status page on their own network is theirs to pull.
        const pulled = await pullStatuspage(source, { privateAddresses: true });
        ctx.io.stderr.write(`read ${pulled.incidents} incidents from ${pulled.url} (${pulled.pages} ${pulled.pages === 1 ? "page" : "pages"})\n`);
        text = pulled.text;
        fileName = pulled.url;
        format = "statuspage";
      } catch (error) {
        if (error instanceof AppError) throw new CliError(`import statuspage: ${error.message}`);
        throw error;
      }
    } else {
      const sources = [source, ...moreFiles];
      const files = [];
      for (const file of sources) {
        files.push({ name: file === "-" ? "standard input" : path.basename(file), text: await readInputFile(file, "import incidents", ctx.io) });
      }
      const combined = combineJsonFiles(files);
      fileName = files.map((file) => file.name).join(" + ");
      if (!combined.ok) {
        throw new CliError(`import incidents: ${fileName} was not imported (nothing was written):\n  ${combined.errors.map((e) => formatImportError(e)).join("\n  ")}`);
      }
      text = combined.text;
    }
    const ws = await ctx.open();
    let csvMapping: CsvMapping | undefined;
    if (typeof values.mapping === "string") {
      const found = await getCsvMapping(ws.db, values.mapping);
      if (!found) throw new CliError(`import incidents: there is no saved column mapping named "${values.mapping}"; save one on the import page first`);
      csvMapping = found;
      format ??= "csv";
    }
    const isTty = Boolean((ctx.io.stderr as { isTTY?: boolean }).isTTY);
    let lastShown = 0;
    const outcome = await importIncidents(ws.db, {
      text,
      fileName,
      format,
      csvMapping,
      skipInvalid,
      actor: { label: "command line" },
      onProgress: (done, total) => {
        const now = Date.now();
        if (done < total && now - lastShown < 250) return;
        lastShown = now;
        const line = `importing ${done.toLocaleString("en")} / ${total.toLocaleString("en")} records (${Math.round((done / Math.max(total, 1)) * 100)}%)`;
        ctx.io.stderr.write(isTty ? `\r${line}${done === total ? "\n" : ""}` : `${line}\n`);
      },
    });
    if (!outcome.ok) {
      const lines = outcome.errors.map((e) => formatImportError(e, fileName));
      if (asJson) {
        ctx.io.stdout.write(`${JSON.stringify({ ok: false, file: fileName, errors: lines, truncated: outcome.truncated ?? false, skippable: outcome.skippable ?? null })}\n`);
      }
      const more = outcome.truncated ? "\n(more problems were found; the first 50 are listed)" : "";
      const choice = outcome.skippable
        ? `\n${outcome.skippable.valid} records are valid: run again with --skip-invalid to import them and skip the ${outcome.skippable.invalid} invalid ones.`
        : "";
      throw new CliError(`import incidents: ${fileName} was not imported (nothing was written):\n  ${lines.join("\n  ")}${more}${choice}`);
    }
    if (asJson) {
      const { importId, format: read, total, new: added, updated, unchanged, skipped, ignored } = outcome;
      ctx.io.stdout.write(`${JSON.stringify({ ok: true, importId, file: fileName, format: read, total, new: added, updated, unchanged, skipped, ignored })}\n`);
      return 0;
    }
    const notes = [
      outcome.skipped.length ? `${outcome.skipped.length} invalid skipped` : "",
      outcome.ignored.length ? `${outcome.ignored.length} not incidents left out` : "",
    ].filter(Boolean);
    ctx.io.stdout.write(
      `${outcome.new} new, ${outcome.updated} updated, ${outcome.unchanged} unchanged (${outcome.total} records, ${outcome.format}${notes.length ? `; ${notes.join(", ")}` : ""})\n`,
    );
    for (const record of outcome.skipped) {
      ctx.io.stderr.write(`skipped record ${record.index}${record.id ? ` (${record.id})` : ""}: ${record.reasons.join("; ")}\n`);
    }
    return 0;
  },
};

/** `export incidents`: the canonical JSON on stdout, every field exactly as imported. */
export const exportCommand: Command = {
  name: "export",
  summary: "Print every incident record as canonical JSON on stdout: export incidents.",
  usage: "export incidents [--db PATH_OR_URL]",
  options: {},
  async run({ positionals }, ctx) {
    const [kind] = positionals;
    if (kind !== "incidents") throw new UsageError(`export: expected "incidents", got ${kind ? `"${kind}"` : "nothing"}`);
    const ws = await ctx.open();
    ctx.io.stdout.write('{\n  "incidents": [');
    let first = true;
    for await (const record of exportIncidents(ws.db)) {
      const body = JSON.stringify(record, null, 2).replace(/\n/g, "\n    ");
      ctx.io.stdout.write(`${first ? "" : ","}\n    ${body}`);
      first = false;
    }
    ctx.io.stdout.write(`${first ? "" : "\n  "}]\n}\n`);
    return 0;
  },
};
