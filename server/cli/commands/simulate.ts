import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Rule } from "../../../shared/scenario/schema.ts";
import { hash as hashState } from "../../../shared/engine/hash.ts";
import { formatLog, isCheckpoint, parseLog } from "../../../shared/log/format.ts";
import { replay } from "../../../shared/log/replay.ts";
import { runGame } from "../../../shared/sim/runGame.ts";
import { Aggregator, summarize } from "../../../shared/sim/summary.ts";
import { CliError, loadScenarioFile, scenarioPath, type Io } from "../io.ts";
import { progressBar } from "../progress.ts";
import { formatAggregate, formatGame } from "../report.ts";

export interface SimulateOptions {
  rule?: Rule;
  seed: number;
  games: number;
  out?: string;
  json: boolean;
  transcript: boolean;
  verify?: boolean;
}

/**
 * `plenipo simulate <scenario> …`: all-bot games (DESIGN §6). One game prints its result (and writes its log
 * with --out); --games N runs seeds seed … seed+N−1 and prints aggregates (with --out, a directory gets one
 * log per game).
 */
export function simulate(arg: string, o: SimulateOptions, io: Io): number {
  const path = scenarioPath(arg);
  const loaded = loadScenarioFile(path);
  if (!loaded.ok) {
    const first = loaded.issues[0];
    throw new CliError(`${path} is not a valid scenario (run plenipo validate ${path}): ${first?.path || "(root)"}: ${first?.message}`);
  }
  const { scenario, hash } = loaded;
  const rule = o.rule ?? scenario.rule;

  if (o.games === 1) {
    const game = runGame(scenario, { rule, seed: o.seed, scenarioHash: hash });
    if (o.out) writeFileSync(o.out, formatLog(game.log));
    if (o.transcript) {
      for (const line of game.log.lines) {
        if (isCheckpoint(line)) continue;
        io.err(`${String(line.seq).padStart(4)} ${(line.by ?? "?").padEnd(6)} ${JSON.stringify(line.action)}${line.why ? `  — ${line.why}` : ""}\n`);
      }
    }
    const summary = summarize(game.state);
    io.out(o.json ? JSON.stringify(summary) + "\n" : formatGame(summary, scenario));
    return 0;
  }

  if (o.out) mkdirSync(o.out, { recursive: true });
  const targets = scenario.proposals.flatMap((p) => [p.id, ...p.amendments.map((a) => a.id)]);
  const aggregate = new Aggregator(targets);
  const bar = progressBar(io, o.games, `${scenario.id} ${rule}`);
  for (let i = 0; i < o.games; i++) {
    const seed = o.seed + i;
    const game = runGame(scenario, { rule, seed, scenarioHash: hash });
    if (o.out) writeFileSync(join(o.out, `${scenario.id}-${rule}-${seed}.jsonl`), formatLog(game.log));
    const summary = summarize(game.state);
    let replayed: boolean | undefined;
    if (o.verify) {
      // The log as written, read back and replayed: the exact path a shared log takes.
      const parsed = parseLog(formatLog(game.log));
      const again = parsed.ok ? replay(parsed.log) : null;
      replayed = again?.ok === true && hashState(again.state) === summary.finalHash;
    }
    aggregate.add(summary, replayed);
    bar.tick(i + 1);
  }
  bar.done();
  const result = aggregate.result();
  io.out(o.json ? JSON.stringify(result) + "\n" : formatAggregate(result, scenario, rule, [o.seed, o.seed + o.games - 1]));
  return 0;
}
