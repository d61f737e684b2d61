import { describe, expect, it } from "vitest";
import { outcome, type Action } from "../../shared/engine/index.ts";
import { CHAIN_LIMITS } from "../../shared/engine/specs/procedure.ts";
import { CODES, openWithP1, Table, testScenario } from "../fixtures/build.ts";

/**
 * The rule changes of engine 0.2.0, each beside the rule that games of 0.1.0 keep (docs/log-format.md,
 * "Versions and gates"). The roll-call's turns are in procedure.test.ts.
 */

const ids = CODES.slice(0, 5).map(([id]) => id) as [string, string, string, string, string];
const [A, B, C, D, E] = ids;
const game = (engine: "0.1.0" | "0.2.0" | "0.3.0", rule: "consensus" | "majority" = "majority") => openWithP1(new Table(testScenario({ delegations: 5, rule }), { rule, engine }), ids);
function ballot(t: Table, choices: Record<string, "yes" | "no" | "abstain">): Table {
  const target = t.state.ballot?.target as string;
  for (const [id, choice] of Object.entries(choices)) t.do(id, { type: "vote", target, choice });
  return t.do("chair", { type: "close_vote" });
}

describe("offers whose terms can no longer be kept (gate offersLapse)", () => {
  const offer: Action = { type: "offer", to: D, give: [{ second: "A2" }], ask: [{ vote: { target: "P1", choice: "yes" } }] };

  it("lapse when a text they name is decided, and only their two parties are told", () => {
    const t = game("0.2.0").do(C, offer).do("chair", { type: "call_vote", target: "P1" });
    const before = t.events.length;
    ballot(t, { [A]: "yes", [B]: "yes", [C]: "yes", [D]: "no" });
    expect(t.state.offers[0]).toMatchObject({ id: "O1", status: "lapsed", settledSeq: t.state.seq });
    t.refuse(D, { type: "accept_offer", offer: "O1" });
    expect(t.refuse(D, { type: "accept_offer", offer: "O1" }).message).toBe("Offer O1 is no longer open (lapsed).");
    const r = t.events.slice(before).find((e) => e.startsWith("Offer O1 lapses"));
    expect(r).toBe("Offer O1 lapses: P1 has been adopted, so its terms can no longer be kept");
  });

  it("(0.1.0 games) stay open, and accepting one pledges the recipient to a moot vote", () => {
    const t = game("0.1.0").do(C, offer).do("chair", { type: "call_vote", target: "P1" });
    ballot(t, { [A]: "yes", [B]: "yes", [C]: "yes", [D]: "no" });
    expect(t.state.offers[0]?.status).toBe("open");
    t.do(D, { type: "accept_offer", offer: "O1" });
  });
});

describe("how much procedure one delegation may chain (gate proceduralLimits)", () => {
  it(`${CHAIN_LIMITS.points} points of order per delegation per item, then a refusal that says the meeting moves on; a new item starts afresh`, () => {
    const t = new Table(testScenario({ delegations: 5, secondItem: true }), { rule: "majority", engine: "0.2.0" }).do("chair", { type: "open_item", item: "one" });
    for (let i = 1; i <= CHAIN_LIMITS.points; i++) t.do(C, { type: "point_of_order", text: `Point ${i}` }).do("chair", { type: "rule", point: `PO${i}`, decision: "rejected" });
    const refused = t.refuse(C, { type: "point_of_order", text: "One more" });
    expect(refused).toEqual({ code: "point/limit", message: `Delegation AUS has made ${CHAIN_LIMITS.points} points of order on "Item one", the most one delegation may: the meeting moves on.` });
    t.do(D, { type: "point_of_order", text: "Another delegation's first" });
    expect(t.state.chains?.by[C]?.points).toBe(CHAIN_LIMITS.points);
  });

  it(`${CHAIN_LIMITS.appeals} appeals and ${CHAIN_LIMITS.motions} motions per delegation per item`, () => {
    const t = game("0.2.0");
    for (let i = 1; i <= CHAIN_LIMITS.appeals; i++) {
      t.do(C, { type: "point_of_order", text: `Point ${i}` }).do("chair", { type: "rule", point: `PO${i}`, decision: "rejected" }).do(C, { type: "appeal", ruling: `R${i}` });
      ballot(t, { [A]: "no", [B]: "no" });
    }
    t.do(C, { type: "point_of_order", text: "Point 3" }).do("chair", { type: "rule", point: "PO3", decision: "rejected" });
    expect(t.refuse(C, { type: "appeal", ruling: "R3" }).code).toBe("appeal/limit");
    t.do(D, { type: "appeal", ruling: "R3" });
    ballot(t, { [A]: "no", [B]: "no" });
    for (const kind of ["suspend", "adjourn"] as const) {
      t.do(E, { type: "motion", kind }).do("chair", { type: "call_vote", target: t.state.motions.at(-1)?.id as string });
      ballot(t, { [A]: "no", [B]: "no" });
    }
    expect(t.refuse(E, { type: "motion", kind: "close_debate" }).code).toBe("motion/limit");
  });

  it("(0.1.0 games) have no limit", () => {
    const t = game("0.1.0");
    for (let i = 1; i <= 6; i++) t.do(C, { type: "point_of_order", text: `Point ${i}` }).do("chair", { type: "rule", point: `PO${i}`, decision: "rejected" });
    expect(t.state.chains).toBeUndefined();
  });
});

