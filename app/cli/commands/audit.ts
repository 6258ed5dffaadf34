import { verifyAuditTrail } from "~/models/audit.server";
import { CliError, type Command } from "../types";

/** Recomputes the audit trail's hash chain; exit status 1 names the first broken link. */
export const auditCommand: Command = {
  name: "audit",
  summary: "Verify the audit trail's hash chain (audit verify).",
  usage: "audit verify [--db PATH_OR_URL]",
  options: {},
  async run(args, ctx) {
    if (args.positionals[0] !== "verify" || args.positionals.length > 1)
      throw new CliError(`audit: unknown subcommand "${args.positionals.join(" ")}" (usage: audit verify [--db PATH_OR_URL])`);
    const ws = await ctx.open();
    const check = await verifyAuditTrail(ws.db);
    if (check.ok) {
      ctx.io.stdout.write(`audit trail intact: ${check.count} event${check.count === 1 ? "" : "s"} verified\n`);
      return 0;
    }
    ctx.io.stderr.write(`audit trail broken at event ${check.brokenAt}: ${check.reason} (${check.count} events checked)\n`);
    return 1;
  },
};
