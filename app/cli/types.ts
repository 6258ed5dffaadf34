/** Types shared by the command-line runner and its commands. */
import type { ParseArgsConfig } from "node:util";
import type { Workspace } from "#db/open";

/** An expected failure: printed as one line, exit status 1 (2 for a usage error). */
export class CliError extends Error {
  name = "CliError";
  readonly exitCode: number = 1;
}

/** The command line itself is wrong (unknown command or option, missing argument): exit status 2, as Unix tools do. */
export class UsageError extends CliError {
  override name = "UsageError";
  override readonly exitCode: number = 2;
}

export interface CliIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  env: NodeJS.ProcessEnv;
  /** Reads a file given on the command line; tests may substitute their own. */
  readFile?(path: string): Promise<string>;
  /** Reads all of standard input, for a file given as `-`; tests may substitute their own. */
  readStdin?(): Promise<string>;
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
