import type { Action } from "../engine/actions.ts";
import type { Moves } from "../engine/legal.ts";
import type { View } from "../engine/view.ts";
import type { Rng } from "../util/rng.ts";

/** A bot's choice: a legal action and the one-line reason that goes into the log as `why`. */
export interface Decision {
  action: Action;
  why: string;
  /**
   * The reason as the public record gives it, when `why` names an offer or a pledge (its existence, parties or
   * terms are the two parties' alone): the same kind of sentence, without the deal. Logged as `whyPublic`.
   */
  publicWhy?: string;
}

/**
 * DESIGN §8: a bot sees only its seat's view, chooses among the legal actions (asked for by type), draws only from its own
 * stream, and may pass (null). It never reads the scenario's history or anyone else's private data.
 */
export interface Bot {
  /** Recorded in the log header, e.g. "bot:delegate@2". */
  readonly id: string;
  decide(view: View, moves: Moves, rng: Rng): Decision | null;
}
