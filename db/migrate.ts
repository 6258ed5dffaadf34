/**
 * Applies the committed drizzle-kit migrations. On PostgreSQL a session-level advisory lock
 * serialises concurrent starts: the second process waits, then finds nothing left to apply.
 */
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import postgres from "postgres";
import type { DbHandle } from "./client";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

/** An arbitrary constant; every Factdesk process takes the same key. */
const MIGRATION_LOCK_KEY = 7_246_118_301;

export async function migrateDb(handle: DbHandle, postgresUrl?: string): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  if (!postgresUrl) throw new Error("migrateDb needs the PostgreSQL URL to take the migration lock");
  // One dedicated connection, so the advisory lock and the migrations share a session.
  const client = postgres(postgresUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migratePostgres(drizzlePostgres(client), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** True when the database answers a trivial query. */
export async function pingDb(handle: DbHandle): Promise<boolean> {
  try {
    await handle.db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
