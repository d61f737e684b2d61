import Ajv2020 from "ajv/dist/2020.js";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaText } from "../../server/cli/commands/schema.ts";
import { main } from "../../server/cli/main.ts";

/**
 * docs/schema/ publishes the JSON Schemas a client is written against: they must be what the zod schemas
 * generate now (run the commands in the failure message after changing a schema), and each must stand on
 * its own as the root of a validator.
 */

const FILES = [
  { file: "docs/schema/scenario.schema.json", argv: ["schema"] },
  { file: "docs/schema/protocol.schema.json", argv: ["schema", "--protocol"] },
];

async function printed(argv: string[]): Promise<string> {
  let out = "";
  const code = await main(argv, { out: (t) => void (out += t), err: () => undefined, errIsTty: false });
  expect(code).toBe(0);
  return out;
}

describe("the published JSON Schemas", () => {
  it.each(FILES)("$file is what `npx plenipo $argv` prints now", async ({ file, argv }) => {
    const now = await printed(argv);
    expect(now).toBe(schemaText({ protocol: argv.includes("--protocol") }));
    expect(readFileSync(file, "utf8"), `regenerate it: npx plenipo ${argv.join(" ")} > ${file}`).toBe(now);
  });

  it("names every message of both directions, each a self-contained draft 2020-12 schema", () => {
    const schemas = JSON.parse(schemaText({ protocol: true })) as Record<string, { $id: string; $ref?: string }>;
    expect(Object.keys(schemas).sort()).toEqual(
      ["act", "action", "answer", "chair", "createGame", "createdGame", "game", "gameList", "health", "httpError", "join", "notice", "outcome", "pass", "private", "record", "scenario", "scenarioList", "state", "sync", "welcome"].sort(),
    );
    for (const [name, schema] of Object.entries(schemas)) {
      // A fresh validator per schema: any reference it cannot resolve within itself fails to compile.
      const validate = new Ajv2020({ strict: true }).compile(schema);
      expect(schema.$id).toBe(`urn:plenipo:protocol:${name}`);
      expect(typeof validate).toBe("function");
      expect(JSON.stringify(schema).match(/"\$ref":"(?!#)[^"]*"/g), `${name} refers outside itself`).toBeNull();
    }
  });

  it("the act schema takes an envelope or a bare action, and holds actions to their limits", () => {
    const schemas = JSON.parse(schemaText({ protocol: true })) as Record<string, object>;
    const act = new Ajv2020({ strict: true }).compile(schemas.act as object);
    const vote = { type: "vote", target: "P1", choice: "yes" };
    expect(act({ action: vote, seen: { seq: 3, ballot: "B1", step: "S4", target: "P1" } })).toBe(true);
    expect(act(vote)).toBe(true);
    expect(act({ action: { type: "speak", text: "x".repeat(2001) } })).toBe(false);
    expect(act({ action: { type: "offer", to: "GHA", give: Array(6).fill({ second: "P1" }), ask: [] } })).toBe(false);
    expect(act({ action: { ...vote, for: "Ghana" } })).toBe(false);
    expect(act({ action: vote, seen: { seq: 3, when: 1 } })).toBe(false);
  });
});
