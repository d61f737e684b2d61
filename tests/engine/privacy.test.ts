import { describe, expect, it } from "vitest";
import { apply, viewFor, type State } from "../../shared/engine/index.ts";
import { formatLog } from "../../shared/log/format.ts";
import { publicExport } from "../../shared/log/publicExport.ts";
import { linesFor, makeEntry, makeHeader } from "../../shared/log/recorder.ts";
import { replay } from "../../shared/log/replay.ts";
import type { GameLog } from "../../shared/log/format.ts";
import { CODES, Table, testScenario } from "../fixtures/build.ts";

/**
 * Secret ballots and private offers (DESIGN §3–5): two games that differ only in a secret choice, or in the
 * contents of an offer, must look the same to every third party and in the public export.
 */

const ids = CODES.slice(0, 7).map(([id]) => id);
const [A, B, C, D, E, F, G] = ids as [string, string, string, string, string, string, string];
const observers = ["chair", "observer"];

/** P1 tabled and seconded, five requests for a secret ballot, the vote called. */
function secretBallot(): Table {
  const t = new Table(testScenario({ delegations: 7 }), { rule: "majority" });
  t.do("chair", { type: "open_item", item: "one" }).do(A, { type: "table", target: "P1" }).do(B, { type: "second", target: "P1" });
  for (const id of [A, B, C, D, E]) t.do(id, { type: "request_vote", target: "P1", method: "secret" });
  t.do("chair", { type: "call_vote", target: "P1" });
  expect(t.state.ballot?.method).toBe("secret");
  return t;
}

/** The full log of a table's game, each entry with a reason (as a bot would give one). */
function logOf(t: Table, start: State): GameLog {
  const log: GameLog = { header: makeHeader(start, {}, "2026-01-01T00:00:00.000Z"), lines: [] };
  let state = start;
  for (const e of t.entries) {
    const r = apply(state, e);
    if (!r.ok) throw new Error(r.error.message);
    state = r.state;
    log.lines.push(...linesFor(state, makeEntry(state, e.by, e.action, e.seq * 1000, `because of ${JSON.stringify(e.action)}`)));
  }
  return log;
}

describe("secret ballots", () => {
  it("during the ballot, nobody else can tell how a delegation voted", () => {
    const yes = secretBallot().do(C, { type: "vote", target: "P1", choice: "yes" });
    const no = secretBallot().do(C, { type: "vote", target: "P1", choice: "no" });
    for (const seat of [A, B, D, E, F, G, ...observers]) expect(viewFor(yes.state, seat)).toEqual(viewFor(no.state, seat));
    // The voter itself sees its own ballot.
    expect(viewFor(yes.state, C).private?.ballots).not.toEqual(viewFor(no.state, C).private?.ballots);
    expect(viewFor(yes.state, C).ballot?.voted).toEqual([C]);
  });

  it("after the tally, two delegations swapping their choices changes nothing anyone else sees", () => {
    const play = (c: "yes" | "no", d: "yes" | "no") => {
      const t = secretBallot();
      t.do(A, { type: "vote", target: "P1", choice: "yes" }).do(C, { type: "vote", target: "P1", choice: c }).do(D, { type: "vote", target: "P1", choice: d });
      return t.do("chair", { type: "close_vote" });
    };
    const one = play("yes", "no");
    const two = play("no", "yes");
    expect(one.target("P1").decision?.tally).toEqual({ yes: 2, no: 1, abstain: 0 });
    for (const seat of [A, B, E, F, G, ...observers]) expect(viewFor(one.state, seat)).toEqual(viewFor(two.state, seat));
  });

  it("the public export carries no secret choice nor its reason, and replays to the public tally", () => {
    const t = secretBallot();
    const base = new Table(testScenario({ delegations: 7 }), { rule: "majority" }).state;
    t.do(C, { type: "vote", target: "P1", choice: "no" }).do(D, { type: "vote", target: "P1", choice: "yes" }).do(A, { type: "vote", target: "P1", choice: "yes" }).do("chair", { type: "close_vote" });
    const full = logOf(t, base);
    const exported = publicExport(full);
    const text = formatLog(exported);
    for (const line of exported.lines) {
      if ("action" in line && line.action.type === "vote") {
        expect(line.action.choice).toBeNull();
        expect(line.why).toBeNull();
      }
    }
    expect(text).not.toContain('"choice":"no"');
    expect(text).not.toContain('"choice":"yes"');
    expect(exported.lines.some((l) => "checkpoint" in l)).toBe(false);
    const close = exported.lines.find((l) => "action" in l && l.action.type === "close_vote");
    expect(close && "action" in close && close.action.result).toEqual({ yes: 2, no: 1, abstain: 0, status: "adopted" });
    const rebuilt = replay(exported);
    expect(rebuilt.ok && rebuilt.public).toBe(true);
    if (rebuilt.ok) {
      expect(rebuilt.state.targets.P1?.decision?.tally).toEqual({ yes: 2, no: 1, abstain: 0 });
      const { mode: _m1, ...live } = viewFor(t.state, "observer");
      const { mode: _m2, ...pub } = viewFor(rebuilt.state, "observer");
      expect(pub).toEqual(live);
    }
  });
});

describe("private offers", () => {
  const withOffer = (to: string, pledge: "second" | "cosponsor") => {
    const t = new Table(testScenario({ delegations: 7 }), { rule: "consensus" });
    t.do("chair", { type: "open_item", item: "one" }).do(A, { type: "table", target: "P1" });
    return t.do(C, { type: "offer", to, give: [{ [pledge]: "P1" } as never], ask: [{ no_objection: "P1" }] });
  };

  it("third parties cannot see an offer, its contents or whom it went to", () => {
    const toD = withOffer(D, "second");
    const toE = withOffer(E, "cosponsor");
    for (const seat of [A, B, F, G, ...observers]) expect(viewFor(toD.state, seat)).toEqual(viewFor(toE.state, seat));
    expect(viewFor(toD.state, D).private?.offers).toHaveLength(1);
    expect(viewFor(toD.state, E).private?.offers).toHaveLength(0);
    expect(viewFor(toD.state, C).private?.offers[0]).toMatchObject({ from: C, to: D, give: [{ second: "P1" }] });
  });

  it("an accepted offer's pledges are judged for its two parties only", () => {
    const t = withOffer(D, "second").do(D, { type: "accept_offer", offer: "O1" }).do(C, { type: "second", target: "P1" });
    expect(viewFor(t.state, C).private?.pledges.map((p) => p.status)).toEqual(["kept", "pending"]);
    expect(viewFor(t.state, D).private?.pledges).toHaveLength(2);
    expect(viewFor(t.state, E).private?.pledges).toEqual([]);
    expect(JSON.stringify(viewFor(t.state, "observer"))).not.toContain("O1");
  });

  it("the public export drops the contents of offers and the reasons around them", () => {
    const t = withOffer(D, "second").do(D, { type: "accept_offer", offer: "O1" });
    const base = new Table(testScenario({ delegations: 7 }), { rule: "consensus" }).state;
    const exported = publicExport(logOf(t, base));
    const offer = exported.lines.find((l) => "action" in l && l.action.type === "offer");
    expect(offer && "action" in offer && offer.action).toEqual({ type: "offer", to: null, give: null, ask: null });
    expect(offer && "why" in offer && offer.why).toBeNull();
    expect(formatLog(exported)).not.toContain("no_objection");
    expect(replay(exported).ok).toBe(true);
  });
});
