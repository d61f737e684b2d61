import express, { type Application, type Request, type Response } from "express";
import { matchMaker } from "@colyseus/core";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultBot } from "../../shared/bots/registry.ts";
import { createGame } from "../../shared/engine/create.ts";
import { publicScenarioOf } from "../../shared/engine/view.ts";
import { formatLog } from "../../shared/log/format.ts";
import { publicExport } from "../../shared/log/publicExport.ts";
import { makeHeader } from "../../shared/log/recorder.ts";
import { CreateGameSchema, CODE_PATTERN } from "../../shared/protocol/messages.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { ScenarioCache } from "../../shared/scenario/cache.ts";
import { Seating } from "../rooms/seating.ts";
import type { ServerHealth } from "../rooms/PlenaryRoom.ts";
import type { GameStore } from "../store/gameStore.ts";
import { hashKey, keyMatches, newChairKey, newJoinCode } from "./keys.ts";

export interface HttpDeps {
  store: GameStore;
  scenariosDir: string;
  publicUrl: string;
  health: ServerHealth;
}

/**
 * A scenario file, read each time it is asked for and loaded once per content: the cache (a bounded LRU) is
 * keyed by a hash of the file's text, never by its name, so an edited file is validated again (a game embeds
 * its scenario in its log anyway).
 */
function scenarioLoader(dir: string) {
  const cache = new ScenarioCache(SCENARIO_FILES_CACHED);
  return (id: string): { scenario: Scenario; hash: string } | null => {
    if (!/^[a-z0-9-]+$/.test(id)) return null;
    let text: string;
    try {
      text = readFileSync(join(dir, `${id}.json`), "utf8");
    } catch {
      return null;
    }
    const loaded = cache.loadText(text);
    return loaded.ok ? { scenario: loaded.scenario, hash: loaded.hash } : null;
  };
}

/** Scenario files whose loaded form the server keeps (a scenarios folder holds a handful). */
const SCENARIO_FILES_CACHED = 32;

const fail = (res: Response, status: number, code: string, message: string) => res.status(status).json({ error: { code, message } });

/** The live room of a game, when one is running in this process (for who holds which seat right now). */
function liveRoom(code: string): { seatList(): unknown } | undefined {
  return matchMaker.getLocalRoomById(code) as unknown as { seatList(): unknown } | undefined;
}

interface SeatList {
  chair: { control: string; holders: string[] };
  delegations: { id: string; holders: string[] }[];
}

/** The seat list without names: whether, and by how many, each seat is held. */
function anonymous(seats: SeatList): unknown {
  return {
    ...seats,
    chair: { ...seats.chair, holders: [], people: seats.chair.holders.length },
    delegations: seats.delegations.map((d) => ({ ...d, holders: [], people: d.holders.length })),
  };
}

/** Basic authentication as the monitor's: user "host", the password PLENIPO_MONITOR_PASSWORD (none: nobody). */
function adminAllowed(req: Request): boolean {
  const password = process.env.PLENIPO_MONITOR_PASSWORD;
  const header = req.header("authorization") ?? "";
  if (!password || !header.toLowerCase().startsWith("basic ")) return false;
  return Buffer.from(header.slice(6).trim(), "base64").toString("utf8") === `host:${password}`;
}

function chairKeyOf(req: Request): string | undefined {
  const header = req.header("authorization");
  if (header?.toLowerCase().startsWith("bearer ")) return header.slice(7).trim();
  return req.header("x-chair-key") ?? (typeof req.query.key === "string" ? req.query.key : undefined);
}

/**
 * The HTTP API (docs/protocol.md): scenarios, creating a game (join code and chair key), the list of games,
 * a game's seats before joining, its public export, and its full log once closed (chair key).
 */
