import { botRng } from "../bots/registry.ts";
import type { Bot, Decision } from "../bots/types.ts";
import type { Action } from "../engine/actions.ts";
import { calledVoter } from "../engine/ballots.ts";
import { movesFor } from "../engine/legal.ts";
import { CHAIR, SYSTEM, type Seat, type State } from "../engine/state.ts";
import { viewFor } from "../engine/view.ts";

/**
 * Actions after which only their author (and, for give_floor, the new speaker; for an offer, the delegation
 * it is made to; for a vote in a roll-call, the delegation called next) has a reason to look again;
 * everything else changes what the whole room sees. A scheduling economy, not a rule: a delegation that is
 * not asked now is asked after the next action that concerns everyone.
 */
const PRIVATE_MOVES = new Set(["vote", "speak", "yield_floor", "request_floor", "placard", "sign", "decline_to_sign", "explain_vote", "give_floor", "offer", "decline_offer", "retract_offer", "cosponsor"]);

/** Carries out a bot's decision; false when the engine refused it (the bot then counts as passing). */
export type Commit = (seat: Seat, decision: Decision) => boolean;

/**
 * Decides which bot acts next — the same policy in the simulator and in the server. Delegations with
 * something new to consider are asked in rounds (from a rotating start); a round in which none acts means the
 * room is quiet, and then the chair may act. Seats whose `botFor` is null are people: never asked.
 */
export class Conductor {
  private readonly awake: Set<Seat>;
  private round: { start: number; i: number; acted: boolean } | null = null;

  constructor(
    private readonly delegations: readonly Seat[],
    private readonly seed: number,
    private readonly botFor: (seat: Seat) => Bot | null,
  ) {
    this.awake = new Set(delegations);
  }

  /** Tells the conductor an action was applied (by anyone), so the seats it concerns look again. */
  observe(by: Seat, action: Action, after: State): void {
    if (!PRIVATE_MOVES.has(action.type)) {
      this.wakeAll();
      return;
    }
    if (by !== CHAIR && by !== SYSTEM) this.awake.add(by);
    if (action.type === "give_floor") this.awake.add(action.to);
    if (action.type === "offer" && action.to) this.awake.add(action.to);
    const ballot = after.ballot;
    if (action.type === "vote" && ballot?.method === "roll_call") {
      // The roll-call moves on: the delegation called now (or the holder of its proxy) is the one to answer.
      const called = calledVoter(ballot);
      if (called !== null) this.awake.add(ballot.proxies[called] ?? called);
    }
  }

  wakeAll(): void {
    for (const d of this.delegations) this.awake.add(d);
  }

  /** What a bot decides for `seat` now, from its own view and legal actions only. */
  ask(state: State, seat: Seat): Decision | null {
    const bot = this.botFor(seat);
    if (!bot) return null;
    return bot.decide(viewFor(state, seat), movesFor(state, seat), botRng(this.seed, seat, state.seq));
  }

  /**
   * Lets delegation bots act until one action is committed ("acted") or a whole round passes without one
   * ("quiet"). `state` is read afresh before each ask.
   */
  delegationMove(state: () => State, commit: Commit): "acted" | "quiet" {
    const n = this.delegations.length;
    for (;;) {
      this.round ??= { start: n > 0 ? state().seq % n : 0, i: 0, acted: false };
      const round = this.round;
      while (round.i < n) {
        const seat = this.delegations[(round.start + round.i) % n] as Seat;
        round.i += 1;
        if (!this.awake.has(seat) || !this.botFor(seat)) continue;
        this.awake.delete(seat);
        const decision = this.ask(state(), seat);
        if (decision && commit(seat, decision)) {
          round.acted = true;
          return "acted";
        }
      }
      this.round = null;
      if (!round.acted) return "quiet";
    }
  }

  /** The chair bot's move when the room is quiet (null when the chair is a person, or passes). */
  chairMove(state: State, commit: Commit): boolean {
    const decision = this.ask(state, CHAIR);
    return decision !== null && commit(CHAIR, decision);
  }
}
