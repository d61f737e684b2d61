import { describe, expect, it } from "vitest";
import { ACTION_TYPES, apply, outcome, viewFor, type Action } from "../../shared/engine/index.ts";
import { CODES, Table, testScenario } from "../fixtures/build.ts";

/**
 * Procedure transcripts: for every action type, a sequence a meeting could really go through, with the
 * actions accepted where the rules allow them and refused with the right code where they do not. The last
 * test checks that every action type of DESIGN §4 was seen both ways.
 */

const accepted = new Set<string>();
const refused = new Set<string>();

class Transcript extends Table {
  override do(by: string, action: Action): this {
    super.do(by, action);
    accepted.add(action.type);
    return this;
  }
  refused(by: string, action: Action, code: string): string {
    const error = this.refuse(by, action);
    expect(error.code, `${by} ${JSON.stringify(action)}: ${error.message}`).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    refused.add(action.type);
    return error.message;
  }
}

const [A, B, C, D, E] = CODES.slice(0, 5).map(([id]) => id) as [string, string, string, string, string];
type Opts = Parameters<typeof testScenario>[0];
const game = (rule: "consensus" | "majority" = "consensus", opts: Opts = {}) => new Transcript(testScenario({ delegations: 5, ...opts }), { rule });
/** Item one open, P1 tabled by A and seconded by B. */
const debating = (rule: "consensus" | "majority" = "consensus", opts: Opts = {}) =>
  game(rule, opts).do("chair", { type: "open_item", item: "one" }).do(A, { type: "table", target: "P1" }).do(B, { type: "second", target: "P1" });
function ballot(t: Transcript, choices: Record<string, "yes" | "no" | "abstain">): Transcript {
  const target = t.state.ballot?.target as string;
  for (const [id, choice] of Object.entries(choices)) t.do(id, { type: "vote", target, choice });
  return t.do("chair", { type: "close_vote" });
}

describe("the floor", () => {
  it("speakers ask, the chair gives the floor, the speaker speaks or yields", () => {
    const t = game();
    t.do(A, { type: "request_floor" });
    t.refused(A, { type: "request_floor" }, "floor/already-listed");
    t.refused(A, { type: "give_floor", to: A }, "seat/chair-only");
    t.refused("chair", { type: "give_floor", to: B }, "floor/not-listed");
    t.refused(A, { type: "speak", text: "Thank you, chair." }, "floor/not-yours");
    t.do("chair", { type: "give_floor", to: A });
    t.refused(A, { type: "request_floor" }, "floor/has-floor");
    t.do(A, { type: "speak", text: "Thank you, chair." });
    expect(t.state.lastSpeech).toMatchObject({ by: A, text: "Thank you, chair." });
    t.refused(A, { type: "yield_floor" }, "floor/not-yours");
    t.do(B, { type: "request_floor" }).do("chair", { type: "give_floor", to: B }).do(B, { type: "yield_floor" });
    expect(t.state.floor.holder).toBeNull();
  });

  it("the list of speakers closes in debate only, and a closed list that runs out ends the debate", () => {
    const t = game();
    t.refused("chair", { type: "close_speakers_list" }, "phase/not-now");
    t.do("chair", { type: "open_item", item: "one" }).do(A, { type: "table", target: "P1" }).do(B, { type: "second", target: "P1" });
    t.do(C, { type: "request_floor" }).do("chair", { type: "close_speakers_list" });
    t.refused("chair", { type: "close_speakers_list" }, "floor/already-closed");
    t.refused(D, { type: "request_floor" }, "floor/list-closed");
    t.do("chair", { type: "give_floor", to: C }).do(C, { type: "speak", text: "Last word." });
    expect(t.state.phase).toBe("decision");
    expect(t.state.queue).toEqual(["P1"]);
  });
});

