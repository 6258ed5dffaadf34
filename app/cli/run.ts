/** The command table and the shared plumbing: argument parsing, opening the workspace, help. */
import { parseArgs } from "node:util";
import { DataDirError } from "#db/data-lock";
import type { Workspace } from "#db/open";
import { ConfigError, readEnv, resolveDbLocation } from "~/utils/env.server";
import { openWorkspace } from "../server/workspace";
import { auditCommand } from "./commands/audit";
import { demoCommand } from "./commands/demo";
import { checkDraftCommand, draftCommand } from "./commands/drafts";
import { analyzeCommand } from "./commands/analyze";
import { exportCommand, importCommand } from "./commands/incidents";
import { migrateCommand } from "./commands/migrate";
import { usersCommand } from "./commands/users";
import { CliError, UsageError, type CliIO, type Command, type CommandContext } from "./types";

export { CliError, UsageError };

/** The version in package.json, read once at start: `npm run factdesk -- --version`. */
async function packageVersion(): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string };
  return pkg.version ?? "unknown";
}

export const COMMANDS: Command[] = [
  analyzeCommand,
  draftCommand,
  checkDraftCommand,
  importCommand,
  exportCommand,
  usersCommand,
  migrateCommand,
  demoCommand,
  auditCommand,
];

const DB_OPTION = { db: { type: "string" as const } };

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "Usage: npm run factdesk -- <command> [options]   (or npx factdesk <command> [options])",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Every command takes --db PATH_OR_URL (a PGlite data folder, memory://, or a postgres:// URL);",
    "without it, DATABASE_URL or FACTDESK_DATA_DIR (default ./data) is used, as by the app.",
    "Run `npm run factdesk -- <command> --help` for a command's options; --version prints the version.",
    "Exit status: 0 done, 1 refused (a bad file, a database problem), 2 a usage error.",
    "",
  ].join("\n");
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(helpText());
    return 0;
  }
  if (name === "--version" || name === "-v" || name === "version") {
    io.stdout.write(`factdesk ${await packageVersion()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command "${name}"; run \`npm run factdesk -- --help\` for the list.`);
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(`Usage: npm run factdesk -- ${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: { ...DB_OPTION, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${name}: ${(error as Error).message.split("\n")[0]} (usage: ${command.usage})`);
  }
  let workspace: Workspace | undefined;
  const ctx: CommandContext = {
    io,
    async open(fallback) {
      if (workspace) return workspace;
      try {
        const env = readEnv(io.env);
        const explicit = (parsed.values.db as string | undefined) ?? fallback;
        workspace = await openWorkspace(resolveDbLocation(env, explicit), `factdesk ${name}`);
        return workspace;
      } catch (error) {
        if (error instanceof DataDirError || error instanceof ConfigError) throw new CliError(error.message);
        throw new CliError(`could not open the database: ${(error as Error).message}`);
      }
    },
  };
  try {
    return await command.run(parsed, ctx);
  } finally {
    await workspace?.close();
  }
}
