/**
 * The one place that knows which database driver is in use. `createDb` takes a location:
 *   postgres:// or postgresql://  → PostgreSQL through postgres.js
 *   memory://                      → an in-memory PGlite (tests, throwaway CLI runs)
 *   anything else                  → a PGlite data folder on disk
 * Everything above this file sees one drizzle `Db` and never asks which it got.
 */
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DriverKind = "postgres" | "pglite";

export interface DbHandle {
  db: Db;
  kind: DriverKind;
  /** The folder or URL (without password) it was opened on, for messages. */
  location: string;
  /** The underlying PGlite, when embedded (dumps, templates). */
  pglite?: PGlite;
  close(): Promise<void>;
}

/** PGlite needs its extensions passed at every create(), not only when they are first enabled. */
export const PGLITE_EXTENSIONS = { pg_trgm };

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export function isMemoryUrl(location: string): boolean {
  return location === "memory://" || location.startsWith("memory://");
}

export function describeLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "postgres://…";
  }
}

export interface CreateDbOptions {
  /** A migrated PGlite data-dir dump to start from instead of running initdb (fast tests and CLI). */
  loadDataDir?: Blob;
  /** postgres.js pool size. */
  max?: number;
}

export async function createDb(location: string, options: CreateDbOptions = {}): Promise<DbHandle> {
  const opts = { casing: "snake_case" as const, schema };
  if (isPostgresUrl(location)) {
    const client = postgres(location, {
      max: options.max ?? 10,
      onnotice: () => {},
      connection: { application_name: "factdesk" },
    });
    const db = drizzlePostgres(client, opts) as unknown as Db;
    return {
      db,
      kind: "postgres",
      location: describeLocation(location),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dataDir = isMemoryUrl(location) ? undefined : location;
  const pglite = await PGlite.create({
    dataDir,
    extensions: PGLITE_EXTENSIONS,
    loadDataDir: options.loadDataDir,
  });
  const db = drizzlePglite(pglite, opts) as unknown as Db;
  return {
    db,
    kind: "pglite",
    location: dataDir ?? "memory://",
    pglite,
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** Runs raw SQL and returns its rows, whichever driver answered (postgres.js returns an array, PGlite `{ rows }`). */
export async function queryRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
