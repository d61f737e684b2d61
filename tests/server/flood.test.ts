import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join, startServer, until, type TestServer } from "./harness.ts";

/** The per-client rate limit (DESIGN §9): below it every request is answered; a flood is answered, then cut. */

let flooded: TestServer;
beforeAll(async () => {
  flooded = await startServer({ rateLimit: { burst: 10, perSecond: 2 } });
});
afterAll(async () => {
  await flooded.stop();
});

describe("rate limit", () => {
  it("a flood is answered, then disconnected; a calm client is not", async () => {
    const { body } = await flooded.createGame({ scenario: "classroom-quick", pace: "classroom" });
    const flooder = await join(flooded, { code: body.code, name: "F", role: "delegation", seat: "USA" });
    const calm = await join(flooded, { code: body.code, name: "C", role: "delegation", seat: "GHA" });
    const answers = await Promise.allSettled(Array.from({ length: 30 }, () => flooder.room.request("act", { type: "request_floor" }, { timeout: 5000 })));
    const codes = answers.map((a) => (a.status === "fulfilled" ? (a.value as { code?: string; ok: boolean }).code ?? "ok" : "unanswered"));
    expect(codes).toContain("rate/flood");
    await until(() => !flooder.room.connection.isOpen, 5000, "the flooder disconnected");
    expect(await calm.act({ type: "request_floor" })).toMatchObject({ ok: true });
    await calm.room.leave();
  });
});
