import { readFileSync } from "node:fs";
import { loadScenario } from "../shared/scenario/load.ts";
import { runGame } from "../shared/sim/runGame.ts";
import { useNativeDigest } from "../server/node/nativeDigest.ts";
useNativeDigest();
const rule = (process.argv[2] ?? "consensus") as "consensus" | "majority";
const loaded = loadScenario(JSON.parse(readFileSync("scenarios/busan-2014.json", "utf8")));
if (!loaded.ok) throw new Error("bad");
for (let seed = 1; seed <= Number(process.argv[3] ?? 2); seed++) {
  const t = performance.now();
  const r = runGame(loaded.scenario, { rule, seed, scenarioHash: loaded.hash });
  const c: Record<string, number> = {};
  for (const l of r.log.lines) if ("action" in l) { const k = String(l.action.type); c[k] = (c[k] ?? 0) + 1; }
  console.log(rule, seed, r.state.seq, "actions", (performance.now() - t).toFixed(0), "ms", JSON.stringify(c));
}
