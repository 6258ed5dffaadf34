/**
 * Opens a workspace for a process (the app server or the command-line tool): takes the data
 * folder's lock when embedded, connects, and applies pending migrations.
 */
import { createDb, isMemoryUrl, isPostgresUrl, type DbHandle } from "./client";
import { acquireDataDirLock, pgliteDir } from "./data-lock";
import { migrateDb } from "./migrate";
import { cachedPgliteTemplate, createMemoryDb } from "./template";

export interface Workspace extends DbHandle {
  /** True when this process just created the database (an empty embedded folder). */
  fresh: boolean;
  embedded: boolean;
}

export async function openWorkspace(location: string, command: string): Promise<Workspace> {
  if (isPostgresUrl(location)) {
    const handle = await createDb(location);
    try {
      await migrateDb(handle, location);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return { ...handle, fresh: false, embedded: false };
  }
  if (isMemoryUrl(location)) {
    const handle = await createMemoryDb();
    return { ...handle, fresh: true, embedded: true };
  }
  const lock = acquireDataDirLock(location, command);
  try {
    const dir = pgliteDir(location);
    const fs = await import("node:fs");
    const fresh = !fs.existsSync(`${dir}/PG_VERSION`);
    // A new folder starts from the cached migrated template when there is one (about 2 s instead
    // of initdb and every migration); building the template first would cost more than it saves.
    const template = fresh ? cachedPgliteTemplate() : null;
    const handle = await createDb(dir, template ? { loadDataDir: template } : {});
    await migrateDb(handle);
    return {
      ...handle,
      fresh,
      embedded: true,
      location,
      close: async () => {
        try {
          await handle.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
