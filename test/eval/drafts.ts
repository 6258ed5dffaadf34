/**
 * `npm run eval:drafts [-- --half dev|sealed|both]`: the draft checks measured on drafts written
 * apart from the checker, each with planted problems (a leak or an unsupported figure, with its
 * kind) and clean sentences. It runs `factdesk check-draft` in process, exactly as a script
 * would, and reports the share of planted problems flagged with the right kind (target ≥ 95%)
 * and the share of clean sentences flagged (target ≤ 5%). The sealed half prints only totals.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runCli } from "../../app/cli/run";

interface Expected {
  planted: { kind: "disclosure" | "support"; text: string; why: string }[];
  clean: string[];
}
interface Flag {
  kind: string;
  start: number;
  end: number;
  text: string;
  reason: string;
}

const ROOT = path.resolve(import.meta.dirname, "drafts");
const { values } = parseArgs({ options: { half: { type: "string", default: "both" } } });
const half = values.half as string;
if (!["dev", "sealed", "both"].includes(half)) {
  console.error("--half must be dev, sealed or both");
  process.exit(2);
}

async function checkDraft(dir: string): Promise<Flag[]> {
  let out = "";
  let err = "";
  const code = await runCli(["check-draft", "--incidents", path.join(dir, "incidents.json"), "--draft", path.join(dir, "draft.md")], {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: { ...process.env, DATABASE_URL: "" },
  });
  if (code !== 0) throw new Error(`check-draft failed on ${dir}: ${err.trim()}`);
  return (JSON.parse(out) as { flags: Flag[] }).flags;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.min(a.end, b.end) > Math.max(a.start, b.start);

async function runHalf(name: string) {
  const dir = path.join(ROOT, name);
  const cases = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => fs.statSync(path.join(dir, n)).isDirectory()).sort() : [];
  if (!cases.length) return console.log(`\n${name}: no cases`);
  const total = { planted: 0, caught: 0, rightKind: 0, clean: 0, cleanFlagged: 0, flags: 0 };
  const lines: string[] = [];
  for (const c of cases) {
    const caseDir = path.join(dir, c);
    const draft = fs.readFileSync(path.join(caseDir, "draft.md"), "utf8");
    const expected = JSON.parse(fs.readFileSync(path.join(caseDir, "expected.json"), "utf8")) as Expected;
    const flags = await checkDraft(caseDir);
    total.flags += flags.length;
    for (const p of expected.planted) {
      const span = { start: draft.indexOf(p.text), end: draft.indexOf(p.text) + p.text.length };
      const hits = flags.filter((f) => overlaps(f, span));
      total.planted += 1;
      if (hits.length) total.caught += 1;
      if (hits.some((f) => f.kind === p.kind)) total.rightKind += 1;
      else lines.push(`  ${c}: missed ${p.kind} "${p.text}"${hits.length ? ` (flagged as ${hits[0].kind})` : ""}`);
    }
    for (const s of expected.clean) {
      const span = { start: draft.indexOf(s), end: draft.indexOf(s) + s.length };
      const hit = flags.find((f) => overlaps(f, span));
      total.clean += 1;
      if (hit) {
        total.cleanFlagged += 1;
        lines.push(`  ${c}: clean sentence flagged (${hit.kind}: "${hit.text}", ${hit.reason})`);
      }
    }
  }
  const pct = (n: number, d: number) => `${d ? ((100 * n) / d).toFixed(1) : "-"}% (${n}/${d})`;
  console.log(`\n${name} half: ${cases.length} drafts, ${total.flags} flags`);
  if (name === "dev") console.log(lines.join("\n"));
  console.log(`  planted problems flagged with the right kind  ${pct(total.rightKind, total.planted)}   (target ≥ 95%)`);
  console.log(`  planted problems flagged at all               ${pct(total.caught, total.planted)}`);
  console.log(`  clean sentences flagged                       ${pct(total.cleanFlagged, total.clean)}   (target ≤ 5%)`);
}

if (half !== "sealed") await runHalf("dev");
if (half !== "dev") await runHalf("sealed");
