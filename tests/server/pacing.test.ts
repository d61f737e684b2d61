import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Action } from "../../shared/engine/actions.ts";
import { parseLog } from "../../shared/log/format.ts";
import { replay } from "../../shared/log/replay.ts";
import { PACES } from "../../server/rooms/pace.ts";
import { join, startServer, until, type Player, type TestServer } from "./harness.ts";

/**
 * Nothing moves faster than people can act, and no one delegation can freeze the meeting. The bugs: at the
 * fast pace a student's own item ended two seconds after it opened, before they could table their text; and
 * points of order every 300 ms held a fast game in its opening for 45 s.
 */

// brief: five delegations, two items of two minutes (four seconds at the fast pace).
const BRIEF = fileURLToPath(new URL("../fixtures/scenarios/", import.meta.url));
let brief: TestServer;
beforeAll(async () => {
  brief = await startServer({ scenariosDir: BRIEF });
});
afterAll(async () => {
  await brief.stop();
});

const legal = (p: Player, type: Action["type"]) => p.latest()?.legal?.actions.filter((l) => l.action.type === type).map((l) => l.action) ?? [];
const phaseItem = (p: Player) => `${p.room.state.phase}/${p.room.state.item}`;

describe("a person's moment", () => {
  it(`at the fast pace, the debate on a student's item waits for them to table their text (up to ${PACES.fast.humanWindowMs / 1000} s), prompting them; passing lets it go on`, { timeout: 60_000 }, async () => {
    const { body } = await brief.createGame({ scenario: "brief", rule: "majority", pace: "fast", chair: "bot" });
    // The Russian Federation sponsors P1, alone, on the first item.
    const rus = await join(brief, { code: body.code, name: "Rita", role: "delegation", seat: "RUS" });
    await until(() => phaseItem(rus) === "debate/governance", 40_000, "the first item to open");
    const opened = Date.now();
    await until(() => rus.latest()?.prompt?.text === "Table P1 now", 5000, "the prompt");
    const prompt = rus.latest()?.prompt;
    expect(prompt?.action).toEqual({ type: "table", target: "P1" });
    expect((prompt?.until ?? 0) - opened).toBeGreaterThan(PACES.fast.humanWindowMs - 2000);
    // Six seconds on, the debate is still open: its own four seconds are over, and the bot chair would have
    // closed the list at once (nothing was seconded).
    await new Promise((r) => setTimeout(r, 6000));
    expect(phaseItem(rus)).toBe("debate/governance");
    expect(rus.room.state.targets.get("P1")?.status).toBe("draft");
    // The student lets the moment go: the chair may move on, and soon does.
    expect(await rus.room.request("pass")).toMatchObject({ ok: true });
    await until(() => phaseItem(rus) !== "debate/governance", 10_000, "the debate to end after the pass");
    expect(Date.now() - opened).toBeLessThan(PACES.fast.humanWindowMs);
  });
});

/** One delegation that raises a point of order every 300 ms, appeals every ruling and moves motions. */
function obstruct(p: Player): { stop(): void; refusals: string[] } {
  const refusals: string[] = [];
  let n = 0;
  const timer = setInterval(() => {
    const appeal = legal(p, "appeal")[0];
    const motion = legal(p, "motion")[0];
    const next = appeal ?? (n % 3 === 2 && motion ? motion : { type: "point_of_order", text: `Point of order number ${++n}` });
    void p.act(next).then((a) => !a.ok && a.code && refusals.push(a.code)).catch(() => undefined);
  }, 300);
  return { stop: () => clearInterval(timer), refusals };
}

/** The teacher at the console: rules on points (rejects them), puts the questions, closes votes, moves on. */
function teach(p: Player): { stop(): void } {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    const s = p.room.state;
    const first = (type: Action["type"]) => legal(p, type)[0];
    const rule = first("rule");
    const next =
      (rule ? { ...rule, decision: "rejected" } : undefined) ??
      first("call_vote") ??
      (s.hasBallot && s.ballot.voted.length >= s.ballot.voters.length ? first("close_vote") : undefined) ??
      first("open_item") ??
      (s.phase === "debate" ? first("close_speakers_list") : undefined) ??
      (s.concluded ? first("open_signing") : undefined) ??
      (s.phase === "final_acts" ? first("close_conference") : undefined);
    if (!next) return;
    busy = true;
    void p.act(next).finally(() => (busy = false));
  }, 250);
  return { stop: () => clearInterval(timer) };
}

describe("no one delegation can freeze the meeting", () => {
  it.each(["bot", "human"] as const)("points of order every 300 ms, appeals and motions from one SDK client: the game still closes (%s chair)", { timeout: 100_000 }, async (chair) => {
    const { body } = await brief.createGame({ scenario: "brief", rule: "majority", pace: "fast", chair });
    const teacher = await join(brief, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    const rus = await join(brief, { code: body.code, name: "Rex", role: "delegation", seat: "RUS" });
    const stream = obstruct(rus);
    const console = chair === "human" ? teach(teacher) : null;
    try {
      await until(() => teacher.room.state.phase === "closed", 90_000, "the conference to close");
    } finally {
      stream.stop();
      console?.stop();
    }
    // The stream ran into the limits rather than the meeting into the stream.
    expect(stream.refusals).toContain("point/limit");
    const log = parseLog(await (await fetch(`${brief.base}/api/games/${body.code}/log`, { headers: { "x-chair-key": body.chairKey } })).text());
    expect(log.ok).toBe(true);
    if (!log.ok) return;
    const r = replay(log.log);
    expect(r.ok && r.state.phase).toBe("closed");
    const points = log.log.lines.filter((l) => "action" in l && l.action.type === "point_of_order" && l.by === "RUS").length;
    // At most 3 per item and per phase: the opening, two items, and the Final Acts (an item may come back).
    expect(points).toBeLessThanOrEqual(3 * 6);
  });
});
