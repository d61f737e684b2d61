import type { Step } from "../../shared/engine/state.ts";
import type { Pace } from "../../shared/protocol/messages.ts";

/**
 * How fast a game runs (DESIGN §9, docs/procedure.md). `instant` has no delays (tests, demos: people never
 * choose it in the page); `fast` lets an all-bot classroom-quick game close in about two minutes (with people
 * in it, it takes as long as they do); `classroom` gives every step the scenario's minutes.
 */
export interface PaceTiming {
  /** Real milliseconds per scenario minute, for deadlines. */
  msPerMinute: number;
  /** Bots wait between these many milliseconds before each action, so people can follow. */
  botDelay: [number, number];
  /** The chair bot acts once the room has been quiet this long. */
  chairQuiet: number;
  /** How long a delegation called in a roll-call has to answer before it is passed (called again at the end). */
  turnMs: number;
  /**
   * A person's moment (humanWindows.ts): how long neither the chair bot nor the clock ends a debate while a
   * person who sponsors an untabled text on the item, or holds the floor, has not acted or passed.
   */
  humanWindowMs: number;
}

export const PACES: Record<Pace, PaceTiming> = {
  instant: { msPerMinute: 100, botDelay: [0, 0], chairQuiet: 0, turnMs: 5000, humanWindowMs: 0 },
  fast: { msPerMinute: 2000, botDelay: [60, 180], chairQuiet: 400, turnMs: 20_000, humanWindowMs: 20_000 },
  classroom: { msPerMinute: 60_000, botDelay: [1500, 4000], chairQuiet: 6000, turnMs: 45_000, humanWindowMs: 60_000 },
};

/** Real milliseconds a step lasts at this pace: a roll-call turn by the pace's limit, others by their minutes. */
export function stepMs(timing: PaceTiming, step: Step): number {
  return step.kind === "turn" ? timing.turnMs : step.minutes * timing.msPerMinute;
}
