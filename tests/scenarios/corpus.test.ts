import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Io } from "../../server/cli/io.ts";
import { main } from "../../server/cli/main.ts";
import { LIMITS } from "../../shared/scenario/limits.ts";
import { checkBounds, LISTED_PROBLEMS, loadScenario, loadScenarioText } from "../../shared/scenario/load.ts";

/**
 * A corpus of broken scenario files, made here from scenarios/classroom-quick.json, through every door a
 * scenario comes in by: `plenipo validate FILE`, `plenipo simulate FILE`, and `plenipo replay LOG` of a real
 * log whose header embeds the broken scenario. Each door must exit 1 with a line naming the exact place of
 * the problem ("(root)" for the whole file), and none may print a stack trace, whatever the file holds.
 */

type Json = any;
const classroomText = readFileSync(new URL("../../scenarios/classroom-quick.json", import.meta.url), "utf8");
const classroom = (): Json => JSON.parse(classroomText);

interface Case {
  name: string;
  /** The file's text. */
  text: string;
  /** What every door must name: a path, or "(root)". */
  path: string;
  /** Words the message must hold. */
  says: string;
  /**
   * What a log's header carries in place of its scenario, as text: the mutant's JSON, or the file's text when
   * it is not JSON (then the log's first line is not JSON either, and replay names that line: `broken`).
   * Absent: no log can carry this problem (a log has no file of its scenario to measure).
   */
  embed?: { text: string; broken: boolean };
}

const PLACEHOLDER = "@@PLACEHOLDER@@";

/**
 * A mutation of classroom-quick. `change` edits the parsed file; a value too deep for JSON.stringify is
 * written as text in place of PLACEHOLDER (`spliced`).
 */
function mutant(name: string, path: string, says: string, change: (s: Json) => void, spliced?: string): Case {
  const s = classroom();
  change(s);
  let body = JSON.stringify(s);
  if (spliced !== undefined) body = body.replace(`"${PLACEHOLDER}"`, () => spliced);
  return { name, text: body, path, says, embed: { text: body, broken: false } };
}

/** A file whose text is not a JSON scenario at all. */
function text(name: string, body: string, says: string): Case {
  let embed: Case["embed"];
  try {
    embed = { text: JSON.stringify(JSON.parse(body)), broken: false };
  } catch {
    embed = { text: body, broken: true };
  }
  return { name, text: body, path: "(root)", says, embed };
}

