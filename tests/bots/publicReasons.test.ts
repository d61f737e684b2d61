import { describe, expect, it } from "vitest";
import { isCheckpoint, type LogEntry } from "../../shared/log/format.ts";
import { publicExport } from "../../shared/log/publicExport.ts";
import { runGame } from "../../shared/sim/runGame.ts";
import { fixtureScenario } from "../fixtures/build.ts";

/**
 * A bot's public reason never reveals an offer or a pledge — its existence, its parties or its terms (the bug:
 * "yes: as we pledged (A1b…)" in the public record, once even about a person's private offer to a bot). The
 * full log keeps the real reason for the teacher; the record everyone reads gives the same kind of sentence
 * without the deal. Reasons that quote the bot's own stance and red lines stay.
 */
const DEAL = /pledg|promis|\boffer\b|\bO\d+\b|deal/i;

describe("bots' reasons in the public record", () => {
  it("never name an offer or a pledge, though the full log does (classroom-quick under both rules, busan-2014)", () => {
    const entries = (log: ReturnType<typeof runGame>["log"]) => log.lines.filter((l): l is LogEntry => !isCheckpoint(l));
    let pledged = 0;
    const leaked: string[] = [];
    for (const [id, rule] of [["classroom-quick", "consensus"], ["classroom-quick", "majority"], ["busan-2014", "majority"]] as const) {
      for (const seed of [1, 2, 3, 4]) {
        const game = runGame(fixtureScenario(id), { rule, seed });
        pledged += entries(game.log).filter((e) => typeof e.why === "string" && /as we pledged|our pledge/.test(e.why)).length;
        for (const e of entries(publicExport(game.log))) {
          if (typeof e.why === "string" && DEAL.test(e.why)) leaked.push(`${id} ${rule} seed ${seed} seq ${e.seq} ${e.by}: ${e.why}`);
          // An open vote keeps a reason of the ordinary kind.
          if (e.action.type === "vote" && e.action.choice !== null) expect(typeof e.why, `${id} seq ${e.seq}`).toBe("string");
        }
      }
    }
    expect(pledged, "no pledge was kept or broken in these games: the test would prove nothing").toBeGreaterThan(10);
    expect(leaked).toEqual([]);
  });
});
