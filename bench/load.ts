import { Client, type Room } from "@colyseus/sdk";
import type { PrivateMessage } from "../shared/protocol/messages.ts";
import { percentile } from "./measure.ts";

/**
 * The load generator of `npm run bench:server`: rooms × 25 SDK clients each — a chair, two people in each of
 * six delegations, twelve observers — acting at a human pace (one request every 2–5 s per acting client),
 * measuring the time from each request to its answer. Runs in its own process, apart from the server.
 */
export interface LoadResult {
  requests: number;
  p50: number;
  p99: number;
  errors: number;
}

const HUMAN_SEATS = ["USA", "DEU", "CHN", "RUS", "IND", "SAU"]; // GHA and BRA: bots fill them
const CHEAP = new Set(["request_floor", "yield_floor", "second", "cosponsor", "placard", "vote", "object", "withdraw_objection", "speak", "request_vote"]);

export async function runLoad(base: string, codes: { code: string; chairKey: string }[], seconds: number): Promise<LoadResult> {
  const client = new Client(base);
  const rooms: { room: Room; acting: boolean; chair: boolean; legal: PrivateMessage["legal"] }[] = [];
  for (const { code, chairKey } of codes) {
    const join = async (options: Record<string, unknown>, acting: boolean, chair = false) => {
      const room = await client.joinOrCreate("plenary", { code, ...options });
      const entry = { room, acting, chair, legal: null as PrivateMessage["legal"] };
      room.onMessage("*", (type, payload) => {
        if (type === "private") entry.legal = (payload as PrivateMessage).legal;
      });
      rooms.push(entry);
    };
    await join({ name: "Chair", role: "chair", chairKey }, true, true);
    for (const seat of HUMAN_SEATS) for (const n of [1, 2]) await join({ name: `${seat}-${n}`, role: "delegation", seat, team: true }, true);
    for (let i = 0; i < 12; i++) await join({ name: `observer-${i}`, role: "observer" }, false);
  }
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  const actor = async (r: (typeof rooms)[number]) => {
    await new Promise((res) => setTimeout(res, Math.random() * 3000));
    while (Date.now() < end) {
      const options = (r.legal?.actions ?? []).filter((l) => (r.chair ? l.action.type !== "suspend" && l.action.type !== "open_signing" : CHEAP.has(l.action.type)));
      const chosen = options[Math.floor(Math.random() * options.length)]?.action ?? { type: "request_floor" };
      const action = "text" in chosen ? { ...chosen, text: "A statement for the record." } : chosen;
      const t0 = performance.now();
      try {
        await r.room.request("act", action, { timeout: 15_000 });
        latencies.push(performance.now() - t0);
      } catch {
        errors += 1;
      }
      await new Promise((res) => setTimeout(res, 2000 + Math.random() * 3000));
    }
  };
  await Promise.all(rooms.filter((r) => r.acting).map(actor));
  await Promise.all(rooms.map((r) => r.room.leave().catch(() => undefined)));
  return { requests: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}
