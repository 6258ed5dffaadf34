/**
 * `npm run eval [-- --half dev|sealed|both] [-- --json FILE] [-- --filler N] [-- --claims [--detail]]`: the press cases
 * analysed end to end through an in-memory database, each beside ~300 unrelated filler records,
 * and scored as issue 10's table. The development half prints per-case and per-claim lines; the
 * sealed half prints only its aggregate rows, so that nobody tunes on what it contains.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { createMemoryDb } from "../../db/template";
import { addTally, emptyTally, figuresOf, readCases, scoreCase, tableRows, type Figures } from "./score";

const { values } = parseArgs({
  options: {
    half: { type: "string", default: "both" },
    json: { type: "string" },
    filler: { type: "string", default: "300" },
    claims: { type: "boolean", default: false },
    detail: { type: "boolean", default: false },
  },
  allowPositionals: true,
});
const half = values.half as string;
if (!["dev", "sealed", "both"].includes(half)) {
  console.error("--half must be dev, sealed or both");
  process.exit(2);
}
const filler = Number(values.filler);
if (!Number.isInteger(filler) || filler < 0) {
  console.error("--filler must be a whole number of records");
  process.exit(2);
}

async function runHalf(name: "dev" | "sealed"): Promise<Figures | null> {
  const cases = readCases(name);
  if (!cases.length) {
    console.log(`\n${name}: no cases`);
    return null;
  }
  const handle = await createMemoryDb();
  const total = emptyTally();
  const perCase: string[] = [];
  try {
    for (const c of cases) {
      const { tally, lines } = await scoreCase(handle.db, c, { filler });
      addTally(total, tally);
      if (name !== "dev") continue;
      perCase.push(
        `${c.name.padEnd(30)} found ${tally.found}/${tally.gold}, precise ${tally.truePositives}/${tally.extracted}, top-3 ${tally.top3}/${tally.withEvidence}, verdicts ${tally.right}/${tally.found}`,
      );
      if (values.claims) {
        for (const l of lines) {
          const mark = !l.found ? "missed" : l.suggested === l.gold ? "ok" : "WRONG";
          const conf = l.confidence === null ? "" : ` (${l.confidence.toFixed(2)})`;
          perCase.push(`    ${mark.padEnd(6)} gold ${l.gold.padEnd(12)} got ${(l.suggested ?? "-").padEnd(12)}${conf} top3 ${l.top3 ?? "-"}  ${l.quote.slice(0, 90)}`);
          if (values.detail && l.detail && mark !== "ok") perCase.push(`        ${l.detail}`);
        }
      }
    }
  } finally {
    await handle.close();
  }
  const figures = figuresOf(total, cases.length);
  console.log(`\n${name} half: ${cases.length} cases, ${filler} filler records each`);
  if (name === "dev") console.log(perCase.join("\n"));
  console.log(tableRows(figures).map((r) => `  ${r}`).join("\n"));
  return figures;
}

const result: Record<string, Figures | null> = {};
if (half !== "sealed") result.dev = await runHalf("dev");
if (half !== "dev") result.sealed = await runHalf("sealed");
if (values.json) fs.writeFileSync(values.json, `${JSON.stringify({ filler, ...result }, null, 2)}\n`);
