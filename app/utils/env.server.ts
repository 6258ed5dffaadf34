/**
 * The configuration, read once from the environment and checked with zod so that a bad value
 * stops start-up with the variable's name rather than failing later.
 */
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  FACTDESK_DATA_DIR: z.string().min(1).default("./data"),
  SESSION_SECRET: z
    .string()
    .min(32, "must be at least 32 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  FACTDESK_DEMO: z.enum(["0", "1"]).optional(),
  FACTDESK_ALLOW_PRIVATE_PULL: z.enum(["0", "1"]).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  name = "ConfigError";
}

/** Parses the environment; throws ConfigError naming each bad variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
}

/** Where the workspace lives: an explicit --db, else DATABASE_URL, else the embedded data folder. */
export function resolveDbLocation(env: Env, explicit?: string): string {
  return explicit ?? env.DATABASE_URL ?? env.FACTDESK_DATA_DIR;
}
