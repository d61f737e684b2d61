import { formatLog, parseLog, isCheckpoint, type GameLog } from "../shared/log/format.ts";
import { replay } from "../shared/log/replay.ts";
import { runGame } from "../shared/sim/runGame.ts";
import { loadScenarioText } from "../shared/scenario/load.ts";
import { useNativeDigest } from "../server/node/nativeDigest.ts";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { generatedScenario } from "./generated.ts";
import { median, medianTime, ms, ratio, time } from "./measure.ts";

/**
 * `npm run bench` (issue 2): the engine's speed as ratios against baselines measured in the same run.
 *  1. Replay throughput of a long log, checkpoints verified, against JSON.parse of the same lines.
 *  2. A complete all-bot classroom-quick game against replaying its own log (the bots' thinking overhead).
 *  3. (issue 5) The same for busan-2014 with 193 delegations, and the wall time of
 *     `plenipo simulate busan-2014 --games 200` pinned to one core (BENCH_BUSAN_GAMES changes the count).
 */
useNativeDigest(); // as the CLI and the server do

function replayText(text: string): void {
  const parsed = parseLog(text);
  if (!parsed.ok) throw new Error(parsed.message);
  const r = replay(parsed.log);
  if (!r.ok) throw new Error(r.message);
}

function section1(): void {
  const scenario = generatedScenario(193, 40);
  let log: GameLog | undefined;
  const made = time(() => (log = runGame(scenario, { rule: "majority", seed: 1 }).log));
  if (!log) return;
  const text = formatLog(log);
  const rows = text.trim().split("\n");
  const withoutCheckpoints = formatLog({ header: log.header, lines: log.lines.filter((l) => !isCheckpoint(l)) });
  const actions = log.lines.filter((l) => !isCheckpoint(l)).length;
  const checkpoints = log.lines.length - actions;
  const runs = 7;
  const parse = medianTime(runs, () => {
    for (const row of rows) JSON.parse(row);
  });
  const full = medianTime(runs, () => replayText(text));
  const bare = medianTime(runs, () => replayText(withoutCheckpoints));
  console.log("1. Replay throughput of a long log (generated 193-delegation, 40-item plenary, majority, seed 1)");
  console.log(`   log: ${actions} actions, ${checkpoints} checkpoints, ${(text.length / 1e6).toFixed(1)} MB (made by the bots in ${ms(made)})`);
  console.log(`   JSON.parse of the same lines (baseline): ${ms(parse)}  (${Math.round(rows.length / (parse / 1000))} lines/s)`);
  console.log(`   replay, checkpoints verified:          ${ms(full)}  (${Math.round(actions / (full / 1000))} actions/s)`);
  console.log(`   RATIO replay throughput / JSON.parse throughput = ${ratio(parse / full)}   (goal ≥ 0.5)`);
  console.log(`   checkpoints' share of the replay: ${((100 * (full - bare)) / full).toFixed(1)}%  (replay without them: ${ms(bare)})`);
}

function section2(): void {
  console.log("2. A complete all-bot classroom-quick game against replaying its log (21 seeds per rule)");
  gameAgainstReplay("classroom-quick", 21, 3, "goal ≤ 5");
}

function gameAgainstReplay(id: string, seeds: number, warmup: number, goal: string): void {
  const loaded = loadScenarioText(readFileSync(`scenarios/${id}.json`, "utf8"));
  if (!loaded.ok) throw new Error(`${id} is invalid`);
  for (const rule of ["consensus", "majority"] as const) {
    const games: number[] = [];
    const replays: number[] = [];
    let actions = 0;
    for (let i = 0; i < warmup; i++) runGame(loaded.scenario, { rule, seed: 1000 + i, scenarioHash: loaded.hash });
    for (let seed = 1; seed <= seeds; seed++) {
      let log: GameLog | undefined;
      games.push(time(() => (log = runGame(loaded.scenario, { rule, seed, scenarioHash: loaded.hash }).log)));
      if (!log) continue;
      const text = formatLog(log);
      actions += log.lines.filter((l) => !isCheckpoint(l)).length;
      replays.push(medianTime(3, () => replayText(text), 1));
    }
    const g = median(games);
    const r = median(replays);
    console.log(`   ${rule.padEnd(9)} game median ${ms(g)}, replay of its log median ${ms(r)} (${Math.round(actions / seeds)} actions per game)`);
    console.log(`   ${"".padEnd(9)} RATIO game / replay = ${ratio(g / r)}   (${goal})`);
  }
}

function section3(): void {
  console.log("3. A complete all-bot busan-2014 game (193 delegations) against replaying its log (9 seeds per rule)");
  gameAgainstReplay("busan-2014", 9, 2, "goals: game under 250 ms, ratio ≤ 5");
  const games = Number(process.env.BENCH_BUSAN_GAMES ?? 200);
  // One core: taskset where the machine has it (Linux), so the figure does not depend on idle cores.
  const pin = spawnSync("taskset", ["--version"]).status === 0;
  const argv = ["bin/plenipo.mjs", "simulate", "busan-2014", "--games", String(games), "--json"];
  const started = performance.now();
  const run = pin ? spawnSync("taskset", ["-c", "0", process.execPath, ...argv], { encoding: "utf8", maxBuffer: 1 << 28 }) : spawnSync(process.execPath, argv, { encoding: "utf8", maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`simulate failed: ${run.stderr}`);
  const closed = (JSON.parse(run.stdout) as { closed: number }).closed;
  console.log(`   plenipo simulate busan-2014 --games ${games} ${pin ? "(taskset -c 0: one core)" : "(not pinned: no taskset)"}: ${seconds.toFixed(1)} s wall, ${closed} of ${games} closed, ${((1000 * seconds) / games).toFixed(0)} ms per game with the CLI's start-up`);
}

console.log(`Plenipo engine benchmark — Node ${process.version}, ${new Date().toISOString()}\n`);
section1();
console.log("");
section2();
console.log("");
section3();