describe("the agenda and the clock", () => {
  it("only the chair opens items, in order, and not twice", () => {
    const t = game("majority", { secondItem: true });
    t.refused(A, { type: "open_item", item: "one" }, "seat/chair-only");
    t.refused("chair", { type: "open_item", item: "nine" }, "item/unknown");
    t.do("chair", { type: "open_item", item: "one" });
    t.refused("chair", { type: "open_item", item: "two" }, "phase/not-now");
    t.do(A, { type: "table", target: "P1" }).do(B, { type: "second", target: "P1" }).do("chair", { type: "call_vote", target: "P1" });
    ballot(t, { [A]: "yes", [B]: "yes", [C]: "abstain", [D]: "abstain", [E]: "abstain" });
    expect(t.target("P1").status).toBe("postponed");
    expect(t.state.concluded).toBe(true);
    t.refused("chair", { type: "open_item", item: "one" }, "item/postponed-last");
    t.do("chair", { type: "open_item", item: "two" }).do(B, { type: "table", target: "P2" }).do(A, { type: "second", target: "P2" }).do("chair", { type: "call_vote", target: "P2" });
    ballot(t, { [A]: "yes", [B]: "yes" });
    t.refused("chair", { type: "open_item", item: "two" }, "item/done");
    t.do("chair", { type: "open_item", item: "one" });
    expect(t.state.item).toBe("one");
    expect(t.target("P1").status).toBe("tabled");
  });

  it("the chair cannot move on while questions remain", () => {
    const t = debating("majority", { secondItem: true }).do("chair", { type: "call_vote", target: "P1" });
    ballot(t, { [A]: "yes", [B]: "yes", [C]: "no" });
    const t2 = debating("majority", { secondItem: true });
    t2.do(C, { type: "move_amendment", amendment: "A2" }).do(D, { type: "second", target: "A2" }).do("chair", { type: "call_vote", target: "A2" });
    ballot(t2, { [A]: "no", [B]: "no", [C]: "yes" });
    expect(t2.state.phase).toBe("decision");
    t2.refused("chair", { type: "open_item", item: "two" }, "item/not-concluded");
  });

  it("deadlines end the step they name, and stale ones are refused", () => {
    const t = game("consensus", { secondItem: true });
    const opening = t.step;
    t.refused(A, { type: "deadline", step: opening }, "seat/system-only");
    t.refused("chair", { type: "deadline", step: opening }, "seat/system-only");
    t.do("system", { type: "deadline", step: opening });
    expect(t.state.item).toBe("one");
    t.refused("system", { type: "deadline", step: opening }, "deadline/stale");
    t.do(A, { type: "table", target: "P1" }).do(B, { type: "second", target: "P1" });
    t.do("system", { type: "deadline", step: t.step });
    expect(t.state.phase).toBe("decision");
    t.do("chair", { type: "call_consensus", target: "P1" }).do(C, { type: "object", target: "P1" });
    t.do("system", { type: "deadline", step: t.step });
    expect(t.target("P1").status).toBe("not_decided");
    expect(t.target("P1").decision?.reason).toContain("objection");
    expect(t.state.concluded).toBe(true);
    t.do("system", { type: "deadline", step: t.step });
    expect(t.state.item).toBe("two");
    t.do(B, { type: "table", target: "P2" }).do(A, { type: "second", target: "P2" }).do("chair", { type: "call_consensus", target: "P2" });
    t.do("system", { type: "deadline", step: t.step });
    expect(t.target("P2").status).toBe("adopted");
    expect(t.target("P2").decision?.reason).toBe("no objection: adopted by consensus");
    t.do("system", { type: "deadline", step: t.step });
    expect(t.state.phase).toBe("final_acts");
    t.do(A, { type: "sign" }).do("system", { type: "deadline", step: t.step });
    expect(t.state.phase).toBe("closed");
    expect(outcome(t.state).declined).toEqual([B, C, D, E].sort());
  });

  it("a deadline closes a ballot, and a paused step's deadline waits", () => {
    const t = debating("consensus");
    const debate = t.step;
    t.do(C, { type: "request_vote", target: "P1", method: "show_of_hands" });
    expect(t.state.steps.map((s) => s.kind)).toEqual(["debate", "ballot"]);
    expect(t.refused("system", { type: "deadline", step: debate }, "deadline/stale")).toContain("paused");
    t.do(A, { type: "vote", target: t.state.ballot?.target as string, choice: "yes" });
    t.do("system", { type: "deadline", step: t.step });
    expect(t.state.ballot).toBeNull();
    expect(t.state.voteRequests[0]?.status).toBe("adopted");
    expect(t.step).toBe(debate);
  });

  it("the chair may open the signing early, and close the conference only at the signing", () => {
    const t = debating();
    t.refused("chair", { type: "close_conference" }, "phase/not-now");
    t.do("chair", { type: "open_signing" });
    expect(t.target("P1").status).toBe("not_decided");
    expect(t.target("P1").decision?.reason).toContain("not reached");
    t.refused("chair", { type: "open_signing" }, "phase/not-now");
    t.do("chair", { type: "close_conference" });
    t.refused(A, { type: "sign" }, "conference/closed");
  });

  it("a suspension stops the meeting but not informal talks", () => {
    const t = debating();
    t.refused("chair", { type: "resume" }, "conference/not-suspended");
    t.do("chair", { type: "suspend" });
    t.refused(C, { type: "second", target: "P1" }, "conference/suspended");
    t.refused("chair", { type: "suspend" }, "conference/suspended");
    t.refused("system", { type: "deadline", step: t.step }, "conference/suspended");
    t.do(C, { type: "offer", to: D, give: [{ second: "P1" }], ask: [] });
    t.do("chair", { type: "resume" });
    t.do(C, { type: "cosponsor", target: "P1" });
  });
});

