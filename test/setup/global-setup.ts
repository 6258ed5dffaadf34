/**
 * Once per run: build the migrated PGlite template, and when TEST_DATABASE_URL is set, a migrated
 * PostgreSQL template database that each test file clones (CREATE DATABASE … TEMPLATE).
 */
import type { TestProject } from "vitest/node";
import postgres from "postgres";
import { createDb } from "../../db/client";
import { migrateDb } from "../../db/migrate";
import { ensurePgliteTemplate } from "../../db/template";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplateDb: string | null;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  await ensurePgliteTemplate();
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl || project.name !== "postgres") {
    project.provide("pgTemplateDb", null);
    return;
  }
  const name = `factdesk_tpl_${process.pid}_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = withDatabase(adminUrl, name);
  const handle = await createDb(url, { max: 1 });
  await migrateDb(handle, url);
  await handle.close();
  project.provide("pgTemplateDb", name);
  return async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
}
