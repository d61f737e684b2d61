import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axe, severe } from "./axe.ts";
import { baseUrl, shot, tryClick, useBrowser } from "./browser.ts";
import { controlShifts, modelOf, read, readBriefingAndStart, waitModel, watchShifts } from "./people.ts";

const { open, errors } = useBrowser();

interface Seen {
  phase: string;
  seat: string | null;
  mine: { type: string; seq: number }[];
  offers: number;
  ballotOpen: boolean;
}

const seen = (page: Page): Promise<Seen> =>
  page.evaluate(() => {
    const p = (window as unknown as { plenipo?: { session: { model: { view: { phase: string; ballot: unknown }; me: { seat: string | null }; records: { entry: { seq: number; by: string; action: { type: string } } }[]; private: { offers?: { from: string }[] } | null } | null } } }).plenipo;
    const m = p?.session.model;
    if (!m) return { phase: "", seat: null, mine: [], offers: 0, ballotOpen: false };
    return {
      phase: m.view.phase,
      seat: m.me.seat,
      mine: m.records.filter((r) => r.entry.by === m.me.seat).map((r) => ({ type: r.entry.action.type, seq: r.entry.seq })),
      offers: (m.private?.offers ?? []).filter((o) => o.from === m.me.seat).length,
      ballotOpen: !!m.view.ballot,
    };
  });

