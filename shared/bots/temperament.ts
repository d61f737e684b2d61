import type { View } from "../engine/view.ts";
import type { Personality } from "../scenario/schema.ts";
import type { BotContext } from "./types.ts";

type Mine = NonNullable<View["private"]>;
type Card = Mine["delegation"];

const TRAITS = ["loyalty", "procedure", "talk"] as const;

/** Per game (BotContext.scope) and seat: the card with the traits drawn for this game. */
const drawn = new WeakMap<object, Map<string, Card>>();

/**
 * This game's temperament of a delegation (issue 12): each numeric trait drawn once per game in the range
 * its card gives (scenario.personalityRanges, copied onto the card), from the bot's own seeded stream
 * (`ctx.draw`, keyed by the game's seed and the seat), so a branch or a what-if of the game draws the same.
 * The view is returned with its own card so varied; everything the bot then reads (its reasons too) sees
 * the drawn numbers. Only a conductor's ask varies (it gives a scope): a caller without one, a test or a
 * tool asking once, gets the card as written.
 */
export function withTemperament(view: View, ctx: BotContext): View {
  const mine = view.private;
  const ranges = mine?.delegation.personalityRanges;
  if (!mine || !ranges || !ctx.scope) return view;
  let game = drawn.get(ctx.scope);
  if (!game) drawn.set(ctx.scope, (game = new Map()));
  let card = game.get(mine.delegation.id);
  if (!card) {
    const personality: Personality = { ...mine.delegation.personality };
    for (const trait of TRAITS) {
      const range = ranges[trait];
      if (!range) continue;
      const x = personality[trait] + (2 * ctx.draw(`personality:${trait}`) - 1) * range;
      // Two decimals, as a card writes them: the reasons quote these numbers.
      personality[trait] = Math.round(100 * Math.min(1, Math.max(0, x))) / 100;
    }
    card = { ...mine.delegation, personality };
    game.set(mine.delegation.id, card);
  }
  return { ...view, private: { ...mine, delegation: card } };
}
