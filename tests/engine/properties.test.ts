import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countBallots } from "../../shared/engine/ballots.ts";
import { createGame, hash, viewFor, type State } from "../../shared/engine/index.ts";
import { linesFor, makeEntry, makeHeader } from "../../shared/log/recorder.ts";
import { replay } from "../../shared/log/replay.ts";
import { publicExport } from "../../shared/log/publicExport.ts";
import type { GameLog } from "../../shared/log/format.ts";
import { fixtureScenario } from "../fixtures/build.ts";
import { randomPlay } from "../fixtures/randomPlay.ts";

/**
 * Random sequences of legal actions, from every seat, through every phase: the invariants of DESIGN §2
 * hold after every step, and the log they make replays to the same hash.
 */

function checkInvariants(prev: State, next: State): void {
  expect(next.seq).toBe(prev.seq + 1);
  expect(JSON.parse(JSON.stringify(next))).toEqual(next);
  const b = next.ballot;
  if (b) {
    for (const { voter } of b.cast) expect(b.voters).toContain(voter);
    expect(new Set(b.cast.map((c) => c.voter)).size).toBe(b.cast.length);
    for (const [principal, holder] of Object.entries(b.proxies)) {
      expect(b.voters).toContain(principal);
      expect(holder).not.toBe(principal);
    }
  }
  for (const closed of next.ballots) {
    const t = countBallots(closed.cast);
    expect([closed.result.yes, closed.result.no, closed.result.abstain]).toEqual([t.yes, t.no, t.abstain]);
  }
  for (const [id, target] of Object.entries(next.targets)) {
    if (target.decision?.by !== "vote") continue;
    const last = [...next.ballots].reverse().find((x) => x.target === id && x.question === "substantive");
    expect(target.decision.tally).toEqual(last && { yes: last.result.yes, no: last.result.no, abstain: last.result.abstain });
  }
}

function logOf(states: State[], entries: { seq: number; by: string; action: never }[]): GameLog {
  const first = states[0] as State;
  const log: GameLog = { header: makeHeader(first, {}, "2026-01-01T00:00:00.000Z"), lines: [] };
  entries.forEach((e, i) => log.lines.push(...linesFor(states[i + 1] as State, makeEntry(states[i + 1] as State, e.by, e.action, i * 1000))));
  const last = states[states.length - 1] as State;
  if (last.phase !== "closed" && last.seq % 100 !== 0) log.lines.push({ checkpoint: last.seq, hash: hash(last) });
  return log;
}


describe.each([
  ["mini", "../fixtures/mini.json"],
  ["classroom-quick", "classroom-quick"],
])("random legal play on %s", (_name, file) => {
  const scenario = fixtureScenario(file);
  it.each(["consensus", "majority"] as const)("keeps the invariants and replays to the same hash (%s)", (rule) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.nat(), { minLength: 20, maxLength: 250 }), (seed, choices) => {
        const start = createGame(scenario, { rule, seed });
        const { states, entries } = randomPlay(start, choices);
        for (let i = 1; i < states.length; i++) checkInvariants(states[i - 1] as State, states[i] as State);
        const last = states[states.length - 1] as State;
        const log = logOf(states, entries as never);
        const replayed = replay(log);
        expect(replayed.ok && hash(replayed.state)).toBe(hash(last));
        // The public export replays too, and rebuilds exactly the public view of the live game.
        const pub = replay(publicExport(log));
        expect(pub.ok).toBe(true);
        if (pub.ok) {
          const { mode: _a, ...live } = viewFor(last, "observer");
          const { mode: _b, ...rebuilt } = viewFor(pub.state, "observer");
          expect(rebuilt).toEqual(live);
        }
      }),
      { numRuns: 25 },
    );
  });
});
