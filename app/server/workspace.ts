/**
 * Start-up shared by the app server and the command-line tool: read the configuration, open the
 * workspace (lock, connect, migrate), and settle the session secret.
 */
import { randomBytes } from "node:crypto";
import { openWorkspace, type Workspace } from "#db/open";
import { getOrCreateSetting } from "~/models/user.server";
import { ConfigError, type Env } from "~/utils/env.server";

/**
 * SESSION_SECRET from the environment wins. An embedded workspace (one process per folder) may
 * fall back to a secret generated once and stored in its database; a PostgreSQL deployment in
 * production must set it, because a missing secret there is a misconfiguration.
 */
export async function resolveSessionSecret(env: Env, workspace: Workspace): Promise<string> {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (env.NODE_ENV === "production" && !workspace.embedded) {
    throw new ConfigError("SESSION_SECRET must be set (32+ characters) when serving a PostgreSQL workspace in production.");
  }
  return getOrCreateSetting(workspace.db, "session_secret", () => randomBytes(32).toString("base64url"));
}

export { openWorkspace };