describe("texts: tabling, seconding, amending, withdrawing", () => {
  it("only a sponsor tables a proposal of the item before the meeting, once", () => {
    const t = game("consensus", { secondItem: true });
    t.refused(A, { type: "table", target: "P1" }, "phase/not-now");
    t.do("chair", { type: "open_item", item: "one" });
    t.refused(B, { type: "table", target: "P1" }, "table/not-sponsor");
    t.refused(B, { type: "table", target: "P2" }, "target/other-item");
    t.refused(A, { type: "table", target: "A1" }, "target/not-a-proposal");
    t.refused(A, { type: "table", target: "Q7" }, "target/unknown");
    t.do(A, { type: "table", target: "P1" });
    t.refused(A, { type: "table", target: "P1" }, "table/already");
  });

  it("another delegation seconds; co-sponsors sign on", () => {
    const t = game().do("chair", { type: "open_item", item: "one" });
    t.refused(B, { type: "second", target: "P1" }, "target/not-open");
    t.do(A, { type: "table", target: "P1" });
    t.refused(A, { type: "second", target: "P1" }, "second/own-text");
    t.do(B, { type: "second", target: "P1" });
    t.refused(B, { type: "second", target: "P1" }, "second/already");
    t.do(C, { type: "cosponsor", target: "P1" });
    t.refused(C, { type: "cosponsor", target: "P1" }, "cosponsor/already");
    t.refused(C, { type: "second", target: "P1" }, "second/own-text");
  });

  it("amendments are moved by their sponsors once the proposal is tabled, and a sponsor may accept one", () => {
    const t = game().do("chair", { type: "open_item", item: "one" });
    t.refused(B, { type: "move_amendment", amendment: "A1" }, "amendment/proposal-not-open");
    t.do(A, { type: "table", target: "P1" });
    t.refused(C, { type: "move_amendment", amendment: "A1" }, "amendment/not-sponsor");
    t.refused(B, { type: "move_amendment", amendment: "P1" }, "target/not-an-amendment");
    t.do(B, { type: "move_amendment", amendment: "A1" });
    t.refused(B, { type: "move_amendment", amendment: "A1" }, "amendment/already-moved");
    t.refused(A, { type: "accept_amendment", amendment: "A2" }, "amendment/not-moved");
    t.refused(B, { type: "accept_amendment", amendment: "A1" }, "amendment/not-proposal-sponsor");
    t.do(A, { type: "accept_amendment", amendment: "A1" });
    expect(t.target("A1")).toMatchObject({ status: "adopted", decision: { by: "sponsor" } });
    expect(t.target("P1").amendedBy).toBe("A1");
  });

  it("a sponsor withdraws its text; its amendments lapse", () => {
    const t = debating().do(B, { type: "move_amendment", amendment: "A1" });
    t.refused(B, { type: "withdraw", target: "P1" }, "withdraw/not-sponsor");
    t.do(A, { type: "withdraw", target: "P1" });
    expect(t.target("P1").status).toBe("withdrawn");
    expect(t.target("A1").status).toBe("not_decided");
    t.refused(A, { type: "withdraw", target: "P1" }, "target/not-open");
  });

  it("unseconded texts lapse when debate ends", () => {
    const t = game().do("chair", { type: "open_item", item: "one" }).do(A, { type: "table", target: "P1" });
    t.do("system", { type: "deadline", step: t.step });
    expect(t.target("P1")).toMatchObject({ status: "not_decided", decision: { reason: "no delegation seconded it: not decided" } });
  });
});

