/**
 * The demo workspace: four accounts, one per role, plus the worked Meridian example (its
 * incident records are loaded by the incident importer once it exists).
 */
import type { Db } from "#db/client";
import { createUser, countUsers } from "./user.server";

export const DEMO_PASSWORD = "factdesk-demo";
export const DEMO_USERS = [
  { email: "comms@example.com", name: "Casey Comms", roles: ["comms"] },
  { email: "legal@example.com", name: "Lee Legal", roles: ["legal"] },
  { email: "engineer@example.com", name: "Emery Engineer", roles: ["engineer"] },
  { email: "admin@example.com", name: "Avery Admin", roles: ["admin"] },
] as const;

/** Seeds the demo workspace into an empty database; does nothing where users already exist. */
export async function seedDemo(db: Db): Promise<{ seeded: boolean }> {
  if ((await countUsers(db)) > 0) return { seeded: false };
  for (const user of DEMO_USERS) {
    await createUser(db, { ...user, roles: [...user.roles], password: DEMO_PASSWORD });
  }
  return { seeded: true };
}
