import type { Command } from "../types";

/** Opening a workspace applies pending migrations; this command does only that. */
export const migrateCommand: Command = {
  name: "migrate",
  summary: "Apply pending database migrations (also done on every start).",
  usage: "migrate [--db PATH_OR_URL]",
  options: {},
  async run(_args, ctx) {
    const ws = await ctx.open();
    ctx.io.stdout.write(`migrations applied (${ws.kind} at ${ws.location})\n`);
    return 0;
  },
};
