import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join, joinError, startServer, until, type Player, type TestServer } from "./harness.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

describe("creating a game", () => {
  it("answers a join code a student can type and a private chair key", async () => {
    const { status, body } = await server.createGame({ scenario: "classroom-quick", rule: "majority", pace: "instant" });
    expect(status).toBe(201);
    expect(body.code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect(body.chairKey.length).toBeGreaterThanOrEqual(20);
    // The list of every game (with its join code) is the administrator's alone.
    const stranger = await server.get("/api/games");
    expect(stranger.status).toBe(403);
    expect(stranger.text).not.toContain(body.code);
    const before = process.env.PLENIPO_MONITOR_PASSWORD;
    process.env.PLENIPO_MONITOR_PASSWORD = "s3cret";
    try {
      expect((await server.get("/api/games", { authorization: `Basic ${Buffer.from("host:wrong").toString("base64")}` })).status).toBe(403);
      const list = (await server.get("/api/games", { authorization: `Basic ${Buffer.from("host:s3cret").toString("base64")}` })).json();
      expect(list.find((g: { code: string }) => g.code === body.code)).toMatchObject({ scenario: "classroom-quick", rule: "majority", status: "open" });
      expect(JSON.stringify(list)).not.toContain(body.chairKey);
    } finally {
      if (before === undefined) delete process.env.PLENIPO_MONITOR_PASSWORD;
      else process.env.PLENIPO_MONITOR_PASSWORD = before;
    }
  });

  it("refuses an unknown scenario or a bad option with a reason", async () => {
    expect((await server.createGame({ scenario: "atlantis" })).body.error?.code).toBe("create/unknown-scenario");
    const bad = await server.createGame({ scenario: "classroom-quick", pace: "glacial" });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain("pace");
    // A body that is not JSON, or too large, gets the same kind of answer: a code and a sentence.
    const post = (body: string) => fetch(`${server.base}/api/games`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const notJson = await post("{scenario: classroom-quick");
    expect([notJson.status, await notJson.json()]).toEqual([400, { error: { code: "http/not-json", message: "The body of the request is not valid JSON." } }]);
    const huge = await post(JSON.stringify({ scenario: "x".repeat(70_000) }));
    expect([huge.status, ((await huge.json()) as { error: { code: string } }).error.code]).toEqual([413, "http/too-large"]);
  });
});

describe("joining", () => {
  it("lists the delegations and whether they are taken before joining; the names only with the chair key", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", pace: "classroom" });
    // Before anyone has opened the room: who will play each seat when it opens.
    const before = (await server.get(`/api/games/${body.code}`)).json().seats;
    expect(before.chair).toMatchObject({ control: "idle", holders: [], people: 0 });
    expect(before.delegations.find((d: { id: string }) => d.id === "GHA")).toMatchObject({ holders: [], control: "bot" });
    const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "USA" });
    const seats = (await server.get(`/api/games/${body.code}`)).json().seats;
    expect(seats.delegations.find((d: { id: string }) => d.id === "USA")).toMatchObject({ holders: [], people: 1, control: "human" });
    expect(seats.delegations.find((d: { id: string }) => d.id === "GHA")).toMatchObject({ holders: [], people: 0, control: "bot" });
    const teacher = (await server.get(`/api/games/${body.code}`, { "x-chair-key": body.chairKey })).json().seats;
    expect(teacher.delegations.find((d: { id: string }) => d.id === "USA")).toMatchObject({ holders: ["Ana"], control: "human" });
    await ana.room.leave();
  });

  it("with the code as a delegation, alone or in a team; as an observer; the chair with its key", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", pace: "classroom" });
    const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "GHA", team: true });
    expect(ana.welcome()).toMatchObject({ role: "delegation", seat: "GHA", name: "Ana", code: body.code });
    expect(ana.welcome()?.token.length).toBeGreaterThan(16);
    expect(ana.welcome()?.scenario.delegations).toHaveLength(8);
    const ben = await join(server, { code: body.code, name: "Ben", role: "delegation", seat: "GHA", team: true });
    await until(() => ana.room.state.seats.get("GHA")?.holders.length === 2, 5000, "two holders");
    expect([...ana.room.state.seats.get("GHA").holders]).toEqual(["Ana", "Ben"]);
    const eve = await join(server, { code: body.code, name: "Eve", role: "observer" });
    expect(eve.latest()).toBeUndefined();
    const chair = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    expect(chair.welcome()?.seat).toBe("chair");
    await until(() => chair.latest() !== undefined, 5000, "the chair's legal actions");
    expect(chair.latest()?.legal?.actions.map((l) => l.action.type)).toContain("open_item");
    for (const p of [ana, ben, eve, chair]) await p.room.leave();
  });

  it("refuses an unknown code, a taken solo seat, a wrong chair key and a full game, saying why", async () => {
    expect(await joinError(server, { code: "ZZZZZZ", name: "X", role: "observer" })).toContain("join/unknown-code");
    const known = (await server.createGame({ scenario: "classroom-quick", pace: "classroom" })).body.code;
    expect(await joinError(server, { code: known.toLowerCase(), name: "X", role: "observer" })).toContain(`join/code-case: Join codes are written in capitals: use ${known}.`);
    const { body } = await server.createGame({ scenario: "classroom-quick", pace: "classroom", maxPlayers: 2 });
    const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "USA" });
    const taken = await joinError(server, { code: body.code, name: "Bo", role: "delegation", seat: "USA", team: true });
    expect(taken).toContain("join/seat-taken");
    expect(taken).toContain("Ana");
    expect(await joinError(server, { code: body.code, name: "Bo", role: "chair", chairKey: "NOT-THE-KEY" })).toContain("join/bad-chair-key");
    expect(await joinError(server, { code: body.code, name: "Bo", role: "delegation", seat: "FRA" })).toContain("join/unknown-seat");
    const bo = await join(server, { code: body.code, name: "Bo", role: "observer" });
    expect(await joinError(server, { code: body.code, name: "Cy", role: "observer" })).toContain("join/game-full");
    for (const p of [ana, bo]) await p.room.leave();
  });
});

