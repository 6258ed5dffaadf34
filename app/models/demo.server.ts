/**
 * The demo workspace: four accounts, one per role, and the worked Meridian example's incident
 * records (copied into db/demo from the shared examples, since production has no ../shared).
 */
import fs from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Db } from "#db/client";
import { importIncidents } from "./incident.server";
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
export async function seedDemo(db: Db): Promise<{ seeded: boolean }> {
  if ((await countUsers(db)) > 0) return { seeded: false };
  const incidentsText = await fs.readFile(demoFile("incidents.json"), "utf8");
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    for (const user of DEMO_USERS) {
      await createUser(txDb, { ...user, roles: [...user.roles], password: DEMO_PASSWORD });
    }
    const outcome = await importIncidents(txDb, { text: incidentsText, fileName: "meridian-incidents.json", actor: { label: "demo" } });
    if (!outcome.ok) throw new Error(`the demo incidents did not import: ${outcome.errors[0]?.message}`);
  });
  return { seeded: true };
}