export function mountRoutes(app: Application, deps: HttpDeps): void {
  const { store } = deps;
  const scenario = scenarioLoader(deps.scenariosDir);
  app.use("/api", express.json({ limit: "64kb" }));
  // A body that is not JSON, or too large, is answered like every other error: {error: {code, message}}.
  app.use("/api", (error: unknown, _req: Request, res: Response, next: (e?: unknown) => void) => {
    const e = error as { type?: string; status?: number } | undefined;
    if (e?.type === "entity.parse.failed") return fail(res, 400, "http/not-json", "The body of the request is not valid JSON.");
    if (e?.type === "entity.too.large") return fail(res, 413, "http/too-large", "The body of the request is larger than 64 KB.");
    next(error);
  });

  app.get("/api/health", (_req, res) => {
    // Under --expose-gc (npm run bench:server) the figures are of live memory, not of garbage awaiting collection.
    (globalThis as { gc?: () => void }).gc?.();
    res.json({ ok: true, internalErrors: deps.health.internalErrors, memory: process.memoryUsage() });
  });

  app.get("/api/scenarios", (_req, res) => {
    const ids = readdirSync(deps.scenariosDir).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort();
    res.json(
      ids.flatMap((id) => {
        const s = scenario(id);
        return s ? [publicScenarioOf(s.scenario, false)] : [];
      }),
    );
  });

  app.post("/api/games", (req, res) => {
    const parsed = CreateGameSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(res, 400, "create/invalid", `${issue?.path.join(".") || "body"}: ${issue?.message}`);
    }
    const o = parsed.data;
    const loaded = scenario(o.scenario);
    if (!loaded) return fail(res, 404, "create/unknown-scenario", `There is no valid scenario "${o.scenario}".`);
    let code = newJoinCode();
    while (store.getGame(code)) code = newJoinCode();
    const chairKey = newChairKey();
    const seed = o.seed ?? Math.floor(Math.random() * 1_000_000);
    const state = createGame(loaded.scenario, { rule: o.rule, seed, scenarioHash: loaded.hash });
    // Who was meant to play each seat, with the bots' versions as the simulator records them.
    const seats: Record<string, string> = { chair: o.chair === "bot" ? defaultBot("chair").id : "human" };
    for (const d of loaded.scenario.delegations) {
      const bot = defaultBot(d.id).id;
      seats[d.id] = d.present ? (d.playable ? `human or ${bot}` : bot) : "absent";
    }
    const createdAt = new Date().toISOString();
    store.createGame(
      {
        code,
        chairKeyHash: hashKey(chairKey),
        scenarioId: loaded.scenario.id,
        title: loaded.scenario.title,
        rule: state.rule,
        seed,
        pace: o.pace,
        options: { chair: o.chair, maxPlayers: o.maxPlayers, reconnectSeconds: o.reconnectSeconds, botsForAbsent: o.botsForAbsent, seatOverrides: {}, ...(o.lobby ? { lobby: true } : {}), ...(o.reveal === "own" ? { reveal: "own" as const } : {}) },
        createdAt,
      },
      makeHeader(state, seats, createdAt),
    );
    res.status(201).json({ code, chairKey, scenario: loaded.scenario.id, title: loaded.scenario.title, rule: state.rule, seed, pace: o.pace, lobby: o.lobby, reveal: o.reveal, joinUrl: `${deps.publicUrl}#/join/${code}` });
  });

  // The list of every game, with its join code, is the server administrator's alone: a stranger without a
  // code must learn nothing about any class.
  app.get("/api/games", (req, res) => {
    if (!adminAllowed(req)) return fail(res, 403, "games/admin-only", "The list of games is for the server's administrator (PLENIPO_MONITOR_PASSWORD, user host).");
    res.json(
      store.listGames().map((g) => ({
        code: g.code,
        scenario: g.scenarioId,
        title: g.title,
        rule: g.rule,
        pace: g.pace,
        status: g.status,
        seq: g.seq,
        createdAt: g.createdAt,
        closedAt: g.closedAt,
        live: liveRoom(g.code) !== undefined,
      })),
    );
  });

  const game = (req: Request, res: Response) => {
    const code = String(req.params.code ?? "").toUpperCase();
    const g = CODE_PATTERN.test(code) ? store.getGame(code) : null;
    if (!g) fail(res, 404, "join/unknown-code", `No game has the code "${req.params.code}".`);
    return g;
  };

  app.get("/api/games/:code", (req, res) => {
    const g = game(req, res);
    if (!g) return;
    const live = liveRoom(g.code);
    const loaded = scenario(g.scenarioId);
    const held = live ? [] : store.seatsOf(g.code);
    const delegations = loaded?.scenario.delegations ?? [];
    // Not running: who held which seat (from the store), and who will play it when the room opens.
    const seating = new Seating(g.options, delegations, held.flatMap((s) => (s.seat ? [s.seat] : [])));
    const seats = live?.seatList() ?? {
      chair: { control: seating.control("chair"), holders: [] },
      delegations: delegations.map((d) => ({
        id: d.id,
        name: d.name,
        playable: d.playable,
        present: d.present,
        control: seating.control(d.id),
        holders: held.filter((s) => s.seat === d.id).map((s) => s.name),
        team: held.some((s) => s.seat === d.id && s.team),
      })),
      observers: 0,
    };
    // Students' names are for the class's own eyes (in the room) and the teacher's: here, only how many.
    const chair = keyMatches(chairKeyOf(req), g.chairKeyHash);
    res.json({ code: g.code, scenario: g.scenarioId, title: g.title, rule: g.rule, pace: g.pace, status: g.status, seq: g.seq, live: live !== undefined, seats: chair ? seats : anonymous(seats as SeatList) });
  });

  app.get("/api/games/:code/export", (req, res) => {
    const g = game(req, res);
    if (!g) return;
    const log = store.loadLog(g.code);
    if (!log) return fail(res, 404, "game/missing-log", "This game has no log.");
    // The cards are in it once the conference has closed, if the teacher reveals them at the debrief. This
    // server wrote the log: its last checkpoint is verified (docs/log-format.md, "Replay").
    const cards = g.status === "closed" && g.options.reveal !== "own";
    res.type("application/x-ndjson").attachment(`${g.code}-public.jsonl`).send(formatLog(publicExport(log, { cards, checkpoints: "last" })));
  });

  app.get("/api/games/:code/log", (req, res) => {
    const g = game(req, res);
    if (!g) return;
    if (!keyMatches(chairKeyOf(req), g.chairKeyHash)) return fail(res, 403, "log/chair-key", "The full log needs this game's chair key.");
    if (g.status !== "closed") return fail(res, 409, "log/not-closed", "The full log is released once the conference has closed; until then, use the public export.");
    const log = store.loadLog(g.code);
    if (!log) return fail(res, 404, "game/missing-log", "This game has no log.");
    res.type("application/x-ndjson").attachment(`${g.code}.jsonl`).send(formatLog(log));
  });
}
