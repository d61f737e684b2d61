import { describe, expect, it } from "vitest";
import { chairBot } from "../../shared/bots/chair.ts";
import { delegateBot } from "../../shared/bots/delegate.ts";
import { botRng } from "../../shared/bots/registry.ts";
import type { BotContext } from "../../shared/bots/types.ts";
import type { Action } from "../../shared/engine/actions.ts";
import { viewFor } from "../../shared/engine/index.ts";
import { movesFor } from "../../shared/engine/legal.ts";
import type { State } from "../../shared/engine/state.ts";
import { isCheckpoint, type LogEntry } from "../../shared/log/format.ts";
import { loadScenario } from "../../shared/scenario/load.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { runGame } from "../../shared/sim/runGame.ts";
import { Table, fixtureScenario } from "../fixtures/build.ts";

const classroom = fixtureScenario("classroom-quick");
/**
 * One decision of a delegation that does not mean to speak on this item (its speech draw says no), so that
 * what it does about the texts and offers before it is what these tests read.
 */
const decide = (s: State, id: string) => {
  const rng = botRng(1, id, s.seq);
  const quiet: BotContext = { draw: (key) => (key.startsWith("speak:") ? 1 : rng.next()), watch: () => undefined, at: () => undefined };
  return delegateBot.decide(viewFor(s, id), movesFor(s, id), rng, quiet);
};
const chair = (s: State) => chairBot.decide(viewFor(s, "chair"), movesFor(s, "chair"), botRng(1, "chair", s.seq));

/** classroom-quick with some delegations' cards changed, through the same loader as a scenario file. */
function variant(change: (json: Record<string, any>) => void): Scenario {
  const json = JSON.parse(JSON.stringify(classroom)) as Record<string, any>;
  change(json);
  const loaded = loadScenario(json);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.scenario;
}

/** The governance item under consensus: Saudi Arabia's P1 tabled (Russia co-sponsors it, so it needs no second), the United States objecting. */
function governance(scenario = classroom) {
  return new Table(scenario, { rule: "consensus" })
    .do("chair", { type: "open_item", item: "governance" })
    .do("SAU", { type: "table", target: "P1" })
    .do("USA", { type: "object", target: "P1" });
}

describe("negotiation: offers answered by their worth", () => {
  it("accepts an offer that leaves it better off, and says by how much", () => {
    const t = governance().do("GHA", { type: "offer", to: "SAU", give: [{ no_objection: "P1" }], ask: [{ vote: { target: "P3", choice: "yes" } }] });
    const d = decide(t.state, "SAU");
    expect(d?.action).toEqual({ type: "accept_offer", offer: "O1" });
    expect(d?.why).toMatch(/^accept O1 from GHA: they not object to P1 \(\+[\d.]+\), we vote yes on P3 \([+-]?[\d.]+\): net \+[\d.]+$/);
  });

  it("declines an offer that costs more than it brings", () => {
    const t = governance().do("DEU", { type: "offer", to: "SAU", give: [{ second: "P3" }], ask: [{ withdraw: "P1" }] });
    const d = decide(t.state, "SAU");
    expect(d?.action).toEqual({ type: "decline_offer", offer: "O1" });
    expect(d?.why).toMatch(/we withdraw P1 \(-[\d.]+\): net -[\d.]+$/);
  });

  it("never helps a text across its own red line, whatever it is offered", () => {
    // P2 would put names and numbers (DNS) above the United States' red line.
    const t = governance().do("SAU", { type: "offer", to: "USA", give: [{ no_objection: "P3" }, { vote: { target: "P1", choice: "no" } }], ask: [{ no_objection: "P2" }] });
    const d = decide(t.state, "USA");
    expect(d?.action).toEqual({ type: "decline_offer", offer: "O1" });
    expect(d?.why).toContain("crosses our red line");
  });

  it("offers its support to the heavyweight blocking a text it wants", () => {
    // Brazil wants its capacity fund (A1b); Saudi Arabia, a bloc leader, objects to it. (Ghana, with less
    // weight in the room, would leave the brokering to others.)
    const t = governance()
      .do("BRA", { type: "move_amendment", amendment: "A1b" })
      .do("SAU", { type: "object", target: "A1b" });
    const moves: Action[] = [];
    // Ask Brazil until it makes its offer; the offer comes once its other business is done.
    for (let i = 0; i < 6; i++) {
      const d = decide(t.state, "BRA");
      if (!d) break;
      moves.push(d.action);
      if (d.action.type === "offer") {
        expect(d.why).toMatch(/^offer SAU: we not object to P1 \([+-]?[\d.]+ for us\) if they not object to A1b \(worth \+[\d.]+ to us\)$/);
        break;
      }
      t.do("BRA", d.action);
    }
    expect(moves.at(-1)).toEqual({ type: "offer", to: "SAU", give: [{ no_objection: "P1" }], ask: [{ no_objection: "A1b" }] });
  });
});