describe("the words of a decision (gate decisionWording)", () => {
  it('a proposal adopted with an amendment says "adopted as amended by"; a re-vote says abstentions are set aside', () => {
    const t = game("0.2.0").do(C, { type: "move_amendment", amendment: "A2" }).do(D, { type: "second", target: "A2" });
    t.do("chair", { type: "call_vote", target: "A2" });
    ballot(t, { [A]: "yes", [B]: "yes", [C]: "yes" });
    t.do("chair", { type: "call_vote", target: "P1" });
    ballot(t, { [A]: "yes", [B]: "yes", [C]: "no" });
    expect(t.target("P1").decision?.reason).toBe("majority of those present and voting (2 to 1): adopted as amended by A2");

    const r = new Table(testScenario({ delegations: 5, secondItem: true }), { rule: "majority", engine: "0.2.0" });
    openWithP1(r, ids).do("chair", { type: "call_vote", target: "P1" });
    ballot(r, { [A]: "yes", [B]: "abstain", [C]: "abstain", [D]: "abstain" });
    r.do("chair", { type: "open_item", item: "two" }).do(B, { type: "table", target: "P2" }).do(A, { type: "second", target: "P2" }).do("chair", { type: "call_vote", target: "P2" });
    ballot(r, { [A]: "yes" });
    r.do("chair", { type: "open_item", item: "one" }).do("chair", { type: "call_vote", target: "P1" });
    ballot(r, { [A]: "yes", [B]: "abstain", [C]: "abstain", [D]: "no", [E]: "yes" });
    expect(r.target("P1").decision?.reason).toBe("at the re-vote abstentions are set aside: majority of those present and voting (2 to 1, 2 abstaining): adopted");
  });

  it("(0.1.0 games) keep the old words", () => {
    const t = game("0.1.0").do(C, { type: "move_amendment", amendment: "A2" }).do(D, { type: "second", target: "A2" });
    t.do("chair", { type: "call_vote", target: "A2" });
    ballot(t, { [A]: "yes", [B]: "yes", [C]: "yes" });
    t.do("chair", { type: "call_vote", target: "P1" });
    ballot(t, { [A]: "yes", [B]: "yes", [C]: "no" });
    expect(t.target("P1").decision?.reason).toBe("majority of those present and voting (2 to 1): adopted");
  });
});

describe("the method of a vote, explained (any version: words only, in the record)", () => {
  it("one request for a roll-call gives a show of hands, and the record and the requester say why", () => {
    const t = game("0.2.0").do(C, { type: "request_vote", target: "P1", method: "roll_call" });
    expect(t.events.at(-1)).toBe("Delegation AUS asks for a roll call vote on P1 (a roll-call needs 2 requests; 1 made so far)");
    t.do("chair", { type: "call_vote", target: "P1" });
    expect(t.state.ballot?.method).toBe("show_of_hands");
    expect(t.events.at(-1)).toBe("Vote on P1 (First proposal) (show of hands: a roll-call needs 2 requests; 1 was made; 5 entitled to vote)");
  });
});

describe("a broken pledge about a secret ballot (gate secretPledgesUnscored)", () => {
  const play = (engine: "0.2.0" | "0.3.0") => {
    const t = game(engine).do(C, { type: "offer", to: D, give: [{ second: "A2" }], ask: [{ vote: { target: "P1", choice: "yes" } }] }).do(D, { type: "accept_offer", offer: "O1" });
    for (const id of ids) t.do(id, { type: "request_vote", target: "P1", method: "secret" });
    t.do("chair", { type: "call_vote", target: "P1" });
    expect(t.state.ballot?.method).toBe("secret");
    ballot(t, { [A]: "yes", [B]: "yes", [C]: "yes", [D]: "no" });
    return outcome(t.state);
  };

  it("costs nothing in the score: only its two parties can know of it, so a public score must not reveal it", () => {
    const now = play("0.3.0");
    const pledge = now.pledges.find((p) => p.by === D);
    expect(pledge).toMatchObject({ status: "broken", secret: true });
    expect(now.details[D]?.pledgesBroken).toBe(0);
    // The same game under 0.2.0 (its logs replay as they were): the penalty was there.
    const then = play("0.2.0");
    expect(then.details[D]?.pledgesBroken).toBe(1);
    expect((now.scores[D] ?? 0) - (then.scores[D] ?? 0)).toBeCloseTo(0.05, 10);
  });
});
