/**
 * The demo workspace: four accounts, one per role, and the worked Meridian example (copied into
 * db/demo from the shared examples, since production has no ../shared): its incident records,
 * and a case for the story with the article as its source, analysed and ready to check.
 */
import fs from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Db } from "#db/client";
import { createCase } from "./case.server";
import { importIncidents } from "./incident.server";
import { addSource } from "./source.server";
import { countUsers, createUser } from "./user.server";

export const DEMO_PASSWORD = "factdesk-demo";
export const DEMO_USERS = [
  { email: "comms@example.com", name: "Casey Comms", roles: ["comms"] },
  { email: "legal@example.com", name: "Lee Legal", roles: ["legal"] },
  { email: "engineer@example.com", name: "Emery Engineer", roles: ["engineer"] },
  { email: "admin@example.com", name: "Avery Admin", roles: ["admin"] },
] as const;

function demoFile(name: string): string {
  return fileURLToPath(new URL(`../../db/demo/meridian/${name}`, import.meta.url));
}

/** Seeds the demo workspace into an empty database, in one transaction; does nothing where users exist. */
export async function seedDemo(db: Db, now = new Date()): Promise<{ seeded: boolean }> {
  if ((await countUsers(db)) > 0) return { seeded: false };
  const [incidentsText, article, expectedText] = await Promise.all([
    fs.readFile(demoFile("incidents.json"), "utf8"),
    fs.readFile(demoFile("article.md")),
    fs.readFile(demoFile("expected.json"), "utf8"),
  ]);
  const expected = JSON.parse(expectedText) as { publishedAt?: string };
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const accounts = [];
    for (const user of DEMO_USERS) {
      accounts.push(await createUser(txDb, { ...user, roles: [...user.roles], password: DEMO_PASSWORD }));
    }
    const outcome = await importIncidents(txDb, { text: incidentsText, fileName: "meridian-incidents.json", actor: { label: "demo" } });
    if (!outcome.ok) throw new Error(`the demo incidents did not import: ${outcome.errors[0]?.message}`);

    const comms = accounts[0];
    const actor = { id: comms.id, label: comms.email };
    const { id: caseId } = await createCase(txDb, actor, {
      title: "AI-written code blamed for Meridian store outages",
      summary: "The Financial Ledger reports that AI-generated code caused a string of outages on the Meridian store. Answer by end of day.",
      ownerId: comms.id,
      dueAt: new Date(now.getTime() + 8 * 3600 * 1000),
      status: "open",
    });
    await addSource(txDb, actor, caseId, {
      content: { kind: "file", fileName: "article.md", bytes: new Uint8Array(article) },
      outlet: "The Financial Ledger",
      publishedAt: expected.publishedAt ?? null,
    });
  });
  return { seeded: true };
}
