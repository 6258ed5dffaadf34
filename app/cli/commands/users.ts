import { createUser, listUsers } from "~/models/user.server";
import { isAppError } from "~/utils/app-error";
import { CliError, type Command } from "../types";

/** `users create --email E --role R [--role R] [--name N] [--password P]` and `users list`. */
export const usersCommand: Command = {
  name: "users",
  summary: "Create or list user accounts (users create --email E --role R…, users list).",
  usage: "users create --email EMAIL --role ROLE [--role ROLE] [--name NAME] [--password PASSWORD] | users list",
  options: {
    email: { type: "string" },
    role: { type: "string", multiple: true },
    name: { type: "string" },
    password: { type: "string" },
  },
  async run({ values, positionals }, ctx) {
    const [action] = positionals;
    if (action === "list") {
      const ws = await ctx.open();
      for (const u of await listUsers(ws.db)) {
        ctx.io.stdout.write(`${u.email}\t${u.roles.join(",")}\t${u.active ? "active" : "deactivated"}\n`);
      }
      return 0;
    }
    if (action !== "create") throw new CliError(`users: expected "create" or "list", got ${action ? `"${action}"` : "nothing"}`);
    if (!values.email) throw new CliError("users create: --email is required");
    const roles = ((values.role as string[] | undefined) ?? []).flatMap((r) => r.split(",")).map((r) => r.trim());
    if (!roles.length) throw new CliError("users create: at least one --role is required (comms, legal, engineer, admin)");
    const password = (values.password as string | undefined) ?? ctx.io.env.FACTDESK_NEW_USER_PASSWORD;
    if (!password) {
      throw new CliError("users create: give --password, or set FACTDESK_NEW_USER_PASSWORD to keep it out of the shell history");
    }
    const ws = await ctx.open();
    try {
      const user = await createUser(ws.db, {
        email: values.email as string,
        name: values.name as string | undefined,
        password,
        roles,
      });
      ctx.io.stdout.write(`created ${user.email} (${user.roles.join(", ")})\n`);
      return 0;
    } catch (error) {
      if (isAppError(error)) throw new CliError(`users create: ${error.message}`);
      throw error;
    }
  },
};
