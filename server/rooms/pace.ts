import type { Pace } from "../../shared/protocol/messages.ts";

/**
 * How fast a game runs (DESIGN §9). `instant` has no delays (tests, demos); `fast` lets a classroom-quick
 * game with bots close within two minutes; `classroom` gives every step the scenario's minutes.
 */
export interface PaceTiming {
  /** Real milliseconds per scenario minute, for deadlines. */
  msPerMinute: number;
  /** Bots wait between these many milliseconds before each action, so people can follow. */
  botDelay: [number, number];
  /** The chair bot acts once the room has been quiet this long. */
  chairQuiet: number;
}

export const PACES: Record<Pace, PaceTiming> = {
  instant: { msPerMinute: 100, botDelay: [0, 0], chairQuiet: 0 },
  fast: { msPerMinute: 2000, botDelay: [60, 180], chairQuiet: 400 },
  classroom: { msPerMinute: 60_000, botDelay: [1500, 4000], chairQuiet: 6000 },
};
