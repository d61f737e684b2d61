import { describe, expect, it } from "vitest";
import { viewFor } from "../../shared/engine/view.ts";
import { CODES, Table, testScenario, type TestDelegation } from "../fixtures/build.ts";

/**
 * The voting rules of DESIGN §3 as a table: each row plays a real vote through apply() — table, second,
 * call_vote, ballots, close_vote — and checks the decision the meeting would see.
 */

type Choice = "yes" | "no" | "abstain";
const ids = CODES.map(([id]) => id);

interface Row {
  name: string;
  delegations?: TestDelegation[];
  threshold?: "simple" | "two_thirds";
  basis?: "present_voting" | "accredited";
  walkouts?: string[];
  /** principal → choice; a principal with a proxy is voted by its holder with `for`. */
  votes: Record<string, Choice>;
  status: "adopted" | "rejected" | "postponed" | "not_decided";
  reason: string;
  tally?: [number, number, number];
}

const ten = ids.slice(0, 10);
/** "yes×6 no×4" style helper: the first delegations vote in order. */
function votes(spec: Partial<Record<Choice, number>>, pool: readonly string[] = ten): Record<string, Choice> {
  const out: Record<string, Choice> = {};
  let i = 0;
  for (const choice of ["yes", "no", "abstain"] as const) {
    for (let k = 0; k < (spec[choice] ?? 0); k++) out[pool[i++] as string] = choice;
  }
  return out;
}
const plain = (n: number, extra: Record<number, Partial<TestDelegation>> = {}) => ids.slice(0, n).map((id, i) => ({ id, ...extra[i] }));

