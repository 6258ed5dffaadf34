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

describe("factdesk import and export", () => {
  const meridian = new URL("../../db/demo/meridian/incidents.json", import.meta.url).pathname;
  const invalid = new URL("../fixtures/incidents/invalid-records.json", import.meta.url).pathname;

  it("imports a file and prints the counts, with progress on stderr", async () => {
    const first = await cli("import", "incidents", meridian, "--db", location);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("6 new, 0 updated, 0 unchanged (6 records, json)\n");
    expect(first.stderr).toContain("importing 6 / 6 records (100%)");
    const again = await cli("import", "incidents", meridian, "--db", location);
    expect(again.stdout).toBe("0 new, 0 updated, 6 unchanged (6 records, json)\n");
  });

  it("exports exactly what was imported", async () => {
    const result = await cli("export", "incidents", "--db", location);
    expect(result.code).toBe(0);
    const source = JSON.parse(fs.readFileSync(meridian, "utf8")).incidents;
    expect(JSON.parse(result.stdout).incidents).toEqual([...source].sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)));
  });

  it("rejects a bad file naming each problem, and writes nothing", async () => {
    const result = await cli("import", "incidents", invalid, "--db", location);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("invalid-records.json was not imported (nothing was written)");
    expect(result.stderr).toContain('record 1 (RET-2026-0309-C): startedAt: "2026-03-09 09:02" has no UTC offset');
    const exported = JSON.parse((await cli("export", "incidents", "--db", location)).stdout);
    expect(exported.incidents).toHaveLength(6);
  });

  it("names a missing file and a bad format", async () => {
    expect((await cli("import", "incidents", "/nope/missing.json", "--db", location)).stderr).toBe("import incidents: cannot read /nope/missing.json: no such file");
    expect((await cli("import", "incidents", meridian, "--format", "xml", "--db", location)).stderr).toBe(
      'import: --format must be one of json, csv, statuspage, pagerduty, incidentio, firehydrant, opsgenie, rootly, dispatch, got "xml"',
    );
  });
});
