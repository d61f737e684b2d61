import { matchMaker } from "@colyseus/core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_TYPES, hash, type State } from "../../shared/engine/index.ts";
import { replay } from "../../shared/log/replay.ts";
import { join, startServer, until, type Player, type TestServer } from "./harness.ts";

/**
 * Thousands of random and malformed requests from several clients: the room stays up, every request gets an
 * answer, and the game stays consistent with its log.
 */

let server: TestServer;
beforeAll(async () => {
  // No rate limit here: the fuzz sends thousands of requests on purpose (flood.test.ts covers the limit).
  server = await startServer({ rateLimit: { burst: 1_000_000, perSecond: 1_000_000 } });
});
afterAll(async () => {
  await server.stop();
});

const targets = ["P1", "P2", "P3", "A1a", "A1b", "A2a", "A3a", "ZZ", ""];
const actionLike = fc.record(
  {
    type: fc.constantFrom(...ACTION_TYPES, "bogus", ""),
    target: fc.oneof(fc.constantFrom(...targets), fc.string(), fc.integer()),
    item: fc.constantFrom("governance", "security", "treaty", "nowhere"),
    to: fc.constantFrom("USA", "GHA", "XXX", 7),
    choice: fc.constantFrom("yes", "no", "abstain", "maybe", null),
    text: fc.string({ maxLength: 300 }),
    method: fc.constantFrom("show_of_hands", "roll_call", "secret", "shouting"),
    give: fc.array(fc.oneof(fc.record({ second: fc.constantFrom(...targets) }), fc.jsonValue()), { maxLength: 3 }),
    ask: fc.array(fc.record({ vote: fc.record({ target: fc.constantFrom(...targets), choice: fc.constantFrom("yes", "no") }) }), { maxLength: 2 }),
    step: fc.constantFrom("S1", "S2", "S99"),
    offer: fc.constantFrom("O1", "O2", "O9"),
    kind: fc.constantFrom("suspend", "close_debate", "adjourn_debate", "nap"),
    overrule: fc.boolean(),
  },
  { requiredKeys: ["type"] },
);
const payload = fc.oneof(
  { weight: 6, arbitrary: actionLike },
  { weight: 2, arbitrary: fc.jsonValue() },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const request = fc.record({
  who: fc.nat(4),
  type: fc.oneof({ weight: 8, arbitrary: fc.constant("act") }, { weight: 1, arbitrary: fc.constant("chair") }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }),
  payload,
});

describe("fuzzing the room", () => {
  it("answers thousands of random and malformed requests and stays consistent", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", rule: "consensus", pace: "instant" });
    const players: Player[] = [
      await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey }),
      await join(server, { code: body.code, name: "A", role: "delegation", seat: "USA" }),
      await join(server, { code: body.code, name: "B", role: "delegation", seat: "GHA" }),
      await join(server, { code: body.code, name: "C", role: "delegation", seat: "SAU", team: true }),
      await join(server, { code: body.code, name: "D", role: "observer" }),
    ];
    const requests = fc.sample(request, { numRuns: 2500, seed: 20261129 });
    let refused = 0;
    const failures: string[] = [];
    for (let i = 0; i < requests.length; i += 50) {
      const batch = requests.slice(i, i + 50);
      const results = await Promise.allSettled(batch.map((r) => (players[r.who] as Player).room.request(r.type, r.payload, { timeout: 8000 })));
      for (const r of results) {
        if (r.status === "fulfilled") {
          const a = r.value as { ok?: boolean; code?: string; message?: string };
          expect(typeof a.ok).toBe("boolean");
          if (!a.ok) {
            refused += 1;
            expect(a.code).toMatch(/^[a-z]+\/[a-z-]+$/);
            expect((a.message ?? "").length).toBeGreaterThan(5);
          }
        } else {
          // A request type nobody handles, or an undecodable payload, is answered with an error reply.
          const message = String((r.reason as Error).message);
          if (/timed out|connection is not open|closed/i.test(message)) failures.push(message);
        }
      }
    }
    // Every request was either answered (accepted, refused, or an error reply) or is listed as a failure.
    expect(failures).toEqual([]);
    expect(refused).toBeGreaterThan(1000);
    for (const p of players) expect(p.room.connection.isOpen).toBe(true);

    // The room is alive and consistent with its log.
    expect(await (players[1] as Player).act({ type: "return" })).toMatchObject({ ok: false });
    const room = matchMaker.getLocalRoomById(body.code) as unknown as { engine: State };
    const log = server.store.loadLog(body.code);
    if (!log) throw new Error("no log");
    const rebuilt = replay(log);
    expect(rebuilt.ok && hash(rebuilt.state)).toBe(hash(room.engine));
    await until(() => (players[0] as Player).room.state.seq === room.engine.seq, 5000, "the public state in line");
    for (const p of players) await p.room.leave();
  }, 120_000);
});
