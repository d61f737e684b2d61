import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Action } from "../../shared/engine/actions.ts";
import type { LogEntry } from "../../shared/log/format.ts";
import { join, startServer, until, type Player, type TestServer } from "./harness.ts";

/**
 * Roll-calls in a real room (the bug: under a human chair the roll-call stopped at its first voter, the
 * students never got vote buttons, and the clock closed the vote with one ballot). Every delegation must be
 * called in turn — bots and people — and the vote must close itself with every ballot cast.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

const legal = (p: Player, type: Action["type"]) => p.latest()?.legal?.actions.filter((l) => l.action.type === type).map((l) => l.action) ?? [];

/** The votes of the roll-call on `target`, in the order they were recorded, and the deadlines between. */
function rollCallLines(p: Player, target: string): LogEntry[] {
  const lines = p.records.map((r) => r.entry);
  const opened = lines.map((e) => e.action.type === "call_vote" && e.action.target === target).lastIndexOf(true);
  const closed = lines.findIndex((e, i) => i > opened && e.action.result !== undefined);
  return lines.slice(opened + 1, closed + 1);
}

/** Students vote when, and only when, the server gives them vote buttons (they are called). */
function voteWhenCalled(student: Player, choice: "yes" | "no", skipFirst = false): void {
  // Called for the first time, a student who skips lets that whole turn run out (the pace's turn limit).
  let skippedTurn: string | null | undefined = skipFirst ? undefined : null;
  let busy = false;
  student.afterMessage(() => {
    const vote = legal(student, "vote")[0] as Extract<Action, { type: "vote" }> | undefined;
    if (!vote || busy) return;
    const turn = student.latest()?.step ?? null;
    if (skippedTurn === undefined) skippedTurn = turn;
    if (skippedTurn === turn) return;
    busy = true;
    void student.act({ action: { ...vote, choice }, seen: { ballot: student.latest()?.ballot } }).finally(() => (busy = false));
  });
}

describe("a roll-call in a room", () => {
  it("under a human chair, calls every delegation in turn: the bots, and two students who vote through their buttons (one after being passed once)", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", rule: "majority", pace: "instant" });
    const chair = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "USA" });
    const ben = await join(server, { code: body.code, name: "Ben", role: "delegation", seat: "GHA" });
    voteWhenCalled(ana, "no");
    voteWhenCalled(ben, "yes", true);
    expect(chair.room.state.chairControl).toBe("human");
    expect((await chair.act(legal(chair, "open_item")[0])).ok).toBe(true);
    // The bots table and second their texts; the teacher then puts the first question to a roll-call.
    // The bots are still moving amendments as she clicks: the meeting can move under her button (a stale/…
    // "look again", or an amendment moved meanwhile that now comes first). She clicks again on the button
    // drawn afresh; a refusal is allowed only when the meeting did move after she read her buttons.
    let call: Extract<Action, { type: "call_vote" }> | undefined;
    let answer: Awaited<ReturnType<Player["act"]>> = { ok: false, code: "none", message: "not tried" };
    for (let tries = 0; tries < 5 && !answer.ok; tries++) {
      await until(() => legal(chair, "call_vote").length > 0 && chair.room.state.seq === chair.latest()?.seq, 15_000, "a question ready for a vote");
      call = legal(chair, "call_vote")[0] as Extract<Action, { type: "call_vote" }>;
      const read = chair.room.state.seq;
      answer = await chair.act({ action: { ...call, method: "roll_call" }, seen: { step: chair.latest()?.step ?? undefined, target: call.target } });
      if (!answer.ok) await until(() => chair.room.state.seq > read, 5000, `the meeting to have moved under the click refused: ${JSON.stringify(answer)}`);
    }
    expect(answer).toMatchObject({ ok: true });
    if (!call) throw new Error("no call_vote was offered");
    await until(() => chair.room.state.seq >= (answer.seq ?? 0), 5000, "the state to catch up");
    expect(chair.room.state.ballot.method).toBe("roll_call");
    const order = [...chair.room.state.ballot.voters] as string[];
    // Only the delegation called may vote: the others have no vote button.
    const called = chair.room.state.ballot.called;
    if (called !== "USA") expect(legal(ana, "vote")).toEqual([]);
    // The chair cannot close a roll-call early; it closes itself.
    const early = await chair.act({ type: "close_vote" });
    expect(early, JSON.stringify(early)).toMatchObject({ ok: false, code: "vote/roll-call-running" });
    await until(() => !chair.room.state.hasBallot, 30_000, "the roll-call to close itself");

    const lines = rollCallLines(chair, call.target);
    const votes = lines.filter((e) => e.action.type === "vote").map((e) => e.by);
    // Ghana let its first turn pass: it was called again at the end, after everyone else, and voted.
    expect(votes).toEqual([...order.filter((d) => d !== "GHA"), "GHA"]);
    expect(lines.filter((e) => e.action.type === "deadline").map((e) => e.by)).toEqual(["system"]);
    expect(chair.records.flatMap((r) => r.events).some((t) => t === "Ghana does not answer the roll-call: it will be called again at the end")).toBe(true);
    const decided = chair.room.state.targets.get(call.target);
    expect(decided.yes + decided.no + decided.abstain).toBe(8);
    expect(lines.at(-1)?.action.result).toMatchObject({ yes: decided.yes, no: decided.no, abstain: decided.abstain });
  });

  it("under a bot chair, when two students request a roll-call, every delegation is called and answers", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", rule: "majority", pace: "instant", chair: "bot" });
    const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "USA" });
    const ben = await join(server, { code: body.code, name: "Ben", role: "delegation", seat: "DEU" });
    voteWhenCalled(ana, "yes");
    voteWhenCalled(ben, "yes");
    // As soon as a question is open, both ask for a roll-call on it.
    let target = "";
    await until(() => {
      const request = legal(ana, "request_vote").find((a) => (a as { method: string }).method === "roll_call") as Extract<Action, { type: "request_vote" }> | undefined;
      if (request) target = request.target;
      return request !== undefined;
    }, 15_000, "a question to request a vote on");
    expect((await ana.act({ type: "request_vote", target, method: "roll_call" })).ok).toBe(true);
    expect((await ben.act({ type: "request_vote", target, method: "roll_call" })).ok).toBe(true);
    await until(() => ana.records.some((r) => r.entry.action.type === "call_vote" && r.entry.action.target === target), 15_000, "the bot chair to call the vote");
    await until(() => rollCallLines(ana, target).some((e) => e.action.result !== undefined), 30_000, "the roll-call to close");
    const lines = rollCallLines(ana, target);
    const ballot = ana.records.flatMap((r) => r.events).find((t) => t.startsWith(`Vote on ${target}`));
    expect(ballot).toMatch(/roll-call, starting by lot with/);
    expect(lines.filter((e) => e.action.type === "vote").length).toBe(8);
    expect(lines.some((e) => e.action.type === "deadline" || e.action.type === "close_vote")).toBe(false);
  });
});
