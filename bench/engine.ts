import { formatLog, parseLog, isCheckpoint, type GameLog } from "../shared/log/format.ts";
import { replay } from "../shared/log/replay.ts";
import { runGame } from "../shared/sim/runGame.ts";
import { applyParsed, parseAction } from "../shared/engine/apply.ts";
import { createGame } from "../shared/engine/create.ts";
import type { LogEntry } from "../shared/log/format.ts";
import { loadScenarioText } from "../shared/scenario/load.ts";
import { scenarios } from "../shared/scenario/cache.ts";
import { useNativeDigest } from "../server/node/nativeDigest.ts";
import { reopenGame } from "../server/rooms/reopen.ts";
import { GameStore } from "../server/store/gameStore.ts";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { generatedScenario } from "./generated.ts";
import { median, medianTime, ms, ratio, time } from "./measure.ts";

/**
 * `npm run bench` (issue 2): the engine's speed as ratios against baselines measured in the same run.
 *  1. Replay throughput of a long log, checkpoints verified, against JSON.parse of the same lines; (issue 12)
 *     opening a room from a 3,000-action busan-2014 log, against JSON.parse of its stored lines.
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
  console.log(`   RATIO replay throughput / JSON.parse throughput = ${ratio(parse / full)}   (goal ≥ 0.2, long goal 0.5)`);
  console.log(`   RATIO before (issue 12 start, ${BEFORE.date}) = ${ratio(BEFORE.replayRatio)}`);
  console.log(`   checkpoints' share of the replay: ${((100 * (full - bare)) / full).toFixed(1)}%  (replay without them: ${ms(bare)})`);
  console.log("");
  roomOpen();
}

/**
 * The figures of the same machine when issue 12 started (commit 9978015): this section's code run over the
 * engine as it was, the room opened as PlenaryRoom then did (replay, every checkpoint, no scenario cache).
 */
const BEFORE = { date: "2026-12-01", replayRatio: 0.04, roomOpenRatio: 12.1 };
const ROOM_ACTIONS = 3000;

/**
 * Opening a room (issue 12): what the server does when a room opens on a game in its store — read and parse
 * the stored lines, load the embedded scenario (through the cache, as a second room of the same scenario
 * would), replay with the public record built — timed against JSON.parse of the same lines.
 */
