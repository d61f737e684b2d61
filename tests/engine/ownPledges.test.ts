import { describe, expect, it } from "vitest";
import { applyParsed, parseAction } from "../../shared/engine/apply.ts";
import { createGame } from "../../shared/engine/create.ts";
import { judgeAll } from "../../shared/engine/pledges.ts";
import { viewFor } from "../../shared/engine/view.ts";
import { isCheckpoint } from "../../shared/log/format.ts";
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
      let s = createGame(scenario, { rule: "consensus", seed });
      for (const e of log.lines) {
        if (isCheckpoint(e) || e.by === null) continue;
        const p = parseAction(s, e.action);
        if (!p.ok) throw new Error(`seq ${e.seq} does not parse`);
        const r = applyParsed(s, e.by, p.action);
        if (!r.ok) throw new Error(`seq ${e.seq} does not apply`);
        s = r.state;
        for (const d of scenario.delegations) {
          const mine = viewFor(s, d.id).private?.pledges ?? [];
          expect(mine).toEqual(judgeAll(s).filter((x) => x.by === d.id || x.to === d.id));
          compared += mine.length;
        }
      }
    }
    // The games made deals: the comparison was not of empty lists only.
    expect(compared).toBeGreaterThan(0);
  });
});
