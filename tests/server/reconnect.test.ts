import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join, startServer, until, watch, type Player, type TestServer } from "./harness.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

/** Cuts a client's connection the way a sleeping laptop does: no goodbye. */
function drop(p: Player, reconnect: boolean): void {
  if (!reconnect) p.room.reconnection.maxRetries = 0;
  else p.room.reconnection.minUptime = 0;
  (p.room.connection.transport as unknown as { ws: { terminate(): void } }).ws.terminate();
}

describe("reconnection", () => {
  it("a dropped client keeps its seat, comes back in the same session and gets a full resync", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", pace: "classroom", rule: "majority" });
    const chair = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "GHA" });
    const session = ana.room.sessionId;
    await until(() => chair.room.state.seats.get("GHA")?.connected === 1, 5000, "Ana seen in Ghana's seat");
    const back = new Promise<void>((resolve) => ana.room.onReconnect(() => resolve()));
    drop(ana, true);
    await until(() => chair.room.state.seats.get("GHA").connected === 0, 5000, "the drop seen by the room");
    expect(chair.room.state.seats.get("GHA").control).toBe("human"); // the seat waits for Ana
    await chair.act({ type: "open_item", item: "governance" }); // the conference goes on meanwhile
    await back;
    expect(ana.room.sessionId).toBe(session);
    await until(() => chair.room.state.seats.get("GHA").connected === 1, 5000, "back");
    await until(() => ana.latest()?.legal?.actions.some((l) => l.action.type === "request_floor") === true, 5000, "a resync of the private view");
    expect(ana.room.state.phase).toBe("debate");
    expect(await ana.act({ type: "request_floor" })).toMatchObject({ ok: true });
    for (const p of [chair, ana]) await p.room.leave();
  });

  it.each(["seat token", "reconnection token"] as const)("a seat taken over with the %s: the newer connection has it, the older is told and closed with 4409", async (how) => {
    const { body } = await server.createGame({ scenario: "classroom-quick", pace: "classroom" });
    const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "IND" });
    let closed = -1;
    ana.room.onLeave((code) => void (closed = code));
    const token = ana.welcome()?.token;
    // A reloaded page (the saved seat token), or a second tab reusing Colyseus's reconnection token, while
    // the first tab is still open.
    const client = new Client(server.base);
    const room = how === "seat token" ? await client.joinOrCreate("plenary", { code: body.code, token }) : await client.reconnect(ana.room.reconnectionToken);
    const newer = watch(room);
    await until(() => newer.welcome() !== undefined, 5000, "welcome");
    expect(newer.welcome()).toMatchObject({ seat: "IND", name: "Ana", token });
    await until(() => closed !== -1, 5000, "the old tab disconnected");
    expect(closed).toBe(4409);
    expect(ana.notices.find((n) => n.kind === "replaced")?.text).toBe("Your seat was opened in another window; this one is disconnected.");
    await until(() => newer.room.state.seats.get("IND")?.holders.length === 1, 5000, "one holder");
    expect([...newer.room.state.seats.get("IND").holders]).toEqual(["Ana"]);
    expect(await newer.act({ type: "request_floor" })).toMatchObject({ ok: true });
    await newer.room.leave();
  });

  it("when the window expires, a bot takes the seat if the chair allows it, and plays it", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", pace: "instant", rule: "majority", chair: "bot", reconnectSeconds: 1 });
    const watcher = await join(server, { code: body.code, name: "Eve", role: "observer" });
    const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "BRA" });
    await until(() => watcher.room.state.seats.get("BRA")?.control === "human", 5000, "Ana holds Brazil");
    drop(ana, false);
    await until(() => watcher.room.state.seats.get("BRA")?.control === "bot", 5000, "a bot in Brazil's seat");
    await until(() => watcher.records.some((r) => r.entry.by === "BRA"), 10_000, "Brazil's bot acting");
    await until(() => watcher.room.state.phase === "closed", 30_000, "the game closed");
    await watcher.room.leave();
  });

  it("without the chair's leave, an absent student's seat stays empty; the chair can hand it to a bot and back", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", pace: "classroom", botsForAbsent: false, reconnectSeconds: 1 });
    const chair = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "CHN" });
    drop(ana, false);
    await until(() => chair.room.state.seats.get("CHN").control === "idle", 5000, "an idle seat");
    expect(await chair.chair({ type: "seat", seat: "CHN", bot: true })).toMatchObject({ ok: true });
    await until(() => chair.room.state.seats.get("CHN").control === "bot", 5000, "a bot");
    expect(await chair.chair({ type: "seat", seat: "CHN", bot: false })).toMatchObject({ ok: true });
    await until(() => chair.room.state.seats.get("CHN").control === "idle", 5000, "the seat given back");
    await chair.room.leave();
  });

  it.each([
    ["", false],
    [", even after the teacher once took the chair back from a bot", true],
  ])("a chair bot takes over when the human chair is gone past the window%s", async (_, tookBack) => {
    const { body } = await server.createGame({ scenario: "classroom-quick", pace: "instant", reconnectSeconds: 1 });
    const watcher = await join(server, { code: body.code, name: "Eve", role: "observer" });
    const chair = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    await until(() => watcher.room.state.chairControl === "human", 5000, "a human chair");
    if (tookBack) {
      expect(await chair.chair({ type: "seat", seat: "chair", bot: true })).toMatchObject({ ok: true });
      expect(await chair.chair({ type: "seat", seat: "chair", bot: false })).toMatchObject({ ok: true });
      await until(() => watcher.room.state.chairControl === "human", 5000, "the chair back with the teacher");
    }
    expect(watcher.room.state.phase).toBe("opening");
    drop(chair, false);
    await until(() => watcher.room.state.chairControl === "bot", 5000, "the chair bot");
    await until(() => watcher.room.state.phase !== "opening", 10_000, "the chair bot opening an item");
    await watcher.room.leave();
  });

  it("the chair pauses, resumes and extends the clock", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", pace: "classroom" });
    const chair = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    await until(() => chair.room.state.deadlineAt > 0, 5000, "a running clock");
    const first = chair.room.state.deadlineAt;
    expect(await chair.chair({ type: "extend", minutes: 2 })).toMatchObject({ ok: true });
    await until(() => chair.room.state.deadlineAt >= first + 119_000, 5000, "two more minutes");
    expect(await chair.chair({ type: "pause" })).toMatchObject({ ok: true });
    await until(() => chair.room.state.clockPaused && chair.room.state.deadlineAt === 0, 5000, "paused");
    expect(await chair.chair({ type: "resume" })).toMatchObject({ ok: true });
    await until(() => !chair.room.state.clockPaused && chair.room.state.deadlineAt > 0, 5000, "running again");
    expect(await chair.chair({ type: "extend", minutes: 0 })).toMatchObject({ ok: false, code: "chair/malformed" });
    await chair.room.leave();
  });
});
