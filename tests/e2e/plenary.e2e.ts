import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { baseUrl, shot, useBrowser } from "./browser.ts";
import { jumpTo, plenipo, tallyLine, type Decision } from "./replaying.ts";

const { open, errors } = useBrowser();

describe("a full plenary of 193", () => {
  it("a class hosts Busan: the seat list offers the twelve playable delegations, the hall seats all 193", async () => {
    const teacher = await open();
    await teacher.goto(baseUrl());
    await teacher.locator("#go-host").click();
    await teacher.locator("button.choice", { hasText: "Busan 2014: the Plenipotentiary Conference" }).click();
    await teacher.locator("input[name=chair][value=me]").check();
    await teacher.locator("#start").click();
    const code = ((await teacher.locator(".lobby .join-code").textContent({ timeout: 20_000 })) ?? "").trim();
    await teacher.locator(".lobby", { hasText: "0 of 12 delegations taken" }).waitFor();
    expect(await teacher.locator("table.seats tbody tr").count()).toBe(12);

    const student = await open();
    await student.goto(`${baseUrl()}/#/join/${code}`);
    await student.locator("#join-name").fill("Dana");
    await student.locator("#take-GHA").waitFor();
    expect(await student.locator(".delegation-seat").count()).toBe(12);
    await student.locator(".join", { hasText: "delegations in the room are played by bots" }).waitFor();
    await shot(student, "16-busan-join");
    await student.locator("#take-GHA").click();
    await student.locator(".topbar .chip.me", { hasText: "Ghana" }).waitFor({ timeout: 20_000 });
    await student.waitForFunction(() => ((window as unknown as { plenipo?: { screen?: { hall?: unknown } } }).plenipo?.screen?.hall ? true : false));
    await student.waitForTimeout(500);
    await shot(student, "17-busan-hall");
    await teacher.locator(".lobby", { hasText: "1 of 12 delegations taken" }).waitFor();
    await shot(teacher, "18-busan-chair");
    expect(errors).toEqual([]);
  });

  it("the replay of a whole Busan game shows the plenary's tallies as the command line has them, and a debrief that folds 193 scores behind the playable ones", async () => {
    const log = join(mkdtempSync(join(tmpdir(), "plenipo-e2e-busan-")), "busan.jsonl");
    plenipo("simulate", "busan-2014", "--rule", "majority", "--seed", "3", "--out", log);
    const voted = (JSON.parse(plenipo("replay", log, "--json")) as { decisions: Decision[] }).decisions.filter((d) => d.tally);
    expect(voted.length).toBeGreaterThan(5);
    const page = await open();
    await page.goto(`${baseUrl()}/#/replay`);
    await page.locator("#replay-file").setInputFiles(log);
    await page.locator("#replay-verified", { hasText: "checkpoints verified" }).waitFor({ timeout: 60_000 });
    for (const d of [voted[0], voted[voted.length - 1]] as Decision[]) {
      expect(await jumpTo(page, d)).toContain(tallyLine(d.tally as NonNullable<Decision["tally"]>));
    }
    await shot(page, "20-busan-replay");
    await page.getByRole("button", { name: "To the end" }).click();
    await page.locator("#tab-debrief").click();
    await page.locator(".debrief details summary", { hasText: "All 193 delegations, ranked" }).waitFor();
    expect(await page.locator(".debrief > table.scores tbody tr").count()).toBe(12);
    await shot(page, "19-busan-debrief");
    expect(errors).toEqual([]);
  });
});