describe("consensus", () => {
  it("an objection blocks; consensus cannot be declared over it without an overrule", () => {
    const t = debating("consensus");
    t.refused("chair", { type: "declare_consensus", target: "P1" }, "phase/not-now");
    t.do(C, { type: "object", target: "P1", reason: "It crosses our red line." });
    t.refused(C, { type: "object", target: "P1" }, "object/already");
    t.do("chair", { type: "call_consensus", target: "P1" });
    t.refused("chair", { type: "call_consensus", target: "P1" }, "consensus/already-open");
    const message = t.refused("chair", { type: "declare_consensus", target: "P1" }, "consensus/objection-standing");
    expect(message).toContain(`Delegation ${C} objects to P1`);
    t.refused("chair", { type: "declare_consensus", target: "A1" }, "consensus/not-called");
    t.do(C, { type: "withdraw_objection", target: "P1" });
    t.refused(C, { type: "withdraw_objection", target: "P1" }, "object/none-standing");
    t.do("chair", { type: "declare_consensus", target: "P1" });
    expect(t.target("P1").decision).toMatchObject({ status: "adopted", by: "consensus" });
  });

  it("the chair can overrule an objection: a ruling that costs legitimacy and can be appealed", () => {
    const t = debating("consensus").do(C, { type: "object", target: "P1" }).do("chair", { type: "call_consensus", target: "P1" });
    t.do("chair", { type: "declare_consensus", target: "P1", overrule: true });
    expect(t.target("P1").decision).toMatchObject({ status: "adopted", by: "chair_overrule", objectors: [C] });
    expect(t.state.rulings[0]).toMatchObject({ id: "R1", kind: "overrule", appealable: true });
    expect(t.state.chair.legitimacy).toBe(80);
    expect(t.state.soleObjections[C]).toBe(1);
    t.do(C, { type: "appeal", ruling: "R1" });
    t.refused(D, { type: "appeal", ruling: "R1" }, "ballot/in-progress");
    ballot(t, { [C]: "yes", [D]: "yes", [E]: "yes", [A]: "no" });
    t.refused(D, { type: "appeal", ruling: "R1" }, "appeal/already");
    expect(t.state.rulings[0]?.appeal).toBe("overturned");
    expect(t.target("P1").status).toBe("tabled");
    expect(t.state.phase).toBe("debate");
    expect(t.state.chair.legitimacy).toBe(70);
  });

  it("an appeal is in order only until the chair's next action", () => {
    const t = debating("consensus", { secondItem: true }).do(C, { type: "object", target: "P1" }).do("chair", { type: "call_consensus", target: "P1" });
    t.do("chair", { type: "declare_consensus", target: "P1", overrule: true }).do("chair", { type: "open_item", item: "two" });
    t.refused(C, { type: "appeal", ruling: "R1" }, "appeal/too-late");
    t.refused(C, { type: "appeal", ruling: "R9" }, "appeal/unknown");
  });

  it("amendments come first, the one furthest from the original first", () => {
    const t = debating("consensus");
    t.do(C, { type: "move_amendment", amendment: "A2" }).do(B, { type: "move_amendment", amendment: "A1" });
    t.refused("chair", { type: "call_consensus", target: "A2" }, "second/missing");
    t.do(D, { type: "second", target: "A2" }).do(E, { type: "second", target: "A1" });
    const message = t.refused("chair", { type: "call_consensus", target: "A2" }, "order/not-next");
    expect(message).toContain("A1");
    t.refused("chair", { type: "call_consensus", target: "P1" }, "order/not-next");
    t.do("chair", { type: "call_consensus", target: "A1" }).do("chair", { type: "declare_consensus", target: "A1" });
    expect(t.state.queue).toEqual(["P1"]);
    expect(t.target("A2").decision?.reason).toContain("lapsed: amendment A1 was adopted first");
  });

  it("under one country, one vote there is no consensus call, no objection and no temperature", () => {
    const t = debating("majority");
    t.refused(C, { type: "object", target: "P1" }, "rule/majority");
    t.refused("chair", { type: "call_consensus", target: "P1" }, "rule/majority");
    t.refused("chair", { type: "take_temperature", target: "P1" }, "rule/majority");
  });

  it("taking the temperature collects placards until the chair's next action and decides nothing", () => {
    const t = debating("consensus");
    t.refused(C, { type: "placard", target: "P1", position: "for" }, "placard/no-temperature");
    t.do("chair", { type: "take_temperature", target: "P1" });
    t.do(C, { type: "placard", target: "P1", position: "for" }).do(D, { type: "placard", target: "P1", position: "against" }).do(E, { type: "placard", target: "P1", position: "for" });
    t.refused(C, { type: "placard", target: "P1", position: "against" }, "placard/already");
    t.do(A, { type: "request_floor" }).do("chair", { type: "give_floor", to: A });
    expect(t.state.temperature).toBeNull();
    expect(t.state.lastTemperature).toMatchObject({ target: "P1", for: 2, against: 1 });
    expect(t.target("P1").status).toBe("tabled");
  });
});

