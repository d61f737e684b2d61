import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebSocket } from "ws";
import { Client } from "@colyseus/sdk";
import { createGame } from "../shared/engine/create.ts";
import { linesFor, makeEntry, makeHeader } from "../shared/log/recorder.ts";
import { applyParsed } from "../shared/engine/apply.ts";
import { GameStore } from "../server/store/gameStore.ts";
import { generatedScenario } from "./generated.ts";
import { runLoad, type LoadResult } from "./load.ts";
import { ms, ratio } from "./measure.ts";
import { freePort } from "../server/node/freePort.ts";

/**
 * `npm run bench:server` (issue 3). The load runs in this process; each server in a child process of its own.
 *  1. 40 rooms × 25 SDK clients at a human pace: request→answer p50/p99, against one such room alone and
 *     against a bare Colyseus room that only answers, under the same load.
 *  2. Memory per open room of the 193-delegation busan-2014 plenary.
 *  3. The cost of one durable append.
 */
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 25);
const children: ChildProcess[] = [];
process.on("exit", () => children.forEach((c) => c.kill("SIGKILL")));


async function start(args: string[], ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { env: { ...process.env, PLENIPO_LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d) => {
      out += d;
      if (out.includes(ready)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

async function createGames(base: string, n: number, scenario: string, more: Record<string, unknown> = {}): Promise<{ code: string; chairKey: string }[]> {
  const out = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${base}/api/games`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario, pace: "classroom", maxPlayers: 100, ...more }) });
    out.push((await res.json()) as { code: string; chairKey: string });
  }
  return out;
}

const row = (label: string, r: LoadResult) => `   ${label.padEnd(28)} p50 ${ms(r.p50).padStart(10)}  p99 ${ms(r.p99).padStart(10)}  (${r.requests} requests, ${r.errors} errors)`;

async function load(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "plenipo-bench-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.log(`1. Load: rooms of 25 SDK clients (a chair, 6 delegations × 2, 12 observers; bots in 2 seats), ${SECONDS} s each run`);
  let game = await start(["bin/plenipo.mjs", "serve", "--port", String(port), "--host", "127.0.0.1", "--db", join(dir, "one.db")], "Plenipo is running");
  // The single room runs three times longer: it makes few requests, and a p99 needs samples.
  const one = await runLoad(base, await createGames(base, 1, "classroom-quick"), SECONDS * 3);
  await stop(game);
  game = await start(["bin/plenipo.mjs", "serve", "--port", String(port), "--host", "127.0.0.1", "--db", join(dir, "forty.db")], "Plenipo is running");
  const forty = await runLoad(base, await createGames(base, 40, "classroom-quick"), SECONDS);
  await stop(game);
  const bare = await start(["bench/bundle.mjs", "bench/bare-server.ts", String(port)], "bare server listening");
  const bareCodes = Array.from({ length: 40 }, (_, i) => ({ code: `BARE${String(i).padStart(2, "0")}`, chairKey: "" }));
  const bareRun = await runLoad(base, bareCodes, SECONDS);
  await stop(bare);
  console.log(row("one game room alone", one));
  console.log(row("40 game rooms (1,000 clients)", forty));
  console.log(row("40 bare rooms (1,000 clients)", bareRun));
  console.log(`   RATIO p99, 40 rooms / one room = ${ratio(forty.p99 / one.p99)}   (goal ≤ 2);  p50 ${ratio(forty.p50 / one.p50)}`);
  console.log(`   RATIO p99, 40 rooms / bare room = ${ratio(forty.p99 / bareRun.p99)}   (goal ≤ 1.5);  p50 ${ratio(forty.p50 / bareRun.p50)}`);
}

async function memory(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "plenipo-bench-mem-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await start(["--expose-gc", "bin/plenipo.mjs", "serve", "--port", String(port), "--host", "127.0.0.1", "--db", join(dir, "m.db")], "Plenipo is running");
  const heap = async () => ((await (await fetch(`${base}/api/health`)).json()) as { memory: { heapUsed: number } }).memory.heapUsed;
  const rooms = 10;
  const codes = await createGames(base, rooms, "busan-2014");
  const client = new Client(base);
  // Open one room first, so what follows measures rooms, not the code they share.
  const first = await client.joinOrCreate("plenary", { code: codes[0]?.code, name: "o", role: "observer" });
  first.onMessage("*", () => undefined);
  await new Promise((r) => setTimeout(r, 1500));
  const rss0 = rssKb(server.pid as number);
  const heap0 = await heap();
  const joined = [];
  for (const c of codes.slice(1)) {
    const r = await client.joinOrCreate("plenary", { code: c.code, name: "o", role: "observer" });
    r.onMessage("*", () => undefined);
    joined.push(r);
  }
  await new Promise((r) => setTimeout(r, 3000));
  const rss1 = rssKb(server.pid as number);
  const heap1 = await heap();
  console.log(`2. Memory per open room of busan-2014 (193 delegations, at its opening), ${rooms - 1} rooms`);
  console.log(`   RSS ${((rss1 - rss0) / 1024 / (rooms - 1)).toFixed(2)} MB per room; JS heap ${((heap1 - heap0) / 1024 / 1024 / (rooms - 1)).toFixed(2)} MB per room`);
  // A room holds its public record for late joiners: what one whole conference adds to an open room.
  const [played] = await createGames(base, 1, "busan-2014", { pace: "instant", chair: "bot", rule: "majority", seed: 1 });
  const watcher = await client.joinOrCreate("plenary", { code: played?.code, name: "o", role: "observer" });
  watcher.onMessage("*", () => undefined);
  const heap2 = await heap();
  const began = Date.now();
  await new Promise<void>((resolve) => watcher.onStateChange((s) => (s as { phase?: string }).phase === "closed" && resolve()));
  const took = Date.now() - began;
  await new Promise((r) => setTimeout(r, 1000));
  const heap3 = await heap();
  const seq = (watcher.state as { seq?: number }).seq ?? 0;
  console.log(`   one busan-2014 room played by bots to its close (majority, instant pace, ${seq} actions, ${(took / 1000).toFixed(1)} s): JS heap +${((heap3 - heap2) / 1024 / 1024).toFixed(2)} MB`);
  for (const r of [first, ...joined, watcher]) await r.leave();
  await stop(server);
}

function append(): void {
  const dir = mkdtempSync(join(tmpdir(), "plenipo-bench-append-"));
  const scenario = generatedScenario(8, 2);
  let state = createGame(scenario, { seed: 1 });
  const header = makeHeader(state, {}, new Date().toISOString());
  const lines: ReturnType<typeof linesFor> = [];
  const speech = { type: "request_floor" as const };
  for (let i = 0; i < 1; i++) {
    const r = applyParsed(state, scenario.delegations[0]?.id ?? "", speech);
    if (r.ok) state = r.state;
    lines.push(...linesFor(state, makeEntry(state, "AAA", speech, 0, "a bot's one-line reason for asking to speak")));
  }
  const measure = (path: string) => {
    const store = new GameStore(path);
    store.createGame({ code: "BENCH1", chairKeyHash: "x", scenarioId: scenario.id, title: "t", rule: "majority", seed: 1, pace: "instant", options: { chair: "bot", maxPlayers: 1, reconnectSeconds: 0, botsForAbsent: true, seatOverrides: {} }, createdAt: "" }, header);
    const n = 3000;
    const t = performance.now();
    for (let i = 0; i < n; i++) store.append("BENCH1", [{ ...lines[0], seq: i + 1 } as never], false);
    const each = (performance.now() - t) / n;
    store.close();
    return each;
  };
  const disk = measure(join(dir, "a.db"));
  const memoryOnly = measure(":memory:");
  console.log("3. One durable append (an entry, in a transaction; WAL, synchronous=NORMAL), mean of 3,000");
  console.log(`   ${(disk * 1000).toFixed(1)} µs on disk; in-memory SQLite baseline ${(memoryOnly * 1000).toFixed(1)} µs; RATIO ${ratio(disk / memoryOnly)}`);
}

console.log(`Plenipo server benchmark — Node ${process.version}, ${new Date().toISOString()}\n`);
await load();
console.log("");
await memory();
console.log("");
append();
process.exit(0);
