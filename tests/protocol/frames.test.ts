import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { join, startServer, until, type Player, type TestServer } from "../server/harness.ts";

/**
 * What docs/protocol.md promises about frames, held: past 64 KB a frame closes the connection (1009), which
 * keeps the seat as any drop does; a message of a type the room does not handle closes it with 4002; a
 * request under the limit is answered, even when its action is malformed.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

async function student(): Promise<{ ana: Player; code: string }> {
  const { body } = await server.createGame({ scenario: "classroom-quick", pace: "instant", lobby: true });
  return { ana: await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "GHA" }), code: body.code };
}

const closeCode = (p: Player) => new Promise<number>((resolve) => p.room.onLeave((code) => resolve(code)));

describe("frames", () => {
  it("a request under 64 KB is answered; one past it closes the connection with 1009, and the seat is kept", async () => {
    const { ana, code } = await student();
    const observer = await join(server, { code, name: "Visitor", role: "observer" });
    const under = await ana.act({ action: { type: "speak", text: "x".repeat(60_000) } });
    expect(under).toMatchObject({ ok: false, code: "action/malformed" });
    // The transport prints the socket's error ("Max payload size exceeded"); it is the point here.
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const closed = closeCode(ana);
    void ana.act({ action: { type: "speak", text: "x".repeat(70_000) } }).catch(() => undefined);
    expect(await closed).toBe(1009);
    printed.mockRestore();
    // A dropped connection like any other: Ana's seat waits for her (reconnectSeconds).
    await until(() => observer.room.state.seats.get("GHA")?.connected === 0, 5000, "the drop to show");
    expect([...observer.room.state.seats.get("GHA").holders]).toEqual(["Ana"]);
    await observer.room.leave();
  });

  it("a message (not a request) of a type the room does not handle closes the connection with 4002", async () => {
    const { ana } = await student();
    const closed = closeCode(ana);
    ana.room.send("shout", { text: "hello" });
    expect(await closed).toBe(4002);
  });
});
