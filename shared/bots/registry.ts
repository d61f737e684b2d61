import { hashString, makeRng, seedRng, type Rng } from "../util/rng.ts";
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
