import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/run";
import { listUsers, verifySignIn } from "../../app/models/user.server";
import { openWorkspace } from "../../db/open";
import { createTestDb, TEST_DRIVER, type TestDb } from "../setup/db";

/** The workspace the CLI is pointed at: a PGlite data folder, or this file's PostgreSQL database. */
let location: string;
let testDb: TestDb | undefined;
beforeAll(async () => {
  if (TEST_DRIVER === "postgres") {
    testDb = await createTestDb();
    location = testDb.url;
  } else {
    location = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-cli-"));
  }
});
afterAll(async () => {
  await testDb?.close();
  if (TEST_DRIVER === "pglite") fs.rmSync(location, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {} as NodeJS.ProcessEnv,
  };
  try {
    const code = await runCli(argv, io);
    return { code, stdout, stderr };
  } catch (error) {
    return { code: 1, stdout, stderr: stderr + (error as Error).message };
  }
}

describe("factdesk users", () => {
  it("creates a user with roles who can then sign in", async () => {
    const result = await cli("users", "create", "--email", "Ops@Example.com", "--role", "engineer", "--role", "legal", "--password", "ten-chars-ok", "--db", location);
    expect(result).toMatchObject({ code: 0, stdout: "created ops@example.com (engineer, legal)\n" });
    const ws = await openWorkspace(location, "test");
    try {
      const signIn = await verifySignIn(ws.db, "ops@example.com", "ten-chars-ok");
      expect(signIn.ok).toBe(true);
      const [user] = (await listUsers(ws.db)).filter((u) => u.email === "ops@example.com");
      expect(user.roles).toEqual(["engineer", "legal"]);
    } finally {
      await ws.close();
    }
  });

  it("lists users", async () => {
    const result = await cli("users", "list", "--db", location);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("ops@example.com\tengineer,legal\tactive");
  });

  it("refuses bad arguments with one clear line", async () => {
    expect((await cli("users", "create", "--email", "a@b.co", "--role", "wizard", "--password", "long-enough", "--db", location)).stderr).toBe(
      'users create: Unknown role "wizard": use comms, legal, engineer or admin.',
    );
    expect((await cli("users", "create", "--role", "comms", "--db", location)).stderr).toBe("users create: --email is required");
    expect((await cli("users", "create", "--email", "ops@example.com", "--role", "comms", "--password", "long-enough", "--db", location)).stderr).toBe(
      "users create: A user with the email ops@example.com already exists.",
    );
    expect((await cli("users", "frobnicate")).stderr).toBe('users: expected "create" or "list", got "frobnicate"');
    expect((await cli("nonsense")).stderr).toBe('unknown command "nonsense"; run `npm run factdesk -- --help` for the list.');
    expect((await cli("users", "--colour")).stderr).toMatch(/^users: Unknown option '--colour'/);
  });

  it("lists the commands with --help", async () => {
    const result = await cli("--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/users\s+Create or list user accounts/);
    expect(result.stdout).toMatch(/--db PATH_OR_URL/);
  });
});