describe("votes", () => {
  it("under consensus a formal vote needs an adopted request first", () => {
    const t = debating("consensus");
    t.refused("chair", { type: "call_vote", target: "P1" }, "vote/not-requested");
    t.do(C, { type: "request_vote", target: "P1", method: "roll_call" });
    t.refused(C, { type: "request_vote", target: "P1", method: "roll_call" }, "ballot/in-progress");
    ballot(t, { [A]: "yes", [B]: "yes", [C]: "yes", [D]: "no" });
    t.refused(C, { type: "request_vote", target: "P1", method: "secret" }, "request/already");
    t.do(D, { type: "request_vote", target: "P1", method: "roll_call" });
    expect(t.state.voteRequests.map((r) => r.status)).toEqual(["adopted", "noted"]);
    t.refused("chair", { type: "call_consensus", target: "P1" }, "consensus/vote-requested");
    t.do("chair", { type: "call_vote", target: "P1" });
    expect(t.state.ballot?.method).toBe("roll_call");
  });

  it("ballots: one each, on the open question, and roll-call in turn from a delegation drawn by lot", () => {
    const t = debating("majority");
    t.refused(A, { type: "vote", target: "P1", choice: "yes" }, "vote/no-ballot");
    t.refused("chair", { type: "close_vote" }, "vote/no-ballot");
    t.do(C, { type: "request_vote", target: "P1", method: "roll_call" }).do(D, { type: "request_vote", target: "P1", method: "secret" });
    t.do("chair", { type: "call_vote", target: "P1", method: "show_of_hands" });
    const b = t.state.ballot;
    expect(b?.method).toBe("roll_call");
    const order = b?.voters ?? [];
    // French alphabetical order (sortKey), rotated to start at the delegation drawn by lot.
    const french = [...order].sort((x, y) => (CODES.find(([c]) => c === x)?.[1] ?? "").localeCompare(CODES.find(([c]) => c === y)?.[1] ?? ""));
    const start = french.indexOf(order[0] as string);
    expect(order).toEqual([...french.slice(start), ...french.slice(0, start)]);
    t.refused(order[1] as string, { type: "vote", target: "P1", choice: "yes" }, "vote/not-your-turn");
    t.refused(order[0] as string, { type: "vote", target: "A1", choice: "yes" }, "vote/wrong-question");
    // Each delegation called has a turn of its own (a step the clock can end).
    const firstTurn = t.step;
    expect(t.state.steps.at(-1)?.kind).toBe("turn");
    t.do(order[0] as string, { type: "vote", target: "P1", choice: "yes" });
    expect(t.step).not.toBe(firstTurn);
    t.refused(order[0] as string, { type: "vote", target: "P1", choice: "no" }, "vote/already-cast");
    t.refused(order[0] as string, { type: "close_vote" }, "seat/chair-only");
    expect(t.refused("chair", { type: "close_vote" }, "vote/roll-call-running")).toContain("closes by itself once every delegation has been called");
    // The last vote called closes the roll-call: nobody has to close it, and nobody is left out.
    for (const id of order.slice(1)) t.do(id, { type: "vote", target: "P1", choice: "no" });
    expect(t.state.ballot).toBeNull();
    expect(t.target("P1").decision?.tally).toEqual({ yes: 1, no: 4, abstain: 0 });
    expect(t.events.some((e) => e.startsWith("The roll-call is complete (every delegation has been called). Result on P1"))).toBe(true);
  });

  it("a roll-call passes a delegation that lets its turn run out, calls it again at the end, then counts it present and not voting", () => {
    const t = debating("majority").do("chair", { type: "call_vote", target: "P1", method: "roll_call" });
    const order = t.state.ballot?.voters ?? [];
    const [first, second, ...rest] = order as [string, string, ...string[]];
    t.do("system", { type: "deadline", step: t.step });
    expect(t.state.ballot?.recalled).toEqual([first]);
    expect(t.events.at(-1)).toMatch(/does not answer the roll-call: it will be called again at the end$/);
    t.refused(first, { type: "vote", target: "P1", choice: "yes" }, "vote/not-your-turn");
    t.do(second, { type: "vote", target: "P1", choice: "yes" });
    for (const id of rest) t.do(id, { type: "vote", target: "P1", choice: "no" });
    // Everyone else has voted: the first delegation is called once more.
    expect(t.state.ballot?.voters.length).toBe(5);
    expect(viewFor(t.state, "observer").ballot?.called).toBe(first);
    t.do("system", { type: "deadline", step: t.step });
    expect(t.events.some((e) => / does not answer the roll-call a second time: present and not voting$/.test(e))).toBe(true);
    expect(t.state.ballot).toBeNull();
    expect(t.target("P1").decision?.tally).toEqual({ yes: 1, no: 3, abstain: 0 });
    // A stale turn's deadline changes nothing.
    const u = debating("majority").do("chair", { type: "call_vote", target: "P1", method: "roll_call" });
    const turn = u.step;
    u.do(u.state.ballot?.voters[0] as string, { type: "vote", target: "P1", choice: "yes" });
    u.refused("system", { type: "deadline", step: turn }, "deadline/stale");
  });

  it("(engine 0.1.0 games) a roll-call has no turns and the chair closes it", () => {
    const t = new Transcript(testScenario({ delegations: 5 }), { rule: "majority", engine: "0.1.0" });
    t.do("chair", { type: "open_item", item: "one" }).do(A, { type: "table", target: "P1" }).do(B, { type: "second", target: "P1" });
    t.do("chair", { type: "call_vote", target: "P1", method: "roll_call" });
    const order = t.state.ballot?.voters ?? [];
    expect(t.state.steps.at(-1)?.kind).toBe("ballot");
    expect(t.state.ballot?.recalled).toBeUndefined();
    for (const id of order) t.do(id, { type: "vote", target: "P1", choice: "yes" });
    expect(t.state.ballot).not.toBeNull();
    t.do("chair", { type: "close_vote" });
    expect(t.target("P1").decision?.tally).toEqual({ yes: 5, no: 0, abstain: 0 });
  });

  it("five requests for a secret ballot make it secret; otherwise the chair chooses", () => {
    const t = debating("majority");
    for (const id of [A, B, C, D, E]) t.do(id, { type: "request_vote", target: "P1", method: "secret" });
    t.do("chair", { type: "call_vote", target: "P1", method: "show_of_hands" });
    expect(t.state.ballot?.method).toBe("secret");
    const u = debating("majority").do("chair", { type: "call_vote", target: "P1", method: "roll_call" });
    expect(u.state.ballot?.method).toBe("roll_call");
  });

  it("calling a vote without quorum postpones the question", () => {
    const t = debating("majority").do(C, { type: "walk_out" }).do(D, { type: "walk_out" }).do(E, { type: "walk_out" });
    t.do("chair", { type: "call_vote", target: "P1" });
    expect(t.state.ballot).toBeNull();
    expect(t.target("P1")).toMatchObject({ status: "postponed", decision: { reason: "no quorum (2 of 5 present or represented, 3 needed): postponed" } });
  });

  it("explanations of vote come from those who voted, once", () => {
    const t = debating("majority").do("chair", { type: "call_vote", target: "P1" });
    ballot(t, { [A]: "yes", [B]: "yes", [C]: "no" });
    t.refused(D, { type: "explain_vote", target: "P1", text: "We did not vote." }, "explain/no-vote");
    t.do(C, { type: "explain_vote", target: "P1", text: "We voted against because of the cost." });
    t.refused(C, { type: "explain_vote", target: "P1", text: "Again." }, "explain/already");
  });
});

