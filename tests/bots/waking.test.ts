import { describe, expect, it } from "vitest";
import { botDraw, botRng, defaultBot } from "../../shared/bots/registry.ts";
import type { Decision } from "../../shared/bots/types.ts";
import { movesFor } from "../../shared/engine/legal.ts";
import { indexOf } from "../../shared/engine/scenarioIndex.ts";
import type { State } from "../../shared/engine/state.ts";
import { viewFor } from "../../shared/engine/view.ts";
import type { Conductor } from "../../shared/sim/conductor.ts";
import { runGame } from "../../shared/sim/runGame.ts";
import { fixtureScenario } from "../fixtures/build.ts";

/**
 * Issue 12: the conductor asks a bot again only when something its view reads has changed, or a plan of its
 * own falls due. The promise that makes this safe: a seat the conductor lets sleep would have passed had it
 * been asked. These tests ask every sleeping seat anyway, at every state of whole games, with the same draws
 * the conductor would give it, and require that each of them passes.
 */
const classroom = fixtureScenario("classroom-quick");

function sleepersWhoWouldAct(seed: number, rule: "consensus" | "majority"): string[] {
  const ix = indexOf(classroom);
  const wrong: string[] = [];
  // The checks' own game scope: the same temperament (drawn from the same keys) as the conductor's bots.
  const scope = {};
  const inspect = (state: State, conductor: Conductor) => {
    for (const seat of ix.attending) {
      if (!conductor.asleep(seat)) continue;
      const context = { draw: (k: string) => botDraw(seed, seat, k), watch: () => undefined, at: () => undefined, scope };
      const d: Decision | null = defaultBot(seat).decide(viewFor(state, seat), movesFor(state, seat), botRng(seed, seat, state.seq), context);
      if (d) wrong.push(`seq ${state.seq} (${rule}, seed ${seed}): ${seat} was asleep but would ${JSON.stringify(d.action)}: ${d.why}`);
    }
  };
  runGame(classroom, { rule, seed, inspect });
  return wrong;
}

describe("bots asked only when something they read changed", () => {
  for (const rule of ["consensus", "majority"] as const) {
    it(`no sleeping delegation would have acted, at any state of classroom-quick under ${rule} (seeds 1–4)`, () => {
      const wrong = [1, 2, 3, 4].flatMap((seed) => sleepersWhoWouldAct(seed, rule));
      expect(wrong).toEqual([]);
    });
  }

  it("in a 193-seat plenary most delegations sleep: busan-2014 asks fewer than 2 bots per action, and fewer than half of them pass", () => {
    const busan = fixtureScenario("busan-2014");
    for (const rule of ["consensus", "majority"] as const) {
      const { asks, state } = runGame(busan, { rule, seed: 1 });
      const perAction = asks.asks / state.seq;
      expect(perAction, `${rule}: ${asks.asks} asks for ${state.seq} actions`).toBeLessThan(2);
      expect(asks.empty / asks.asks, `${rule}: ${asks.empty} of ${asks.asks} asks passed`).toBeLessThan(0.5);
    }
  });
});
