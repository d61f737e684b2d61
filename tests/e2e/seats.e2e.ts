import { describe, expect, it } from "vitest";
import { axe, severe } from "./axe.ts";
import { shot, tryClick, useBrowser } from "./browser.ts";
import { host, joinAs, modelOf, read, waitModel } from "./people.ts";

const { open, errors } = useBrowser();

describe("the teacher's choices hold", () => {
  it('"a bot chairs": the bot runs the meeting while the teacher watches from the console, and a student votes through the page', async () => {
    const teacher = await open();
    const code = await host(teacher, { rule: "majority", pace: "fast", chair: "bot" });
    const ana = await open();
    await joinAs(ana, code, "Ana", "BRA");
    await read(teacher);
    await teacher.locator("#start-conference").click();
    // The console says who chairs, and the bot does: it opens the item without the teacher.
    await teacher.locator(".chair h3", { hasText: "A bot is chairing" }).waitFor({ timeout: 10_000 });
    const opened = await waitModel(teacher, (m) => m.phase === "debate", 30_000, "the bot chair to open an item");
    expect(opened.phase).toBe("debate");
    await teacher.locator("#tab-record").click();
    await teacher.locator(".record", { hasText: "opening statements are done" }).or(teacher.locator(".record", { hasText: "open item" })).first().waitFor({ timeout: 10_000 });
    await teacher.locator("#tab-chair").click();
    // A vote comes; Ana votes from her page, in her own time.
    let voted = false;
    for (let end = Date.now() + 90_000; !voted && Date.now() < end; ) {
      if (await ana.locator(".actions .group.vote button.vote-yes").count()) {
        await read(ana);
        voted = await tryClick(ana.locator(".actions .group.vote button.vote-yes"));
      }
      await ana.waitForTimeout(200);
    }
    expect(voted).toBe(true);
    await shot(teacher, "16-bot-chairs-console");
    expect((await modelOf(teacher))?.votes.some((v) => v.by === "BRA")).toBe(true);
    expect(errors).toEqual([]);
  }, 180_000);

  it("hand to a bot, give back, move: the student sees each on their screen", async () => {
    const teacher = await open();
    const code = await host(teacher, { rule: "majority", pace: "classroom", chair: "me" });
    const ana = await open();
    await joinAs(ana, code, "Ana", "GHA");
    await read(teacher);
    await teacher.locator("#start-conference").click();
    await waitModel(ana, (m) => !m.lobby, 10_000, "the start");
    await ana.locator(".actions button", { hasText: "Ask for the floor" }).waitFor();

    // Hand Ghana to a bot: Ana is told, and her controls are off.
    const seats = teacher.locator("details.group", { has: teacher.locator("summary", { hasText: "Seats" }) });
    if (!(await seats.evaluate((d) => (d as HTMLDetailsElement).open))) await seats.locator("summary").click();
    const ghana = teacher.locator("table.seats tr", { hasText: "Ghana" });
    await ghana.getByRole("button", { name: "Hand to a bot" }).click();
    await ana.locator(".actions .with-bot", { hasText: "A bot is playing Ghana for now" }).waitFor({ timeout: 10_000 });
    await ana.locator("#toasts", { hasText: "The teacher has handed Ghana to a bot" }).waitFor();
    const buttons = () => ana.locator(".actions").evaluate((el) => [...el.querySelectorAll("button")].filter((b) => !b.closest("details")).map((b) => (b as HTMLButtonElement).disabled));
    expect(await buttons()).not.toContain(false);
    await shot(ana, "17-seat-with-bot");
    expect(severe(await axe(ana)), "a seat with a bot").toEqual([]);

    // Give it back: the controls come back.
    await read(teacher);
    await ghana.getByRole("button", { name: "Give back" }).click();
    await ana.locator("#toasts", { hasText: "The teacher has given Ghana back to you" }).waitFor({ timeout: 10_000 });
    await ana.locator(".actions .with-bot").waitFor({ state: "detached", timeout: 10_000 });
    const back = await buttons();
    expect(back.length).toBeGreaterThan(0);
    expect(back).not.toContain(true);

    // Move Ana to Brazil: her page opens again as Brazil.
    const people = teacher.locator("details.people");
    if (!(await people.evaluate((d) => (d as HTMLDetailsElement).open))) await people.locator("summary").click();
    const row = teacher.locator(".people-list li", { hasText: "Ana" });
    expect(severe(await axe(teacher)), "the console's people").toEqual([]);
    await row.getByLabel("Move Ana to").selectOption("BRA");
    await read(teacher);
    await row.getByRole("button", { name: "Move", exact: true }).click();
    await ana.locator(".topbar .chip.me", { hasText: "Brazil" }).waitFor({ timeout: 15_000 });
    await shot(ana, "18-student-moved");
    expect((await modelOf(ana))?.seat).toBe("BRA");
    await teacher.locator("table.seats tr", { hasText: "Brazil" }).filter({ hasText: "Ana" }).waitFor();
    expect(errors).toEqual([]);
  }, 180_000);
});
