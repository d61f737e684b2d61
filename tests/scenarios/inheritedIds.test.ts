import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apply, hash, outcome, type State } from "../../shared/engine/index.ts";
import { formatLog, isCheckpoint, parseLog } from "../../shared/log/format.ts";
import { replay } from "../../shared/log/replay.ts";
import { loadScenario } from "../../shared/scenario/load.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { runGame, type SimResult } from "../../shared/sim/runGame.ts";

/**
 * Ids that every JavaScript object already answers to. A scenario may call a dimension, a proposal, a bloc,
 * an agenda item or an objective by any of them: the game must then mean the scenario's entry, and a record
 * without that entry must read as having none. The property: a scenario renamed so that such names stand
 * for some of its ids plays exactly the game the original plays (the same moves by the same seats, the same
 * outcome under the new names), and a record with a key it may not have is reported at the key's path.
 */
const INHERITED = ["constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString"];

type Json = any;
type Kind = "dimension" | "bloc" | "target" | "item" | "objective";
const KINDS: Kind[] = ["dimension", "bloc", "target", "item", "objective"];
type Path = (string | number)[];

const read = (file: string): Json => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), "utf8"));
const BASES: Record<string, Json> = { "classroom-quick": read("scenarios/classroom-quick.json"), mini: read("tests/fixtures/mini.json") };

function idsOf(s: Json, kind: Kind): string[] {
  const ids: string[] =
    kind === "dimension" ? s.dimensions.map((d: Json) => d.id)
    : kind === "bloc" ? (s.blocs ?? []).map((b: Json) => b.id)
    : kind === "target" ? s.proposals.flatMap((p: Json) => [p.id, ...(p.amendments ?? []).map((a: Json) => a.id)])
    : kind === "item" ? s.agenda.map((a: Json) => a.id)
    : s.delegations.flatMap((d: Json) => (d.objectives ?? []).map((o: Json) => o.id));
  return [...new Set(ids)];
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Renaming = Record<Kind, Map<string, string>>;

/**
 * Old id → new id for each kind, keeping the order of the ids of a kind (the bots break some ties by id):
 * the inherited names given to a kind and ordinary ones, sorted, in place of the kind's ids, sorted.
 * Ordinary names end in "-digit", which no word of the action vocabulary does.
 */
function renamingArb(s: Json): fc.Arbitrary<Renaming> {
  const total = KINDS.reduce((n, k) => n + idsOf(s, k).length, 0);
  return fc
    .record({
      names: fc.shuffledSubarray(INHERITED, { minLength: 1 }),
      toDimensions: fc.integer({ min: 1, max: INHERITED.length }),
      kinds: fc.array(fc.constantFrom<Kind>("bloc", "target", "item", "objective"), { minLength: INHERITED.length, maxLength: INHERITED.length }),
      ordinary: fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,6}-[0-9]$/), { minLength: total, maxLength: total }),
    })
    .map(({ names, toDimensions, kinds, ordinary }) => {
      const given = new Map<Kind, string[]>(KINDS.map((k) => [k, []]));
      names.forEach((name, i) => given.get(i < toDimensions ? "dimension" : (kinds[i] as Kind))?.push(name));
      const pool = [...ordinary];
      const out = {} as Renaming;
      for (const kind of KINDS) {
        const old = idsOf(s, kind).sort(byCodeUnits);
        const mine = (given.get(kind) ?? []).slice(0, old.length);
        const fresh = [...mine, ...pool.splice(0, old.length - mine.length)].sort(byCodeUnits);
        out[kind] = new Map(old.map((id, i) => [id, fresh[i] as string]));
      }
      return out;
    });
}

function renamePredicate(p: Json, r: Renaming): Json {
  const q = { ...p };
  for (const key of ["adopted", "not_adopted", "byConsensus"]) if (key in q) q[key] = r.target.get(q[key]) ?? q[key];
  if ("dimension" in q) q.dimension = r.dimension.get(q.dimension) ?? q.dimension;
  if ("noVote" in q) q.noVote = r.item.get(q.noVote) ?? q.noVote;
  for (const key of ["all", "any"]) if (key in q) q[key] = q[key].map((x: Json) => renamePredicate(x, r));
  if ("not" in q) q.not = renamePredicate(q.not, r);
  return q;
}

