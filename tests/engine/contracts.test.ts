import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { botRng } from "../../shared/bots/registry.ts";
import { ACTION_TYPES, apply, createGame, hash, legalActions, type Action, type State } from "../../shared/engine/index.ts";
import { movesFor } from "../../shared/engine/legal.ts";
import { parseLog } from "../../shared/log/format.ts";
import { replay } from "../../shared/log/replay.ts";
import { drawInt, hashString, seedRng, sfc32 } from "../../shared/util/rng.ts";
import { filesOf, listGolden } from "../../tools/golden/golden.ts";
import { fixtureScenario } from "../fixtures/build.ts";
import { allLegal, randomPlay, seatsOf } from "../fixtures/randomPlay.ts";

/**
 * The engine's contracts with everything outside it (DESIGN §2): the state hash that logs record, the
 * seeded streams that make a seed a game, the two enumerations of legal moves that the UI and the bots read,
 * and the plain-JSON state.
 */

/** Canonical JSON written again from DESIGN §2, independently of shared/util/canonical.ts: keys sorted, no spaces. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
    .join(",")}}`;
}

function independentHash(state: State): string {
  const { scenario: _scenario, ...rest } = state;
  return "sha256:" + createHash("sha256").update(canonical(rest), "utf8").digest("hex");
}

/**
 * States along every golden log: each one of the short logs, and for the 193-delegation ones every 50th,
 * the ballots' and decisions' moments between, and the last.
 */
function goldenStates(): { name: string; states: State[] }[] {
  return listGolden().map((g) => {
    const parsed = parseLog(readFileSync(filesOf(g.dir, g.name).log, "utf8"));
    if (!parsed.ok) throw new Error(`${g.name}: ${parsed.message}`);
    const states: State[] = [];
    const every = g.seq > 400 ? 50 : 1;
    const r = replay(parsed.log, {
      onEntry: (entry, _before, after, events) => {
        if (after.seq % every === 0 || events.some((e) => e.type === "ballot_closed" || e.type === "decided")) states.push(after);
      },
    });
    if (!r.ok) throw new Error(`${g.name}: ${r.message}`);
    states.push(r.state);
    return { name: `${g.version}/${g.name}`, states };
  });
}

describe("the state hash", () => {
  const sets = goldenStates();

  it.each(sets.map((s) => [s.name, s] as const))("equals an uncached sha256 of the canonical JSON, along %s", (_name, { states }) => {
    for (const state of states) expect(hash(state), `seq ${state.seq}`).toBe(independentHash(state));
  });

  it.each(sets.map((s) => [s.name, s] as const))("every state of %s survives a JSON round trip, to the same value and hash", (_name, { states }) => {
    for (const state of states) {
      const again = JSON.parse(JSON.stringify(state)) as State;
      expect(again, `seq ${state.seq}`).toEqual(state);
      expect(hash(again), `seq ${state.seq}`).toBe(hash(state));
    }
  });
});

describe("the seeded streams (known answers)", () => {
  it("the game's stream: seedRng(seed) and its sfc32 steps", () => {
    expect(seedRng(1)).toEqual([1822778701, 2849998877, 2767264568, 2169558288]);
    expect(seedRng(7)).toEqual([423387418, 2138373429, 2578648990, 1176931389]);
    expect(seedRng(0)).toEqual([467580040, 2618285666, 17031901, 2281634857]);
    expect(seedRng(-1)).toEqual([238700433, 1690085640, 807286623, 3274398656]);
    expect(seedRng(2 ** 53 - 1)).toEqual([3966766204, 2833297112, 2997940464, 3111007371]);
    let s = seedRng(7);
    const out: number[] = [];
    for (let i = 0; i < 6; i++) {
      const [value, next] = sfc32(s);
      out.push(value);
      s = next;
    }
    expect(out).toEqual([3738692236, 750608407, 362995164, 1284249556, 3524172678, 1363949070]);
    // What a roll-call's lot draws among 193 voters, game seed 1.
    let d = seedRng(1);
    const draws: number[] = [];
    for (let i = 0; i < 6; i++) {
      const [value, next] = drawInt(d, 193);
      draws.push(value);
      d = next;
    }
    expect(draws).toEqual([114, 186, 51, 165, 68, 134]);
    expect(createGame(fixtureScenario("classroom-quick"), { seed: 7 }).rng).toEqual(seedRng(7));
  });

  it("a bot's stream, seeded from (seed, seat, seq)", () => {
    expect([hashString("USA"), hashString("chair"), hashString("")]).toEqual([2523649480, 1555340682, 2166136261]);
    const usa = botRng(7, "USA", 12);
    expect([usa.next(), usa.next(), usa.int(100), usa.int(193), usa.pick(["a", "b", "c"])]).toEqual([0.12703877920284867, 0.7519595241174102, 5, 75, "a"]);
    const chair = botRng(1, "chair", 0);
    expect([chair.next(), chair.int(1000)]).toEqual([0.7675718634855002, 591]);
  });
});

describe("the two enumerations of legal moves", () => {
  const scenarios = [fixtureScenario("../fixtures/mini.json"), fixtureScenario("classroom-quick")];
  const sameAction = (a: Action) => JSON.stringify(a);

  it("movesFor(state, seat).of(type) lists exactly legalActions' actions of that type, and allows() agrees with apply()", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1),
        fc.constantFrom("consensus" as const, "majority" as const),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.nat(), { minLength: 10, maxLength: 160 }),
        (which, rule, seed, choices) => {
          const scenario = scenarios[which];
          if (!scenario) throw new Error("no scenario");
          const { states } = randomPlay(createGame(scenario, { rule, seed }), choices);
          // The last state and a few along the way: every seat, every action type.
          for (const state of [states[Math.floor(states.length / 2)] as State, states[states.length - 1] as State]) {
            let cursor = 0;
            const pick = (n: number) => (n <= 0 ? 0 : (choices[cursor++ % choices.length] ?? 0) % n);
            const pool = allLegal(state, pick).map((l) => l.action);
            for (const seat of [...seatsOf(state), "observer", "ZZZ"]) {
              const legal = legalActions(state, seat, { reasons: false }).actions.map((l) => l.action);
              const moves = movesFor(state, seat);
              for (const type of ACTION_TYPES) {
                expect(moves.of(type).map(sameAction), `${seat} ${type} at seq ${state.seq}`).toEqual(legal.filter((a) => a.type === type).map(sameAction));
              }
              for (const action of pool) {
                const accepted = apply(state, { by: seat, action }).ok;
                expect(moves.allows(action), `${seat} ${JSON.stringify(action)} at seq ${state.seq}`).toBe(accepted);
              }
            }
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