const rows: Row[] = [
  { name: "simple majority 6-4 adopts", votes: votes({ yes: 6, no: 4 }), status: "adopted", reason: "majority of those present and voting (6 to 4)", tally: [6, 4, 0] },
  { name: "a 5-5 tie rejects", votes: votes({ yes: 5, no: 5 }), status: "rejected", reason: "tie (5 to 5)", tally: [5, 5, 0] },
  { name: "everyone abstaining postpones", votes: votes({ abstain: 10 }), status: "postponed", reason: "abstentions over half (10 of 10)" },
  { name: "abstentions are not counted in the majority", votes: votes({ yes: 4, no: 3, abstain: 3 }), status: "adopted", reason: "(4 to 3, 3 abstaining)" },
  { name: "abstentions at exactly half do not postpone", votes: votes({ yes: 3, no: 2, abstain: 5 }), status: "adopted", reason: "(3 to 2, 5 abstaining)" },
  { name: "abstentions over half postpone", votes: votes({ yes: 2, no: 2, abstain: 6 }), status: "postponed", reason: "abstentions over half (6 of 10)" },
  { name: "abstentions over half of the votes cast, not of those present", votes: votes({ yes: 1, abstain: 2 }), status: "postponed", reason: "abstentions over half (2 of 3)" },
  { name: "present and not voting counts for nothing", votes: votes({ yes: 3, no: 2 }), status: "adopted", reason: "(3 to 2)", tally: [3, 2, 0] },
  { name: "no ballot cast at all is a tie and rejects", votes: {}, status: "rejected", reason: "tie (0 to 0)", tally: [0, 0, 0] },
  { name: "a single yes carries against no opposition", votes: votes({ yes: 1 }), status: "adopted", reason: "(1 to 0)" },
  { name: "two-thirds of those voting: 6-3 is exactly two-thirds", threshold: "two_thirds", votes: votes({ yes: 6, no: 3 }), status: "adopted", reason: "two-thirds of those present and voting (6 to 3)" },
  { name: "two-thirds of those voting: 5-3 falls short", threshold: "two_thirds", votes: votes({ yes: 5, no: 3 }), status: "rejected", reason: "under two-thirds of those present and voting (5 to 3)" },
  { name: "two-thirds ignores abstentions: 4-2 with 3 abstaining", threshold: "two_thirds", votes: votes({ yes: 4, no: 2, abstain: 3 }), status: "adopted", reason: "two-thirds of those present and voting (4 to 2)" },
  { name: "two-thirds 2-1 is exactly two-thirds", threshold: "two_thirds", votes: votes({ yes: 2, no: 1 }), status: "adopted", reason: "(2 to 1)" },
  { name: "two-thirds with only abstentions postpones first", threshold: "two_thirds", votes: votes({ abstain: 1 }), status: "postponed", reason: "abstentions over half" },
  { name: "two-thirds of the accredited: 7 of 10", threshold: "two_thirds", basis: "accredited", votes: votes({ yes: 7, no: 1 }), status: "adopted", reason: "two-thirds of the 10 delegations accredited with a vote (7 yes)" },
  { name: "two-thirds of the accredited: 6 unanimous yes of 10 is not enough", threshold: "two_thirds", basis: "accredited", votes: votes({ yes: 6 }), status: "rejected", reason: "under two-thirds of the 10 delegations accredited with a vote (6 yes)" },
  {
    name: "the accredited basis leaves out delegations without a vote: 6 of 9 is exactly two-thirds",
    delegations: plain(12, { 9: { votingRight: false }, 10: { votingRight: false }, 11: { votingRight: false } }),
    threshold: "two_thirds", basis: "accredited", votes: votes({ yes: 6 }), status: "adopted", reason: "two-thirds of the 9 delegations accredited with a vote (6 yes)",
  },
  {
    name: "the accredited basis: 5 of 9 falls short",
    delegations: plain(12, { 9: { votingRight: false }, 10: { votingRight: false }, 11: { votingRight: false } }),
    threshold: "two_thirds", basis: "accredited", votes: votes({ yes: 5 }), status: "rejected", reason: "under two-thirds of the 9 delegations",
  },
  {
    name: "an absent delegation that gave its proxy is accredited and its vote counts",
    delegations: plain(9, { 8: { present: false, proxyTo: ids[0] } }),
    threshold: "two_thirds", basis: "accredited", votes: { ...votes({ yes: 5 }), [ids[8] as string]: "yes" }, status: "adopted", reason: "two-thirds of the 9 delegations accredited with a vote (6 yes)",
  },
  { name: "no quorum: 5 of 10 present postpones without a vote", walkouts: ten.slice(5), votes: {}, status: "postponed", reason: "no quorum (5 of 10 present or represented, 6 needed)" },
  { name: "quorum exactly met: 6 of 10 present", walkouts: ten.slice(6), votes: votes({ yes: 4, no: 2 }), status: "adopted", reason: "(4 to 2)" },
  {
    name: "proxies count toward quorum",
    delegations: plain(10, { 8: { present: false, proxyTo: ids[0] }, 9: { present: false, proxyTo: ids[1] } }),
    walkouts: ids.slice(5, 8), votes: { ...votes({ yes: 3 }), [ids[8] as string]: "yes", [ids[9] as string]: "no" }, status: "adopted", reason: "(4 to 1)",
  },
  {
    name: "absent delegations without a proxy are not accredited: 6 present of 6 accredited",
    delegations: plain(10, { 6: { present: false }, 7: { present: false }, 8: { present: false }, 9: { present: false } }),
    votes: votes({ yes: 2, no: 1 }), status: "adopted", reason: "(2 to 1)",
  },
  { name: "walked-out delegations are not counted", walkouts: [ids[9] as string], votes: votes({ yes: 5, no: 4 }), status: "adopted", reason: "(5 to 4)", tally: [5, 4, 0] },
  {
    name: "a delegation without a voting right is present but casts no ballot",
    delegations: plain(10, { 9: { votingRight: false } }),
    votes: votes({ yes: 4, no: 5 }), status: "rejected", reason: "no majority of those present and voting (4 to 5)",
  },
  {
    name: "a proxy vote turns a tie into a majority",
    delegations: plain(11, { 10: { present: false, proxyTo: ids[3] } }),
    votes: { ...votes({ yes: 5, no: 5 }), [ids[10] as string]: "yes" }, status: "adopted", reason: "(6 to 5)", tally: [6, 5, 0],
  },
  {
    name: "a proxy vote can break a two-thirds boundary",
    delegations: plain(10, { 9: { present: false, proxyTo: ids[0] } }),
    threshold: "two_thirds", votes: { ...votes({ yes: 5, no: 3 }), [ids[9] as string]: "yes" }, status: "adopted", reason: "two-thirds of those present and voting (6 to 3)",
  },
];

function playRow(row: Row): Table {
  const scenario = testScenario({ delegations: row.delegations ?? plain(10), threshold: row.threshold, basis: row.basis });
  const t = new Table(scenario, { rule: "majority" });
  const first = scenario.delegations[0]?.id as string;
  const second = scenario.delegations[1]?.id as string;
  t.do("chair", { type: "open_item", item: "one" }).do(first, { type: "table", target: "P1" }).do(second, { type: "second", target: "P1" });
  for (const id of row.walkouts ?? []) t.do(id, { type: "walk_out" });
  t.do("chair", { type: "call_vote", target: "P1" });
  if (!t.state.ballot) return t; // no quorum: postponed at the call
  for (const [principal, choice] of Object.entries(row.votes)) {
    const holder = t.state.ballot.proxies[principal];
    t.do(holder ?? principal, holder ? { type: "vote", target: "P1", choice, for: principal } : { type: "vote", target: "P1", choice });
  }
  return t.do("chair", { type: "close_vote" });
}