/** The scenario with every id renamed; records keep their key order. */
function renamed(base: Json, r: Renaming): Json {
  const s = structuredClone(base);
  const dims = (record: Json) => record && Object.fromEntries(Object.entries(record).map(([k, v]) => [r.dimension.get(k) ?? k, v]));
  const rename = (map: Map<string, string>, id: string) => map.get(id) ?? id;
  for (const d of s.dimensions) d.id = rename(r.dimension, d.id);
  for (const b of s.blocs ?? []) {
    b.id = rename(r.bloc, b.id);
    if (b.template?.stance) b.template.stance = dims(b.template.stance);
    if (b.template?.weights) b.template.weights = dims(b.template.weights);
    if (b.template?.redLines) b.template.redLines = b.template.redLines.map((p: Json) => renamePredicate(p, r));
  }
  for (const d of s.delegations) {
    if (d.blocs) d.blocs = d.blocs.map((b: string) => rename(r.bloc, b));
    if (d.template) d.template = rename(r.bloc, d.template);
    if (d.stance) d.stance = dims(d.stance);
    if (d.weights) d.weights = dims(d.weights);
    if (d.redLines) d.redLines = d.redLines.map((p: Json) => renamePredicate(p, r));
    for (const o of d.objectives ?? []) {
      o.id = rename(r.objective, o.id);
      o.when = renamePredicate(o.when, r);
    }
  }
  for (const p of s.proposals) {
    p.id = rename(r.target, p.id);
    p.effects = dims(p.effects);
    for (const a of p.amendments ?? []) {
      a.id = rename(r.target, a.id);
      a.effects = dims(a.effects);
    }
  }
  for (const a of s.agenda) {
    a.id = rename(r.item, a.id);
    a.proposals = a.proposals.map((id: string) => rename(r.target, id));
  }
  for (const d of s.history?.decisions ?? []) d.target = rename(r.target, d.target);
  return s;
}

/** New id → old id, across kinds (new names never repeat). */
function backwards(r: Renaming): Map<string, string> {
  return new Map(KINDS.flatMap((k) => [...r[k]].map(([old, fresh]) => [fresh, old] as [string, string])));
}

// Free text (speeches, reasons, reservations) quotes ids in prose; the rules never read it.
const PROSE = new Set(["text", "reason", "reservations"]);

function mapBack(value: unknown, back: Map<string, string>): unknown {
  if (typeof value === "string") return back.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => mapBack(v, back));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !PROSE.has(k)).map(([k, v]) => [back.get(k) ?? k, mapBack(v, back)]));
  }
  return value;
}

const moves = (g: SimResult, back: Map<string, string>) => g.log.lines.flatMap((l) => (isCheckpoint(l) ? [] : [JSON.stringify([l.seq, l.by, mapBack(l.action, back)])]));
const tabled = (g: SimResult) => g.log.lines.filter((l) => !isCheckpoint(l) && (l.action.type === "table" || l.action.type === "move_amendment")).length;

function result(state: State, back: Map<string, string>) {
  const o = outcome(state);
  return JSON.stringify({
    dimensions: mapBack(o.dimensions, back),
    scores: o.scores,
    signed: o.signed,
    declined: o.declined,
    decisions: o.decisions.map((d) => [back.get(d.target) ?? d.target, d.status, d.by, d.tally, d.seq]),
  });
}

function load(json: Json): Scenario {
  const loaded = loadScenario(json);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.scenario;
}

const originals = new Map<string, SimResult>();
function original(base: string, seed: number, rule: "consensus" | "majority"): SimResult {
  const key = `${base}:${seed}:${rule}`;
  let game = originals.get(key);
  if (!game) originals.set(key, (game = runGame(load(BASES[base]), { seed, rule })));
  return game;
}

const baseArb = fc.constantFrom(...Object.keys(BASES));
const withRenaming = baseArb.chain((base) => fc.tuple(fc.constant(base), renamingArb(BASES[base])));

