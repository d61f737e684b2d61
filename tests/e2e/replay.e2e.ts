import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { baseUrl, shot, useBrowser } from "./browser.ts";
import { jumpTo, plenipo, tallyLine, type Decision } from "./replaying.ts";

const dir = mkdtempSync(join(tmpdir(), "plenipo-e2e-replay-"));
const { open, errors } = useBrowser();

describe("the replay viewer", () => {
  it("opens a log file, jumps to a decision and shows the tally `plenipo replay --json` reports", async () => {
    const log = join(dir, "game.jsonl");
    plenipo("simulate", "classroom-quick", "--rule", "majority", "--seed", "11", "--out", log);
    const cli = JSON.parse(plenipo("replay", log, "--json")) as { decisions: Decision[]; finalHash: string };
    const voted = cli.decisions.filter((d) => d.tally);
    expect(voted.length).toBeGreaterThan(1);

    const page = await open();
    await page.goto(`${baseUrl()}/#/replay`);
    await page.locator("#replay-file").setInputFiles(log);
    await page.locator("#replay-verified", { hasText: "checkpoints verified" }).waitFor({ timeout: 20_000 });
    for (const d of [voted[0], voted[voted.length - 1]] as Decision[]) {
      const text = await jumpTo(page, d);
      expect(text).toContain(tallyLine(d.tally as NonNullable<Decision["tally"]>));
    }
    await shot(page, "13-replay-file");
    // Stepping moves one action at a time.
    const before = await page.locator("#replay-at").textContent();
    await page.locator("#replay-back").click();
    expect(await page.locator("#replay-at").textContent()).not.toBe(before);
    expect(errors).toEqual([]);
  });

  it("opens a finished game of this server: its public export by code, and its full log with the chair key", async () => {
    const base = baseUrl();
    const created = (await (await fetch(`${base}/api/games`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario: "classroom-quick", rule: "majority", pace: "instant", seed: 5, chair: "bot" }) })).json()) as { code: string; chairKey: string };
    // Someone watches, so the room runs; at the instant pace the bots finish the conference at once.
    const page = await open();
    await page.goto(`${base}/#/game/${created.code}?observer=1&name=Watcher`);
    await page.locator(".topbar .phase", { hasText: "Closed" }).waitFor({ timeout: 60_000 });

    const exported = await (await fetch(`${base}/api/games/${created.code}/export`)).text();
    const file = join(dir, "export.jsonl");
    writeFileSync(file, exported);
    const cli = JSON.parse(plenipo("replay", file, "--json")) as { decisions: Decision[]; public: boolean };
    expect(cli.public).toBe(true);
    const voted = cli.decisions.filter((d) => d.tally);
    expect(voted.length).toBeGreaterThan(0);

    await page.goto(`${base}/#/replay/${created.code}`);
    await page.locator("#replay-verified", { hasText: "Public export" }).waitFor({ timeout: 20_000 });
    await expect(page.locator("#replay-reveal").isDisabled()).resolves.toBe(true);
    const d = voted[0] as Decision;
    expect(await jumpTo(page, d)).toContain(tallyLine(d.tally as NonNullable<Decision["tally"]>));
    await shot(page, "14-replay-public");

    // The full log, with the chair key: the same tallies, every checkpoint verified, secret ballots showable.
    await page.locator("#replay-key").fill(created.chairKey);
    await page.locator("#replay-load").click();
    await page.locator("#replay-verified", { hasText: "checkpoints verified" }).waitFor({ timeout: 20_000 });
    await expect(page.locator("#replay-reveal").isDisabled()).resolves.toBe(false);
    expect(await jumpTo(page, d)).toContain(tallyLine(d.tally as NonNullable<Decision["tally"]>));
    expect(errors).toEqual([]);
  });

});