/** A key that JSON.parse would make own: what a file with "__proto__" in it gives. */
function ownKey(record: Json, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** JSON text of `leaf` inside `levels` lists (key null) or objects with that one key. */
const nested = (levels: number, key: string | null, leaf: string): string =>
  key === null ? `${"[".repeat(levels)}${leaf}${"]".repeat(levels)}` : `${`{"${key}":`.repeat(levels)}${leaf}${"}".repeat(levels)}`;
const repeat = (segment: string, n: number) => Array.from({ length: n }, () => segment);

/** The value past LIMITS.values when `summary` (the third key) is a list of lists of 999 numbers. */
function valuesLimitPath(): string {
  // Before it in document order: the root, id, title, then the list itself.
  const index = LIMITS.values + 1 - 4 - 1;
  const list = Math.floor(index / 1000);
  const within = index % 1000;
  return within === 0 ? `summary.${list}` : `summary.${list}.${within - 1}`;
}

const CASES: Case[] = [
  // Not a scenario at all.
  text("not JSON", "{ nope", "not valid JSON"),
  text("JSON cut short", classroomText.slice(0, 5000), "not valid JSON"),
  text("trailing garbage", `${classroomText}\n}`, "not valid JSON"),
  text("an empty file", "", "the file is empty"),
  text("only blanks", " \n\t\n", "the file is empty"),
  text("a JSON string", '"classroom-quick"', "holds a string"),
  text("a JSON number", "42", "holds a number"),
  text("a JSON array", `[${classroomText}]`, "holds a list"),
  text("null", "null", "holds null"),
  text("true", "true", "holds true or false"),
  { name: "a file over the size bound", text: classroomText + " ".repeat(LIMITS.fileCharacters), path: "(root)", says: "a scenario file has at most" },
  // Missing fields, wrong types.
  mutant("a missing title", "title", "required", (s) => void delete s.title),
  mutant("a missing delegation name", "delegations.2.name", "required", (s) => void delete s.delegations[2].name),
  mutant("an id that is a number", "id", "expected string", (s) => void (s.id = 42)),
  mutant("influence as words", "delegations.0.influence", "expected number", (s) => void (s.delegations[0].influence = "high")),
  mutant("dimensions as an object", "dimensions", "expected array", (s) => void (s.dimensions = { IG: 0 })),
  mutant("a delegation that is a string", "delegations.0", "expected object", (s) => void (s.delegations[0] = "USA")),
  mutant("a null chair", "chair", "expected object", (s) => void (s.chair = null)),
  mutant("a predicate with a typo", "delegations.1.objectives.0.when", "Unrecognized key", (s) => void (s.delegations[1].objectives[0].when = { adoptd: "P1" })),
  // Dangling references and duplicates.
  mutant("a sponsor that does not exist", "proposals.0.sponsors.0", 'unknown delegation "XYZ"', (s) => void (s.proposals[0].sponsors[0] = "XYZ")),
  mutant("an agenda item naming no proposal", "agenda.1.proposals.0", 'unknown proposal "P9"', (s) => void (s.agenda[1].proposals = ["P9"])),
  mutant("a red line on no dimension", "delegations.0.redLines.0.dimension", "unknown dimension", (s) => void (s.delegations[0].redLines[0] = { dimension: "XYZ", atMost: 0 })),
  mutant("a duplicate delegation", "delegations.2.id", "duplicate delegation", (s) => void (s.delegations[2].id = s.delegations[0].id)),
  mutant("a duplicate dimension", "dimensions.1.id", "duplicate dimension", (s) => void (s.dimensions[1].id = s.dimensions[0].id)),
  // Out of range.
  mutant("a stance out of range", "delegations.3.stance.IG", "a stance lies in [-1, 1]", (s) => void (s.delegations[3].stance.IG = 1.5)),
  mutant("a status quo out of range", "dimensions.0.statusQuo", "a status quo lies in [-1, 1]", (s) => void (s.dimensions[0].statusQuo = 3)),
  mutant("an effect out of range", "proposals.0.effects.IG", "an effect lies in [-2, 2]", (s) => void (s.proposals[0].effects.IG = 5)),
  mutant("a weight of zero", "delegations.0.weights.DNS", "positive", (s) => void (s.delegations[0].weights.DNS = 0)),
  // Deep nesting.
  // The outermost "not" is redLines.0, at depth 5 (the file's object is 1).
  mutant("a not nested 1,000 deep", ["delegations", 0, "redLines", 0, ...repeat("not", LIMITS.depth - 4)].join("."), "nested too deeply", (s) => void (s.delegations[0].redLines[0] = PLACEHOLDER), nested(1000, "not", '{"adopted":"P1"}')),
  mutant("lists nested 100,000 deep", ["summary", ...repeat("0", LIMITS.depth - 1)].join("."), "nested too deeply", (s) => void (s.summary = PLACEHOLDER), nested(100_000, null, "1")),
  mutant("objects nested 10,000 deep under an unknown key", ["extra", ...repeat("x", LIMITS.depth - 1)].join("."), "nested too deeply", (s) => void (s.extra = PLACEHOLDER), nested(10_000, "x", "1")),
  // Huge lists, objects, texts, keys.
  mutant("130,000 wrongly typed blocs", "delegations.0.blocs", "this list has 130,000 items", (s) => void (s.delegations[0].blocs = new Array(130_000).fill(1))),
  text("a list of 200,000 numbers", JSON.stringify(new Array(200_000).fill(0)), "this list has 200,000 items"),
  mutant("too many values", valuesLimitPath(), "one value too many", (s) => void (s.summary = Array.from({ length: 60 }, () => new Array(999).fill(1)))),
  mutant("a 5 MB briefing", "delegations.0.briefing", "this text has 5,000,000 characters", (s) => void (s.delegations[0].briefing = "x".repeat(5_000_000))),
  mutant("a 5 MB title", "title", "this text has 5,000,000 characters", (s) => void (s.title = "x".repeat(5_000_000))),
  mutant("a stance with 1,500 keys", "delegations.0.stance", "this object has 1,507 keys", (s) => {
    for (let i = 0; i < 1500; i++) s.delegations[0].stance[`D${i}`] = 0;
  }),
  mutant("a key of 300 characters", "delegations.0.stance", "a key here has 300 characters", (s) => void (s.delegations[0].stance["K".repeat(300)] = 0)),
  // Keys every object already has.
  mutant("__proto__ in a stance", "delegations.2.stance.__proto__", 'unknown dimension "__proto__"', (s) => ownKey(s.delegations[2].stance, "__proto__", 0.5)),
  mutant("__proto__ in weights", "delegations.5.weights.__proto__", 'unknown dimension "__proto__"', (s) => ownKey(s.delegations[5].weights, "__proto__", { IG: 1 })),
  mutant("__proto__ in effects", "proposals.1.effects.__proto__", 'unknown dimension "__proto__"', (s) => ownKey(s.proposals[1].effects, "__proto__", 0.2)),
  mutant("__proto__ in an amendment's effects", "proposals.0.amendments.1.effects.__proto__", 'unknown dimension "__proto__"', (s) => ownKey(s.proposals[0].amendments[1].effects, "__proto__", 0.2)),
  mutant("__proto__ at the top", "(root)", 'Unrecognized key: "__proto__"', (s) => ownKey(s, "__proto__", { id: "other" })),
  mutant("constructor as a weight of no dimension", "delegations.1.weights.constructor", 'unknown dimension "constructor"', (s) => void (s.delegations[1].weights.constructor = 0.5)),
  mutant("toString as a field of a delegation", "delegations.0", 'Unrecognized key: "toString"', (s) => void (s.delegations[0].toString = "USA")),
  mutant("a constructor dimension with a stance missing", "delegations.4.stance.constructor", "no stance on dimension constructor", (s) => {
    s.dimensions[0].id = "constructor";
    for (const d of s.delegations) {
      d.stance = Object.fromEntries(Object.entries(d.stance).map(([k, v]) => [k === "IG" ? "constructor" : k, v]));
      d.weights = Object.fromEntries(Object.entries(d.weights).map(([k, v]) => [k === "IG" ? "constructor" : k, v]));
      d.redLines = d.redLines.map((p: Json) => (p.dimension === "IG" ? { ...p, dimension: "constructor" } : p));
    }
    for (const p of [...s.proposals, ...s.proposals.flatMap((x: Json) => x.amendments)]) {
      p.effects = Object.fromEntries(Object.entries(p.effects).map(([k, v]) => [k === "IG" ? "constructor" : k, v]));
    }
    delete s.delegations[4].stance.constructor;
  }),
  mutant("a line break in a key", "delegations.0.stance.I\\nG", 'unknown dimension "I\\nG"', (s) => void (s.delegations[0].stance["I\nG"] = 0)),
];

const dir = mkdtempSync(join(tmpdir(), "plenipo-corpus-"));
let realLog: string[] = [];

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTty: false };
  let code: number;
  try {
    code = await main(argv, io);
  } catch (error) {
    // What would reach the terminal as a stack trace.
    return { code: -1, out, err: `${err}${(error as Error).stack}` };
  }
  return { code, out, err };
}

