import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../server/cli/main.ts";
import type { Io } from "../../server/cli/io.ts";

/** Runs the command line in-process, capturing what it prints. */
async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTty: false };
  const code = await main(argv, io);
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "plenipo-cli-"));

describe("plenipo validate", () => {
  it("exits 0 for the shipped scenarios", async () => {
    const r = await run("validate", "scenarios/classroom-quick.json", "tests/fixtures/mini.json");
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(r.err).toContain("classroom-quick.json: ok");
  });

  it("exits 1 with one line per problem: file: path.to.field: message", async () => {
    const scenario = JSON.parse(readFileSync("scenarios/classroom-quick.json", "utf8"));
    scenario.delegations[3].stance.IG = 2;
    scenario.proposals[0].sponsors = ["XYZ"];
    const file = join(dir, "broken.json");
    writeFileSync(file, JSON.stringify(scenario));
    const r = await run("validate", file);
    expect(r.code).toBe(1);
    expect(r.out.trim().split("\n")).toEqual([`${file}: delegations.3.stance.IG: a stance lies in [-1, 1]`, `${file}: proposals.0.sponsors.0: unknown delegation "XYZ"`]);
  });
});

describe("plenipo simulate and replay", () => {
  it.each(["consensus", "majority"])("simulate --out --json and replay --json give the same finalHash (%s)", async (rule) => {
    const log = join(dir, `game-${rule}.jsonl`);
    const sim = await run("simulate", "classroom-quick", "--seed", "7", "--rule", rule, "--out", log, "--json");
    expect(sim.code).toBe(0);
    const game = JSON.parse(sim.out);
    expect(game).toMatchObject({ scenario: "classroom-quick", rule, seed: 7, phase: "closed" });
    expect(Object.keys(game.scores).sort()).toEqual(["BRA", "CHN", "DEU", "GHA", "IND", "RUS", "SAU", "USA"]);
    const rep = await run("replay", log, "--json");
    expect(rep.code).toBe(0);
    expect(JSON.parse(rep.out)).toEqual(game);
    expect(rep.err).toMatch(/checkpoints verified/);
  });

  it("--games N prints aggregates over seeds", async () => {
    const r = await run("simulate", "classroom-quick", "--games", "3", "--rule", "majority", "--json");
    const a = JSON.parse(r.out);
    expect(a).toMatchObject({ games: 3, closed: 3 });
    expect(Object.keys(a.adoptionRate)).toContain("P1");
    expect(a.meanSigned).toBeGreaterThan(0);
  });

  it("replay exits 1 naming the seq where a log diverged", async () => {
    const log = join(dir, "game-majority.jsonl");
    const lines = readFileSync(log, "utf8").split("\n");
    const index = lines.findIndex((l) => l.includes('"type":"vote"'));
    const entry = JSON.parse(lines[index] as string);
    entry.by = "ZZZ";
    lines[index] = JSON.stringify(entry);
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, lines.join("\n"));
    const r = await run("replay", bad, "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, seq: entry.seq });
    expect(r.err).toContain(`at seq ${entry.seq}`);
  });

  it("bad arguments are explained, not thrown", async () => {
    expect((await run("simulate", "nowhere")).err).toContain('no scenario "nowhere"');
    expect((await run("simulate", "classroom-quick", "--rule", "anarchy")).code).toBe(1);
    expect((await run("simulate", "classroom-quick", "--seed", "x")).err).toContain("--seed must be an integer");
    expect((await run("replay", join(dir, "missing.jsonl"))).code).toBe(1);
  });
});

describe("plenipo schema", () => {
  it("prints the JSON Schema of scenario files", async () => {
    const r = await run("schema");
    expect(JSON.parse(r.out)).toMatchObject({ type: "object", properties: { delegations: { type: "array" } } });
  });
});

describe("the installed command", () => {
  it("runs as a real process through bin/plenipo.mjs", () => {
    const out = execFileSync(process.execPath, ["bin/plenipo.mjs", "simulate", "classroom-quick", "--seed", "7", "--json"], { encoding: "utf8" });
    const inProcess = JSON.parse(out);
    expect(inProcess.finalHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(inProcess.seq).toBeGreaterThan(50);
  });
});

describe("plenipo simulate at full scale", () => {
  it("busan-2014 --json lists the scores of all 193 delegations", async () => {
    const r = await run("simulate", "busan-2014", "--json");
    expect(r.code).toBe(0);
    const game = JSON.parse(r.out) as { phase: string; scores: Record<string, number> };
    expect(game.phase).toBe("closed");
    expect(Object.keys(game.scores)).toHaveLength(193);
  }, 60_000);

  it("--games N --json --verify adds one row per game and checks each log replays to its hash", async () => {
    const r = await run("simulate", "classroom-quick", "--games", "3", "--json", "--verify");
    const a = JSON.parse(r.out) as { games: number; replayed: number; perGame: { seed: number; finalHash: string; signed: string[] }[] };
    expect(a.replayed).toBe(3);
    expect(a.perGame.map((g) => g.seed)).toEqual([1, 2, 3]);
    expect(a.perGame[0]?.finalHash).toMatch(/^sha256:/);
  });
});