describe("solo play against bots", () => {
  it("goes from the home page to the debrief of a fast classroom-quick game, seconding, voting and making an offer through the page", async () => {
    const page = await open();
    await page.goto(baseUrl());
    await page.locator("#go-solo").waitFor();
    await shot(page, "01-home");

    await page.locator("#go-solo").click();
    await page.locator("#pick-GHA").click();
    await page.locator(".briefing-preview h4", { hasText: "You sponsor" }).waitFor();
    await page.locator("input[name=rule][value=majority]").check();
    await expect(page.locator("input[name=pace][value=fast]").isChecked()).resolves.toBe(true);
    await shot(page, "02-solo-setup");
    await page.locator("#start").click();
    // The briefing comes first: the game waits in its lobby, Ghana's card open, until the player starts it.
    await readBriefingAndStart(page, (p) => shot(p, "02b-solo-lobby-briefing"));

    await page.locator(".game .hall canvas").waitFor({ timeout: 20_000 });
    await page.locator(".topbar .chip.me", { hasText: "Ghana" }).waitFor();
    await shot(page, "03-hall");

    const act = page.locator("#tab-act");
    let shotVote = false;
    let offered = false;
    const until = Date.now() + 170_000;
    let state = await seen(page);
    while (state.phase !== "closed" && Date.now() < until) {
      const did = new Set(state.mine.map((m) => m.type));
      if (!did.has("vote") && state.ballotOpen && !shotVote) {
        await shot(page, "04-vote");
        shotVote = true;
      }
      // A vote first (it is open only for a moment), then a second, then the signature.
      (await tryClick(page.locator(".actions button.vote-yes"))) ||
        (!did.has("second") && (await tryClick(page.getByRole("button", { name: "Second", exact: true })))) ||
        (await tryClick(page.getByRole("button", { name: "Sign", exact: true })));
      if (!offered && did.has("second") && state.phase !== "signing") {
        // An offer through the inbox: we vote yes on the treaty text if Brazil seconds our amendment.
        await page.locator("#tab-deals").click();
        const form = page.locator("form.offer-form");
        await form.getByLabel("Offer to").selectOption("BRA");
        await form.getByLabel("We will: what").selectOption("vote-yes");
        await form.getByLabel("We will: which text").selectOption("P1");
        await form.getByLabel("If you: what").selectOption("vote-yes");
        await form.getByLabel("If you: which text").selectOption("P2");
        if (await tryClick(form.getByRole("button", { name: "Send the offer" }))) {
          await page.waitForFunction(() => document.querySelectorAll(".deals .offers li").length > 0, null, { timeout: 5000 }).catch(() => undefined);
          if ((await seen(page)).offers > 0) {
            offered = true;
            await shot(page, "05-deals");
          }
        }
        await act.click();
      }
      await page.waitForTimeout(100);
      state = await seen(page);
    }

    expect(state.phase).toBe("closed");
    const did = state.mine.map((m) => m.type);
    expect(did).toContain("second");
    expect(did).toContain("vote");
    expect(offered).toBe(true);
    // At closing the debrief opens by itself: decisions with their rule, signatories, scores, the CSV.
    await page.locator(".debrief").waitFor();
    await expect(page.locator("#tab-debrief").getAttribute("aria-selected")).resolves.toBe("true");
    await page.locator(".debrief", { hasText: "Ghana" }).waitFor();
    await shot(page, "06-debrief");
    // The Deals tab says why no offer can be made now, in the engine's words (it once said "during a vote").
    await page.locator("#tab-deals").click();
    await expect(page.locator(".deals .why-not").textContent()).resolves.toBe("The conference is closed.");
    await page.locator("#tab-debrief").click();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: /CSV/ }).click();
    const csv = await (await download).createReadStream();
    const text = await new Promise<string>((resolve) => {
      let s = "";
      csv.on("data", (d: Buffer) => (s += d.toString()));
      csv.on("end", () => resolve(s));
    });
    expect(text.split("\n")[0]).toMatch(/delegation/i);
    expect(text).toContain("GHA");
    expect(errors).toEqual([]);
  }, 240_000);

  it("what a delegate is typing, and the list of refusals it unfolded, survive the room moving on", async () => {
    const page = await open();
    await page.goto(baseUrl());
    await page.locator("#go-solo").click();
    await page.locator("#pick-BRA").click();
    await page.locator("#start").click();
    await readBriefingAndStart(page);
    await page.locator(".topbar .chip.me", { hasText: "Brazil" }).waitFor({ timeout: 20_000 });
    await page.locator("#tab-act").click();
    await page.locator(".actions details.refused summary").click();
    const point = page.getByLabel("Point of order");
    await point.click();
    await point.pressSequentially("The speaker is out of ord");
    const seqOf = () => (window as unknown as { plenipo: { session: { model: { view: { seq: number } } } } }).plenipo.session.model.view.seq;
    const at = await page.evaluate(seqOf);
    // Bots and the chair act meanwhile: the panel re-renders with every action.
    await page.waitForFunction(`(${seqOf.toString()})() >= ${at + 5}`, null, { timeout: 30_000 });
    await point.pressSequentially("er");
    await expect(point.inputValue()).resolves.toBe("The speaker is out of order");
    await expect(point.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(page.locator(".actions details.refused").evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    expect(errors).toEqual([]);
  }, 60_000);

  it("at the fast pace, the player tables their own proposal from the prompt, in time; no Act control moves under the pointer", async () => {
    const page = await open();
    await watchShifts(page);
    await page.goto(baseUrl());
    await page.locator("#go-solo").click();
    // People never get the instant pace: nobody can follow a conference that ends in four seconds.
    expect(await page.locator("input[name=pace][value=instant]").count()).toBe(0);
    await page.locator("#pick-IND").click();
    await page.locator("input[name=rule][value=majority]").check();
    await page.locator("#start").click();
    await readBriefingAndStart(page);
    await page.locator(".topbar .chip.me", { hasText: "India" }).waitFor({ timeout: 20_000 });
    // India's own text, P2, is on the second item: when it opens, the Act panel prompts, with a countdown.
    const prompt = page.locator(".actions .group.moment", { hasText: "Table P2 now" });
    await prompt.waitFor({ timeout: 120_000 });
    const left = async () => Number(((await prompt.locator(".countdown").textContent()) ?? "").replace(/\D/g, ""));
    const first = await left();
    await shot(page, "21-moment-prompt");
    expect(severe(await axe(page)), "the moment's prompt").toEqual([]);
    await read(page, 2200);
    expect(await left()).toBeLessThan(first);
    // The player reads, then tables it: the meeting has waited for them.
    await prompt.getByRole("button", { name: "Table P2" }).click();
    const m = await waitModel(page, (x) => x.decisions.P2 !== undefined || x.phase !== "debate" || true, 5000, "the page");
    expect(m).not.toBeNull();
    await page.waitForFunction(() => {
      const s = (window as unknown as { plenipo: { session: { model: { records: { entry: { by: string; action: { type: string; target?: string } } }[] } } } }).plenipo.session.model;
      return s.records.some((r) => r.entry.by === "IND" && r.entry.action.type === "table" && r.entry.action.target === "P2");
    }, null, { timeout: 10_000 });
    expect((await modelOf(page))?.phase).not.toBe("closed");
    // Through all of it, no vote, act or text control moved without the player's input.
    expect(await controlShifts(page)).toEqual([]);
    // (The measure is live: a box pushed in above the controls, as a late banner would, is caught — once the
    // player's last click is more than half a second old, the browser's "recent input".)
    await page.waitForTimeout(1000);
    await page.evaluate(() => document.querySelector(".tab-body")?.prepend(Object.assign(document.createElement("div"), { style: "height: 60px" })));
    await page.waitForFunction(() => ((window as unknown as { controlShifts: string[] }).controlShifts ?? []).length > 0, null, { timeout: 5000 });
    expect(errors).toEqual([]);
  }, 240_000);
});
