import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenario, loadScenarioText, scenarioHash } from "../../shared/scenario/load.ts";
import { scenarioJsonSchema } from "../../shared/scenario/jsonSchema.ts";

const dir = new URL("../../scenarios/", import.meta.url);
const shipped = readdirSync(dir).filter((f) => f.endsWith(".json"));
const classroom = JSON.parse(readFileSync(new URL("classroom-quick.json", dir), "utf8"));
const issuesOf = (json: unknown) => {
  const r = loadScenario(json);
  return r.ok ? [] : r.issues;
};
const mutate = (f: (s: any) => void) => {
  const copy = structuredClone(classroom);
  f(copy);
  return issuesOf(copy);
};

describe("shipped scenarios", () => {
  it.each(shipped)("%s is valid", (file) => {
    const r = loadScenarioText(readFileSync(new URL(file, dir), "utf8"));
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it("classroom-quick has the eight delegations, three proposals with amendments and about 45 minutes", () => {
    const r = loadScenario(classroom);
    if (!r.ok) throw new Error("invalid");
    const s = r.scenario;
    expect(s.delegations.map((d) => d.id).sort()).toEqual(["BRA", "CHN", "DEU", "GHA", "IND", "RUS", "SAU", "USA"]);
    expect(s.proposals).toHaveLength(3);
    expect(s.proposals.every((p) => p.amendments.length > 0)).toBe(true);
    const minutes = s.timing.openingMinutes + s.timing.signingMinutes + s.agenda.reduce((m, a) => m + a.minutes + s.timing.decisionMinutes * 2, 0);
    expect(minutes).toBeGreaterThanOrEqual(40);
    expect(minutes).toBeLessThanOrEqual(50);
    for (const d of s.delegations) {
      expect(d.briefing.length).toBeGreaterThan(300);
      expect(d.objectives.length).toBeGreaterThan(0);
    }
  });
});

describe("validation reports the exact path", () => {
  it.each([
    ["a stance out of [-1, 1]", (s: any) => (s.delegations[3].stance.IG = 1.5), "delegations.3.stance.IG", "[-1, 1]"],
    ["a weight that is not positive", (s: any) => (s.delegations[0].weights.DNS = 0), "delegations.0.weights.DNS", "positive"],
    ["a duplicate delegation id", (s: any) => (s.delegations[2].id = "USA"), "delegations.2.id", "duplicate"],
    ["a sponsor that does not exist", (s: any) => (s.proposals[1].sponsors[0] = "FRA"), "proposals.1.sponsors.0", "unknown delegation"],
    ["an amendment sponsor that does not exist", (s: any) => (s.proposals[0].amendments[1].sponsors = ["XXX"]), "proposals.0.amendments.1.sponsors.0", "unknown delegation"],
    ["an unknown bloc", (s: any) => s.delegations[5].blocs.push("NATO"), "delegations.5.blocs.2", 'unknown bloc "NATO"'],
    ["an agenda entry naming no proposal", (s: any) => (s.agenda[1].proposals = ["P9"]), "agenda.1.proposals.0", 'unknown proposal "P9"'],
    ["an agenda entry naming an amendment", (s: any) => (s.agenda[1].proposals = ["A1a"]), "agenda.1.proposals.0", "is an amendment"],
    ["an objective about an unknown text", (s: any) => (s.delegations[0].objectives[1].when = { adopted: "A9" }), "delegations.0.objectives.1.when.adopted", 'unknown proposal or amendment "A9"'],
    ["a red line on an unknown dimension", (s: any) => (s.delegations[0].redLines[0] = { dimension: "XYZ", atMost: 0 }), "delegations.0.redLines.0.dimension", "unknown dimension"],
    ["a nested predicate with a typo", (s: any) => (s.delegations[1].objectives[0].when = { any: [{ not_adopted: "P1" }, { adoptd: "A1a" }] }), "delegations.1.objectives.0.when.any.1", "Unrecognized key"],
    ["an effect on an unknown dimension", (s: any) => (s.proposals[2].effects.FOO = 0.1), "proposals.2.effects.FOO", "unknown dimension"],
    ["a missing title", (s: any) => delete s.title, "title", "required"],
    ["a missing stance with no template", (s: any) => delete s.delegations[6].stance.DEV, "delegations.6.stance.DEV", "no stance on dimension DEV"],
    ["a proxy to oneself", (s: any) => (s.delegations[6].proxyTo = "GHA"), "delegations.6.proxyTo", "its own proxy"],
    ["a proposal on no agenda item", (s: any) => (s.agenda[2].proposals = ["P1"]), "proposals.2.id", "on no agenda item"],
  ])("%s", (_what, change, path, message) => {
    const issues = mutate(change);
    const hit = issues.find((i) => i.path === path);
    expect(hit, JSON.stringify(issues)).toBeDefined();
    expect(hit?.message).toContain(message);
  });

  it("reports bad JSON as a problem of the whole file", () => {
    const r = loadScenarioText("{ nope");
    expect(!r.ok && r.issues[0]?.path).toBe("");
    expect(!r.ok && r.issues[0]?.message).toContain("not valid JSON");
  });
});

describe("templates, hash and JSON Schema", () => {
  it("delegations inherit stance, weights and red lines from their bloc's template", () => {
    const mini = JSON.parse(readFileSync(new URL("../fixtures/mini.json", import.meta.url), "utf8"));
    const r = loadScenario(mini);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const fra = r.scenario.delegations.find((d) => d.id === "FRA");
    expect(fra?.stance).toEqual({ IG: -0.8, DEV: 0.2 });
    expect(fra?.personality).toEqual({ concession: "linear", loyalty: 0.5, procedure: 0.3, talk: 0.5 });
    // Resolving again changes nothing: a log embeds the resolved form and replays it.
    const again = loadScenario(r.scenario);
    expect(again.ok && again.hash).toBe(r.hash);
  });

  it("the hash does not depend on key order", () => {
    const reversed = JSON.parse(JSON.stringify(classroom), (_k, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v));
    const a = loadScenario(classroom);
    const b = loadScenario(reversed);
    expect(a.ok && b.ok && a.hash === b.hash).toBe(true);
    expect(a.ok && a.hash).toBe(a.ok && scenarioHash(a.scenario));
    const changed = structuredClone(classroom);
    changed.delegations[0].stance.IG = -0.9;
    const c = loadScenario(changed);
    expect(c.ok && a.ok && c.hash !== a.hash).toBe(true);
  });

  it("the JSON Schema describes the file format", () => {
    const schema = scenarioJsonSchema() as { type: string; required: string[]; properties: Record<string, unknown> };
    expect(schema.type).toBe("object");
    expect(schema.required).toEqual(expect.arrayContaining(["id", "title", "delegations", "proposals", "agenda", "chair"]));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["dimensions", "blocs", "history"]));
  });
});