describe("points of order, rulings, appeals and motions", () => {
  it("a point of order is ruled on at once; the chair does nothing else first", () => {
    const t = debating();
    t.do(C, { type: "point_of_order", text: "Was that a vote?" });
    t.refused(C, { type: "point_of_order", text: "And again?" }, "point/already-pending");
    t.refused("chair", { type: "open_signing" }, "point/pending");
    t.refused("chair", { type: "rule", point: "PO7", decision: "upheld" }, "point/unknown");
    t.do("chair", { type: "rule", point: "PO1", decision: "upheld" });
    t.refused("chair", { type: "rule", point: "PO1", decision: "rejected" }, "point/ruled");
    t.do(D, { type: "appeal", ruling: "R1" });
    ballot(t, { [A]: "yes", [B]: "yes", [D]: "yes" });
    expect(t.state.points[0]?.status).toBe("rejected");
  });

  it("a point of order is in order during a vote", () => {
    const t = debating("majority").do("chair", { type: "call_vote", target: "P1" });
    t.do(E, { type: "point_of_order", text: "The roll-call skipped us." });
    t.refused("chair", { type: "close_vote" }, "point/pending");
  });

  it("motions are decided before other business, highest precedence first", () => {
    const t = debating("consensus");
    t.do(C, { type: "motion", kind: "close_debate" });
    t.refused(D, { type: "motion", kind: "close_debate" }, "motion/already-pending");
    t.do(D, { type: "motion", kind: "suspend" });
    t.refused("chair", { type: "call_consensus", target: "P1" }, "motion/pending");
    t.refused("chair", { type: "call_vote", target: "M1" }, "motion/precedence");
    t.do("chair", { type: "call_vote", target: "M2" });
    ballot(t, { [A]: "no", [B]: "no", [D]: "yes" });
    expect(t.state.motions[1]?.status).toBe("rejected");
    // At most two speakers against closure, then the show of hands.
    t.do(A, { type: "request_floor" }).do(B, { type: "request_floor" }).do(E, { type: "request_floor" });
    t.do("chair", { type: "give_floor", to: A }).do(A, { type: "speak", text: "Against closure." });
    t.do("chair", { type: "give_floor", to: B }).do(B, { type: "speak", text: "Also against." });
    t.refused("chair", { type: "give_floor", to: E }, "motion/speakers-limit");
    t.do("chair", { type: "call_vote", target: "M1" });
    ballot(t, { [C]: "yes", [D]: "yes", [E]: "yes", [A]: "no" });
    expect(t.state.phase).toBe("decision");
    expect(t.state.queue).toEqual(["P1"]);
    t.refused(C, { type: "motion", kind: "adjourn_debate" }, "phase/not-now");
  });

  it("an adopted motion to suspend suspends the meeting", () => {
    const t = debating().do(C, { type: "motion", kind: "suspend" }).do("chair", { type: "call_vote", target: "M1" });
    ballot(t, { [C]: "yes", [D]: "yes" });
    expect(t.state.suspended).toBe("suspend");
  });

  it("adjourning the debate sends the item after the last one, once", () => {
    const t = debating("consensus", { secondItem: true }).do(C, { type: "motion", kind: "adjourn_debate" }).do("chair", { type: "call_vote", target: "M1" });
    ballot(t, { [C]: "yes", [D]: "yes" });
    expect(t.state.postponedItems).toEqual(["one"]);
    expect(t.state.concluded).toBe(true);
    t.do("chair", { type: "open_item", item: "two" }).do("system", { type: "deadline", step: t.step }).do("system", { type: "deadline", step: t.step });
    expect(t.state.item).toBe("one");
    expect(t.target("P1").status).toBe("tabled");
    t.refused(C, { type: "motion", kind: "adjourn_debate" }, "motion/already-adjourned");
  });
});

