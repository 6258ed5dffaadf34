/**
 * A migrated PGlite data folder, dumped once and reused: creating a fresh PGlite runs initdb
 * (seconds), while loading a dump of an already-migrated one is much faster. Tests and throwaway
 * command-line runs start from it. The dump is cached on disk, keyed by the migrations and the
 * PGlite version, so a new migration makes a new template.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type DbHandle } from "./client";
import { MIGRATIONS_FOLDER, migrateDb } from "./migrate";

function migrationsFingerprint(): string {
  const hash = createHash("sha256");
  const pgliteVersion = readPgliteVersion();
  hash.update(pgliteVersion);
  for (const name of fs.readdirSync(MIGRATIONS_FOLDER).sort()) {
    if (!name.endsWith(".sql")) continue;
    hash.update(name);
    hash.update(fs.readFileSync(path.join(MIGRATIONS_FOLDER, name)));
  }
  return hash.digest("hex").slice(0, 16);
}

function readPgliteVersion(): string {
  try {
    const pkg = fileURLToPath(new URL("../node_modules/@electric-sql/pglite/package.json", import.meta.url));
    return (JSON.parse(fs.readFileSync(pkg, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

function cacheDir(): string {
  const projectCache = fileURLToPath(new URL("../node_modules/.cache/factdesk", import.meta.url));
  try {
    fs.mkdirSync(projectCache, { recursive: true });
    return projectCache;
  } catch {
    const fallback = path.join(os.tmpdir(), "factdesk-cache");
    fs.mkdirSync(fallback, { recursive: true });
    return fallback;
  }
}

function templatePath(): string {
  return path.join(cacheDir(), `pglite-template-${migrationsFingerprint()}.tar`);
}

/** The template dump when one for the current migrations is already cached, or null. */
export function cachedPgliteTemplate(): Blob | null {
  try {
    return new Blob([fs.readFileSync(templatePath())]);
  } catch {
    return null;
  }
}

/** Path of the migrated template dump, building it on first use. */
export async function ensurePgliteTemplate(): Promise<string> {
  const file = templatePath();
  if (fs.existsSync(file)) return file;
  const handle = await createDb("memory://");
  try {
    await migrateDb(handle);
    const dump = await handle.pglite!.dumpDataDir("none");
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file); // atomic: concurrent builders never see a half-written template
  } finally {
    await handle.close();
  }
  return file;
}

/** A fresh, migrated in-memory PGlite restored from the template. */
export async function createMemoryDb(): Promise<DbHandle> {
  await ensurePgliteTemplate();
  const template = cachedPgliteTemplate();
  if (!template) throw new Error("the migrated PGlite template could not be read after it was built");
  return createDb("memory://", { loadDataDir: template });
}
