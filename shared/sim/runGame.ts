import { defaultBot, botRng } from "../bots/registry.ts";
import type { Bot, Decision } from "../bots/types.ts";
import { applyParsed } from "../engine/apply.ts";
import { createGame } from "../engine/create.ts";
import { legalActions } from "../engine/legal.ts";
import { CHAIR, SYSTEM, type Seat, type State } from "../engine/state.ts";
import { viewFor } from "../engine/view.ts";
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
}

export interface SimResult {
  log: GameLog;
  state: State;
  /** Bot decisions that the engine refused (a bot bug); the seat is treated as passing. */
  botErrors: { seq: number; seat: Seat; code: string; message: string }[];
}

/**
 * Actions after which only their author (and, for give_floor, the new speaker) has a reason to look again;
 * everything else changes what the whole room sees. A scheduling economy, not a rule: a delegation that is
 * not asked now is asked after the next action that concerns everyone.
 */
const PRIVATE_MOVES = new Set(["vote", "speak", "yield_floor", "request_floor", "placard", "sign", "decline_to_sign", "explain_vote", "give_floor", "close_vote"]);

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
  const delegations = ix.attending;
  const seats: Record<string, string> = { [CHAIR]: botFor(CHAIR).id };
  for (const d of scenario.delegations) seats[d.id] = d.present ? botFor(d.id).id : "absent";
  const log: GameLog = { header: makeHeader(state, seats, "1970-01-01T00:00:00.000Z"), lines: [] };
  const botErrors: SimResult["botErrors"] = [];

  const commit = (by: Seat, decision: Decision | { action: Decision["action"]; why?: string }): boolean => {
    const result = applyParsed(state, by, decision.action);
    if (!result.ok) {
      botErrors.push({ seq: state.seq, seat: by, ...result.error });
      return false;
    }
    state = result.state;
    log.lines.push(...linesFor(state, makeEntry(state, by, decision.action, state.seq * tick, decision.why)));
    return true;
  };
  // Delegations that have something new to consider since they last passed.
  const awake = new Set<Seat>(delegations);
  const wake = (by: Seat, action: Decision["action"]) => {
    if (!PRIVATE_MOVES.has(action.type)) for (const d of delegations) awake.add(d);
    else {
      if (by !== CHAIR && by !== SYSTEM) awake.add(by);
      if (action.type === "give_floor") awake.add(action.to);
      if (action.type === "close_vote") for (const d of delegations) awake.add(d);
    }
  };
  const ask = (seat: Seat): boolean => {
    awake.delete(seat);
    const legal = legalActions(state, seat, { reasons: false });
    if (legal.actions.length === 0) return false;
    const decision = botFor(seat).decide(viewFor(state, seat), legal, botRng(seed, seat, state.seq));
    if (decision === null || !commit(seat, decision)) return false;
    wake(seat, decision.action);
    return true;
  };

  while (state.phase !== "closed") {
    if (state.seq >= maxActions) throw new Error(`the game did not close within ${maxActions} actions (seed ${seed})`);
    let acted = false;
    const start = delegations.length > 0 ? state.seq % delegations.length : 0;
    for (let i = 0; i < delegations.length; i++) {
      const seat = delegations[(start + i) % delegations.length] as string;
      if (awake.has(seat) && ask(seat)) acted = true;
    }
    if (acted || ask(CHAIR)) continue;
    const step = state.steps[state.steps.length - 1];
    const deadline = { type: "deadline" as const, step: step?.id ?? "" };
    if (!step || !commit(SYSTEM, { action: deadline })) {
      throw new Error(`the game is stuck at seq ${state.seq} (phase ${state.phase}, seed ${seed})`);
    }
    wake(SYSTEM, deadline);
  }
  return { log, state, botErrors };
}

