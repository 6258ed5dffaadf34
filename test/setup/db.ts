/**
 * A fresh, migrated database for one test file: in-memory PGlite restored from the template, or
 * (in the postgres project) a new PostgreSQL database cloned from the migrated template.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { createDb, type DbHandle } from "../../db/client";
import { createMemoryDb } from "../../db/template";

export const TEST_DRIVER = process.env.FACTDESK_TEST_DB === "postgres" ? "postgres" : "pglite";

export interface TestDb extends DbHandle {
  /** The URL of this file's database (postgres) or memory:// (PGlite). */
  url: string;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDb(): Promise<TestDb> {
  if (TEST_DRIVER === "pglite") return { ...(await createMemoryDb()), url: "memory://" };
  const adminUrl = process.env.TEST_DATABASE_URL;
  const template = inject("pgTemplateDb");
  if (!adminUrl || !template) throw new Error("the postgres test project needs TEST_DATABASE_URL");
  const name = `factdesk_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      break;
    } catch (error) {
      // Two files cloning at the same instant: "source database is being accessed by other users".
      if (attempt > 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const url = withDatabase(adminUrl, name);
  const handle = await createDb(url, { max: 4 });
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
