import { defaultBot } from "../bots/registry.ts";
import type { Bot } from "../bots/types.ts";
import type { Action } from "../engine/actions.ts";
import { applyParsed } from "../engine/apply.ts";
import { createGame } from "../engine/create.ts";
import { CHAIR, SYSTEM, type Seat, type State } from "../engine/state.ts";
import { Conductor, type AskStats } from "./conductor.ts";
import type { Rule, Scenario } from "../scenario/schema.ts";
import { indexOf } from "../engine/scenarioIndex.ts";
import type { GameLog } from "../log/format.ts";
import { linesFor, makeEntry, makeHeader } from "../log/recorder.ts";

export interface SimOptions {
  rule?: Rule;
  seed?: number;
  scenarioHash?: string;
  /** Bots per seat; default: the chair bot and the delegation bot. */
  bots?: (seat: Seat) => Bot;
  /** Virtual milliseconds between two actions, written as `at` (a simulation has no clock). */
  tick?: number;
  /** A guard against a bot that never stops: the game fails past this many actions. */
  maxActions?: number;
  /** Called with each state before the next move is sought (tests read which seats the conductor lets sleep). */
  inspect?: (state: State, conductor: Conductor) => void;
}

export interface SimResult {
  log: GameLog;
  state: State;
  /** Bot decisions that the engine refused (a bot bug); the seat is treated as passing. */
  botErrors: { seq: number; seat: Seat; code: string; message: string }[];
  /** How often the bots were asked, and for nothing (issue 12's figures). */
  asks: AskStats;
}

/**
 * One all-bot game, deterministic: the same scenario, rule and seed give the same entries, byte for byte.
 * Delegations with something new to consider are asked in turn (from a rotating start); when none of them
 * acts the room is quiet and the chair acts; when even the chair passes, time runs out on the current step
 * (a `deadline` from the system). So every game ends in `closed`: deadlines always move the conference on.
 */
export function runGame(scenario: Scenario, options: SimOptions = {}): SimResult {
  const seed = options.seed ?? 1;
  const tick = options.tick ?? 1000;
  const maxActions = options.maxActions ?? 200_000;
  const botFor = options.bots ?? defaultBot;
  let state = createGame(scenario, { rule: options.rule, seed, scenarioHash: options.scenarioHash });
  const ix = indexOf(scenario);
  const seats: Record<string, string> = { [CHAIR]: botFor(CHAIR).id };
  for (const d of scenario.delegations) seats[d.id] = d.present ? botFor(d.id).id : "absent";
  const log: GameLog = { header: makeHeader(state, seats, "1970-01-01T00:00:00.000Z"), lines: [] };
  const botErrors: SimResult["botErrors"] = [];

  const conductor = new Conductor(ix.attending, seed, botFor);
  const commit = (by: Seat, decision: { action: Action; why?: string; publicWhy?: string }): boolean => {
    const result = applyParsed(state, by, decision.action);
    if (!result.ok) {
      botErrors.push({ seq: state.seq, seat: by, ...result.error });
      return false;
    }
    state = result.state;
    log.lines.push(...linesFor(state, makeEntry(state, by, decision.action, state.seq * tick, decision.why, decision.publicWhy)));
    conductor.observe(by, decision.action, state);
    return true;
  };

  while (state.phase !== "closed") {
    if (state.seq >= maxActions) throw new Error(`the game did not close within ${maxActions} actions (seed ${seed})`);
    options.inspect?.(state, conductor);
    if (conductor.delegationMove(() => state, commit) === "acted" || conductor.chairMove(state, commit)) continue;
    const step = state.steps[state.steps.length - 1];
    if (!step || !commit(SYSTEM, { action: { type: "deadline", step: step.id } })) {
      throw new Error(`the game is stuck at seq ${state.seq} (phase ${state.phase}, seed ${seed})`);
    }
  }
  return { log, state, botErrors, asks: conductor.stats };
}

