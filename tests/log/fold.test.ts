import { describe, expect, it } from "vitest";
import { hash } from "../../shared/engine/hash.ts";
import { isCheckpoint, type Checkpoint, type GameLog, type LogEntry } from "../../shared/log/format.ts";
import { replay } from "../../shared/log/replay.ts";
import { runGame } from "../../shared/sim/runGame.ts";
import { fixtureScenario } from "../fixtures/build.ts";

/**
 * The one replay fold (shared/log/fold.ts) under its checkpoint policies (docs/log-format.md, "Replay"):
 * "every" for logs from outside, "last" for those the server wrote itself, "none" over entries already
 * verified. Each policy rebuilds the same game; they differ only in which hashes they compare.
 */

const game = runGame(fixtureScenario("classroom-quick"), { rule: "majority", seed: 3 });
const clone = (log: GameLog): GameLog => JSON.parse(JSON.stringify(log));
const checkpoints = (log: GameLog) => log.lines.filter(isCheckpoint);
const entries = (log: GameLog) => log.lines.filter((l): l is LogEntry => !isCheckpoint(l));

describe("checkpoint policies", () => {
  it("the log has checkpoints before its last, or these tests would prove nothing", () => {
    expect(checkpoints(game.log).length).toBeGreaterThanOrEqual(2);
  });

  it("every policy rebuilds the same state; each verifies what it says", () => {
    const every = replay(game.log);
    const last = replay(game.log, { checkpoints: "last" });
    const none = replay(game.log, { checkpoints: "none" });
    expect(every.ok && last.ok && none.ok).toBe(true);
    if (!every.ok || !last.ok || !none.ok) return;
    expect(hash(last.state)).toBe(hash(every.state));
    expect(hash(none.state)).toBe(hash(every.state));
    expect([every.checkpoints, last.checkpoints, none.checkpoints]).toEqual([checkpoints(game.log).length, 1, 0]);
    // --to: the last checkpoint reached is the one verified.
    const first = checkpoints(game.log)[0] as Checkpoint;
    const upTo = replay(game.log, { to: first.checkpoint, checkpoints: "last" });
    expect(upTo.ok && [upTo.state.seq, upTo.checkpoints]).toEqual([first.checkpoint, 1]);
  });

  it("a checkpoint's own hash altered: found by 'every', not looked at by 'last' when it is not the last", () => {
    const log = clone(game.log);
    const first = checkpoints(log)[0] as Checkpoint;
    first.hash = `sha256:${"0".repeat(64)}`;
    const every = replay(log);
    expect(!every.ok && [every.code, every.seq]).toEqual(["log/checkpoint-mismatch", first.checkpoint]);
    expect(replay(log, { checkpoints: "last" }).ok).toBe(true);
    expect(replay(log, { checkpoints: "none" }).ok).toBe(true);
  });

  it("an entry altered so that it still applies: 'last' finds it at the last checkpoint, and names the first one that differs", () => {
    const log = clone(game.log);
    const vote = entries(log).find((e) => e.action.type === "vote" && e.action.choice === "yes") as LogEntry;
    vote.action.choice = "no";
    const every = replay(log);
    expect(every.ok).toBe(false);
    let told = 0;
    const last = replay(log, { checkpoints: "last", onEntry: () => void (told += 1) });
    expect(last).toEqual(every);
    if (!last.ok) {
      expect(last.code).toBe("log/checkpoint-mismatch");
      expect(last.seq).toBe(checkpoints(log).find((c) => c.checkpoint >= vote.seq)?.checkpoint);
    }
    // The second, checking pass tells nobody of its entries.
    expect(told).toBeLessThanOrEqual(entries(log).length);
  });

  it("a misplaced checkpoint, a gap in seq and an entry that no longer applies are found under every policy", () => {
    for (const policy of ["every", "last", "none"] as const) {
      const misplaced = clone(game.log);
      (checkpoints(misplaced)[0] as Checkpoint).checkpoint += 1;
      expect((replay(misplaced, { checkpoints: policy }) as { code: string }).code).toBe("log/checkpoint-misplaced");
      const gap = clone(game.log);
      (entries(gap)[5] as LogEntry).seq = 99;
      expect(replay(gap, { checkpoints: policy })).toMatchObject({ ok: false, code: "log/seq-gap", seq: 99 });
      const moved = clone(game.log);
      const vote = entries(moved).find((e) => e.action.type === "vote") as LogEntry;
      vote.by = "ZZZ";
      expect(replay(moved, { checkpoints: policy })).toMatchObject({ ok: false, seq: vote.seq });
      const malformed = clone(game.log);
      (entries(malformed)[3] as LogEntry).action = { type: "vote", target: "P1", choice: "perhaps" };
      expect(replay(malformed, { checkpoints: policy })).toMatchObject({ ok: false, seq: 4, code: "action/malformed", message: expect.stringContaining("seq 4: The action is malformed (choice: ") });
    }
  });
});
