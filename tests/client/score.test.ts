import { describe, expect, it } from "vitest";
import { estimate } from "../../client/score.ts";
import type { GameModel } from "../../client/model.ts";
import { outcome, viewFor } from "../../shared/engine/index.ts";
import { runGame } from "../../shared/sim/runGame.ts";
import { fixtureScenario } from "../fixtures/build.ts";

/** The Briefing panel's live score estimate, at the close, against the score the debrief then shows. */
describe("the live score estimate", () => {
  it("equals the final score at the close for every delegation that broke no pledge", () => {
    let compared = 0;
    let withAmendment = 0;
    for (const seed of [1, 2, 3, 4]) {
      for (const rule of ["consensus", "majority"] as const) {
        const { state } = runGame(fixtureScenario("classroom-quick"), { rule, seed });
        const final = outcome(state);
        for (const d of state.scenario.delegations) {
          const detail = final.details[d.id];
          if (!detail || detail.pledgesBroken > 0) continue;
          const view = viewFor(state, d.id);
          const model = { view, scenario: view.scenario, private: view.private } as unknown as GameModel;
          expect(estimate(model)?.score, `${d.id}, seed ${seed}, ${rule}`).toBeCloseTo(detail.score, 2);
          compared += 1;
          if (detail.amendmentsAdopted.length > 0) withAmendment += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(40);
    expect(withAmendment).toBeGreaterThan(0);
  });
});
