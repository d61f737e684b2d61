import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outcome } from "../../shared/engine/outcome.ts";
import { ENGINE_VERSION } from "../../shared/engine/version.ts";
import { isCheckpoint, parseLog, type LogEntry } from "../../shared/log/format.ts";
import { replay } from "../../shared/log/replay.ts";
import { runGame } from "../../shared/sim/runGame.ts";
import { checkGolden, filesOf, goldenVersions, listGolden, strayFiles, writeGolden } from "../../tools/golden/golden.ts";
import { fixtureScenario } from "../fixtures/build.ts";

/**
 * Logs are a promise (DESIGN §5): every golden log in tests/fixtures/golden/ — written by the engine version
 * it names — replays through `plenipo replay --json` to the very bytes recorded when it was written. A rule
 * change that moves any of them fails here, naming the log and the first seq where it diverges.
 */

const golden = listGolden();

describe("golden logs", () => {
  it("exist for this engine's version, and each folder holds exactly what its manifest lists", () => {
    expect(golden.filter((g) => g.version === ENGINE_VERSION).length).toBeGreaterThanOrEqual(9);
    expect(goldenVersions().flatMap((v) => strayFiles(v))).toEqual([]);
  });

  it.each(golden.map((g) => [`${g.version}/${g.name}`, g] as const))("%s replays to its recorded hash and --json result, byte for byte", async (_name, g) => {
    expect(await checkGolden(g)).toBeNull();
  });

  it("hold, between them, what bots never do and what classes do every term", () => {
    const entries: LogEntry[] = [];
    const seen = new Set<string>();
    for (const g of golden.filter((x) => x.version === ENGINE_VERSION)) {
      const parsed = parseLog(readFileSync(filesOf(g.dir, g.name).log, "utf8"));
      if (!parsed.ok) throw new Error(`${g.name}: ${parsed.message}`);
      if (parsed.log.header.public) seen.add("public export");
      if (parsed.log.header.scenarioPublic) seen.add("a public export without the cards");
      const r = replay(parsed.log, { onEntry: (_e, _b, _a, events) => events.forEach((ev) => seen.add(`event ${ev.type}`)) });
      if (!r.ok) throw new Error(`${g.name}: ${r.message}`);
      if (r.state.offers.some((o) => o.status === "lapsed" && o.settledSeq !== null && r.state.phase === "closed" && o.settledSeq < r.state.seq)) seen.add("offer lapsed");
      for (const b of r.state.ballots) seen.add(`${b.method} ballot`);
      for (const p of outcome(r.state).pledges) seen.add(`pledge ${p.status}`);
      if (r.state.rulings.some((x) => x.kind === "overrule" && x.appeal === "overturned")) seen.add("overrule overturned on appeal");
      if (r.state.rulings.some((x) => x.kind === "point" && x.appeal !== "none")) seen.add("point of order appealed");
      entries.push(...parsed.log.lines.filter((l): l is LogEntry => !isCheckpoint(l)));
    }
    for (const e of entries) {
      const a = e.action;
      seen.add(String(a.type));
      if (a.type === "vote" && typeof a.for === "string") seen.add("proxy vote");
      if (e.by === null) seen.add("an answer to an offer without its author");
      if (a.type === "sign" && Array.isArray(a.reservations) && a.reservations.length > 0) seen.add("reservations");
    }
    const wanted = [
      "roll_call ballot",
      "secret ballot",
      "show_of_hands ballot",
      "proxy vote",
      "accept_offer",
      "decline_offer",
      "retract_offer",
      "pledge kept",
      "pledge broken",
      "walk_out",
      "return",
      "overrule overturned on appeal",
      "point of order appealed",
      "take_temperature",
      "reservations",
      "decline_to_sign",
      "explain_vote",
      "public export",
      // Engine 0.2.0 on: a roll-call turn passed (and called again), an offer lapsed when its text was decided.
      "event turn_passed",
      "offer lapsed",
      // Engine 0.3.0 on (the public record's privacy): a card-less export whose answers to offers are anonymous.
      "a public export without the cards",
      "an answer to an offer without its author",
    ];
    expect(wanted.filter((w) => !seen.has(w))).toEqual([]);
  });

  it("are only ever added: writing them again keeps every log that exists, even one changed since", async () => {
    const root = mkdtempSync(join(tmpdir(), "plenipo-golden-"));
    const classroom = fixtureScenario("classroom-quick");
    const cases = [1, 2].map((seed) => ({ name: `g${seed}`, made: "test", about: "test", make: () => runGame(classroom, { seed }).log }));
    expect(await writeGolden(root, ENGINE_VERSION, cases.slice(0, 1))).toEqual([expect.stringMatching(/^written/)]);
    const first = filesOf(join(root, ENGINE_VERSION), "g1");
    writeFileSync(first.result, "tampered\n");
    const again = await writeGolden(root, ENGINE_VERSION, cases);
    expect(again.map((l) => l.split(" ")[0])).toEqual(["kept", "written"]);
    expect(readFileSync(first.result, "utf8")).toBe("tampered\n");
    const [g1, g2] = listGolden(root);
    expect(await checkGolden(g2 as never)).toBeNull();
    expect(await checkGolden(g1 as never)).toMatch(new RegExp(`golden log ${ENGINE_VERSION}/g1: every state matches its trace, but`));
  });

  it("name the log and the first diverging seq when a log leaves its recorded path", async () => {
    const g = golden.find((x) => x.name === "classroom-quick-majority-7");
    if (!g) throw new Error("no classroom-quick-majority-7");
    const root = mkdtempSync(join(tmpdir(), "plenipo-golden-"));
    const dir = join(root, g.version);
    const files = filesOf(g.dir, g.name);
    const copy = filesOf(dir, g.name);
    await writeGolden(root, g.version, []);
    writeFileSync(copy.result, readFileSync(files.result));
    // One vote changed from yes to no: the state diverges at that seq, and the checkpoint after it fails.
    const lines = readFileSync(files.log, "utf8").split("\n");
    const at = lines.findIndex((l) => l.includes('"type":"vote"') && l.includes('"choice":"yes"'));
    const seq = (JSON.parse(lines[at] as string) as LogEntry).seq;
    lines[at] = (lines[at] as string).replace('"choice":"yes"', '"choice":"no"');
    writeFileSync(copy.log, lines.join("\n"));
    writeFileSync(copy.trace, readFileSync(files.trace));
    const message = await checkGolden({ ...g, dir });
    expect(message).toContain(`golden log ${g.version}/${g.name}: first diverging seq ${seq} (`);
    expect(message).toMatch(/the replay stops at seq \d+: The state at seq \d+ differs from its checkpoint/);
  });
});
