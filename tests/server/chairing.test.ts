import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Action } from "../../shared/engine/actions.ts";
import { join, startServer, until, type Player, type TestServer } from "./harness.ts";

/**
 * The teacher's choices hold: who chairs, the lobby, who plays which seat. Each bug here was seen in a class
 * before it had a test: the teacher's console made a bot-chaired game "human"-chaired; a student handed to
 * a bot kept playing beside it; a request for a method was dropped without a word.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

const legal = (p: Player, type: Action["type"]) => p.latest()?.legal?.actions.filter((l) => l.action.type === type).map((l) => l.action) ?? [];

describe("who chairs", () => {
  it('"a bot chairs" holds while the teacher\'s console is connected: the bot runs the opening', async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", rule: "majority", pace: "instant", chair: "bot" });
    const teacher = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    await until(() => teacher.room.state.chairControl !== "", 5000, "the state");
    expect(teacher.room.state.chairControl).toBe("bot");
    // The bot chairs: it opens the first item without anybody's help, well before the opening's time is up.
    await until(() => teacher.records.some((r) => r.entry.by === "chair" && r.entry.action.type === "open_item"), 5000, "the bot chair to open an item");
    expect(teacher.records.find((r) => r.entry.action.type === "open_item")?.entry.why).toMatch(/open item/);
    // The teacher takes the chair back explicitly, and from then on the bot no longer chairs.
    expect((await teacher.chair({ type: "seat", seat: "chair", bot: false })).ok).toBe(true);
    await until(() => teacher.room.state.chairControl === "human", 5000, "the teacher to chair");
    const before = teacher.records.filter((r) => r.entry.by === "chair").length;
    await new Promise((r) => setTimeout(r, 400));
    expect(teacher.records.filter((r) => r.entry.by === "chair").length).toBe(before);
  });
});

describe("the lobby", () => {
  it("a game created with lobby: true waits (no action, no bot, no clock) until the chair starts it", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", pace: "instant", chair: "bot", lobby: true });
    const teacher = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "USA" });
    await until(() => ana.room.state.lobby === true, 5000, "the lobby flag");
    expect(ana.welcome()?.joinUrl).toBe(`${server.base}/#/join/${body.code}`);
    expect(await ana.act({ type: "request_floor" })).toMatchObject({ ok: false, code: "lobby/waiting" });
    // Instant pace, bot chair: without the lobby the opening would be over in half a second.
    await new Promise((r) => setTimeout(r, 800));
    expect(teacher.room.state.seq).toBe(0);
    expect(teacher.room.state.deadlineAt).toBe(0);
    expect(await ana.chair({ type: "start" })).toMatchObject({ ok: false, code: "seat/chair-only" });
    const started = await teacher.chair({ type: "start" });
    expect(started, JSON.stringify(started)).toMatchObject({ ok: true });
    await until(() => teacher.room.state.seq > 0 && !teacher.room.state.lobby, 5000, "the conference to start");
    // In order in any phase, even during a vote: once started, the conference hears it.
    expect(await ana.act({ type: "point_of_order", text: "May we have the agenda?" })).toMatchObject({ ok: true });
    expect(await teacher.chair({ type: "start" })).toMatchObject({ ok: false, code: "lobby/started" });
  });
});

describe("seats the teacher hands to a bot, gives back, and moves", () => {
  it("a student whose seat is handed to a bot is told, cannot act, and plays again once it is given back", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", pace: "classroom" });
    const teacher = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "GHA" });
    expect((await teacher.chair({ type: "seat", seat: "GHA", bot: true })).ok).toBe(true);
    await until(() => ana.notices.some((n) => n.kind === "seat_to_bot"), 5000, "the notice");
    expect(ana.notices.find((n) => n.kind === "seat_to_bot")?.text).toBe("The teacher has handed Ghana to a bot: your controls are off until the teacher gives it back.");
    await until(() => ana.room.state.seats.get("GHA")?.control === "bot", 5000, "the seat to show the bot");
    expect(await ana.act({ type: "request_floor" })).toMatchObject({ ok: false, code: "seat/with-bot" });
    expect((await teacher.chair({ type: "seat", seat: "GHA", bot: false })).ok).toBe(true);
    await until(() => ana.notices.some((n) => n.kind === "seat_back"), 5000, "the give-back notice");
    expect((await ana.act({ type: "request_floor" })).ok).toBe(true);
  });

  it("the teacher moves a student to another seat, and removes one from theirs; their tokens follow", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", pace: "classroom" });
    const teacher = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "GHA" });
    const ben = await join(server, { code: body.code, name: "Ben", role: "delegation", seat: "IND" });
    await until(() => (teacher.latest()?.people?.length ?? 0) === 3, 5000, "the chair's list of people");
    const anaSession = teacher.latest()?.people?.find((p) => p.name === "Ana")?.session as string;
    const benSession = teacher.latest()?.people?.find((p) => p.name === "Ben")?.session as string;
    expect(await teacher.chair({ type: "move", session: anaSession, to: "IND" })).toMatchObject({ ok: false, code: "join/seat-taken" });
    expect((await teacher.chair({ type: "move", session: anaSession, to: "BRA" })).ok).toBe(true);
    await until(() => ana.welcome()?.seat === "BRA", 5000, "Ana's new welcome");
    expect(ana.notices.at(-1)?.text).toBe("The teacher has moved you from Ghana to Brazil.");
    expect((await ana.act({ type: "request_floor" })).ok).toBe(true);
    await until(() => ana.room.state.speakers.includes("BRA"), 5000, "Brazil on the list");
    expect((await teacher.chair({ type: "remove", session: benSession })).ok).toBe(true);
    await until(() => ben.welcome()?.role === "observer", 5000, "Ben to watch");
    expect(ben.notices.at(-1)?.text).toBe("The teacher has taken you out of India: you are watching now.");
    expect(await ben.act({ type: "request_floor" })).toMatchObject({ ok: false, code: "seat/observer" });
    // Their tokens bring them back where the teacher put them.
    const token = ana.welcome()?.token as string;
    await ana.room.leave();
    const again = await join(server, { code: body.code, token });
    expect(again.welcome()?.seat).toBe("BRA");
  });
});

describe("what delegations are told", () => {
  it("one request for a roll-call gives a show of hands, and the requester is told why", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", rule: "majority", pace: "instant" });
    const teacher = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "USA" });
    await teacher.act(legal(teacher, "open_item")[0]);
    // Bots keep moving the room (an amendment moved, a point raised): the teacher calls whatever is next.
    let target = "";
    for (let attempt = 0; attempt < 20 && !teacher.room.state.hasBallot; attempt++) {
      await until(() => legal(ana, "request_vote").length > 0 && legal(teacher, "call_vote").length > 0, 15_000, "a question");
      target = (legal(teacher, "call_vote")[0] as { target: string }).target;
      if (ana.latest()?.legal?.actions.some((l) => l.action.type === "request_vote" && l.action.target === target)) await ana.act({ type: "request_vote", target, method: "roll_call" });
      const called = await teacher.act({ type: "call_vote", target });
      if (called.ok) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await until(() => ana.notices.some((n) => n.kind === "method"), 5000, "the notice");
    expect(ana.notices.find((n) => n.kind === "method")?.text).toBe(`The vote on ${target} is taken by show of hands, not as you asked: a roll-call needs 2 requests; 1 was made.`);
    const opened = ana.records.flatMap((r) => r.events).find((t) => t.startsWith(`Vote on ${target}`));
    expect(opened).toContain("show of hands: a roll-call needs 2 requests; 1 was made");
  });

  it("an offer whose text has been decided lapses, and only its two parties are told", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", rule: "majority", pace: "instant", botsForAbsent: false });
    const teacher = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "USA" });
    const ben = await join(server, { code: body.code, name: "Ben", role: "delegation", seat: "GHA" });
    const cleo = await join(server, { code: body.code, name: "Cleo", role: "delegation", seat: "BRA" });
    await teacher.act(legal(teacher, "open_item")[0]);
    await until(() => legal(teacher, "call_vote").length > 0, 15_000, "a question");
    const target = (legal(teacher, "call_vote")[0] as { target: string }).target;
    expect((await ana.act({ type: "offer", to: "GHA", give: [{ second: "P2" }], ask: [{ vote: { target, choice: "yes" } }] })).ok).toBe(true);
    await teacher.act({ type: "call_vote", target });
    await until(() => !teacher.room.state.hasBallot && teacher.room.state.targets.get(target)?.status !== "moved" && teacher.room.state.targets.get(target)?.status !== "tabled", 15_000, "the vote to end");
    await until(() => ana.notices.some((n) => n.kind === "offer_lapsed") && ben.notices.some((n) => n.kind === "offer_lapsed"), 5000, "the lapse notices");
    expect(cleo.notices.some((n) => n.kind === "offer_lapsed")).toBe(false);
    const mine = ben.latest()?.private?.offers.find((o) => o.from === "USA" && o.to === "GHA");
    expect(mine?.status).toBe("lapsed");
    expect(await ben.act({ type: "accept_offer", offer: mine?.id })).toMatchObject({ ok: false, code: "offer/not-open" });
  });
});
