/**
 * `npm run golden`: replays every golden log of every engine version and compares it with what was recorded
 * when it was written; exit 1 naming each log that diverges and its first diverging seq. It regenerates
 * nothing.
 *
 * `npm run golden -- --write`: records the golden logs of this engine's version (tools/golden/catalog.ts) in
 * tests/fixtures/golden/<version>/. It only ever adds: a log that exists is never rewritten, whatever its
 * version. A rule change therefore needs a new engine version (docs/log-format.md), whose logs are added
 * beside the old ones.
 */
import { ENGINE_VERSION } from "../../shared/engine/version.ts";
import { goldenCases } from "./catalog.ts";
import { checkGolden, GOLDEN_DIR, goldenVersions, listGolden, strayFiles, writeGolden } from "./golden.ts";

async function check(): Promise<number> {
  const problems = goldenVersions().flatMap((v) => strayFiles(v));
  for (const p of problems) console.log(`FAIL     ${p}`);
  const logs = listGolden();
  if (!logs.some((g) => g.version === ENGINE_VERSION)) console.log(`note     no golden logs for ${ENGINE_VERSION} yet: npm run golden -- --write adds them`);
  let failed = problems.length;
  for (const g of logs) {
    const problem = await checkGolden(g);
    if (problem) failed += 1;
    console.log(problem ? `FAIL     ${problem}` : `ok       ${g.version}/${g.name} (seq ${g.seq}, ${g.finalHash})`);
  }
  console.log(`${logs.length - (failed - problems.length)} of ${logs.length} golden logs replay to their recorded results`);
  return failed === 0 ? 0 : 1;
}

if (process.argv.includes("--write")) {
  for (const line of await writeGolden(GOLDEN_DIR, ENGINE_VERSION, goldenCases())) console.log(line);
}
process.exitCode = await check();
