import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join, joinError, startServer, until, type TestServer } from "./harness.ts";

/** The server never trusts a client about who it is (DESIGN §9): every attempt changes nothing. */

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

async function classroom() {
  const { body } = await server.createGame({ scenario: "classroom-quick", pace: "classroom", rule: "majority" });
  const chair = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
  const usa = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "USA" });
  const sau = await join(server, { code: body.code, name: "Sam", role: "delegation", seat: "SAU" });
  await chair.act({ type: "open_item", item: "governance" });
  await until(() => chair.room.state.phase === "debate", 5000, "debate");
  return { body, chair, usa, sau };
}

describe("authority", () => {
  it("a delegate cannot act as another seat: the seat comes from the connection, never from the message", async () => {
    const { chair, usa, sau } = await classroom();
    const seq = chair.room.state.seq;
    // Saudi Arabia sponsors P1; the United States cannot table it by claiming to be Saudi Arabia.
    expect(await usa.act({ type: "table", target: "P1", by: "SAU" })).toMatchObject({ ok: false, code: "action/malformed" });
    expect(await usa.act({ type: "table", target: "P1" })).toMatchObject({ ok: false, code: "table/not-sponsor" });
    expect(chair.room.state.seq).toBe(seq);
    expect(chair.room.state.targets.get("P1").status).toBe("draft");
    expect(await sau.act({ type: "table", target: "P1" })).toMatchObject({ ok: true });
    // Nor can it cast Saudi Arabia's ballot by naming it as a principal it holds no proxy for.
    expect(await usa.act({ type: "second", target: "P1" })).toMatchObject({ ok: true });
    expect(await chair.act({ type: "call_vote", target: "P1", method: "show_of_hands" })).toMatchObject({ ok: true });
    await until(() => chair.room.state.hasBallot, 5000, "the vote on P1");
    const before = chair.room.state.seq;
    expect(await usa.act({ type: "vote", target: "P1", choice: "no", for: "SAU" })).toMatchObject({ ok: false, code: "vote/not-proxy" });
    expect(chair.room.state.seq).toBe(before);
    expect([...chair.room.state.ballot.voted]).not.toContain("SAU");
    for (const p of [chair, usa, sau]) await p.room.leave();
  });

  it("a delegate cannot send chair actions or chair commands", async () => {
    const { chair, usa } = await classroom();
    const seq = chair.room.state.seq;
    expect(await usa.act({ type: "open_signing" })).toMatchObject({ ok: false, code: "seat/chair-only" });
    expect(await usa.act({ type: "close_speakers_list" })).toMatchObject({ ok: false, code: "seat/chair-only" });
    expect(await usa.chair({ type: "pause" })).toMatchObject({ ok: false, code: "seat/chair-only" });
    expect(await usa.chair({ type: "seat", seat: "SAU", bot: true })).toMatchObject({ ok: false, code: "seat/chair-only" });
    expect(chair.room.state.seq).toBe(seq);
    expect(chair.room.state.clockPaused).toBe(false);
    for (const p of [chair, usa]) await p.room.leave();
  });

  it("a forged chair key is refused, and the real chair still chairs", async () => {
    const { body, chair } = await classroom();
    expect(await joinError(server, { code: body.code, name: "Mallory", role: "chair", chairKey: body.chairKey.toLowerCase() })).toContain("join/bad-chair-key");
    expect(await joinError(server, { code: body.code, name: "Mallory", role: "chair" })).toContain("join/bad-chair-key");
    const log = await server.get(`/api/games/${body.code}/log`, { authorization: "Bearer WRONGKEY" });
    expect(log.status).toBe(403);
    expect(await chair.chair({ type: "pause" })).toMatchObject({ ok: true });
    await chair.room.leave();
  });

  it("a reconnection token already used cannot be used again by another client", async () => {
    const { chair, usa } = await classroom();
    const token = usa.room.reconnectionToken;
    usa.room.reconnection.minUptime = 0;
    const reconnected = new Promise<void>((resolve) => usa.room.onReconnect(() => resolve()));
    (usa.room.connection.transport as unknown as { ws: { terminate(): void } }).ws.terminate();
    await reconnected;
    expect(usa.room.reconnectionToken).not.toBe(token);
    const seq = chair.room.state.seq;
    let error = "";
    try {
      await server.colyseus.sdk.reconnect(token);
    } catch (e) {
      error = (e as Error).message;
    }
    expect(error).toMatch(/reconnection token invalid|expired|already consumed|bad reconnection/);
    expect(chair.room.state.seq).toBe(seq);
    expect(await usa.act({ type: "request_floor" })).toMatchObject({ ok: true });
    for (const p of [chair, usa]) await p.room.leave();
  });
});
