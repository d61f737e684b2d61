import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** DESIGN §1: shared/ is pure and portable; no rule lives in server/. These are the boundaries, checked. */

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

const shared = files("shared").map((path) => ({ path, text: readFileSync(path, "utf8") }));

describe("shared/", () => {
  it("imports nothing but itself, zod and @noble/hashes", () => {
    const bad = shared.flatMap(({ path, text }) =>
      [...text.matchAll(/from "([^"]+)"/g)].map((m) => m[1] as string).filter((spec) => !spec.startsWith(".") && spec !== "zod" && !spec.startsWith("@noble/hashes/")).map((spec) => `${path}: ${spec}`),
    );
    expect(bad).toEqual([]);
  });

  it("reads no clock and draws no unseeded randomness", () => {
    const forbidden = /\b(Math\.random|Date\.now|new Date|performance\.now|crypto\.|process\.|localeCompare|setTimeout)\b/;
    const bad = shared.filter(({ text }) => forbidden.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ""))).map(({ path }) => path);
    expect(bad).toEqual([]);
  });
});
