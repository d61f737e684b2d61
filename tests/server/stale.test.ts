import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join, startServer, until, type Player, type TestServer } from "./harness.ts";

/**
 * `act` carries what the control was drawn from (docs/protocol.md). The bug: at the fast pace a "Yes" on a
 * procedural vote landed on the next question's ballot, because the page paired an older view with the
 * newest buttons. The server now refuses an action whose referents changed since it was drawn — and never
 * one merely because unrelated actions happened.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

/** A room with no bot in it: the teacher, two students, and every other seat left to nobody. */
async function quietRoom() {
  const { body } = await server.createGame({ scenario: "classroom-quick", rule: "consensus", pace: "classroom" });
  const teacher = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
  const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "USA" });
  const ben = await join(server, { code: body.code, name: "Ben", role: "delegation", seat: "RUS" });
  for (const seat of ["DEU", "CHN", "IND", "BRA", "GHA", "SAU"]) await teacher.chair({ type: "seat", seat, bot: false });
  await until(() => [...teacher.room.state.seats.values()].every((s: { control: string }) => s.control !== "bot"), 5000, "no bot in the room");
  return { teacher, ana, ben };
}

const current = (p: Player) => p.latest() ?? { seq: 0, ballot: null, step: null };

describe("the stale check of act", () => {
  it("refuses a vote drawn for a ballot that has closed, and accepts one drawn for the open ballot however old its seq", async () => {
    const { teacher, ana, ben } = await quietRoom();
    await teacher.act({ type: "open_item", item: "governance" });
    await ben.act({ type: "table", target: "P1" });
    await ana.act({ type: "second", target: "P1" });
    // Ana asks for a vote: the request itself is put to a show of hands at once (ballot B1).
    await ana.act({ type: "request_vote", target: "P1", method: "show_of_hands" });
    await until(() => current(ben).ballot === "B1", 5000, "B1 in Ben's private view");
    const drawn = current(ben);
    expect(await ben.act({ action: { type: "vote", target: "VR1", choice: "yes" }, seen: { seq: drawn.seq, ballot: drawn.ballot } })).toMatchObject({ ok: true });
    await ana.act({ action: { type: "vote", target: "VR1", choice: "yes" }, seen: { ballot: "B1" } });
    expect(await teacher.act({ action: { type: "close_vote" }, seen: { ballot: "B1", step: current(teacher).step ?? undefined } })).toMatchObject({ ok: true });
    // The meeting agreed to vote: the chair calls the vote on P1 (ballot B2).
    expect((await teacher.act({ type: "call_vote", target: "P1" })).ok).toBe(true);
    await until(() => current(ana).ballot === "B2", 5000, "B2 in Ana's private view");
    // The teacher's copy of the room state arrives by its own patches: wait for it to show B2 too.
    await until(() => teacher.room.state.ballot?.id === "B2", 5000, "B2 in the teacher's room state");
    // A "Yes" drawn under B1 (the page had not caught up) does not land on P1.
    const stale = await ana.act({ action: { type: "vote", target: "P1", choice: "yes" }, seen: { seq: drawn.seq, ballot: "B1" } });
    expect(stale).toEqual({ ok: false, code: "stale/ballot", message: "The vote this button was for (B1) is over; the vote open now is on P1. Nothing was recorded: look again before you vote." });
    expect(teacher.room.state.ballot.voted.includes("USA")).toBe(false);
    // Unrelated actions since (the seq has moved on) are no reason to refuse a vote drawn for B2.
    for (const text of ["On the conduct of the vote.", "A second point."]) await ben.act({ type: "point_of_order", text });
    expect(await ana.act({ action: { type: "vote", target: "P1", choice: "no" }, seen: { seq: drawn.seq, ballot: "B2" } })).toMatchObject({ ok: true });
  });

  it("refuses an action about another text than the control named, and a chair's action drawn for a step that has ended", async () => {
    const { teacher, ana, ben } = await quietRoom();
    const opening = current(teacher).step ?? "";
    await teacher.act({ type: "open_item", item: "governance" });
    await ben.act({ type: "table", target: "P1" });
    expect(await ana.act({ action: { type: "second", target: "P1" }, seen: { target: "A1a" } })).toEqual({
      ok: false,
      code: "stale/target",
      message: "This control was drawn for A1a, but the action is about P1: the page had not caught up. Nothing was recorded: look again.",
    });
    expect(await ana.act({ action: { type: "second", target: "P1" }, seen: { target: "P1" } })).toMatchObject({ ok: true });
    const answer = await teacher.act({ action: { type: "call_consensus", target: "P1" }, seen: { step: opening, target: "P1" } });
    expect(answer).toMatchObject({ ok: false, code: "stale/step" });
    expect(await teacher.act({ action: { type: "call_consensus", target: "P1" }, seen: { step: current(teacher).step ?? undefined, target: "P1" } })).toMatchObject({ ok: true });
    // A malformed envelope is refused with the field named; a bare action still works (no check).
    expect(await ana.act({ action: { type: "object", target: "P1" }, seen: { ballot: 7 } })).toMatchObject({ ok: false, code: "action/malformed", message: expect.stringContaining("seen.ballot") });
    expect(await ana.act({ type: "object", target: "P1" })).toMatchObject({ ok: true });
  });
});
