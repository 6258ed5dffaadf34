import { seedDemo } from "~/models/demo.server";
import type { Command } from "../types";

export const demoCommand: Command = {
  name: "demo",
  summary: "Create the demo workspace (four demo accounts and the worked example) in an empty database.",
  usage: "demo [--db PATH_OR_URL]",
  options: {},
  async run(_args, ctx) {
    const ws = await ctx.open();
    const { seeded } = await seedDemo(ws.db);
    ctx.io.stdout.write(
      seeded
        ? "created the demo workspace: comms@, legal@, engineer@ and admin@example.com, password factdesk-demo\n"
        : "the workspace already has users; nothing was changed\n",
    );
    return 0;
  },
};
