import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { pino, destination } from "pino";
import { WebSocket } from "ws";
import { ROOT, SCENARIO_DIR } from "./cli/io.ts";
import { useNativeDigest } from "./node/nativeDigest.ts";
import { createGameServer } from "./app.ts";
import { GameStore } from "./store/gameStore.ts";
import { buildClient } from "../build.ts";

// Colyseus 0.18 checks reconnecting sockets against the global WebSocket, which Node 20 lacks.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

export interface ServeOptions {
  port: number;
  host?: string;
  db: string;
  /** Where the scenarios players can choose live (default: the repository's scenarios/). */
  scenariosDir?: string;
  /** Build the browser client before serving it (default true; server tests skip it). */
  build?: boolean;
  /** Rate limit per client; tests lower it to prove floods are cut off. */
  rateLimit?: { burst: number; perSecond: number };
  quiet?: boolean;
  /**
   * The address students type to join (`--public-url`, or PLENIPO_PUBLIC_URL): the chair's console shows it,
   * with the code and a QR code. Default: the server's first network address, never localhost when there is one.
   */
  publicUrl?: string;
}

export const DEFAULT_DB = join(ROOT, "data", "plenipo.db");

/** Starts the game server; resolves once it listens. */
export async function serve(o: ServeOptions) {
  useNativeDigest();
  if (o.build !== false) await buildClient({ quiet: true });
  const log = pino({ level: o.quiet ? "warn" : (process.env.PLENIPO_LOG_LEVEL ?? "info") }, destination(2));
  const store = new GameStore(o.db);
  const host = o.host ?? "0.0.0.0";
  const urls = [`http://localhost:${o.port}/`];
  if (host === "0.0.0.0") {
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) urls.push(`http://${a.address}:${o.port}/`);
    }
  }
  const given = o.publicUrl ?? process.env.PLENIPO_PUBLIC_URL;
  const publicUrl = given ? (given.endsWith("/") ? given : `${given}/`) : host === "0.0.0.0" ? (urls[1] ?? urls[0] as string) : `http://${host}:${o.port}/`;
  const server = createGameServer({
    publicUrl,
    store,
    scenariosDir: o.scenariosDir ?? SCENARIO_DIR,
    log,
    publicDir: join(ROOT, "dist", "client"),
    monitorPassword: process.env.PLENIPO_MONITOR_PASSWORD,
    rateLimit: o.rateLimit,
  });
  await server.listen(o.port, host);
  return {
    urls,
    publicUrl,
    store,
    server,
    async close() {
      await server.gracefullyShutdown(false);
      store.close();
    },
  };
}