describe("ids that objects already have (constructor, toString, …)", () => {
  it("a scenario whose ids are such names plays the game its original plays, move for move", () => {
    fc.assert(
      fc.property(withRenaming, fc.integer({ min: 1, max: 3 }), fc.constantFrom("consensus" as const, "majority" as const), ([base, r], seed, rule) => {
        const json = renamed(BASES[base], r);
        // Through text, as a file or a log carries it.
        const scenario = load(JSON.parse(JSON.stringify(json)));
        const game = runGame(scenario, { seed, rule });
        const before = original(base, seed, rule);
        const back = backwards(r);
        expect(game.state.phase).toBe("closed");
        expect(game.botErrors).toEqual([]);
        expect(tabled(game)).toBeGreaterThan(0);
        expect(moves(game, back)).toEqual(moves(before, back));
        const o = outcome(game.state);
        for (const x of [...Object.values(o.dimensions), ...Object.values(o.scores)]) expect(Number.isFinite(x)).toBe(true);
        expect(result(game.state, back)).toBe(result(before.state, back));
        // The log, written and read back, replays to the same state: the state is plain JSON.
        const parsed = parseLog(formatLog(game.log));
        if (!parsed.ok) throw new Error(parsed.message);
        const again = replay(parsed.log);
        expect(again.ok && hash(again.state)).toBe(hash(game.state));
      }),
      { numRuns: 24 },
    );
  });

  it("a record key that is not a declared dimension, __proto__ included, is reported at its path", () => {
    fc.assert(
      fc.property(withRenaming, fc.nat(), fc.nat(), ([base, r], whereAt, whichKey) => {
        const json = renamed(BASES[base], r);
        const declared = new Set(r.dimension.values());
        const keys = ["__proto__", ...INHERITED.filter((k) => !declared.has(k))];
        const key = keys[whichKey % keys.length] as string;
        const places = recordsOf(json);
        const { path, record } = places[whereAt % places.length] as (typeof places)[number];
        Object.defineProperty(record, key, { value: 0.1, enumerable: true, writable: true, configurable: true });
        const loaded = loadScenario(JSON.parse(JSON.stringify(json)));
        expect(loaded.ok).toBe(false);
        const issues = loaded.ok ? [] : loaded.issues;
        const hit = issues.find((i) => i.path === [...path, key].join("."));
        expect(hit, JSON.stringify(issues)).toBeDefined();
        expect(hit?.message).toContain(`unknown dimension "${key}"`);
      }),
      { numRuns: 60 },
    );
  });

  it("a stance or weight missing on a dimension named like an inherited member is reported at its path", () => {
    fc.assert(
      fc.property(withRenaming, fc.nat(), fc.nat(), fc.constantFrom("stance", "weights"), ([base, r], whichDelegation, whichDim, field) => {
        const json = renamed(BASES[base], r);
        const inherited = [...r.dimension.values()].filter((d) => INHERITED.includes(d));
        const dim = inherited[whichDim % inherited.length] as string;
        const i = whichDelegation % json.delegations.length;
        const d = json.delegations[i];
        delete d[field]?.[dim];
        delete templateOf(json, d)?.template?.[field]?.[dim];
        const loaded = loadScenario(JSON.parse(JSON.stringify(json)));
        const issues = loaded.ok ? [] : loaded.issues;
        const hit = issues.find((x) => x.path === `delegations.${i}.${field}.${dim}`);
        expect(hit, JSON.stringify(issues)).toBeDefined();
        expect(hit?.message).toContain(`no ${field === "stance" ? "stance" : "weight"} on dimension ${dim}`);
      }),
      { numRuns: 60 },
    );
  });

  it("an explanation of vote on a proposal called constructor is recorded, and only once", () => {
    const r = { dimension: new Map(), bloc: new Map(), target: new Map([["P1", "constructor"]]), item: new Map(), objective: new Map() } as Renaming;
    const game = runGame(load(renamed(BASES["classroom-quick"], r)), { seed: 7, rule: "majority" });
    const ballot = game.state.ballots.find((b) => b.target === "constructor" && b.question === "substantive");
    if (!ballot) throw new Error("no vote on constructor");
    const parsed = parseLog(formatLog(game.log));
    if (!parsed.ok) throw new Error(parsed.message);
    const at = replay(parsed.log, { to: ballot.seq });
    if (!at.ok) throw new Error(at.message);
    const voter = ballot.cast[0]?.voter as string;
    const action = { type: "explain_vote", target: "constructor", text: "We voted as our capital instructed." };
    const first = apply(at.state, { by: voter, action });
    expect(first.ok ? "accepted" : first.error.code).toBe("accepted");
    const second = first.ok ? apply(first.state, { by: voter, action }) : null;
    expect(second?.ok === false && second.error.code).toBe("explain/already");
  });

  it("an id that an object's own machinery uses (__proto__) is not an id", () => {
    const json = structuredClone(BASES.mini);
    json.dimensions[0].id = "__proto__";
    const loaded = loadScenario(json);
    expect(loaded.ok ? [] : loaded.issues.map((i) => i.path)).toContain("dimensions.0.id");
  });
});

/** Every record keyed by dimension id in a raw scenario, with its path. */
function recordsOf(s: Json): { path: Path; record: Json }[] {
  const out: { path: Path; record: Json }[] = [];
  s.blocs?.forEach((b: Json, i: number) => {
    for (const f of ["stance", "weights"]) if (b.template?.[f]) out.push({ path: ["blocs", i, "template", f], record: b.template[f] });
  });
  s.delegations.forEach((d: Json, i: number) => {
    for (const f of ["stance", "weights"]) if (d[f]) out.push({ path: ["delegations", i, f], record: d[f] });
  });
  s.proposals.forEach((p: Json, i: number) => {
    out.push({ path: ["proposals", i, "effects"], record: p.effects });
    p.amendments?.forEach((a: Json, j: number) => out.push({ path: ["proposals", i, "amendments", j, "effects"], record: a.effects }));
  });
  return out;
}

/** The bloc whose template a raw delegation inherits (the rule of shared/scenario/resolve.ts). */
function templateOf(s: Json, d: Json): Json {
  const blocs = s.blocs ?? [];
  if (d.template !== undefined) return blocs.find((b: Json) => b.id === d.template);
  for (const id of d.blocs ?? []) {
    const bloc = blocs.find((b: Json) => b.id === id);
    if (bloc?.template) return bloc;
  }
  return undefined;
}
