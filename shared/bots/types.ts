import type { Action } from "../engine/actions.ts";
import type { Moves } from "../engine/legal.ts";
import type { View } from "../engine/view.ts";
import type { Rng } from "../util/rng.ts";
import type { WakeKey } from "./wake.ts";

/** A bot's choice: a legal action and the one-line reason that goes into the log as `why`. */
export interface Decision {
  action: Action;
  why: string;
  /**
   * The reason as the public record gives it, when `why` names an offer or a pledge (its existence, parties or
   * terms are the two parties' alone): the same kind of sentence, without the deal. Logged as `whyPublic`.
   */
  publicWhy?: string;
  /**
   * What the bot waits for once this is done, instead of being asked again at once (the conductor's economy):
   *  - "resume": what it waited for before it was called to this (a vote cast, a placard raised, an offer
   *    answered), plus the facts it read deciding; if something else it waited for changed meanwhile, it is
   *    asked again. For moves decided before the bot looked at anything else.
   *  - "sleep": the facts it read deciding, alone: it looked at everything, and this was its only move.
   * Absent: asked again after the action (it may have more to do).
   */
  after?: "resume" | "sleep";
}

/** What the conductor gives a bot besides its view and its moves. */
export interface BotContext {
  /**
   * A number in [0, 1) fixed for this game, this seat and this key: a choice the bot makes once (whether it
   * speaks on an item, how much loss it swallows on a text) and would make the same way if asked again.
   */
  draw(key: string): number;
  /** When the bot passes: a fact of its view whose change would make it think again (wake.ts). */
  watch(key: WakeKey): void;
  /** When the bot passes: ask again once the game reaches this seq, whatever happens (a plan of its own). */
  at(seq: number): void;
  /**
   * An object that lives exactly as long as one game (the conductor's): what a bot works out and may reuse
   * later in the same game hangs on it, so nothing worked out in one game is ever read in another (two games
   * of one scenario share its objects). Without it, nothing is reused beyond one decision.
   */
  readonly scope?: object;
}

/**
 * DESIGN §8: a bot sees only its seat's view, chooses among the legal actions (asked for by type), draws only from its own
 * stream, and may pass (null). It never reads the scenario's history or anyone else's private data.
 */
export interface Bot {
  /** Recorded in the log header, e.g. "bot:delegate@2". */
  readonly id: string;
  /**
   * True when the bot names, each time it passes, everything that would make it act (BotContext.watch/at):
   * the conductor then asks it only when one of those has changed. A bot without it is asked again after
   * every action that concerns the whole room.
   */
  readonly watches?: true;
  decide(view: View, moves: Moves, rng: Rng, context?: BotContext): Decision | null;
}
