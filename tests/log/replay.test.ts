import { describe, expect, it } from "vitest";
import { hash } from "../../shared/engine/index.ts";
import { formatLog, isCheckpoint, parseLog, type GameLog, type LogEntry } from "../../shared/log/format.ts";
import { replay } from "../../shared/log/replay.ts";
import { runGame } from "../../shared/sim/runGame.ts";
import { fixtureScenario } from "../fixtures/build.ts";

const classroom = fixtureScenario("classroom-quick");
const clone = (log: GameLog): GameLog => JSON.parse(JSON.stringify(log));
const entries = (log: GameLog) => log.lines.filter((l): l is LogEntry => !isCheckpoint(l));

describe("determinism", () => {
  it.each(["consensus", "majority"] as const)("the same scenario, rule and seed give the same entries and hash, run after run (%s)", (rule) => {
    const one = runGame(classroom, { rule, seed: 11 });
    const two = runGame(classroom, { rule, seed: 11 });
    expect(formatLog(two.log)).toBe(formatLog(one.log));
    expect(hash(two.state)).toBe(hash(one.state));
    const other = runGame(classroom, { rule, seed: 12 });
    expect(formatLog(other.log)).not.toBe(formatLog(one.log));
  });
});

describe("replay", () => {
  const game = runGame(classroom, { rule: "majority", seed: 3 });
  const text = formatLog(game.log);

  it("a written log parses and replays to the live game's hash, verifying every checkpoint", () => {
    const parsed = parseLog(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const r = replay(parsed.log);
    expect(r.ok && hash(r.state)).toBe(hash(game.state));
    expect(r.ok && r.checkpoints).toBe(game.log.lines.filter(isCheckpoint).length);
    expect(game.log.lines.filter(isCheckpoint).map((c) => c.checkpoint)).toContain(game.state.seq);
  });

  it("--to rebuilds the state after that seq", () => {
    const r = replay(game.log, { to: 40 });
    expect(r.ok && r.state.seq).toBe(40);
    const prefix: GameLog = { header: game.log.header, lines: game.log.lines.filter((l) => (isCheckpoint(l) ? l.checkpoint : l.seq) <= 40) };
    const again = replay(prefix);
    expect(again.ok && r.ok && hash(again.state)).toBe(r.ok && hash(r.state));
  });

  it("an entry altered so that it no longer applies stops the replay at its seq", () => {
    const log = clone(game.log);
    const vote = entries(log).find((e) => e.action.type === "vote") as LogEntry;
    vote.by = "ZZZ";
    const r = replay(log);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.seq).toBe(vote.seq);
      expect(r.message).toContain(`seq ${vote.seq}`);
    }
  });

  it("an entry altered so that it still applies is caught by the next checkpoint, which names the range", () => {
    const log = clone(game.log);
    const vote = entries(log).find((e) => e.action.type === "vote" && e.action.choice === "yes") as LogEntry;
    vote.action.choice = "no";
    const r = replay(log);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const next = log.lines.filter(isCheckpoint).find((c) => c.checkpoint >= vote.seq);
      expect(r.seq).toBe(next?.checkpoint);
      expect(r.code).toBe("log/checkpoint-mismatch");
      expect(r.message).toMatch(/an entry after seq \d+ and up to seq \d+ was altered/);
    }
  });

  it("a gap in seq, a bad line and a log of another engine major version are refused with the place named", () => {
    const gap = clone(game.log);
    (entries(gap)[5] as LogEntry).seq = 99;
    const r = replay(gap);
    expect(!r.ok && [r.code, r.seq]).toEqual(["log/seq-gap", 99]);
    const lines = text.split("\n");
    lines[3] = "{not json";
    const bad = parseLog(lines.join("\n"));
    expect(!bad.ok && bad.line).toBe(4);
    const old = clone(game.log);
    old.header.engine = "7.0.0";
    const v = replay(old);
    expect(!v.ok && v.code).toBe("log/engine-version");
    const tampered = clone(game.log);
    (tampered.header.scenario as { title: string }).title = "Another title";
    expect((replay(tampered) as { code: string }).code).toBe("log/scenario-hash");
  });

  it("bots' reasons travel in the log and the rules never read them", () => {
    const log = clone(game.log);
    expect(entries(log).filter((e) => e.by !== "system").every((e) => typeof e.why === "string" && e.why.length > 0)).toBe(true);
    for (const e of entries(log)) {
      e.why = "rewritten";
      e.at = 0;
    }
    const r = replay(log);
    expect(r.ok && hash(r.state)).toBe(hash(game.state));
  });
});
