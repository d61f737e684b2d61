import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultBot } from "../../shared/bots/registry.ts";
import { parseLog } from "../../shared/log/format.ts";
import { replay } from "../../shared/log/replay.ts";
import { fixtureScenario } from "../fixtures/build.ts";
import { join, startServer, until, type TestServer } from "./harness.ts";

/**
 * A 193-seat plenary played by bots in a real room at instant pace. A ballot's three scenario minutes are
 * 300 ms of real time there, far less than the server needs for 161 bots to vote: the room's clock must wait
 * for the bots (as the simulator does) rather than close the ballot on whoever voted so far.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

describe("an all-bot busan-2014 room at instant pace", () => {
  it("closes, and every ballot counts a vote from every delegation present with the right to vote", async () => {
    const created = await server.createGame({ scenario: "busan-2014", rule: "majority", seed: 3, pace: "instant", chair: "bot" });
    expect(created.status).toBe(201);
    const watcher = await join(server, { code: created.body.code, name: "Observer", role: "observer" });
    await until(() => watcher.room.state.phase === "closed", 150_000, "the conference to close");
    await watcher.room.leave();

    const full = await server.get(`/api/games/${created.body.code}/log`, { "x-chair-key": created.body.chairKey });
    expect(full.status).toBe(200);
    const parsed = parseLog(full.text);
    if (!parsed.ok) throw new Error(`line ${parsed.line}: ${parsed.message}`);
    // The header names the bots that played, at their current versions.
    expect(parsed.log.header.seats).toMatchObject({ chair: defaultBot("chair").id, GHA: `human or ${defaultBot("GHA").id}`, TUV: "absent" });
    const live = replay(parsed.log);
    if (!live.ok) throw new Error(`seq ${live.seq}: ${live.message}`);

    const voters = fixtureScenario("busan-2014").delegations.filter((d) => d.present && d.votingRight).length;
    expect(voters).toBe(161);
    const ballots = live.state.ballots;
    expect(ballots.length).toBeGreaterThan(10);
    expect(ballots.filter((b) => b.cast.length !== voters).map((b) => `${b.target}: ${b.cast.length} of ${voters}`)).toEqual([]);
  }, 180_000);
});
