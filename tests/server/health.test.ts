import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { join, startServer, type TestServer } from "./harness.ts";

// The engine never fails on a good action; to see what the server does when it does, one speech is made to
// break it (as a bug in a reducer would: apply() turns the throw into engine/internal-error).
vi.mock("../../shared/engine/apply.ts", async (original) => {
  const real = await original<typeof import("../../shared/engine/apply.ts")>();
  return {
    ...real,
    applyParsed: (state: Parameters<typeof real.applyParsed>[0], by: string, action: Parameters<typeof real.applyParsed>[2]) =>
      action.type === "speak" && action.text === "this speech breaks the engine" ? { ok: false, error: { code: "engine/internal-error", message: "The engine failed on this action: boom" } } : real.applyParsed(state, by, action),
  };
});

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

describe("an engine failure in live play", () => {
  it("is answered, counted by /api/health, and the room goes on", async () => {
    expect((await server.get("/api/health")).json()).toMatchObject({ ok: true, internalErrors: 0 });
    const { body } = await server.createGame({ scenario: "classroom-quick", pace: "classroom" });
    const chair = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "GHA" });
    await chair.act({ type: "open_item", item: "governance" });
    await ana.act({ type: "request_floor" });
    await chair.act({ type: "give_floor", to: "GHA" });
    expect(await ana.act({ type: "speak", text: "this speech breaks the engine" })).toMatchObject({ ok: false, code: "engine/internal-error" });
    expect((await server.get("/api/health")).json()).toMatchObject({ internalErrors: 1 });
    expect(await ana.act({ type: "speak", text: "A speech the engine takes." })).toMatchObject({ ok: true });
    for (const p of [chair, ana]) await p.room.leave();
  });
});
