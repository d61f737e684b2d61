import { describe, expect, it } from "vitest";
import { delegateBot } from "../../shared/bots/delegate.ts";
import { botRng } from "../../shared/bots/registry.ts";
import { viewFor, outcome } from "../../shared/engine/index.ts";
import { movesFor } from "../../shared/engine/legal.ts";
import { isCheckpoint, type LogEntry } from "../../shared/log/format.ts";
import { runGame } from "../../shared/sim/runGame.ts";
import { Table, fixtureScenario } from "../fixtures/build.ts";

const classroom = fixtureScenario("classroom-quick");
const mini = fixtureScenario("../fixtures/mini.json");

describe("all-bot games", () => {
  it.each([
    ["classroom-quick", classroom],
    ["mini", mini],
  ])("every game of %s ends closed, under both rules, with every bot action legal and explained", (_name, scenario) => {
    for (const rule of ["consensus", "majority"] as const) {
      for (let seed = 1; seed <= 12; seed++) {
        const g = runGame(scenario, { rule, seed });
        expect(g.state.phase).toBe("closed");
        expect(g.botErrors).toEqual([]);
        const bots = g.log.lines.filter((l): l is LogEntry => !isCheckpoint(l) && l.by !== "system");
        expect(bots.every((e) => typeof e.why === "string" && e.why.length > 8)).toBe(true);
      }
    }
  });

  it("the rule changes what is decided: P1 falls to one objection under consensus and passes by vote under majority", () => {
    const consensus = outcome(runGame(classroom, { rule: "consensus", seed: 7 }).state);
    const majority = outcome(runGame(classroom, { rule: "majority", seed: 7 }).state);
    const p1 = (o: typeof consensus) => o.decisions.find((d) => d.target === "P1");
    expect(p1(consensus)).toMatchObject({ status: "not_decided", by: "none" });
    expect(p1(majority)).toMatchObject({ status: "adopted", by: "vote" });
    expect(consensus.dimensions.IG).toBeLessThan(majority.dimensions.IG ?? 0);
  });

  it("reasons trace to numbers: objections name the red line and the dimension", () => {
    const g = runGame(classroom, { rule: "consensus", seed: 2 });
    // P2 puts names and numbers (DNS) at +0.2: above the United States' red line at 0.
    const objection = g.log.lines.find((l): l is LogEntry => !isCheckpoint(l) && l.by === "USA" && l.action.type === "object" && l.action.target === "P2");
    expect(objection?.why).toBe("object: P2: DNS +0.2 crosses our red line (DNS at most 0)");
  });

  it("speeches on an item name it as a sentence would, and say where the speaker stands on each text", () => {
    const g = runGame(fixtureScenario("dubai-2012"), { rule: "consensus", seed: 1 });
    const speeches = g.log.lines.flatMap((l) => (!isCheckpoint(l) && l.action.type === "speak" ? [(l.action as { text: string }).text] : []));
    const onItems = speeches.filter((t) => t.startsWith("On "));
    expect(onItems.length).toBeGreaterThan(0);
    expect(onItems.filter((t) => /^On (The|A|An) /.test(t))).toEqual([]);
    expect(onItems[0]).toMatch(/^On the chairman's package: the articles, .*W1/);
  });
});

describe("a delegation bot decides from its own seat's view", () => {
  it("votes by its stance: the sponsor for its proposal, the red-line holder against", () => {
    const t = new Table(classroom, { rule: "majority" });
    t.do("chair", { type: "open_item", item: "security" }).do("IND", { type: "table", target: "P2" }).do("RUS", { type: "second", target: "P2" }).do("chair", { type: "call_vote", target: "P2" });
    const decide = (id: string) => delegateBot.decide(viewFor(t.state, id), movesFor(t.state, id), botRng(1, id, t.state.seq));
    expect(decide("IND")?.action).toMatchObject({ type: "vote", choice: "yes" });
    const us = decide("USA");
    expect(us?.action).toMatchObject({ type: "vote", choice: "no" });
    expect(us?.why).toContain("red line");
  });

  it("never sees the history of the scenario before the conference closes", () => {
    const g = runGame(classroom, { rule: "consensus", seed: 1 });
    const t = new Table(classroom);
    expect(viewFor(t.state, "USA").scenario.history).toBeNull();
    expect(JSON.stringify(viewFor(t.state, "USA"))).not.toContain("Busan Consensus");
    expect(viewFor(g.state, "USA").scenario.history?.summary).toContain("Busan Consensus");
  });

  it("does not see other delegations' stances or briefings", () => {
    const t = new Table(classroom);
    const view = viewFor(t.state, "GHA");
    expect(view.private?.delegation.id).toBe("GHA");
    const others = JSON.stringify(view.scenario.delegations);
    expect(others).not.toContain("stance");
    expect(others).not.toContain("briefing");
  });
});