describe("negotiation: pledges kept, breakers remembered", () => {
  it("lifts its objection once it has pledged not to object", () => {
    const t = governance()
      .do("BRA", { type: "move_amendment", amendment: "A1b" })
      .do("SAU", { type: "object", target: "A1b" })
      .do("GHA", { type: "offer", to: "SAU", give: [{ no_objection: "P1" }], ask: [{ no_objection: "A1b" }] })
      .do("SAU", { type: "accept_offer", offer: "O1" });
    const d = decide(t.state, "SAU");
    expect(d?.action).toEqual({ type: "withdraw_objection", target: "A1b" });
    expect(d?.why).toBe("withdraw our objection to A1b: we pledged not to object");
  });

  it("votes as it pledged, and says so", () => {
    const t = new Table(classroom, { rule: "majority" })
      .do("chair", { type: "open_item", item: "treaty" })
      .do("RUS", { type: "table", target: "P3" })
      .do("RUS", { type: "offer", to: "GHA", give: [{ vote: { target: "P2", choice: "yes" } }], ask: [{ vote: { target: "P3", choice: "yes" } }] })
      .do("GHA", { type: "accept_offer", offer: "O1" })
      .do("chair", { type: "call_vote", target: "P3" });
    const d = decide(t.state, "GHA");
    expect(d?.action).toMatchObject({ type: "vote", target: "P3", choice: "yes" });
    expect(d?.why).toMatch(/^yes: as we pledged/);
  });

  it("takes no more offers from a delegation that broke a pledge made to it", () => {
    const t = new Table(classroom, { rule: "majority" })
      .do("chair", { type: "open_item", item: "treaty" })
      .do("RUS", { type: "table", target: "P3" })
      .do("GHA", { type: "offer", to: "RUS", give: [{ vote: { target: "P3", choice: "yes" } }], ask: [{ vote: { target: "P2", choice: "yes" } }] })
      .do("RUS", { type: "accept_offer", offer: "O1" })
      .do("chair", { type: "call_vote", target: "P3" });
    for (const id of ["USA", "DEU", "CHN", "RUS", "IND", "BRA", "SAU"]) t.do(id, { type: "vote", target: "P3", choice: id === "USA" || id === "DEU" ? "no" : "yes" });
    t.do("GHA", { type: "vote", target: "P3", choice: "no" }).do("chair", { type: "close_vote" });
    expect(viewFor(t.state, "RUS").private?.pledges.find((p) => p.by === "GHA")?.status).toBe("broken");
    t.do("GHA", { type: "offer", to: "RUS", give: [{ cosponsor: "P3" }], ask: [{ no_objection: "A3a" }] });
    const d = decide(t.state, "RUS");
    expect(d?.action).toEqual({ type: "decline_offer", offer: "O2" });
    expect(d?.why).toBe("decline O2: GHA broke a pledge to us before");
  });
});

