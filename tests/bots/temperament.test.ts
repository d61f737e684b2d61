import { describe, expect, it } from "vitest";
import { botDraw } from "../../shared/bots/registry.ts";
import { withTemperament } from "../../shared/bots/temperament.ts";
import { createGame } from "../../shared/engine/create.ts";
import { viewFor } from "../../shared/engine/view.ts";
import { fixtureScenario } from "../fixtures/build.ts";

const busan = fixtureScenario("busan-2014");
const dubai = fixtureScenario("dubai-2012");

/** The temperament a conductor's bot plays with in the game of this seed. */
function temperament(scenario: typeof busan, seed: number, seat: string) {
  const view = viewFor(createGame(scenario, { seed }), seat);
  const ctx = { draw: (k: string) => botDraw(seed, seat, k), watch: () => undefined, at: () => undefined, scope: {} };
  return withTemperament(view, ctx).private?.delegation.personality;
}

describe("a bot's temperament, drawn per game from the scenario's ranges", () => {
  it("is the same for the same game, differs between games, and stays within the card's range", () => {
    const card = busan.delegations.find((d) => d.id === "BRA")?.personality;
    const one = temperament(busan, 1, "BRA");
    expect(temperament(busan, 1, "BRA")).toEqual(one);
    const seen = new Set([1, 2, 3, 4, 5, 6].map((seed) => JSON.stringify(temperament(busan, seed, "BRA"))));
    expect(seen.size).toBeGreaterThan(1);
    for (let seed = 1; seed <= 20; seed++) {
      const t = temperament(busan, seed, "BRA");
      expect(Math.abs((t?.talk ?? 0) - (card?.talk ?? 0))).toBeLessThanOrEqual(0.25 + 1e-9);
      expect(t?.concession).toBe(card?.concession);
    }
  });

  it("never varies for the United States or a CEPT member of the EU in Dubai, whose cards keep history's bound", () => {
    for (const seat of ["USA", "DEU", "GBR"]) {
      const card = dubai.delegations.find((d) => d.id === seat)?.personality;
      for (let seed = 1; seed <= 5; seed++) expect(temperament(dubai, seed, seat)).toEqual(card);
    }
  });

  it("is the card as written for a caller without a game's scope (a test or a tool asking once)", () => {
    const view = viewFor(createGame(busan, { seed: 3 }), "BRA");
    const plain = withTemperament(view, { draw: () => 0, watch: () => undefined, at: () => undefined });
    expect(plain).toBe(view);
  });
});
