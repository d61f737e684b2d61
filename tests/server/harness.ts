import { ColyseusTestServer } from "@colyseus/testing";
import type { Room as SdkRoom } from "@colyseus/sdk";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { WebSocket } from "ws";
import { pino } from "pino";
import type { PrivateMessage, RecordLine, Welcome } from "../../shared/protocol/messages.ts";
import { createGameServer } from "../../server/app.ts";
import { SCENARIO_DIR } from "../../server/cli/io.ts";
import { useNativeDigest } from "../../server/node/nativeDigest.ts";
import { GameStore } from "../../server/store/gameStore.ts";
import { freePort } from "../../server/node/freePort.ts";

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
useNativeDigest();

/** A real server on a free loopback port, with its own store, and the @colyseus/testing helpers. */
export async function startServer(options: { rateLimit?: { burst: number; perSecond: number }; db?: string; scenariosDir?: string } = {}) {
  const db = options.db ?? joinPath(mkdtempSync(joinPath(tmpdir(), "plenipo-server-")), "games.db");
  const store = new GameStore(db);
  const port = await freePort();
  const server = createGameServer({ store, scenariosDir: options.scenariosDir ?? SCENARIO_DIR, log: pino({ level: "silent" }), rateLimit: options.rateLimit, publicUrl: `http://127.0.0.1:${port}/` });
  await server.listen(port, "127.0.0.1");
  const colyseus = new ColyseusTestServer(server);
  const base = `http://127.0.0.1:${port}`;
  return {
    colyseus,
    store,
    db,
    base,
    port,
    async createGame(body: Record<string, unknown>) {
      const res = await fetch(`${base}/api/games`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as { code: string; chairKey: string; seed: number; error?: { code: string; message: string } } };
    },
    async get(path: string, headers: Record<string, string> = {}) {
      const res = await fetch(`${base}${path}`, { headers });
      const text = await res.text();
      return { status: res.status, text, json: () => JSON.parse(text) };
    },
    async stop() {
      await colyseus.shutdown();
      store.close();
    },
  };
}
export type TestServer = Awaited<ReturnType<typeof startServer>>;

/**
 * An SDK client that keeps everything the server sent it. (Register no onMessage handler of your own on its
 * room: the SDK would then skip this catch-all for that type. Use afterMessage.)
 */
export interface Player {
  room: SdkRoom;
  welcome: () => Welcome | undefined;
  privates: PrivateMessage[];
  latest: () => PrivateMessage | undefined;
  records: RecordLine[];
  /** The seq of the last record line: private messages received so far are current as of it. */
  recordSeq: () => number;
  notices: { kind: string; text: string }[];
  /** Every message, raw, in order (type and payload), for privacy checks. */
  messages: { type: string; payload: unknown }[];
  /** The public state after every patch, as JSON text. */
  states: string[];
  /** Called after any message (the SDK allows one handler per type; this one is shared). */
  afterMessage(cb: (type: string) => void): void;
  act(action: unknown): Promise<{ ok: boolean; seq?: number; code?: string; message?: string }>;
  chair(command: unknown): Promise<{ ok: boolean; seq?: number; code?: string; message?: string }>;
}

export function watch(room: SdkRoom): Player {
  const messages: Player["messages"] = [];
  const privates: PrivateMessage[] = [];
  const records: RecordLine[] = [];
  const notices: Player["notices"] = [];
  const states: string[] = [];
  let welcome: Welcome | undefined;
  const listeners: ((type: string) => void)[] = [];
  room.onMessage("*", (type, payload) => {
    messages.push({ type: String(type), payload });
    if (type === "welcome") welcome = payload as Welcome;
    if (type === "private") privates.push(payload as PrivateMessage);
    if (type === "notice") notices.push(payload as { kind: string; text: string });
    if (type === "record") {
      const p = payload as RecordLine | { lines: RecordLine[] };
      if ("lines" in p) records.splice(0, records.length, ...p.lines);
      else records.push(p);
    }
    for (const cb of listeners) cb(String(type));
  });
  room.onStateChange((state) => states.push(JSON.stringify((state as { toJSON(): unknown }).toJSON())));
  return {
    room,
    welcome: () => welcome,
    privates,
    latest: () => privates[privates.length - 1],
    records,
    recordSeq: () => records[records.length - 1]?.entry.seq ?? 0,
    notices,
    messages,
    states,
    afterMessage: (cb) => void listeners.push(cb),
    act: (action) => room.request("act", action),
    chair: (command) => room.request("chair", command),
  };
}

export async function join(server: TestServer, options: Record<string, unknown>): Promise<Player> {
  const room = await server.colyseus.sdk.joinOrCreate("plenary", options);
  const player = watch(room);
  await room.waitForInitialState?.();
  await until(() => player.welcome() !== undefined);
  return player;
}

/** Waits until `check` holds (polling), or fails after `ms`. */
export async function until(check: () => boolean, ms = 10_000, what = "condition"): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The error a failed join rejects with, as "code: message". */
export async function joinError(server: TestServer, options: Record<string, unknown>): Promise<string> {
  try {
    const room = await server.colyseus.sdk.joinOrCreate("plenary", options);
    await room.leave();
    return "joined";
  } catch (error) {
    return (error as Error).message;
  }
}
