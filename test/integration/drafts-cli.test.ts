import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/run";
import { openWorkspace } from "../../db/open";
import { createTestDb, TEST_DRIVER, type TestDb } from "../setup/db";
import { seedMeridianCase } from "../setup/drafts";
import { recordTexts } from "../../app/domain/drafts";
import { parseIncidentFile } from "../../app/domain/incidents";

const MERIDIAN = path.resolve("db/demo/meridian");
let location: string;
let tmp: string;
let testDb: TestDb | undefined;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-drafts-cli-"));
  if (TEST_DRIVER === "postgres") {
    testDb = await createTestDb();
    location = testDb.url;
  } else {
    location = path.join(tmp, "data");
  }
});
afterAll(async () => {
  await testDb?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  let stdout = "";
  const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, env: {} as NodeJS.ProcessEnv };
  try {
    return { code: await runCli(argv, io), stdout, stderr: "" };
  } catch (error) {
    return { code: 1, stdout, stderr: (error as Error).message };
  }
}

describe("factdesk draft and check-draft", () => {
  it("drafts the Meridian article, and the draft passes its own check with no disclosure flag", async () => {
    const drafted = await cli("draft", "--incidents", path.join(MERIDIAN, "incidents.json"), "--article", path.join(MERIDIAN, "article.md"), "--published-at", "2026-03-13");
    expect(drafted.code).toBe(0);
    expect(drafted.stdout).toMatch(/^# /);
    expect(drafted.stdout).toContain("[^c1]");
    expect(drafted.stdout).not.toMatch(/RET-\d{4}|CLD-\d{4}/);
    const file = path.join(tmp, "draft.md");
    fs.writeFileSync(file, drafted.stdout);
    const checked = await cli("check-draft", "--incidents", path.join(MERIDIAN, "incidents.json"), "--draft", file);
    expect(checked.code).toBe(0);
    const out = JSON.parse(checked.stdout) as { flags: { kind: string }[] };
    expect(out.flags.filter((f) => f.kind === "disclosure")).toEqual([]);
  });

  it("prints flags with exact offsets, in draft order", async () => {
    const draft = "Our checkout incident (RET-2026-0307-B) lasted six hours, not 2 hours 40 minutes.\n";
    const file = path.join(tmp, "bad.md");
    fs.writeFileSync(file, draft);
    const week = path.join(tmp, "week.json");
    const all = JSON.parse(fs.readFileSync(path.join(MERIDIAN, "incidents.json"), "utf8"));
    fs.writeFileSync(week, JSON.stringify({ incidents: all.incidents.filter((r: { id: string }) => r.id.startsWith("RET-2026")) }));
    const { stdout, code } = await cli("check-draft", "--incidents", week, "--draft", file);
    expect(code).toBe(0);
    const { flags } = JSON.parse(stdout) as { flags: { kind: string; start: number; end: number; text: string; reason: string }[] };
    expect(flags.map((f) => [f.kind, f.text])).toEqual([
      ["disclosure", "RET-2026-0307-B"],
      ["support", "six hours"],
    ]);
    for (const f of flags) expect(draft.slice(f.start, f.end)).toBe(f.text);
    expect(flags[1]!.reason).toBe("no record backs a duration of six hours; the longest is 2 h 40 min (RET-2026-0307-B)");
  });

  it("refuses bad input with one line", async () => {
    expect((await cli("check-draft", "--incidents", path.join(MERIDIAN, "incidents.json"))).stderr).toBe("check-draft: --draft FILE is required");
    expect((await cli("check-draft", "--incidents", path.join(MERIDIAN, "article.md"), "--draft", path.join(MERIDIAN, "article.md"))).stderr).toMatch(/^check-draft: article\.md is not a valid incident file/);
    expect((await cli("draft", "--db", location, "--case", "nope")).stderr).toBe('draft: --case must be a case id (a UUID), got "nope"');
  });

  it("drafts and checks an existing case with --db and --case", async () => {
    const ws = await openWorkspace(location, "test");
    const { caseId } = await seedMeridianCase(ws.db);
    await ws.close();
    expect((await cli("draft", "--db", location, "--case", "00000000-0000-4000-8000-000000000000")).stderr).toMatch(/^draft: there is no case 00000000-0000-4000-8000-000000000000 in /);
    const drafted = await cli("draft", "--db", location, "--case", caseId);
    expect(drafted.code).toBe(0);
    expect(drafted.stdout).toContain("about 2 hours 40 minutes");
    const file = path.join(tmp, "case.md");
    fs.writeFileSync(file, drafted.stdout);
    const checked = JSON.parse((await cli("check-draft", "--db", location, "--case", caseId, "--draft", file)).stdout);
    expect(checked.flags).toEqual([]);
  });

  // The drafts run in memory:// whatever the project, so the PGlite project runs this once.
  if (TEST_DRIVER !== "postgres") it("drafts every development press case with no internal-only text, no incident id and no disclosure flag", async () => {
    const root = path.resolve("test/eval/cases/dev");
    for (const dir of fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory())) {
      const incidentsFile = path.join(root, dir, "incidents.json");
      const drafted = await cli("draft", "--incidents", incidentsFile, "--article", path.join(root, dir, "article.md"));
      expect(drafted.code, dir).toBe(0);
      const text = drafted.stdout.toLowerCase();
      const parsed = parseIncidentFile(fs.readFileSync(incidentsFile, "utf8"));
      if (!parsed.ok) throw new Error(`${dir}: fixture does not parse`);
      for (const r of parsed.records) {
        expect(text, `${dir}: ${r.id}`).not.toContain(r.id.toLowerCase());
        for (const f of recordTexts(r).filter((x) => x.internal && x.text.split(/\s+/).length >= 4)) expect(text, `${dir}: ${r.id}.${f.field}`).not.toContain(f.text.toLowerCase());
      }
      const file = path.join(tmp, `${dir}.md`);
      fs.writeFileSync(file, drafted.stdout);
      const { flags } = JSON.parse((await cli("check-draft", "--incidents", incidentsFile, "--draft", file)).stdout) as { flags: { kind: string }[] };
      expect(flags.filter((f) => f.kind === "disclosure"), dir).toEqual([]);
    }
  }, 600_000);
});
