/**
 * The app server: Express serving the Remix build. Opens the workspace once, hands the
 * database to loaders and actions through the load context, refuses cross-site mutations
 * before Remix sees them, and shuts down cleanly on SIGTERM and SIGINT.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { DataDirError } from "#db/data-lock";
import { seedDemo } from "~/models/demo.server";
import { isCrossSiteMutation } from "~/utils/csrf.server";
import { ConfigError, readEnv, resolveDbLocation } from "~/utils/env.server";
import { openWorkspace, resolveSessionSecret } from "./workspace";

const BUILD_PATH = path.resolve("build/index.js");

function fail(message: string): never {
  console.error(`factdesk: ${message}`);
  process.exit(1);
}

async function main() {
  const startedAt = performance.now();
  const env = readEnv();
  if (!fs.existsSync(BUILD_PATH)) fail("no build found; run `npm run build` first (npm start does this for you).");
  const location = resolveDbLocation(env);
  const workspace = await openWorkspace(location, "factdesk server");
  const sessionSecret = await resolveSessionSecret(env, workspace);
  // Demo mode: the embedded workspace shows and seeds the demo accounts unless FACTDESK_DEMO=0.
  const demo = workspace.embedded ? env.FACTDESK_DEMO !== "0" : env.FACTDESK_DEMO === "1";
  if (demo && workspace.embedded) {
    const { seeded } = await seedDemo(workspace.db);
    if (seeded) console.log("factdesk: created the demo workspace (password factdesk-demo)");
  }

  const build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(build.publicPath, express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.use((req, res, next) => {
    const request = new Request(`${req.protocol}://${req.get("host")}${req.originalUrl}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
    });
    if (isCrossSiteMutation(request)) {
      res.status(403).type("text/plain").send("This form was sent from another site, so it was refused.\n");
      return;
    }
    next();
  });
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req) => ({ db: workspace.db, sessionSecret, demo, clientIp: req.ip, allowPrivatePull: env.FACTDESK_ALLOW_PRIVATE_PULL === "1" }),
    }),
  );

  const server = app.listen(env.PORT, env.HOST, () => {
    const ms = Math.round(performance.now() - startedAt);
    console.log(`factdesk: serving http://${env.HOST}:${env.PORT} (${workspace.kind} at ${workspace.location}; ready in ${ms} ms)`);
  });
  server.on("error", async (error: NodeJS.ErrnoException) => {
    await workspace.close();
    fail(error.code === "EADDRINUSE" ? `port ${env.PORT} on ${env.HOST} is already in use; set PORT to another port.` : error.message);
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`factdesk: ${signal} received, shutting down`);
    server.close();
    server.closeAllConnections?.();
    await workspace.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  if (error instanceof DataDirError || error instanceof ConfigError) fail(error.message);
  console.error(error);
  fail("could not start; see the error above.");
});
