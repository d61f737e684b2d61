import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, overflow, PHONE, shot, tryClick, useBrowser } from "./browser.ts";
import { readBriefingAndStart } from "./people.ts";
import { jumpTo, plenipo, type Decision } from "./replaying.ts";

const { openPhone, errors } = useBrowser();

/** The page fits the phone: it does not scroll sideways, and nothing is drawn past the screen's right edge. */
async function fits(page: Page, where: string): Promise<void> {
  expect(await overflow(page), where).toEqual({ scrollWidth: PHONE.width, innerWidth: PHONE.width, outside: [] });
}

/** Seats of the hall (disc and label) that its edges cut off or that the tally box covers. */
const hiddenSeats = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    type Seat = { id: string; x: number; y: number; r: number; label: { left: number; top: number; right: number; bottom: number } | null };
    const hall = (window as unknown as { plenipo?: { screen?: { hall?: { scale: { width: number }; drawnSeats(): Seat[] } | null } } }).plenipo?.screen?.hall;
    const canvas = document.querySelector(".game .hall canvas");
    const frame = document.querySelector(".game .hall");
    if (!hall || !canvas || !frame) return ["the hall is not drawn"];
    const c = canvas.getBoundingClientRect();
    const k = c.width / hall.scale.width;
    const box = frame.getBoundingClientRect();
    const tally = document.querySelector(".game .tally");
    const t = tally?.textContent ? tally.getBoundingClientRect() : null;
    const out: string[] = [];
    for (const s of hall.drawnSeats()) {
      const l = s.label ?? { left: s.x, right: s.x, top: s.y, bottom: s.y };
      const r = { left: c.left + Math.min(s.x - s.r, l.left) * k, right: c.left + Math.max(s.x + s.r, l.right) * k, top: c.top + Math.min(s.y - s.r, l.top) * k, bottom: c.top + Math.max(s.y + s.r, l.bottom) * k };
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) out.push(`${s.id} is cut off`);
      if (t && r.left < t.right && r.right > t.left && r.top < t.bottom && r.bottom > t.top) out.push(`${s.id} is under the tally`);
    }
    return out;
  });

/** Every seat is in full view (the hall re-lays itself out when its box changes size, so give it a moment). */
async function seatsInView(page: Page, where: string): Promise<void> {
  await expect.poll(() => hiddenSeats(page), { message: where, timeout: 3000 }).toEqual([]);
}

const phaseOf = (page: Page) => page.evaluate(() => (window as unknown as { plenipo?: { session: { model: { view: { phase: string; ballot: unknown } } | null } } }).plenipo?.session.model?.view ?? null);

/** At the top of the page while a ballot is open: its buttons, whether the hall has given up height, whether they are all on screen. */
const ballotOnFirstScreen = (page: Page, quiet: number) =>
  page.evaluate(
    ({ quiet, screen }) => {
      window.scrollTo(0, 0);
      const hall = document.querySelector(".game .hall")?.getBoundingClientRect().height ?? 0;
      const buttons = [...document.querySelectorAll(".actions .group.vote button")].map((b) => ({ text: (b.textContent ?? "").trim(), r: b.getBoundingClientRect() }));
      return {
        buttons: buttons.map((b) => b.text),
        hallShrunk: hall < quiet * 0.7,
        allInView: buttons.length > 0 && buttons.every(({ r }) => r.top >= 0 && r.bottom <= screen.height && r.left >= 0 && r.right <= screen.width),
      };
    },
    { quiet, screen: PHONE },
  );

const height = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())?.height ?? 0;

/** Scrolls the page down to the tabs and the panel under them (below the hall on a phone). */
const panelInView = (page: Page) => page.locator(".game .right").evaluate((el) => el.scrollIntoView({ block: "start" }));

async function tab(page: Page, id: string): Promise<void> {
  await page.locator(`#tab-${id}`).click();
  await page.locator(`#tab-${id}[aria-selected=true]`).waitFor();
}

