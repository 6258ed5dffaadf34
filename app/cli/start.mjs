#!/usr/bin/env node
// `npm run factdesk`: runs the command-line tool from one bundled file of its TypeScript, built
// with esbuild when missing or older than the sources (about 0.4 s, once). Loading through tsx
// costs ~0.9 s per run (every module goes through its loader thread); the bundle loads in ~0.3 s,
// which keeps `factdesk analyze` under 2 s end to end. Packages stay external (PGlite finds its
// WebAssembly beside itself), and each module's import.meta.url is kept as its source file's, so
// paths like db/migrations resolve as they do unbundled. Without esbuild (an install without dev
// dependencies) it runs through tsx as before.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bundle = path.join(root, "node_modules/.cache/factdesk/cli.mjs");
const entry = path.join(root, "app/cli/main.ts");

function newestMtime(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function isFresh() {
  if (!fs.existsSync(bundle)) return false;
  const sources = ["app", "db", "package.json", "tsconfig.json"].map((p) => newestMtime(path.join(root, p)));
  return Math.max(...sources) <= fs.statSync(bundle).mtimeMs;
}

/** Keeps import.meta.url pointing at each source file, not at the bundle. */
const sourceUrls = {
  name: "source-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.(ts|tsx|mts)$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      return {
        contents: source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith(".tsx") ? "tsx" : "ts",
      };
    });
  },
};

async function build() {
  const esbuild = await import("esbuild");
  const tmp = `${bundle}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  await esbuild.build({
    entryPoints: [entry],
    outfile: tmp,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    // The tsconfig paths, spelled out: with packages external, esbuild would take "~/…" for a package.
    alias: { "~": path.join(root, "app"), "#db": path.join(root, "db") },
    absWorkingDir: root,
    logLevel: "silent",
    plugins: [sourceUrls],
  });
  fs.renameSync(tmp, bundle); // atomic: a concurrent run never loads a half-written bundle
}

let bundled = false;
try {
  if (!isFresh()) await build();
  bundled = true;
} catch {
  bundled = false;
}
if (bundled) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(entry).href);
}
