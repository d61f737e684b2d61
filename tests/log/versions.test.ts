import { describe, expect, it } from "vitest";
import { createGame } from "../../shared/engine/create.ts";
import { compareVersions, ENGINE_VERSION, ENGINE_VERSIONS, GATES, isVersionOrLater, unknownVersionMessage } from "../../shared/engine/version.ts";
import type { GameLog } from "../../shared/log/format.ts";
import { replay } from "../../shared/log/replay.ts";
import { runGame } from "../../shared/sim/runGame.ts";
import { fixtureScenario } from "../fixtures/build.ts";

/**
 * Version gates (docs/log-format.md): a log replays under the rules of the engine version in its header;
 * a version this engine does not know is refused with a sentence that says what to do.
 */

const classroom = fixtureScenario("classroom-quick");
const game = runGame(classroom, { rule: "majority", seed: 3 });
const withVersion = (engine: string): GameLog => ({ header: { ...game.log.header, engine }, lines: game.log.lines });

describe("engine versions", () => {
  it("a game and its log carry the version whose rules it follows; a replay rebuilds under the log's", () => {
    expect(ENGINE_VERSIONS.at(-1)).toBe(ENGINE_VERSION);
    expect(game.state.engine).toBe(ENGINE_VERSION);
    expect(game.log.header.engine).toBe(ENGINE_VERSION);
    const r = replay(game.log);
    expect(r.ok && r.state.engine).toBe(game.log.header.engine);
  });

  it("a log of a newer version, or of one this engine never had, is refused with what to do", () => {
    const newer = replay(withVersion("0.9.0"));
    expect(!newer.ok && [newer.code, newer.seq]).toEqual(["log/engine-version", null]);
    expect(!newer.ok && newer.message).toBe(`This log was written by engine 0.9.0, newer than this one (${ENGINE_VERSION}): update Plenipo to replay it (this engine replays ${ENGINE_VERSIONS.join(", ")}).`);
    const unknown = replay(withVersion("0.0.7"));
    expect(!unknown.ok && unknown.message).toContain(`engine 0.0.7, which this engine (${ENGINE_VERSION}) does not know`);
    expect(() => createGame(classroom, { engine: "0.9.0" })).toThrow(/newer than this one/);
    for (const v of ENGINE_VERSIONS) expect(unknownVersionMessage(v)).toBeNull();
  });

  it("every gate names a version this engine knows, and versions compare as numbers", () => {
    for (const [name, first] of Object.entries(GATES)) expect(ENGINE_VERSIONS as readonly string[], name).toContain(first);
    expect(compareVersions("0.10.0", "0.9.3")).toBeGreaterThan(0);
    expect(compareVersions("1.0.0", "1.0.0")).toBe(0);
    expect(compareVersions("0.1.0", "0.1.1")).toBeLessThan(0);
  });

  it("(a test-only example of a gate) a rule changed in 0.2.0 keeps its old form for 0.1.0 logs", () => {
    // The shape every real gate takes in shared/engine: GATES names the version, since() reads the state's.
    const EXAMPLE_GATES = { tiesAdopt: "0.2.0" } as const;
    const tie = (s: { engine: string }) => (isVersionOrLater(s.engine, EXAMPLE_GATES.tiesAdopt) ? "adopted" : "rejected");
    expect(tie({ engine: "0.1.0" })).toBe("rejected");
    expect(tie({ engine: "0.2.0" })).toBe("adopted");
    expect(tie({ engine: "0.10.0" })).toBe("adopted");
  });
});