describe("a 390 × 844 phone", () => {
  it("plays solo from the home page to the debrief: no page wider than the screen, no seat hidden, and the hall makes room for the ballot", async () => {
    const page = await openPhone();
    await page.goto(baseUrl());
    await page.locator("#go-solo").waitFor();
    await fits(page, "home");

    await page.locator("#go-solo").click();
    await page.locator("#pick-GHA").click();
    await page.locator(".briefing-preview h4", { hasText: "You sponsor" }).waitFor();
    await fits(page, "solo setup with the delegation chosen");
    await page.locator("input[name=rule][value=majority]").check();
    await page.locator("#start").click();
    await readBriefingAndStart(page, (p) => fits(p, "the solo lobby, with the briefing"));

    await page.locator(".game .hall canvas").waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => !!(window as unknown as { plenipo?: { screen?: { hall?: unknown } } }).plenipo?.screen?.hall);
    await seatsInView(page, "the hall as the game starts");
    const quiet = await height(page, ".game .hall");
    for (const id of ["act", "texts", "deals", "briefing", "record", "debrief"]) {
      await tab(page, id);
      await fits(page, `the ${id} tab`);
      if (id === "act") await shot(page, "31-phone-act");
      if (id === "deals") {
        await panelInView(page);
        await shot(page, "33-phone-deals");
        await page.evaluate(() => window.scrollTo(0, 0));
      }
    }

    // A vote: under one country, one vote the bots table, second and the chair puts it to the vote. At the
    // top of the page the hall has shrunk and Yes, No and Abstain are all on the first screen.
    await tab(page, "act");
    await page.locator(".actions button.vote-yes").waitFor({ timeout: 120_000 });
    await expect
      .poll(() => ballotOnFirstScreen(page, quiet), { timeout: 120_000 })
      .toEqual({ buttons: ["Yes", "No", "Abstain"], hallShrunk: true, allInView: true });
    await shot(page, "32-phone-vote");
    await seatsInView(page, "the hall during a vote, under its tally");
    await fits(page, "a vote");
    await tryClick(page.locator(".actions button.vote-yes"));
    // Between votes the hall has its room back.
    const between = () =>
      page.evaluate(
        (quiet) => ({
          open: !!(window as unknown as { plenipo: { session: { model: { view: { ballot: unknown } } } } }).plenipo.session.model.view.ballot,
          full: (document.querySelector(".game .hall")?.getBoundingClientRect().height ?? 0) > quiet * 0.9,
        }),
        quiet,
      );
    await expect.poll(between, { timeout: 60_000 }).toEqual({ open: false, full: true });

    // The rest of the conference plays itself out at the fast pace; signing is the player's to do.
    const until = Date.now() + 170_000;
    while ((await phaseOf(page))?.phase !== "closed" && Date.now() < until) {
      (await tryClick(page.locator(".actions button.vote-yes"))) || (await tryClick(page.getByRole("button", { name: "Sign", exact: true })));
      await page.waitForTimeout(250);
    }
    await page.locator(".debrief table.scores").waitFor();
    await fits(page, "the debrief");
    await seatsInView(page, "the hall at the close");
    await panelInView(page);
    await shot(page, "34-phone-debrief");
    // The scores table is wider than the phone: it scrolls sideways in its own box, which the keyboard can reach.
    const scores = page.locator(".debrief table.scores");
    await scores.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await expect(scores.evaluate((el) => el.scrollWidth > el.clientWidth && el.tabIndex === 0)).resolves.toBe(true);
    await shot(page, "37-phone-scores");
    expect(errors).toEqual([]);
  }, 240_000);

  it("hosts a class and joins it: the host's setup, the chair's console on every tab, the seat list, the student's game", async () => {
    const teacher = await openPhone();
    await teacher.goto(`${baseUrl()}/#/host`);
    await teacher.locator("input[name=chair][value=me]").waitFor();
    await fits(teacher, "host setup");
    await teacher.locator("input[name=chair][value=me]").check();
    await teacher.locator("#start").click();
    const code = ((await teacher.locator(".lobby .join-code").textContent({ timeout: 20_000 })) ?? "").trim();
    for (const id of ["chair", "texts", "record", "debrief"]) {
      await tab(teacher, id);
      await fits(teacher, `the chair's ${id} tab`);
    }

    const student = await openPhone();
    await student.goto(`${baseUrl()}/#/join/${code}`);
    await student.locator("#join-name").fill("Dana");
    await student.locator("#take-IND").waitFor();
    await fits(student, "join, with the seat list");
    await shot(student, "30-phone-join");
    await student.locator("#take-IND").click();
    await student.locator(".topbar .chip.me", { hasText: "India" }).waitFor({ timeout: 20_000 });
    await student.waitForFunction(() => !!(window as unknown as { plenipo?: { screen?: { hall?: unknown } } }).plenipo?.screen?.hall);
    // India sits at the end of the hemicycle: its "(you)" label is the widest at the edge.
    await seatsInView(student, "the student's hall");
    await fits(student, "the student's game");

    await tab(teacher, "chair");
    await teacher.locator("table.seats", { hasText: "Dana" }).waitFor();
    await fits(teacher, "the chair's console with a student seated");
    await shot(teacher, "35-phone-chair");
    expect(errors).toEqual([]);
  });

  it("replays a game: the viewer, its timeline and every tab fit the screen", async () => {
    const log = join(mkdtempSync(join(tmpdir(), "plenipo-e2e-phone-")), "game.jsonl");
    plenipo("simulate", "classroom-quick", "--rule", "majority", "--seed", "7", "--out", log);
    const voted = (JSON.parse(plenipo("replay", log, "--json")) as { decisions: Decision[] }).decisions.filter((d) => d.tally);
    const page = await openPhone();
    await page.goto(`${baseUrl()}/#/replay`);
    await fits(page, "the replay viewer, empty");
    await page.locator("#replay-file").setInputFiles(log);
    await page.locator("#replay-verified", { hasText: "checkpoints verified" }).waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => !!(window as unknown as { plenipo?: { screen?: { hall?: unknown } } }).plenipo?.screen?.hall);
    await jumpTo(page, voted[0] as Decision);
    await seatsInView(page, "the replay's hall at a decision");
    for (const id of ["texts", "record", "debrief"]) {
      await tab(page, id);
      await fits(page, `the replay's ${id} tab`);
    }
    await page.getByRole("button", { name: "To the end" }).click();
    await page.locator(".debrief table.scores").waitFor();
    await fits(page, "the replay's debrief");
    await shot(page, "36-phone-replay");
    expect(errors).toEqual([]);
  });

  it("replays a 193-seat plenary: every seat in view, and the debrief's 193 scores scroll in their own box", async () => {
    const log = join(mkdtempSync(join(tmpdir(), "plenipo-e2e-phone-busan-")), "busan.jsonl");
    plenipo("simulate", "busan-2014", "--rule", "majority", "--seed", "3", "--out", log);
    const page = await openPhone();
    await page.goto(`${baseUrl()}/#/replay`);
    await page.locator("#replay-file").setInputFiles(log);
    await page.locator("#replay-verified", { hasText: "checkpoints verified" }).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !!(window as unknown as { plenipo?: { screen?: { hall?: unknown } } }).plenipo?.screen?.hall);
    await seatsInView(page, "a hall of 193 seats");
    await expect(page.locator(".hall-text tbody tr").count()).resolves.toBe(193);
    await fits(page, "the Busan replay");
    await tab(page, "debrief");
    await page.locator(".debrief details summary", { hasText: "All 193 delegations, ranked" }).click();
    await fits(page, "the Busan debrief with all 193 scores unfolded");
    const all = page.locator(".debrief details table.scores");
    await expect(all.locator("tbody tr").count()).resolves.toBe(193);
    await expect(all.evaluate((el) => el.scrollWidth > el.clientWidth && el.tabIndex === 0)).resolves.toBe(true);
    await panelInView(page);
    await shot(page, "38-phone-busan");
    expect(errors).toEqual([]);
  });
});
