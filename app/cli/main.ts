/**
 * `npm run factdesk -- <command>`: the command-line tool. One entry point; each command is a
 * module in app/cli/commands. Errors print one line and exit non-zero, never a stack trace.
 */
import { runCli } from "./run";
import { CliError } from "./types";

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, readStdin: readAllStdin })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    const message = error instanceof CliError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`factdesk: ${message}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  });