describe("blocs as sign-on coalitions", () => {
  it("a member co-sponsors its leader's text, and names the pull of loyalty in its reason", () => {
    const t = new Table(classroom, { rule: "consensus" }).do("chair", { type: "open_item", item: "governance" }).do("SAU", { type: "table", target: "P1" });
    const d = decide(t.state, "CHN");
    expect(d?.action).toEqual({ type: "cosponsor", target: "P1" });
    expect(d?.why).toMatch(/^co-sponsor RUS's text for the SOV bloc: P1: .* RUS sponsors it \(loyalty 0\.6: \+0\.02\)$/);
  });

  it("a member whose own numbers say otherwise defects, and objects instead", () => {
    const doubtful = variant((json) => {
      const chn = json.delegations.find((d: { id: string }) => d.id === "CHN");
      chn.stance.IG = -0.8;
      chn.stance.DNS = -0.8;
    });
    const t = new Table(doubtful, { rule: "consensus" }).do("chair", { type: "open_item", item: "governance" }).do("SAU", { type: "table", target: "P1" });
    const d = decide(t.state, "CHN");
    expect(d?.action).toMatchObject({ type: "object", target: "P1" });
    expect(d?.why).toContain("RUS sponsors it (loyalty 0.6: +0.02)");
  });
});

describe("appetite for procedure", () => {
  it("a delegation with a taste for procedure walks out when a text breaking its red line is forced through, and comes back to decide on the Final Acts", () => {
    const proud = variant((json) => {
      const sau = json.delegations.find((d: { id: string }) => d.id === "SAU");
      sau.redLines = [{ not_adopted: "A1a" }];
      sau.personality.procedure = 0.9;
    });
    const t = governance(proud)
      .do("USA", { type: "move_amendment", amendment: "A1a" })
      .do("SAU", { type: "object", target: "A1a" })
      .do("chair", { type: "call_consensus", target: "A1a" })
      .do("chair", { type: "declare_consensus", target: "A1a", overrule: true });
    const d = decide(t.state, "SAU");
    expect(d?.action).toEqual({ type: "walk_out" });
    expect(d?.why).toBe("walk out: A1a was adopted over our objection and breaks our red line (A1a not adopted); procedure 0.9");
    t.do("SAU", { type: "walk_out" });
    expect(decide(t.state, "SAU")).toBeNull();
    t.do("chair", { type: "open_signing" });
    expect(decide(t.state, "SAU")?.action).toEqual({ type: "return" });
  });
});

describe("chair bots with a style", () => {
  it("the consensus chair sends a blocked text to informal consultations once, then waits", () => {
    const t = governance().do("chair", { type: "call_consensus", target: "P1" });
    const first = chair(t.state);
    expect(first?.action).toEqual({ type: "suspend" });
    expect(first?.why).toBe("USA object to P1: suspend for informal consultations on a package");
    t.do("chair", { type: "suspend" });
    expect(chair(t.state)?.action).toEqual({ type: "resume" });
    t.do("chair", { type: "resume" });
    // The objection still stands and consultations have been held: the chair never overrules.
    expect(chair(t.state)).toBeNull();
  });

  it("the temperature chair adopts over an objection when the placards are three to two", () => {
    const wcit = variant((json) => (json.chair.style = "temperature"));
    const t = governance(wcit).do("chair", { type: "call_consensus", target: "P1" });
    expect(chair(t.state)?.action).toEqual({ type: "take_temperature", target: "P1" });
    t.do("chair", { type: "take_temperature", target: "P1" });
    for (const [id, position] of [["SAU", "for"], ["RUS", "for"], ["CHN", "for"], ["USA", "against"], ["DEU", "against"]] as const) t.do(id, { type: "placard", target: "P1", position });
    expect(chair(t.state)?.action).toEqual({ type: "declare_consensus", target: "P1", overrule: true });
    t.do("IND", { type: "placard", target: "P1", position: "against" });
    // Three for, three against: no clear majority, no overrule.
    expect(chair(t.state)).toBeNull();
  });
});

describe("bots never read the record of history", () => {
  it("the same game is played, action for action, with or without the scenario's history", () => {
    const without = variant((json) => delete json.history);
    const actions = (s: Scenario) => runGame(s, { rule: "consensus", seed: 5 }).log.lines.filter((l): l is LogEntry => !isCheckpoint(l)).map((l) => [l.by, l.action, l.why]);
    expect(actions(without)).toEqual(actions(classroom));
  });
});
