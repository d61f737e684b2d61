import { botDraw, botRng } from "../bots/registry.ts";
import type { Bot, BotContext, Decision } from "../bots/types.ts";
import { valueOf, type WakeKey } from "../bots/wake.ts";
import type { Action } from "../engine/actions.ts";
import { calledVoter } from "../engine/ballots.ts";
import { movesFor } from "../engine/legal.ts";
import { CHAIR, SYSTEM, type Seat, type State } from "../engine/state.ts";
import { viewFor } from "../engine/view.ts";
import { WatchBoard } from "./watchBoard.ts";

/**
 * For bots that do not name what they wait for: actions after which only their author (and, for give_floor,
 * the new speaker; for an offer, the delegation it is made to; for a vote in a roll-call, the delegation called
 * next) has a reason to look again; everything else wakes them all.
 */
const PRIVATE_MOVES = new Set(["vote", "speak", "yield_floor", "request_floor", "placard", "sign", "decline_to_sign", "explain_vote", "give_floor", "offer", "decline_offer", "retract_offer", "cosponsor"]);

/** Carries out a bot's decision; false when the engine refused it (the bot then counts as passing). */
export type Commit = (seat: Seat, decision: Decision) => boolean;

/** How often bots were asked, and how often for nothing (`npm run bench`, issue 12). */
export interface AskStats {
  /** Delegation bots asked. */
  asks: number;
  /** Of those, asks that returned no action (a pass, or an action the engine refused). */
  empty: number;
  chairAsks: number;
  chairEmpty: number;
  /** Seats woken by a fact that had changed back by their turn: not asked. */
  settled: number;
  /** What woke the seats that were asked: a wake key, or "acted", "addressed", "plan", "start", "everyone", "room". */
  wokenBy: Record<string, number>;
  /** Of those, the asks that returned nothing, by what woke the seat. */
  emptyBy: Record<string, number>;
}

/** Reasons to ask a seat that are not facts it named: it is asked whatever its facts say. */
const CALLED = new Set(["start", "acted", "addressed", "plan", "everyone", "room"]);

/**
 * Decides which bot acts next — the same policy in the simulator and in the server. Seats with something new
 * to consider are asked in rounds (from a rotating start); a round in which none acts means the room is
 * quiet, and then the chair may act. Seats whose `botFor` is null are people: never asked.
 *
 * A seat is awake when something it waits for has happened: an action of its own (it may have more to do), an
 * action addressed to it (the floor, an offer, its call in a roll-call), a fact it named when it last passed
 * (wake.ts, filed on a WatchBoard), or a plan of its own falling due. Otherwise it sleeps: asking it would
 * return nothing (tests/bots/waking.test.ts checks exactly that).
 */
export class Conductor {
  private readonly awake: Set<Seat>;
  private round: { start: number; i: number; acted: boolean } | null = null;
  private readonly board = new WatchBoard();
  /** Seats of bots that name nothing: woken by every action that concerns the room. */
  private readonly roomWatchers = new Set<Seat>();
  private readonly plans = new Map<Seat, number>();
  private readonly reason = new Map<Seat, string>();
  /** The plan of a woken seat, kept in case it goes back to sleep on what it waited for. */
  private readonly heldDue = new Map<Seat, number>();
  /** A decision handed out and not yet applied, with what the bot waits for once it is (Decision.after). */
  private readonly resuming = new Map<Seat, { after: "resume" | "sleep"; keys: WakeKey[]; due: number | null }>();
  private readonly draws = new Map<Seat, Map<string, number>>();
  readonly stats: AskStats = { asks: 0, empty: 0, chairAsks: 0, chairEmpty: 0, settled: 0, wokenBy: {}, emptyBy: {} };

  constructor(
    private readonly delegations: readonly Seat[],
    private readonly seed: number,
    private readonly botFor: (seat: Seat) => Bot | null,
  ) {
    this.awake = new Set(delegations);
    for (const d of delegations) this.reason.set(d, "start");
  }

  /** Tells the conductor an action was applied (by anyone), so the seats it concerns look again. */
  observe(by: Seat, action: Action, after: State): void {
    const resume = this.resuming.get(by);
    this.resuming.delete(by);
    if (by !== CHAIR && by !== SYSTEM && !resume) this.wake(by, "acted");
    if (action.type === "give_floor") this.wake(action.to, "addressed");
    if (action.type === "offer" && action.to) this.wake(action.to, "addressed");
    const ballot = after.ballot;
    if (action.type === "vote" && ballot?.method === "roll_call") {
      // The roll-call moves on: the delegation called now (or the holder of its proxy) is the one to answer.
      const called = calledVoter(ballot);
      if (called !== null) this.wake(ballot.proxies[called] ?? called, "addressed");
    }
    if (!PRIVATE_MOVES.has(action.type)) for (const seat of [...this.roomWatchers]) this.wake(seat, "room");
    for (const [seat, due] of this.plans) if (after.seq >= due) this.wake(seat, "plan");
    for (const [seat, key] of this.board.changed(after)) this.wake(seat, key);
    if (resume) this.resume(by, resume, after);
  }

