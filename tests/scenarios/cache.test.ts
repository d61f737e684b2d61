import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatLog, parseLog, type GameLog } from "../../shared/log/format.ts";
import { replay } from "../../shared/log/replay.ts";
import { CACHED_SCENARIOS, ScenarioCache, scenarios } from "../../shared/scenario/cache.ts";
import { runGame } from "../../shared/sim/runGame.ts";
import { fixtureScenario } from "../fixtures/build.ts";

/**
 * The scenario cache (issue 12): keyed by the bytes, never by a name. The same bytes give the same loaded
 * scenario without validating it again; any other bytes — the same file name, the same scenario id, a
 * single value changed — are loaded again.
 */

const text = readFileSync("scenarios/classroom-quick.json", "utf8");
const json = JSON.parse(text) as { id: string; title: string; delegations: { stance: Record<string, number> }[] };
/** The same scenario id, the same file, one value changed. */
const edited = (title: string) => JSON.stringify({ ...json, title });

describe("the scenario cache", () => {
  it("returns the very same scenario for the same bytes, loaded once", () => {
    const cache = new ScenarioCache();
    const one = cache.loadText(text);
    const two = cache.loadText(String(text)); // equal bytes, another string
    expect(one.ok && two.ok).toBe(true);
    if (!one.ok || !two.ok) return;
    expect(two.scenario).toBe(one.scenario);
    expect(cache.stats).toEqual({ loads: 1, hits: 1 });
    // What it hands out is shared: nobody may change it.
    expect(Object.isFrozen(one.scenario.delegations[0])).toBe(true);
  });

  it("loads again for other bytes of the same scenario id (a cache keyed by name would return the old one)", () => {
    const cache = new ScenarioCache();
    const first = cache.loadText(edited("First title"));
    const second = cache.loadText(edited("Second title"));
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.scenario.id).toBe(second.scenario.id);
    expect(second.scenario.title).toBe("Second title");
    expect(second.hash).not.toBe(first.hash);
    expect(cache.stats.loads).toBe(2);
    // Parsed JSON too: one stance changed is another scenario.
    const a = structuredClone(json);
    const b = structuredClone(json);
    const dim = Object.keys(b.delegations[0]?.stance ?? {})[0] as string;
    (b.delegations[0] as { stance: Record<string, number> }).stance[dim] = 0.123;
    const la = cache.loadJson(a);
    const lb = cache.loadJson(b);
    expect(la.ok && lb.ok && la.hash !== lb.hash).toBe(true);
    expect(lb.ok && lb.scenario.delegations[0]?.stance[dim]).toBe(0.123);
  });

  it("is bounded: least recently used out first", () => {
    const cache = new ScenarioCache(2);
    cache.loadText(edited("A"));
    cache.loadText(edited("B"));
    cache.loadText(edited("A")); // A is now the most recent
    cache.loadText(edited("C")); // B goes
    expect(cache.stats).toEqual({ loads: 3, hits: 1 });
    cache.loadText(edited("A"));
    expect(cache.stats.hits).toBe(2);
    cache.loadText(edited("B"));
    expect(cache.stats.loads).toBe(4);
    expect(CACHED_SCENARIOS).toBeLessThanOrEqual(8);
  });

  it("a broken file is kept with its problems, and the same problems come back", () => {
    const cache = new ScenarioCache();
    const bad = JSON.stringify({ ...json, delegations: "none" });
    const one = cache.loadText(bad);
    const two = cache.loadText(bad);
    expect(one.ok).toBe(false);
    expect(two).toEqual(one);
    expect(cache.stats.loads).toBe(1);
  });

  it("replaying many logs of one scenario validates it once; a log whose scenario differs loads its own", () => {
    const scenario = fixtureScenario("classroom-quick");
    const texts = [1, 2, 3].map((seed) => formatLog(runGame(scenario, { rule: "majority", seed }).log));
    scenarios.clear();
    const before = { ...scenarios.stats };
    for (const t of texts) {
      const parsed = parseLog(t);
      expect(parsed.ok && replay(parsed.log).ok).toBe(true);
    }
    expect(scenarios.stats.loads - before.loads).toBe(1);
    expect(scenarios.stats.hits - before.hits).toBe(2);
    // The same log with another scenario title: loaded again, and its hash no longer matches its header.
    const parsed = parseLog(texts[0] as string);
    if (!parsed.ok) throw new Error(parsed.message);
    const other: GameLog = { header: { ...parsed.log.header, scenario: { ...(parsed.log.header.scenario as object), title: "Another title" } }, lines: parsed.log.lines };
    const r = replay(other);
    expect(!r.ok && r.code).toBe("log/scenario-hash");
    expect(scenarios.stats.loads - before.loads).toBe(2);
  });
});
