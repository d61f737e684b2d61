import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CheckpointSchema, EntrySchema, parseLog } from "../../shared/log/format.ts";
import { isPlainCheckpoint, isPlainEntry } from "../../shared/log/lines.ts";
import { filesOf, listGolden } from "../../tools/golden/golden.ts";

/**
 * parseLog checks the common line by hand and leaves zod the others (issue 12: one zod pass per line, the
 * action's, in the replay). The hand checks must never pass what the schema refuses, nor pass a value the
 * schema would give back changed; and real logs must take them, or they save nothing.
 */

const json = <T>(a: fc.Arbitrary<T>) => a.map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const anything = fc.jsonValue();
/** Mostly well-formed, so that the hand checks pass often, with anything at all in any field now and then. */
const mostly = <T>(good: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: anything, weight: 1 });
const entryLike = fc.record(
  {
    seq: mostly(fc.oneof(fc.integer({ min: -3, max: 1_000_000 }), fc.double(), fc.constant(2 ** 60))),
    by: mostly(fc.oneof(fc.constant(null), fc.constantFrom("", "USA", "chair", "system"))),
    action: mostly(fc.oneof(fc.dictionary(fc.string(), anything), fc.constant({ type: "vote", target: "P1", choice: "yes" }))),
    at: mostly(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))),
    why: mostly(fc.oneof(fc.string(), fc.constant(null))),
    whyPublic: mostly(fc.oneof(fc.string(), fc.constant(null))),
    other: anything,
  },
  { requiredKeys: [] },
).map((e) => {
  // An unknown key only sometimes, and the required ones mostly there.
  const { other, ...rest } = e;
  return JSON.stringify(other ?? "").length % 5 === 0 ? e : { seq: 1, by: "USA", action: { type: "suspend" }, at: 0, ...rest };
});
const checkpointLike = fc.record(
  { checkpoint: mostly(fc.integer({ min: -3, max: 100_000 })), hash: mostly(fc.oneof(fc.constant("sha256:ab"), fc.string())), other: anything },
  { requiredKeys: [] },
).map((c) => {
  const { other, ...rest } = c;
  return JSON.stringify(other ?? "").length % 5 === 0 ? c : { checkpoint: 1, hash: "sha256:00", ...rest };
});
/** Lines as a file can spell them: an own "__proto__" key, in the line or in its action. */
const crafted = fc.constantFrom(
  '{"seq":1,"by":"USA","action":{"type":"suspend","__proto__":{"x":1}},"at":0}',
  '{"seq":1,"by":"USA","action":{"type":"suspend"},"at":0,"__proto__":{"why":"x"}}',
  '{"seq":1,"by":"USA","action":[],"at":0}',
  '{"checkpoint":1,"hash":"sha256:00","__proto__":null}',
);

function agrees(value: unknown): void {
  const isCp = typeof value === "object" && value !== null && "checkpoint" in value;
  if (!(isCp ? isPlainCheckpoint(value) : isPlainEntry(value))) return;
  const z = (isCp ? CheckpointSchema : EntrySchema).safeParse(value);
  expect(z.success, JSON.stringify(value)).toBe(true);
  expect(z.data).toEqual(value);
}

describe("parseLog's hand-checked lines", () => {
  it("pass only what the schemas accept, and as the schemas would give it back", () => {
    let passed = 0;
    fc.assert(
      fc.property(fc.oneof(json(entryLike), json(checkpointLike), crafted.map((t) => JSON.parse(t) as unknown)), (v) => {
        agrees(v);
        if (isPlainEntry(v) || isPlainCheckpoint(v)) passed += 1;
      }),
      { numRuns: 3000 },
    );
    expect(passed).toBeGreaterThan(300);
  });

  it("take every line of the golden logs, so that zod checks none of them twice", () => {
    for (const g of listGolden()) {
      const rows = readFileSync(filesOf(g.dir, g.name).log, "utf8").trimEnd().split("\n").slice(1);
      const missed = rows.filter((row) => {
        const v = JSON.parse(row) as object;
        return !("checkpoint" in v ? isPlainCheckpoint(v) : isPlainEntry(v));
      });
      expect(missed, `${g.version}/${g.name}`).toEqual([]);
    }
  });

  it("leave the schema's message, naming the line and the field, wherever a line is wrong", () => {
    const header = readFileSync(filesOf(listGolden()[0]?.dir as string, listGolden()[0]?.name as string).log, "utf8").split("\n")[0];
    const bad = (line: string) => parseLog(`${header}\n${line}\n`);
    expect(bad('{"seq":"1","by":"USA","action":{"type":"suspend"},"at":0}')).toEqual({ ok: false, line: 2, message: "seq: Invalid input: expected number, received string" });
    expect(bad('{"seq":1,"by":"","action":{"type":"suspend"},"at":0}')).toEqual({ ok: false, line: 2, message: "by: Too small: expected string to have >=1 characters" });
    expect(bad('{"seq":1,"by":"USA","action":[],"at":0}')).toMatchObject({ ok: false, line: 2, message: expect.stringMatching(/^action: /) });
    expect(bad('{"seq":1,"by":"USA","action":{"type":"suspend"},"at":0,"when":1}')).toEqual({ ok: false, line: 2, message: 'Unrecognized key: "when"' });
    expect(bad('{"checkpoint":1,"hash":"md5:00"}')).toEqual({ ok: false, line: 2, message: 'hash: Invalid string: must start with "sha256:"' });
  });
});
