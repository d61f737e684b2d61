import { hashString, makeRng, seedRng, sfc32, type Rng } from "../util/rng.ts";
import { chairBot } from "./chair.ts";
import { delegateBot } from "./delegate.ts";
import type { Bot } from "./types.ts";

export const BOTS: Record<string, Bot> = {
  [chairBot.id]: chairBot,
  [delegateBot.id]: delegateBot,
};

/** The bot that plays a seat by default: the chair bot for "chair", the delegation bot otherwise. */
export function defaultBot(seat: string): Bot {
  return seat === "chair" ? chairBot : delegateBot;
}

/** A bot's own stream, seeded from (seed, seat, seq): independent of the game's and of every other bot's. */
export function botRng(seed: number, seat: string, seq: number): Rng {
  return makeRng(() => seedRng(seed, hashString(seat), seq));
}

/**
 * A bot's draw for one named choice of one game, in [0, 1): seeded from (seed, seat, key) alone, so the same
 * game (or a branch of it, or a what-if from its start) draws the same number whenever the bot asks.
 */
export function botDraw(seed: number, seat: string, key: string): number {
  // A fourth word keeps these apart from botRng's (seed, seat, seq) streams.
  return sfc32(seedRng(seed, hashString(seat), 0x6b6579, hashString(key)))[0] / 4294967296;
}
