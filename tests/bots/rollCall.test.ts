import { describe, expect, it } from "vitest";
import { chairBot } from "../../shared/bots/chair.ts";
import { defaultBot } from "../../shared/bots/registry.ts";
import type { Bot } from "../../shared/bots/types.ts";
import { isCheckpoint, type LogEntry } from "../../shared/log/format.ts";
import { runGame } from "../../shared/sim/runGame.ts";
import { fixtureScenario } from "../fixtures/build.ts";

/**
 * Bots never ask for roll-calls themselves, so this chair calls every vote by roll-call (as a teacher may):
 * every delegation must then be called, in order, and answer, and the vote must close with every ballot cast
 * — not by the clock with a few (the bug: a vote woke only the voter, never the delegation called next).
 */
const rollCallChair: Bot = {
  id: "test:roll-call-chair",
  decide(view, legal, rng) {
    const d = chairBot.decide(view, legal, rng);
    const call = d?.action;
    if (!d || call?.type !== "call_vote" || view.motions.some((m) => m.id === call.target)) return d;
    return { action: { ...call, method: "roll_call" }, why: `${d.why}, by roll-call` };
  },
};

describe.each([
  ["classroom-quick", "majority"],
  ["classroom-quick", "consensus"],
  ["busan-2014", "majority"],
] as const)("forced roll-calls in all-bot games of %s (%s)", (id, rule) => {
  it("call every voter once, in calling order, and close with every vote cast", () => {
    const game = runGame(fixtureScenario(id), { rule, seed: 4, bots: (seat) => (seat === "chair" ? rollCallChair : defaultBot(seat)) });
    expect(game.state.phase).toBe("closed");
    expect(game.botErrors).toEqual([]);
    const entries = game.log.lines.filter((l): l is LogEntry => !isCheckpoint(l));
    const rollCalls = game.state.ballots.filter((b) => b.method === "roll_call" && b.question === "substantive");
    expect(rollCalls.length).toBeGreaterThan(0);
    for (const b of rollCalls) {
      // Everyone answered, and the votes were cast in the order the delegations were called.
      const opened = entries.findIndex((e) => e.action.type === "call_vote" && e.action.target === b.target && e.seq < b.seq && !entries.some((x) => x.seq > e.seq && x.seq < b.seq && x.action.type === "call_vote" && x.action.target === b.target));
      const votes = entries.filter((e) => e.seq > (entries[opened]?.seq ?? 0) && e.seq <= b.seq && e.action.type === "vote" && e.action.target === b.target);
      const electorate = b.cast.map((c) => c.voter);
      expect(votes.map((v) => (v.action.for as string | undefined) ?? v.by)).toEqual(electorate);
      // Nobody was passed over by the clock, and no close_vote or deadline ended it: its last vote did.
      expect(entries.some((e) => e.seq > (entries[opened]?.seq ?? 0) && e.seq <= b.seq && (e.action.type === "deadline" || e.action.type === "close_vote"))).toBe(false);
      expect(votes.at(-1)?.seq).toBe(b.seq);
    }
    const first = rollCalls[0];
    if (!first) return;
    const attendingVoters = fixtureScenario(id).delegations.filter((d) => d.present && d.votingRight).length;
    expect(first.cast.length).toBe(attendingVoters);
  });
});
