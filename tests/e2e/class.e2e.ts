import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { shot, tryClick, useBrowser } from "./browser.ts";

const { open, errors } = useBrowser();

/** A student: the home page, "Join with a code", the code the teacher's page shows, a name, a seat. */
async function joinAs(page: Page, code: string, name: string, seat: string): Promise<void> {
  await page.goto(inject("baseUrl"));
  await page.locator("#go-join").click();
  await page.locator("#join-code").fill(code);
  await page.locator("#join-name").fill(name);
  await page.locator("#join-look").click();
  await page.locator(`#take-${seat}`).waitFor();
  if (seat === "USA") await shot(page, "08-join-seats");
  await page.locator(`#take-${seat}`).click();
  await page.locator(".game .hall canvas").waitFor({ timeout: 20_000 });
}

const decided = (page: Page) =>
  page.evaluate(() => {
    const m = (window as unknown as { plenipo?: { session: { model: { view: { targets: Record<string, { decision: { by: string; tally: unknown } | null }> } } | null } } }).plenipo?.session.model;
    return Object.entries(m?.view.targets ?? {}).find(([, t]) => t.decision?.by === "vote" && t.decision.tally)?.[0] ?? null;
  });

describe("a class", () => {
  it("a teacher hosts; two students join with the code the page shows; a vote happens; all three see the same tally", async () => {
    const teacher = await open();
    await teacher.goto(inject("baseUrl"));
    await teacher.locator("#go-host").click();
    await teacher.locator("input[name=chair][value=me]").waitFor();
    await shot(teacher, "07-host-setup");
    await teacher.locator("input[name=rule][value=majority]").check();
    await teacher.locator("input[name=pace][value=fast]").check();
    await teacher.locator("input[name=chair][value=me]").check();
    await teacher.locator("#start").click();
    const codeBox = teacher.locator(".lobby .join-code");
    await codeBox.waitFor({ timeout: 20_000 });
    const code = (await codeBox.textContent())?.trim() ?? "";
    expect(code).toMatch(/^[A-Z0-9]{6}$/);

    const ana = await open();
    const ben = await open();
    await joinAs(ana, code, "Ana", "USA");
    await joinAs(ben, code, "Ben", "GHA");
    await shot(ana, "10-student-joined");
    // The seat list fills up on the teacher's screen.
    await teacher.locator(".lobby", { hasText: "2 of 8 delegations taken" }).waitFor();
    await teacher.locator("table.seats", { hasText: "Ana" }).waitFor();
    await teacher.locator("table.seats", { hasText: "Ben" }).waitFor();
    await shot(teacher, "09-host-lobby");

    // The teacher stops the clock so the class moves only when the chair does, then runs the meeting.
    await teacher.getByRole("button", { name: "Pause the clock" }).click();
    await teacher.getByRole("button", { name: "Start the clock" }).waitFor();
    const until = Date.now() + 150_000;
    let target: string | null = null;
    let votedAna = false;
    let votedBen = false;
    while (!target && Date.now() < until) {
      votedAna ||= await tryClick(ana.locator(".actions button.vote-yes"));
      votedBen ||= await tryClick(ben.locator(".actions button.vote-no"));
      const chair = teacher.locator(".chair .column");
      (await tryClick(chair.getByRole("button", { name: /^Close the vote \((\d+) of \1 voted\)$/ }))) ||
        (await tryClick(chair.getByRole("button", { name: /^Call a vote on P/ }))) ||
        (await tryClick(chair.getByRole("button", { name: /^Call a vote on / }))) ||
        (await tryClick(chair.getByRole("button", { name: /^Give the floor to/ }))) ||
        (await tryClick(chair.getByRole("button", { name: "Close the list of speakers" }))) ||
        (await tryClick(chair.getByRole("button", { name: "Open the item" })));
      await teacher.waitForTimeout(150);
      target = await decided(teacher);
    }
    expect(target).not.toBeNull();
    expect(votedAna && votedBen).toBe(true);

    // The same tally, in the hall's tally box and on the text itself, on all three screens.
    const tallies: string[] = [];
    const decisions: string[] = [];
    for (const page of [teacher, ana, ben]) {
      await page.waitForFunction((t) => !!(window as unknown as { plenipo?: { session: { model: { view: { targets: Record<string, { decision: unknown }> } } | null } } }).plenipo?.session.model?.view.targets[t as string]?.decision, target);
      const box = page.locator(".tally", { hasText: `Last decision: ${target}` });
      await box.waitFor();
      tallies.push((await box.textContent()) ?? "");
      await page.locator("#tab-texts").click();
      decisions.push((await page.locator(`#text-${target} > .decision`).textContent()) ?? "");
    }
    await shot(teacher, "11-host-tally");
    await shot(ben, "12-student-tally");
    expect(tallies[0]).toMatch(/\d+ yes · \d+ no · \d+ abstaining/);
    expect(new Set(tallies).size).toBe(1);
    expect(decisions[0]).toMatch(/by vote/);
    expect(new Set(decisions).size).toBe(1);
    // Ana's and Ben's ballots are in it: a show of hands, so the record names them.
    const record = await teacher.evaluate(() => (window as unknown as { plenipo: { session: { model: { records: { entry: { by: string; action: { type: string; choice?: string } } }[] } } } }).plenipo.session.model.records.filter((r) => r.entry.action.type === "vote").map((r) => `${r.entry.by}:${r.entry.action.choice}`));
    expect(record).toContain("USA:yes");
    expect(record).toContain("GHA:no");
    expect(errors).toEqual([]);
  }, 240_000);
});