describe("voting table (DESIGN §3), played through apply()", () => {
  it.each(rows)("$name", (row) => {
    const t = playRow(row);
    const decision = t.target("P1").decision;
    expect(t.target("P1").status).toBe(row.status);
    expect(decision?.reason).toContain(row.reason);
    if (row.tally) expect(decision?.tally).toEqual({ yes: row.tally[0], no: row.tally[1], abstain: row.tally[2] });
  });

  it("before anyone votes, each seat's view says what the question needs, counting the accredited after a walk-out", () => {
    const scenario = testScenario({ delegations: plain(10), threshold: "two_thirds", basis: "accredited" });
    const t = new Table(scenario, { rule: "majority" });
    t.do("chair", { type: "open_item", item: "one" }).do(ten[0] as string, { type: "table", target: "P1" }).do(ten[1] as string, { type: "second", target: "P1" });
    t.do(ten[9] as string, { type: "walk_out" }).do("chair", { type: "call_vote", target: "P1" });
    const ballot = viewFor(t.state, ten[2] as string).ballot;
    expect(ballot?.voters).toHaveLength(9);
    expect(ballot?.subject).toContain("P1");
    expect(ballot?.needed).toBe("Needed: yes from two-thirds of the 10 delegations accredited with a vote; if more than half abstain, the question is postponed");
  });

  it("a walked-out delegation cannot vote", () => {
    const scenario = testScenario({ delegations: plain(10) });
    const t = new Table(scenario, { rule: "majority" });
    t.do("chair", { type: "open_item", item: "one" }).do(ten[0] as string, { type: "table", target: "P1" }).do(ten[1] as string, { type: "second", target: "P1" });
    t.do(ten[9] as string, { type: "walk_out" }).do("chair", { type: "call_vote", target: "P1" });
    expect(t.refuse(ten[9] as string, { type: "vote", target: "P1", choice: "yes" }).code).toBe("seat/walked-out");
    t.do(ten[9] as string, { type: "return" });
    // Back in the room, but the ballot began without it.
    expect(t.refuse(ten[9] as string, { type: "vote", target: "P1", choice: "yes" }).code).toBe("vote/not-eligible");
  });

  it("a proxy holder casts its principal's ballot once, and only the holder can", () => {
    const scenario = testScenario({ delegations: plain(6, { 5: { present: false, proxyTo: ids[0] } }) });
    const t = new Table(scenario, { rule: "majority" });
    t.do("chair", { type: "open_item", item: "one" }).do(ids[0] as string, { type: "table", target: "P1" }).do(ids[1] as string, { type: "second", target: "P1" }).do("chair", { type: "call_vote", target: "P1" });
    expect(t.refuse(ids[1] as string, { type: "vote", target: "P1", choice: "yes", for: ids[5] }).code).toBe("vote/not-proxy");
    expect(t.refuse(ids[5] as string, { type: "vote", target: "P1", choice: "yes" }).code).toBe("seat/absent");
    t.do(ids[0] as string, { type: "vote", target: "P1", choice: "no", for: ids[5] });
    expect(t.refuse(ids[0] as string, { type: "vote", target: "P1", choice: "yes", for: ids[5] }).message).toContain("has already voted on P1");
    t.do(ids[0] as string, { type: "vote", target: "P1", choice: "yes" });
    t.do("chair", { type: "close_vote" });
    expect(t.target("P1").decision?.tally).toEqual({ yes: 1, no: 1, abstain: 0 });
  });

  it("a delegation without a voting right cannot vote", () => {
    const t = new Table(testScenario({ delegations: plain(5, { 4: { votingRight: false } }) }), { rule: "majority" });
    t.do("chair", { type: "open_item", item: "one" }).do(ids[0] as string, { type: "table", target: "P1" }).do(ids[1] as string, { type: "second", target: "P1" }).do("chair", { type: "call_vote", target: "P1" });
    const refusal = t.refuse(ids[4] as string, { type: "vote", target: "P1", choice: "yes" });
    expect(refusal.code).toBe("vote/not-eligible");
    expect(refusal.message).toContain("has no right to vote");
  });

  it("at the re-vote after abstentions, abstentions no longer postpone", () => {
    const t = playRow({ name: "", votes: votes({ yes: 1, no: 1, abstain: 8 }), status: "postponed", reason: "" });
    expect(t.target("P1").status).toBe("postponed");
    expect(t.state.postponedItems).toEqual(["one"]);
    // The only item comes back after the last one; the chair opens it again.
    t.do("chair", { type: "open_item", item: "one" }).do("chair", { type: "call_vote", target: "P1" });
    for (const [id, choice] of Object.entries(votes({ yes: 2, no: 1, abstain: 7 }))) t.do(id, { type: "vote", target: "P1", choice });
    t.do("chair", { type: "close_vote" });
    expect(t.target("P1").status).toBe("adopted");
    expect(t.target("P1").decision?.reason).toContain("(2 to 1, 7 abstaining)");
  });

  it("at the re-vote, everyone abstaining ends the question not decided", () => {
    const t = playRow({ name: "", votes: votes({ abstain: 10 }), status: "postponed", reason: "" });
    t.do("chair", { type: "open_item", item: "one" }).do("chair", { type: "call_vote", target: "P1" });
    for (const id of ten) t.do(id, { type: "vote", target: "P1", choice: "abstain" });
    t.do("chair", { type: "close_vote" });
    expect(t.target("P1").status).toBe("not_decided");
    expect(t.target("P1").decision?.reason).toBe("no yes or no votes at the re-vote: not decided");
  });

  it("a question without quorum twice ends not decided", () => {
    const t = playRow({ name: "", walkouts: ten.slice(5), votes: {}, status: "postponed", reason: "" });
    t.do("chair", { type: "open_item", item: "one" }).do("chair", { type: "call_vote", target: "P1" });
    expect(t.target("P1").status).toBe("not_decided");
    expect(t.target("P1").decision?.reason).toContain("no quorum");
    expect(t.target("P1").decision?.reason).toContain("a second time");
  });

  it("amendments need a simple majority even when the proposal needs two-thirds", () => {
    const t = new Table(testScenario({ delegations: plain(10), threshold: "two_thirds" }), { rule: "majority" });
    t.do("chair", { type: "open_item", item: "one" }).do(ten[0] as string, { type: "table", target: "P1" }).do(ten[1] as string, { type: "second", target: "P1" });
    t.do(ten[1] as string, { type: "move_amendment", amendment: "A1" }).do(ten[3] as string, { type: "second", target: "A1" });
    t.do("chair", { type: "call_vote", target: "A1" });
    for (const [id, c] of Object.entries(votes({ yes: 6, no: 4 }))) t.do(id, { type: "vote", target: "A1", choice: c });
    t.do("chair", { type: "close_vote" });
    expect(t.target("A1").status).toBe("adopted");
    t.do("chair", { type: "call_vote", target: "P1" });
    for (const [id, c] of Object.entries(votes({ yes: 6, no: 4 }))) t.do(id, { type: "vote", target: "P1", choice: c });
    t.do("chair", { type: "close_vote" });
    expect(t.target("P1").status).toBe("rejected");
    expect(t.target("P1").decision?.reason).toContain("under two-thirds");
  });

  it("a vote request under consensus is a show of hands where abstentions do not postpone", () => {
    const t = new Table(testScenario({ delegations: plain(10) }), { rule: "consensus" });
    t.do("chair", { type: "open_item", item: "one" }).do(ten[0] as string, { type: "table", target: "P1" }).do(ten[1] as string, { type: "second", target: "P1" });
    t.do(ten[2] as string, { type: "request_vote", target: "P1", method: "show_of_hands" });
    expect(t.state.ballot?.question).toBe("request_vote");
    for (const [id, c] of Object.entries(votes({ yes: 2, no: 1, abstain: 7 }))) t.do(id, { type: "vote", target: t.state.ballot?.target as string, choice: c });
    t.do("chair", { type: "close_vote" });
    expect(t.state.voteRequests[0]?.status).toBe("adopted");
    expect(t.target("P1").voteRequested).toBe(true);
  });

  it("an appeal that ties leaves the ruling standing", () => {
    const t = new Table(testScenario({ delegations: plain(4) }), { rule: "consensus" });
    t.do("chair", { type: "open_item", item: "one" }).do(ids[2] as string, { type: "point_of_order", text: "Was that a vote?" });
    t.do("chair", { type: "rule", point: "PO1", decision: "rejected" }).do(ids[2] as string, { type: "appeal", ruling: "R1" });
    for (const [id, c] of Object.entries(votes({ yes: 2, no: 2 }, ids.slice(0, 4)))) t.do(id, { type: "vote", target: "R1", choice: c });
    t.do("chair", { type: "close_vote" });
    expect(t.state.rulings[0]?.appeal).toBe("sustained");
    expect(t.state.points[0]?.status).toBe("rejected");
  });
});