describe("acting", () => {
  it("answers every request with its seq or a code and a sentence, without disconnecting", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", pace: "classroom", rule: "majority" });
    const chair = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    const usa = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "USA" });
    const opened = await chair.act({ type: "open_item", item: "governance" });
    expect(opened).toMatchObject({ ok: true, seq: expect.any(Number) });
    expect(await usa.act({ type: "table", target: "P1" })).toMatchObject({ ok: false, code: "table/not-sponsor" });
    expect(await usa.act({ type: "open_item", item: "security" })).toMatchObject({ ok: false, code: "seat/chair-only" });
    expect(await usa.act({ type: "fly" })).toMatchObject({ ok: false, code: "action/malformed" });
    expect(await usa.act("not an object")).toMatchObject({ ok: false, code: "action/malformed" });
    expect(await usa.act({ type: "deadline", step: "S1" })).toMatchObject({ ok: false, code: "seat/system-only" });
    const asked = await usa.act({ type: "request_floor" });
    expect(asked.ok).toBe(true);
    await until(() => chair.room.state.speakers.includes("USA"), 5000, "USA on the list of speakers");
    expect(usa.room.connection.isOpen).toBe(true);
    const observer = await join(server, { code: body.code, name: "Eve", role: "observer" });
    expect(await observer.act({ type: "request_floor" })).toMatchObject({ ok: false, code: "seat/observer" });
    for (const p of [chair, usa, observer]) await p.room.leave();
  });
});

describe("notices", () => {
  it("an offer made by one member of a team reaches the teammate and the other party, not the one who made it", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", pace: "classroom" });
    const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "GHA", team: true });
    const ben = await join(server, { code: body.code, name: "Ben", role: "delegation", seat: "GHA", team: true });
    const cy = await join(server, { code: body.code, name: "Cy", role: "delegation", seat: "USA" });
    expect(await ana.act({ type: "offer", to: "USA", give: [{ vote: { target: "P1", choice: "no" } }], ask: [{ vote: { target: "A1b", choice: "yes" } }] })).toMatchObject({ ok: true });
    const fromGhana = (p: Player) => p.notices.filter((n) => n.kind === "offer" && n.text.startsWith("Ghana makes offer"));
    await until(() => fromGhana(ben).length === 1 && fromGhana(cy).length === 1, 5000, "the teammate's and the recipient's notices");
    // Ana had her answer; a notice of her own offer would only repeat it.
    expect(fromGhana(ana)).toEqual([]);
    for (const p of [ana, ben, cy]) await p.room.leave();
  });
});
