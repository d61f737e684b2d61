import { Client } from "@colyseus/sdk";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isCheckpoint, parseLog, type LogEntry } from "../../shared/log/format.ts";
import { replay } from "../../shared/log/replay.ts";
import { GameStore } from "../../server/store/gameStore.ts";
import { freePort } from "../../server/node/freePort.ts";
import { until, watch, type Player } from "./harness.ts";

/**
 * Crash recovery (DESIGN §9): a server process killed with SIGKILL in the middle of a game, restarted on the
 * same database. Every action any client saw acknowledged is in the store; the game resumes from its log
 * when people rejoin with the code, bots carry on, and it closes with a log that replays to its hash.
 */

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
});

async function startProcess(port: number, db: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["bin/plenipo.mjs", "serve", "--port", String(port), "--host", "127.0.0.1", "--db", db], {
    env: { ...process.env, PLENIPO_LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d) => {
      out += d;
      if (out.includes("Plenipo is running")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
  return child;
}

describe("recovery after kill -9", () => {
  it("loses no acknowledged action and carries the game on to its close", async () => {
    const db = joinPath(mkdtempSync(joinPath(tmpdir(), "plenipo-crash-")), "games.db");
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await startProcess(port, db);
    const created = await (await fetch(`${base}/api/games`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario: "classroom-quick", rule: "majority", pace: "instant" }) })).json() as { code: string; chairKey: string };
    const client = new Client(base);
    const enter = async (options: Record<string, unknown>) => {
      const p = watch(await client.joinOrCreate("plenary", { code: created.code, ...options }));
      await until(() => p.welcome() !== undefined, 5000, "welcome");
      return p;
    };
    const chair = await enter({ name: "Teacher", role: "chair", chairKey: created.chairKey });
    const usa = await enter({ name: "Ana", role: "delegation", seat: "USA" });
    const acked: { seq: number; by: string; action: Record<string, unknown> }[] = [];
    const act = async (p: Player, by: string, action: Record<string, unknown>) => {
      const answer = await p.act(action);
      if (answer.ok) acked.push({ seq: answer.seq as number, by, action });
      return answer;
    };
    await act(chair, "chair", { type: "open_item", item: "governance" });
    await act(usa, "USA", { type: "request_floor" });
    await until(() => chair.room.state.seq >= 8, 15_000, "bots at work");
    await act(chair, "chair", { type: "give_floor", to: "USA" });
    await act(usa, "USA", { type: "speak", text: "The United States will not accept a leading role for the ITU." });
    await act(usa, "USA", { type: "move_amendment", amendment: "A1a" });
    const tokens = { chair: chair.welcome()?.token, usa: usa.welcome()?.token };
    expect(acked.length).toBeGreaterThanOrEqual(4);

    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));

    // Every acknowledged action is in the store, exactly as sent.
    const store = new GameStore(db);
    const stored = store.loadLog(created.code);
    store.close();
    const entries = new Map((stored?.lines ?? []).filter((l): l is LogEntry => !isCheckpoint(l)).map((e) => [e.seq, e]));
    for (const a of acked) expect(entries.get(a.seq)).toMatchObject({ seq: a.seq, by: a.by, action: a.action });

    // Restart on the same database; people rejoin with their tokens, and the game goes on.
    await startProcess(port, db);
    const again = new Client(base);
    const chair2 = watch(await again.joinOrCreate("plenary", { code: created.code, token: tokens.chair }));
    const usa2 = watch(await again.joinOrCreate("plenary", { code: created.code, token: tokens.usa }));
    await until(() => chair2.welcome()?.seat === "chair" && usa2.welcome()?.seat === "USA", 10_000, "the same seats back");
    await until(() => chair2.room.state.seq >= Math.max(...acked.map((a) => a.seq)), 10_000, "the replayed state");
    // The teacher lets bots finish: the chair seat and the United States go to bots.
    expect(await chair2.chair({ type: "seat", seat: "USA", bot: true })).toMatchObject({ ok: true });
    expect(await chair2.chair({ type: "seat", seat: "chair", bot: true })).toMatchObject({ ok: true });
    await until(() => chair2.room.state.phase === "closed", 90_000, "the conference closed");

    const full = await fetch(`${base}/api/games/${created.code}/log`, { headers: { authorization: `Bearer ${created.chairKey}` } });
    expect(full.status).toBe(200);
    const parsed = parseLog(await full.text());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const replayed = replay(parsed.log);
    expect(replayed.ok).toBe(true);
    if (!replayed.ok) return;
    // The closed game's log ends with a checkpoint of its final state, which the replay verified.
    const last = parsed.log.lines[parsed.log.lines.length - 1];
    expect(last && isCheckpoint(last) ? last.checkpoint : null).toBe(replayed.state.seq);
    for (const a of acked) expect(parsed.log.lines.find((l) => !isCheckpoint(l) && l.seq === a.seq)).toMatchObject(a);
    await chair2.room.leave();
    await usa2.room.leave();
  }, 120_000);
});
