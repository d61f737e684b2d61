/**
 * `npm run calibrate [-- --games N]`: plays N all-bot games (default 200) of each calibrated configuration
 * through the command line (`plenipo simulate <id> --games N --json --verify`), two at a time, and prints
 * the calibration figures of issue 5 with their bounds. Exit 1 when a bound does not hold.
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Scenario } from "../shared/scenario/schema.ts";
import type { Aggregate } from "../shared/sim/summary.ts";
import { loadScenarioFile, scenarioPath } from "../server/cli/io.ts";
import { busanChecks, ceptEu, dubaiChecks, EU, integrityChecks, varietyCheck, type Check } from "./calibration/figures.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const arg = process.argv.indexOf("--games");
const GAMES = arg > 0 ? Number(process.argv[arg + 1]) : 200;

function simulate(id: string, rule: string): Promise<{ aggregate: Aggregate; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(ROOT, "bin/plenipo.mjs"), "simulate", id, "--rule", rule, "--games", String(GAMES), "--json", "--verify"], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => (code === 0 ? resolve({ aggregate: JSON.parse(out) as Aggregate, seconds: (Date.now() - started) / 1000 }) : reject(new Error(`simulate ${id} ${rule} exited ${code}`))));
  });
}

function scenario(id: string): Scenario {
  const loaded = loadScenarioFile(scenarioPath(id));
  if (!loaded.ok) throw new Error(`${id}: ${loaded.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  return loaded.scenario;
}

const configs = [
  ["busan-2014", "consensus"],
  ["busan-2014", "majority"],
  ["dubai-2012", "consensus"],
  ["dubai-2012", "majority"],
] as const;

const results = new Map<string, { aggregate: Aggregate; seconds: number }>();
const queue = [...configs];
await Promise.all(
  [0, 1].map(async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const r = await simulate(c[0], c[1]);
      results.set(`${c[0]} ${c[1]}`, r);
      process.stderr.write(`${c[0]} ${c[1]}: ${GAMES} games in ${r.seconds.toFixed(1)} s\n`);
    }
  }),
);

const get = (k: string) => results.get(k)?.aggregate as Aggregate;
const busan = scenario("busan-2014");
const dubai = scenario("dubai-2012");
const sq = Object.fromEntries(busan.dimensions.map((d) => [d.id, d.statusQuo]));
const variety = varietyCheck("busan", { consensus: get("busan-2014 consensus"), majority: get("busan-2014 majority") }, busan.proposals.map((p) => p.id));
const checks: Check[] = [
  ...configs.flatMap(([id, rule]) => integrityChecks(`${id} ${rule}`, get(`${id} ${rule}`))),
  ...busanChecks(get("busan-2014 consensus"), get("busan-2014 majority"), sq),
  ...dubaiChecks(get("dubai-2012 consensus"), ceptEu(dubai, EU)).map((c) => ({ ...c, name: `${c.name} (consensus, the scenario's rule)` })),
  variety.check,
];
// Dubai under one country, one vote, for comparison (no bound: history ran under consensus).
const dm = dubaiChecks(get("dubai-2012 majority"), ceptEu(dubai, EU));

console.log(`\nCalibration: ${GAMES} games per configuration (seeds 1–${GAMES})\n`);
for (const c of checks) console.log(`${c.ok ? "ok  " : "FAIL"} ${c.name}: ${c.value} (bound ${c.bound})`);
console.log("\nFor comparison, dubai-2012 under one country, one vote:");
for (const c of dm) console.log(`     ${c.name}: ${c.value}`);
console.log(`     busan-2014 adoption rates: ${variety.rates.join("; ")}`);
for (const [k, r] of results) console.log(`     ${k}: mean outcome ${JSON.stringify(r.aggregate.meanOutcome)}, mean signed ${r.aggregate.meanSigned}`);
process.exit(checks.every((c) => c.ok) ? 0 : 1);
