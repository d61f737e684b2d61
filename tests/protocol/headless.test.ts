import { Client, type Room } from "@colyseus/sdk";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../server/harness.ts";

/**
 * A client written from the published contract alone: apart from the harness that starts a server, this file
 * imports nothing of the repository — only @colyseus/sdk, ajv and docs/schema/protocol.schema.json. It
 * validates every HTTP body, every request and answer, every frame it receives and room.state after every
 * patch against those JSON Schemas, and plays one delegation to the close of a bot-chaired game from what its `private.legal` offers.
 */

let server: TestServer;
const monitorPassword = process.env.PLENIPO_MONITOR_PASSWORD;
beforeAll(async () => {
  server = await startServer();
  // The administrator's password (the list of games asks for it, as Basic auth of user "host").
  process.env.PLENIPO_MONITOR_PASSWORD = "secret";
});
afterAll(async () => {
  await server.stop();
  if (monitorPassword === undefined) delete process.env.PLENIPO_MONITOR_PASSWORD;
  else process.env.PLENIPO_MONITOR_PASSWORD = monitorPassword;
});

// ——— the client: nothing below knows the server but by its published schemas ———

(globalThis as { WebSocket?: unknown }).WebSocket ??= (await import("ws")).WebSocket;

const published = JSON.parse(readFileSync(new URL("../../docs/schema/protocol.schema.json", import.meta.url), "utf8")) as Record<string, object>;
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validators: Record<string, ValidateFunction> = Object.fromEntries(Object.entries(published).map(([name, schema]) => [name, ajv.compile(schema)]));

/** Problems found, as "what: path problem"; the test expects none. */
const breaches: string[] = [];
function check(name: string, value: unknown, what = name): void {
  const validate = validators[name];
  if (!validate) return void breaches.push(`${what}: no published schema "${name}"`);
  if (!validate(value)) breaches.push(...(validate.errors ?? []).map((e) => `${what}: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`));
}

interface LegalAction {
  action: { type: string; target?: string; offer?: string; [field: string]: unknown };
  free: string[];
}
interface Private {
  seq: number;
  ballot: string | null;
  step: string | null;
  legal: { actions: LegalAction[] } | null;
}

/** One HTTP exchange, held to the published schemas: the body sent, and the answer (or the error) received. */
async function http(base: string, path: string, answer: string, init: { body?: unknown; headers?: Record<string, string>; invalid?: true } = {}) {
  const post = init.body !== undefined;
  // A body sent wrong on purpose: the schema must have said so before the server does.
  if (post && init.invalid && validators.createGame?.(init.body)) breaches.push(`POST ${path} body: the schema lets ${JSON.stringify(init.body)} through`);
  else if (post && !init.invalid) check("createGame", init.body, `POST ${path} body`);
  const res = await fetch(new URL(path, base), {
    method: post ? "POST" : "GET",
    headers: { ...(post ? { "content-type": "application/json" } : {}), ...init.headers },
    body: post ? JSON.stringify(init.body) : undefined,
  });
  const body: unknown = await res.json();
  check(res.ok ? answer : "httpError", body, `${post ? "POST" : "GET"} ${path} ${res.status}`);
  return { status: res.status, body: body as Record<string, unknown> };
}