  /** The seat's decision is applied: it sleeps as the decision said (Decision.after), or is asked again. */
  private resume(seat: Seat, r: { after: "resume" | "sleep"; keys: WakeKey[]; due: number | null }, after: State): void {
    if (this.awake.has(seat)) return;
    if (r.after === "sleep") return this.sleep(seat, after, r.keys, r.due);
    if (!this.board.has(seat)) return this.wake(seat, "acted");
    // What the bot read deciding, it has dealt with; anything else it waited for must be as it was.
    const dealt = new Set(r.keys);
    for (const [key, seen] of this.board.dirty(seat)) if (!dealt.has(key) && valueOf(after, seat, key) !== seen) return this.wake(seat, key);
    this.board.restore(seat);
    this.board.add(seat, after, r.keys);
    const due = this.heldDue.get(seat) ?? r.due;
    this.heldDue.delete(seat);
    if (due !== null) this.plans.set(seat, due);
  }

  /** Whether the seat is asleep: it would be asked only once something it named changes (tests check it would pass). */
  asleep(seat: Seat): boolean {
    return !this.awake.has(seat) && this.botFor(seat) !== null;
  }

  /** Every seat looks again (a seat changed hands, the room reopened): what they waited for no longer says. */
  wakeAll(): void {
    for (const d of this.delegations) {
      this.wake(d, "everyone");
      this.board.release(d);
      this.heldDue.delete(d);
    }
  }

  private wake(seat: Seat, why: string): void {
    if (this.awake.has(seat)) {
      // Being called on outranks a fact: such a seat is asked whatever its facts say.
      if (CALLED.has(why)) this.reason.set(seat, why);
      return;
    }
    this.awake.add(seat);
    this.reason.set(seat, why);
    // Its facts stay on the board, dozing, in case its turn finds them as they were, or it acts and resumes.
    this.board.doze(seat);
    const due = this.plans.get(seat);
    if (due !== undefined) this.heldDue.set(seat, due);
    this.roomWatchers.delete(seat);
    this.plans.delete(seat);
  }

  /** The seat passed at `state`: it sleeps until one of `keys` changes or `due` comes. */
  private sleep(seat: Seat, state: State, keys: Iterable<WakeKey>, due: number | null): void {
    this.board.subscribe(seat, state, keys);
    this.heldDue.delete(seat);
    if (due !== null) this.plans.set(seat, due);
  }

  /**
   * A seat woken by a fact that has since gone back to what it saw (a text needing a second got one from the
   * seat asked before it): asking would return its pass again, so it sleeps on, unasked.
   */
  private settledAgain(seat: Seat, state: State): boolean {
    if (CALLED.has(this.reason.get(seat) ?? "start") || !this.board.has(seat)) return false;
    const due = this.heldDue.get(seat);
    if (due !== undefined && state.seq >= due) return false;
    for (const [key, seen] of this.board.dirty(seat)) if (valueOf(state, seat, key) !== seen) return false;
    this.board.restore(seat);
    this.heldDue.delete(seat);
    if (due !== undefined) this.plans.set(seat, due);
    this.stats.settled += 1;
    return true;
  }

  /** A bot's draw for a named choice of this game, the same each time it asks (BotContext.draw). */
  /** The per-game scope of the bots' caches (BotContext.scope). */
  private readonly scope = {};

  private draw(seat: Seat, key: string): number {
    let mine = this.draws.get(seat);
    if (!mine) this.draws.set(seat, (mine = new Map()));
    let x = mine.get(key);
    if (x === undefined) mine.set(key, (x = botDraw(this.seed, seat, key)));
    return x;
  }

  /** What a bot decides for `seat` now, from its own view and legal actions only; a pass puts it to sleep. */
  ask(state: State, seat: Seat): Decision | null {
    const bot = this.botFor(seat);
    if (!bot) return null;
    const keys: WakeKey[] = [];
    let due: number | null = null;
    const context: BotContext = {
      draw: (key) => this.draw(seat, key),
      watch: (key) => void keys.push(key),
      at: (seq) => void (due = due === null ? seq : Math.min(due, seq)),
      scope: this.scope,
    };
    const decision = bot.decide(viewFor(state, seat), movesFor(state, seat), botRng(this.seed, seat, state.seq), context);
    if (seat === CHAIR) {
      this.stats.chairAsks += 1;
      if (!decision) this.stats.chairEmpty += 1;
      return decision;
    }
    this.stats.asks += 1;
    const why = this.reason.get(seat) ?? "start";
    this.stats.wokenBy[why] = (this.stats.wokenBy[why] ?? 0) + 1;
    if (!decision) {
      this.stats.empty += 1;
      this.stats.emptyBy[why] = (this.stats.emptyBy[why] ?? 0) + 1;
      if (bot.watches) this.sleep(seat, state, keys, due);
      else this.roomWatchers.add(seat);
    } else if (decision.after && bot.watches) this.resuming.set(seat, { after: decision.after, keys, due });
    else {
      this.board.release(seat);
      this.heldDue.delete(seat);
    }
    return decision;
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
        if (this.settledAgain(seat, state())) continue;
        const decision = this.ask(state(), seat);
        if (decision && commit(seat, decision)) {
          round.acted = true;
          return "acted";
        }
        if (decision) {
          // The engine refused it (a bot bug, counted by the caller): it counts as a pass, and the seat looks
          // again after the next action.
          this.resuming.delete(seat);
          this.board.release(seat);
          this.heldDue.delete(seat);
          this.stats.empty += 1;
          this.plans.set(seat, state().seq + 1);
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