describe("offers and pledges", () => {
  it("offers are made, accepted, declined or retracted by their parties only", () => {
    const t = debating("consensus");
    t.refused(C, { type: "offer", to: C, give: [{ second: "P1" }], ask: [] }, "offer/self");
    t.refused(C, { type: "offer", to: D, give: [], ask: [] }, "offer/empty");
    t.refused(C, { type: "offer", to: D, give: [{ second: "Z9" }], ask: [] }, "offer/unknown-target");
    t.refused(C, { type: "offer", to: D, give: [{ withdraw: "P1" }], ask: [] }, "offer/cannot-withdraw");
    t.do(C, { type: "offer", to: D, give: [{ vote: { target: "P1", choice: "yes" } }], ask: [{ no_objection: "P1" }] });
    t.refused(E, { type: "accept_offer", offer: "O1" }, "offer/unknown");
    t.refused(D, { type: "retract_offer", offer: "O1" }, "offer/unknown");
    t.do(D, { type: "accept_offer", offer: "O1" });
    t.refused(D, { type: "accept_offer", offer: "O1" }, "offer/not-open");
    t.do(C, { type: "offer", to: E, give: [{ second: "A1" }], ask: [] }).do(E, { type: "decline_offer", offer: "O2" });
    t.refused(E, { type: "decline_offer", offer: "O2" }, "offer/not-open");
    t.do(C, { type: "offer", to: E, give: [{ cosponsor: "P1" }], ask: [] }).do(C, { type: "retract_offer", offer: "O3" });
    t.refused(C, { type: "retract_offer", offer: "O3" }, "offer/not-open");
    expect(t.state.offers.map((o) => o.status)).toEqual(["accepted", "declined", "retracted"]);
  });

  it("whether each pledge was kept is judged from what happened, and a broken one costs", () => {
    const t = debating("majority");
    t.do(C, { type: "offer", to: D, give: [{ vote: { target: "P1", choice: "yes" } }, { cosponsor: "P1" }], ask: [{ vote: { target: "P1", choice: "yes" } }] });
    t.do(D, { type: "accept_offer", offer: "O1" }).do(C, { type: "cosponsor", target: "P1" }).do("chair", { type: "call_vote", target: "P1" });
    ballot(t, { [A]: "yes", [C]: "yes", [D]: "no" });
    const o = outcome(t.state);
    expect(o.pledges.map((p) => [p.by, Object.keys(p.pledge)[0], p.status])).toEqual([
      [C, "vote", "kept"],
      [C, "cosponsor", "kept"],
      [D, "vote", "broken"],
    ]);
    expect(o.details[D]?.pledgesBroken).toBe(1);
    expect(o.details[C]?.pledgesKept).toBe(2);
  });
});