/** Joins one delegation and answers what the server offers it, until the conference closes. */
async function play(base: string, code: string, seat: string, beforeLeaving: () => Promise<void>) {
  const seen = { frames: {} as Record<string, number>, accepted: [] as string[], closed: false };
  const options = { code, name: "Headless", role: "delegation", seat };
  check("join", options);
  const room: Room = await new Client(base).joinOrCreate("plenary", options);
  const ask = async (type: "act" | "sync" | "pass", payload?: unknown) => {
    if (type === "act") check("act", payload, "act request");
    const answer = (await room.request(type, payload)) as { ok: boolean; seq?: number; code?: string };
    check("answer", answer, `answer to ${type}`);
    return answer;
  };
  let latest: Private | null = null;
  let busy = false;
  /** Votes yes, takes every deal, signs: the first of those the legal actions hold, sent with what it saw. */
  const answerLegal = async () => {
    const view = latest;
    if (busy || !view?.legal) return;
    const pick = ["vote", "accept_offer", "sign"].map((t) => view.legal?.actions.find((l) => l.action.type === t && l.free.length === 0)).find(Boolean);
    if (!pick) return;
    busy = true;
    const action = pick.action.type === "vote" ? { ...pick.action, choice: "yes" } : pick.action;
    const answer = await ask("act", { action, seen: { seq: view.seq, ballot: view.ballot, ...(view.step ? { step: view.step } : {}), ...(action.target ? { target: action.target } : {}) } });
    if (answer.ok) seen.accepted.push(action.type);
    busy = false;
    // The next private message may have come while this one was on its way.
    if (latest !== view) void answerLegal();
  };
  let patches = 0;
  room.onStateChange((state) => check("state", (state as { toJSON(): unknown }).toJSON(), `room.state after patch ${++patches}`));
  const closed = new Promise<void>((resolve) => {
    // One handler for every type: the SDK gives a message to a type's own handler instead of to "*".
    room.onMessage("*", (type, payload) => {
      const name = String(type);
      seen.frames[name] = (seen.frames[name] ?? 0) + 1;
      check(name, payload, `message ${name} #${seen.frames[name]}`);
      if (name === "private") {
        latest = payload as Private;
        void answerLegal();
      }
      if (name === "outcome") {
        seen.closed = (payload as { closed?: boolean }).closed === true;
        resolve();
      }
    });
  });
  await closed;
  await ask("sync");
  await beforeLeaving();
  await new Promise((r) => setTimeout(r, 100));
  const phase = (room.state as { phase?: string }).phase;
  await room.leave();
  return { ...seen, phase, patches };
}

describe("a headless client built from docs/schema/protocol.schema.json alone", () => {
  it("plays Ghana through its legal actions to the close, and every frame keeps the published schemas", async () => {
    const base = server.base;
    // The server's administrator may list the games; nobody else.
    const admin = { authorization: `Basic ${Buffer.from("host:secret").toString("base64")}` };
    expect((await http(base, "/api/scenarios", "scenarioList")).status).toBe(200);
    expect((await http(base, "/api/health", "health")).status).toBe(200);
    expect((await http(base, "/api/games", "createdGame", { body: { scenario: "no-such-scenario" } })).status).toBe(404);
    expect((await http(base, "/api/games", "createdGame", { body: { scenario: "classroom-quick", pace: "slow" }, invalid: true })).status).toBe(400);
    expect((await http(base, "/api/games/ZZZZZZ", "game")).status).toBe(404);
    const created = await http(base, "/api/games", "createdGame", { body: { scenario: "classroom-quick", rule: "majority", pace: "instant", chair: "bot" } });
    expect(created.status).toBe(201);
    const code = String(created.body.code);
    const key = { "x-chair-key": String(created.body.chairKey) };
    expect((await http(base, `/api/games/${code}`, "game")).status).toBe(200);
    expect((await http(base, "/api/games", "gameList")).status).toBe(403);
    expect((await http(base, "/api/games", "gameList", { headers: admin })).status).toBe(200);
    expect((await http(base, `/api/games/${code}/log`, "", { headers: key })).status).toBe(409);

    let seats: Record<string, unknown> = {};
    const game = await play(base, code, "GHA", async () => {
      // Closed, the room still running: the seats with names for the chair key, only counts for anyone else.
      seats = (await http(base, `/api/games/${code}`, "game", { headers: key })).body;
      expect((await http(base, `/api/games/${code}`, "game")).body).toMatchObject({ seats: { delegations: expect.arrayContaining([expect.objectContaining({ id: "GHA", holders: [], people: 1 })]) } });
    });
    expect(seats).toMatchObject({ status: "closed", live: true, seats: { observers: 0, delegations: expect.arrayContaining([expect.objectContaining({ id: "GHA", holders: ["Headless"] })]) } });
    expect((await http(base, `/api/games/${code}/log`, "", { headers: { authorization: "Bearer wrong" } })).status).toBe(403);
    expect(breaches).toEqual([]);
    expect(game.phase).toBe("closed");
    expect(game.closed).toBe(true);
    for (const type of ["welcome", "private", "record", "outcome", "scenario"]) expect(game.frames[type], `${type} frames`).toBeGreaterThan(0);
    expect(game.patches).toBeGreaterThan(0);
    // The second welcome is the answer to the sync.
    expect(game.frames.welcome).toBe(2);
    expect(game.accepted, "Ghana voted and signed").toEqual(expect.arrayContaining(["vote", "sign"]));
  }, 60_000);
});
