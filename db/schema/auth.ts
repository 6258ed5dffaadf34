import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ROLES } from "../../app/domain/roles";

export const roleEnum = pgEnum("role", ROLES);

export const users = pgTable("users", {
  id: uuid().primaryKey().defaultRandom(),
  email: text().notNull().unique(),
  name: text().notNull(),
  passwordHash: text().notNull(),
  roles: roleEnum().array().notNull().default(sql`'{}'::role[]`),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Server-side sessions: the cookie carries only the signed id, so sign-out and deactivation revoke at once. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId), index().on(t.expiresAt)],
);

/** Failed sign-ins per key (email), kept in the database so every app process sees them. */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  lastFailureAt: timestamp({ withTimezone: true }).notNull(),
});

/** Workspace-wide settings, such as the generated session secret of an embedded workspace. */
export const settings = pgTable("settings", {
  key: text().primaryKey(),
  value: text().notNull(),
});
