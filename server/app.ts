import { basicAuth, createRouter, defineRoom, defineServer } from "@colyseus/core";
import { monitor } from "@colyseus/monitor";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";
import { existsSync } from "node:fs";
import { mountRoutes } from "./http/routes.ts";
import { plenaryRoom, type RoomDeps, type ServerHealth } from "./rooms/PlenaryRoom.ts";
import type { GameStore } from "./store/gameStore.ts";

export interface AppOptions {
  store: GameStore;
  scenariosDir: string;
  log: RoomDeps["log"];
  /** The built client, served at / when present. */
  publicDir?: string;
  /** Mounts @colyseus/monitor at /monitor behind this password (user "host"); no monitor without it. */
  monitorPassword?: string;
  rateLimit?: RoomDeps["rateLimit"];
  /** The address students type (`--public-url`); the chair's console shows it with the join code. */
  publicUrl: string;
}

/** The game server (DESIGN §9): the room `plenary`, the HTTP API, the client's files and the monitor. */
export function createGameServer(o: AppOptions) {
  const health: ServerHealth = { internalErrors: 0 };
  const Room = plenaryRoom({ store: o.store, log: o.log, rateLimit: o.rateLimit, publicUrl: o.publicUrl, health });
  return defineServer({
    // Explicit transport (a bundled server would otherwise load a second copy of core); 64 KB messages.
    transport: new WebSocketTransport({ maxPayload: 64 * 1024 }),
    greet: false,
    gracefullyShutdown: false,
    rooms: { plenary: defineRoom(Room).filterBy(["code"]) },
    routes: o.monitorPassword ? createRouter({ ...monitor({ use: [basicAuth({ users: { host: o.monitorPassword } })] }) }) : undefined,
    express: (app) => {
      mountRoutes(app, { store: o.store, scenariosDir: o.scenariosDir, publicUrl: o.publicUrl, health });
      if (o.publicDir && existsSync(o.publicDir)) app.use(express.static(o.publicDir));
    },
  });
}
