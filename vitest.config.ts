import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = {
  "~": fileURLToPath(new URL("./app", import.meta.url)),
  "#db": fileURLToPath(new URL("./db", import.meta.url)),
};

/**
 * Two projects: everything on in-memory PGlite, and, when TEST_DATABASE_URL is set, the
 * database-backed tests again on PostgreSQL (pure unit tests need no second run).
 */
export default defineConfig({
  resolve: { alias },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    setupFiles: ["test/setup/console.ts"],
    projects: [
      {
        extends: true as const,
        test: {
          name: "pglite",
          include: ["app/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["test/postgres/**"],
          env: { FACTDESK_TEST_DB: "pglite" },
          globalSetup: ["test/setup/global-setup.ts"],
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                include: ["test/integration/**/*.test.ts", "test/postgres/**/*.test.ts"],
                env: { FACTDESK_TEST_DB: "postgres" },
                globalSetup: ["test/setup/global-setup.ts"],
              },
            },
          ]
        : []),
    ],
  },
});