/** A stack trace's frames, or the names of the errors that carry one. */
const STACK = /\n\s+at .+[:(]\d+|RangeError|TypeError|ReferenceError|SyntaxError: /;

/** The real log with its header's scenario replaced by this text. */
function logWith(scenarioText: string): string {
  const header = JSON.parse(realLog[0] as string);
  const line = JSON.stringify({ ...header, scenario: PLACEHOLDER }).replace(`"${PLACEHOLDER}"`, () => scenarioText);
  return [line, ...realLog.slice(1)].join("\n");
}

beforeAll(async () => {
  const file = join(dir, "real.jsonl");
  const r = await run("simulate", "classroom-quick", "--seed", "3", "--out", file);
  expect(r.code).toBe(0);
  realLog = readFileSync(file, "utf8").split("\n");
});

describe("a corpus of broken scenarios, at every door", () => {
  it("covers every kind of problem with distinct cases", () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES.map((c, i) => [c.name, i] as const))("%s", async (_name, i) => {
    const c = CASES[i] as Case;
    const file = join(dir, `case-${i}.json`);
    writeFileSync(file, c.text);
    const named = (line: string) => line.includes(c.path === "(root)" ? ": (root): " : `: ${c.path}: `) && line.includes(c.says);

    const v = await run("validate", file);
    expect(v.code, v.err).toBe(1);
    expect(`${v.out}${v.err}`).not.toMatch(STACK);
    const lines = v.out.trimEnd().split("\n");
    expect(lines.every((l) => l.startsWith(`${file}: `)), v.out).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(LISTED_PROBLEMS + 1);
    expect(lines.some((l) => l.startsWith(`${file}: ${c.path}: `) && l.includes(c.says)), v.out.slice(0, 2000)).toBe(true);

    const s = await run("simulate", file, "--json");
    expect(s.code, s.err).toBe(1);
    expect(`${s.out}${s.err}`).not.toMatch(STACK);
    expect(s.out).toBe("");
    expect(s.err.trimEnd().split("\n").some(named), s.err.slice(0, 2000)).toBe(true);

    if (!c.embed) return;
    const log = join(dir, `case-${i}.jsonl`);
    writeFileSync(log, logWith(c.embed.text));
    const r = await run("replay", log);
    expect(r.code, r.err).toBe(1);
    expect(`${r.out}${r.err}`).not.toMatch(STACK);
    const where = c.embed.broken ? (line: string) => line.startsWith(`${log}: line 1: `) : named;
    expect(r.err.trimEnd().split("\n").some(where), r.err.slice(0, 2000)).toBe(true);
  });

  it("checkBounds answers as the loader does for a file past a bound, and passes what is within them", () => {
    let past = 0;
    for (const c of CASES) {
      let json: unknown;
      try {
        json = JSON.parse(c.text);
      } catch {
        continue;
      }
      const bounded = checkBounds(json);
      const loaded = loadScenario(json);
      if (bounded) {
        past += 1;
        expect(bounded).toEqual(loaded);
      } else expect(loaded.ok || !/^(nested too deeply|this (list|object|text) has|a key here|one value too many)/.test(loaded.issues[0]?.message ?? "")).toBe(true);
    }
    // The deep, long and huge cases of the corpus (the file-size one is not JSON the walk sees).
    expect(past).toBe(10);
    const shipped = loadScenarioText(classroomText);
    expect(shipped.ok).toBe(true);
    expect(checkBounds(classroom())).toBeNull();
  });

  it("lists the first problems and counts the rest", async () => {
    const s = classroom();
    s.delegations[0].blocs = new Array(900).fill(1);
    const file = join(dir, "many.json");
    writeFileSync(file, JSON.stringify(s));
    const v = await run("validate", file);
    const lines = v.out.trimEnd().split("\n");
    expect(lines).toHaveLength(LISTED_PROBLEMS + 1);
    expect(lines[0]).toBe(`${file}: delegations.0.blocs.0: Invalid input: expected string, received number`);
    expect(lines[LISTED_PROBLEMS]).toBe(`${file}: … and ${900 - LISTED_PROBLEMS} more problems`);
  });

  it("a byte-order mark before the JSON is not a problem", async () => {
    const file = join(dir, "bom.json");
    writeFileSync(file, `\uFEFF${classroomText}`);
    const v = await run("validate", file);
    expect(v.code, v.out).toBe(0);
    expect(v.err).toContain(": ok (classroom-quick");
    const s = await run("simulate", file, "--seed", "3", "--json");
    expect(s.code, s.err).toBe(0);
    expect(JSON.parse(s.out)).toMatchObject({ scenario: "classroom-quick", phase: "closed" });
    const broken = classroom();
    delete broken.title;
    writeFileSync(file, `\uFEFF${JSON.stringify(broken)}`);
    expect((await run("validate", file)).out).toBe(`${file}: title: required (string)\n`);
  });
});
