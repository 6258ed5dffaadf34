import fs from "node:fs/promises";
import path from "node:path";
import { formatImportError, INCIDENT_FILE_FORMATS, type IncidentFileFormat } from "~/domain/incidents";
import { exportIncidents, importIncidents } from "~/models/incident.server";
import { CliError, type Command } from "../types";

function readFormat(value: unknown): IncidentFileFormat | undefined {
  if (value === undefined) return undefined;
  if (!(INCIDENT_FILE_FORMATS as readonly string[]).includes(String(value))) {
    throw new CliError(`import: --format must be one of ${INCIDENT_FILE_FORMATS.join(", ")}, got "${value}"`);
  }
  return value as IncidentFileFormat;
}

export async function readInputFile(file: string, what: string): Promise<string> {
  try {
    return await fs.readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${what}: cannot read ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : (error as Error).message}`);
  }
}

/** `import incidents FILE [--format F]`: all or nothing, progress on stderr, counts on stdout. */
export const importCommand: Command = {
  name: "import",
  summary: "Import incident records from a file (JSON, CSV, Statuspage or PagerDuty): import incidents FILE.",
  usage: `import incidents FILE [--format ${INCIDENT_FILE_FORMATS.join("|")}] [--db PATH_OR_URL]`,
  options: { format: { type: "string" } },
  async run({ values, positionals }, ctx) {
    const [kind, file, ...extra] = positionals;
    if (kind !== "incidents") throw new CliError(`import: expected "incidents", got ${kind ? `"${kind}"` : "nothing"}`);
    if (!file) throw new CliError("import incidents: give the file to import");
    if (extra.length) throw new CliError(`import incidents: unexpected argument "${extra[0]}"`);
    const format = readFormat(values.format);
    const text = await readInputFile(file, "import incidents");
    const ws = await ctx.open();
    const isTty = Boolean((ctx.io.stderr as { isTTY?: boolean }).isTTY);
    let lastShown = 0;
    const outcome = await importIncidents(ws.db, {
      text,
      fileName: path.basename(file),
      format,
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
      const lines = outcome.errors.map((e) => formatImportError(e, path.basename(file)));
      const more = outcome.truncated ? "\n(more problems were found; the first 50 are listed)" : "";
      throw new CliError(
        `import incidents: ${path.basename(file)} was not imported (nothing was written):\n  ${lines.join("\n  ")}${more}`,
      );
    }
    ctx.io.stdout.write(`${outcome.new} new, ${outcome.updated} updated, ${outcome.unchanged} unchanged (${outcome.total} records, ${outcome.format})\n`);
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
    if (kind !== "incidents") throw new CliError(`export: expected "incidents", got ${kind ? `"${kind}"` : "nothing"}`);
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
