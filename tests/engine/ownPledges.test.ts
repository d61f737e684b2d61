import { describe, expect, it } from "vitest";
import { judgeAll } from "../../shared/engine/pledges.ts";
import { viewFor } from "../../shared/engine/view.ts";
import { replay } from "../../shared/log/replay.ts";
import { runGame } from "../../shared/sim/runGame.ts";
import { fixtureScenario } from "../fixtures/build.ts";

/**
 * A seat's private view judges only its own pledges (issue 12: fewer allocations per ask). It must show
 * exactly what judging every pledge and keeping the seat's would: the same judgements, in the same order.
 */
describe("a seat's own pledges in its private view", () => {
  it("are every pledge it gave or was given, judged as the whole table judges them, at every state of a game with deals", () => {
    const scenario = fixtureScenario("classroom-quick");
    let compared = 0;
    for (const seed of [1, 2, 3]) {
      const { log } = runGame(scenario, { rule: "consensus", seed });
      const r = replay(log, {
        onEntry: (_entry, _before, s) => {
          for (const d of scenario.delegations) {
            const mine = viewFor(s, d.id).private?.pledges ?? [];
            expect(mine).toEqual(judgeAll(s).filter((x) => x.by === d.id || x.to === d.id));
            compared += mine.length;
          }
        },
      });
      expect(r.ok).toBe(true);
    }
    // The games made deals: the comparison was not of empty lists only.
    expect(compared).toBeGreaterThan(0);
  });
});
