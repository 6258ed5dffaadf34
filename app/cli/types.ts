/** Types shared by the command-line runner and its commands. */
import type { ParseArgsConfig } from "node:util";
import type { Workspace } from "#db/open";

/** An expected failure: printed as one line, exit status 1. */
export class CliError extends Error {
  name = "CliError";
}

export interface CliIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  env: NodeJS.ProcessEnv;
  /** Reads a file given on the command line; tests may substitute their own. */
  readFile?(path: string): Promise<string>;
}

export interface CommandContext {
  io: CliIO;
  /**
   * Opens the workspace named by --db, else `fallback` when given (e.g. memory:// for a throwaway
   * analysis), else DATABASE_URL or FACTDESK_DATA_DIR. Closed by the runner.
   */
  open(fallback?: string): Promise<Workspace>;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(args: { values: Record<string, unknown>; positionals: string[] }, ctx: CommandContext): Promise<number>;
}