describe("presence", () => {
  it("a delegation walks out and returns; its objections lapse and it cannot leave in the middle of a vote", () => {
    const t = debating("consensus");
    t.refused(C, { type: "return" }, "presence/not-out");
    t.do(C, { type: "object", target: "P1" }).do(C, { type: "walk_out" });
    expect(t.target("P1").objections).toEqual({});
    t.refused(C, { type: "walk_out" }, "seat/walked-out");
    t.refused(C, { type: "second", target: "P1" }, "seat/walked-out");
    t.do(C, { type: "return" });
    t.do(D, { type: "request_vote", target: "P1", method: "show_of_hands" });
    t.refused(E, { type: "walk_out" }, "ballot/in-progress");
  });
});

describe("the Final Acts", () => {
  it("each delegation signs once, with reservations on adopted texts, or declines; a walked-out delegation may sign", () => {
    const t = new Transcript(testScenario({ delegations: [{ id: A }, { id: B }, { id: C }, { id: D }, { id: E, maySign: false }] }), { rule: "majority" });
    t.refused(A, { type: "sign" }, "phase/not-now");
    t.do("chair", { type: "open_item", item: "one" }).do(A, { type: "table", target: "P1" }).do(B, { type: "second", target: "P1" }).do("chair", { type: "call_vote", target: "P1" });
    ballot(t, { [A]: "yes", [B]: "yes", [C]: "no" });
    t.do("chair", { type: "open_signing" });
    t.refused(E, { type: "sign" }, "sign/not-entitled");
    t.refused(E, { type: "decline_to_sign" }, "sign/not-entitled");
    t.refused(A, { type: "sign", reservations: ["A1"] }, "sign/bad-reservation");
    t.do(A, { type: "sign", reservations: ["P1"] });
    t.refused(A, { type: "sign" }, "sign/already");
    t.refused(A, { type: "decline_to_sign" }, "sign/already");
    t.do(B, { type: "decline_to_sign" });
    t.refused(B, { type: "decline_to_sign" }, "sign/already-declined");
    t.do(B, { type: "sign" });
    t.do(C, { type: "walk_out" }).do(C, { type: "sign" });
    t.do("chair", { type: "close_conference" });
    const o = outcome(t.state);
    expect(o.signed).toEqual([A, B, C].sort());
    expect(o.declined).toEqual([D]);
  });
});

describe("bad input", () => {
  it("a malformed action is refused with a reason and changes nothing", () => {
    const t = debating();
    for (const bad of [null, 42, "vote", {}, { type: "vote" }, { type: "fly" }, { type: "speak", text: "" }, { type: "speak", text: "hi", extra: 1 }, { type: "vote", target: "P1", choice: "maybe" }]) {
      const r = apply(t.state, { by: A, action: bad });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe("action/malformed");
    }
    const r = apply(t.state, { by: 7 as unknown as string, action: { type: "request_floor" } });
    expect(!r.ok && r.error.code).toBe("action/malformed");
    expect(t.refuse("ZZZ", { type: "request_floor" }).code).toBe("seat/unknown");
  });

  it("a delegation that is not at the conference cannot act", () => {
    const t = new Transcript(testScenario({ delegations: [{ id: A }, { id: B }, { id: C }, { id: D, present: false }] }));
    expect(t.refuse(D, { type: "request_floor" }).code).toBe("seat/absent");
    expect(viewFor(t.state, D).private?.delegation.present).toBe(false);
  });
});

describe("coverage", () => {
  it("every action type of DESIGN §4 was accepted and refused somewhere above", () => {
    expect(ACTION_TYPES.filter((type) => !accepted.has(type))).toEqual([]);
    expect(ACTION_TYPES.filter((type) => !refused.has(type))).toEqual([]);
  });
});