function roomOpen(): void {
  const loaded = loadScenarioText(readFileSync("scenarios/busan-2014.json", "utf8"));
  if (!loaded.ok) throw new Error("busan-2014 is invalid");
  const game = runGame(loaded.scenario, { rule: "majority", seed: 1, scenarioHash: loaded.hash }).log;
  const lines = game.lines.filter((l) => (isCheckpoint(l) ? l.checkpoint : l.seq) <= ROOM_ACTIONS);
  const actions = lines.filter((l) => !isCheckpoint(l)).length;
  const store = new GameStore(":memory:");
  const code = "BENCH1";
  store.createGame({ code, chairKeyHash: "", scenarioId: loaded.scenario.id, title: loaded.scenario.title, rule: "majority", seed: 1, pace: "fast", options: { chair: "bot", maxPlayers: 1, reconnectSeconds: 0, botsForAbsent: true, seatOverrides: {} }, createdAt: game.header.createdAt }, game.header);
  for (const line of lines) store.append(code, [line], false);
  const rows = [JSON.stringify(game.header), ...lines.map((l) => JSON.stringify(l))];
  const open = () => {
    const log = store.loadLog(code);
    const r = log && reopenGame(log);
    if (!r || !r.ok) throw new Error(`the room does not open: ${r?.message}`);
  };
  open(); // the first room of this scenario loads it; the ones timed find it in the cache
  const runs = 15;
  const parse = medianTime(runs, () => {
    for (const row of rows) JSON.parse(row);
  });
  const hits = scenarios.stats.hits;
  const opened = medianTime(runs, open);
  const reloaded = scenarios.stats.loads;
  console.log(`   opening a room from a ${actions}-action busan-2014 log (majority, seed 1, of ${game.lines.filter((l) => !isCheckpoint(l)).length}; ${lines.length - actions} checkpoints, the last verified):`);
  console.log(`   JSON.parse of its ${rows.length} stored lines (baseline): ${ms(parse)}`);
  console.log(`   store read + scenario (cache: ${scenarios.stats.hits - hits} hits, ${reloaded} loads in all) + replay with the record: ${ms(opened)}`);
  console.log(`   RATIO opening a room from a ${actions}-action busan-2014 log / JSON.parse of it = ${ratio(opened / parse)}   (goal ≤ 10)`);
  console.log(`   RATIO before (issue 12 start, ${BEFORE.date}) = ${ratio(BEFORE.roomOpenRatio)}`);
  store.close();
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

/**
 * The figures of issue 12's first three rows before its work: this section's code run at commit 9978015 on
 * this machine (2026-12-01, same seeds). The old conductor kept no count of asks: those figures are from the
 * same games counted by a probe at that commit.
 */
const BEFORE_ASKS: Record<string, { perAction: number; empty: number; gameFold: number }> = {
  "busan-2014 consensus": { perAction: 10.37, empty: 0.9, gameFold: 84 },
  "busan-2014 majority": { perAction: 5.36, empty: 0.81, gameFold: 41 },
  "dubai-2012 consensus": { perAction: 3.9, empty: 0.74, gameFold: 35 },
  "dubai-2012 majority": { perAction: 4.78, empty: 0.79, gameFold: 52 },
};

/**
 * 4. (issue 12) The bots' overhead: how often the conductor asks a bot per accepted action, how many of those
 * asks return nothing, and an all-bot game's time against the engine's own fold of the same actions
 * (pre-parsed, no checkpoints, no log): what the game costs beyond applying its actions.
 */
function section4(): void {
  const seeds = 5;
  console.log(`4. The bots' overhead (busan-2014 and dubai-2012, ${seeds} seeds per rule, medians of the ratios)`);
  for (const id of ["busan-2014", "dubai-2012"]) {
    const loaded = loadScenarioText(readFileSync(`scenarios/${id}.json`, "utf8"));
    if (!loaded.ok) throw new Error(`${id} is invalid`);
    for (const rule of ["consensus", "majority"] as const) {
      runGame(loaded.scenario, { rule, seed: 999 }); // warm-up
      const perAction: number[] = [];
      const empty: number[] = [];
      const gameFold: number[] = [];
      for (let seed = 1; seed <= seeds; seed++) {
        let result: ReturnType<typeof runGame> | undefined;
        const game = time(() => (result = runGame(loaded.scenario, { rule, seed })));
        if (!result) continue;
        const { asks, state, log } = result;
        perAction.push(asks.asks / state.seq);
        empty.push(asks.empty / asks.asks);
        // Parsed once, before the timing: the fold measured is the engine's own apply.
        const start = createGame(loaded.scenario, { rule, seed });
        const entries = log.lines
          .filter((l): l is LogEntry => !isCheckpoint(l))
          .map((e) => {
            const p = parseAction(start, e.action);
            if (!p.ok || e.by === null) throw new Error(`seq ${e.seq} does not parse`);
            return { seq: e.seq, by: e.by, action: p.action };
          });
        const fold = medianTime(3, () => {
          let s = start;
          for (const e of entries) {
            const r = applyParsed(s, e.by, e.action);
            if (!r.ok) throw new Error(`the fold refused seq ${e.seq}`);
            s = r.state;
          }
        });
        gameFold.push(game / fold);
      }
      const label = `${id} ${rule}`;
      const before = BEFORE_ASKS[label];
      const pct = (x: number) => `${Math.round(100 * x)}%`;
      console.log(`   ${label}`);
      console.log(`     RATIO bot asks per accepted action = ${ratio(median(perAction))}   (goal ≤ 2; before ${before ? ratio(before.perAction) : "—"})`);
      console.log(`     share of asks that return nothing = ${pct(median(empty))}   (goal ≤ 50%; before ${before ? pct(before.empty) : "—"})`);
      console.log(`     RATIO all-bot game / fold of its actions (pre-parsed, no checkpoints) = ${ratio(median(gameFold))}   (goal ≤ 6; before ${before ? ratio(before.gameFold) : "—"})`);
    }
  }
}

console.log(`Plenipo engine benchmark — Node ${process.version}, ${new Date().toISOString()}\n`);
// BENCH_SECTIONS=1,4 runs only those sections (all by default).
const only = new Set((process.env.BENCH_SECTIONS ?? "1,2,3,4").split(",").map((x) => x.trim()));
const sections = [section1, section2, section3, section4];
for (const [i, run] of sections.entries()) {
  if (!only.has(String(i + 1))) continue;
  run();
  console.log("");
}
console.log("Reproduce: npm run bench (BENCH_SECTIONS=4 npm run bench for one section; BENCH_BUSAN_GAMES=20 for a shorter section 3)");
