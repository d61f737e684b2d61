import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { axe, severe, summary } from "./axe.ts";
import { baseUrl, useBrowser } from "./browser.ts";
import { readBriefingAndStart } from "./people.ts";
import { plenipo } from "./replaying.ts";

const { open, openPhone, errors } = useBrowser();

/** What axe-core found on each screen, printed at the end for people: the moderate and minor ones pass. */
const found = new Map<string, { severe: number; lesser: string[] }>();
afterAll(() => {
  const lines = [...found].map(([where, f]) => `${where}: ${f.severe} serious or critical${f.lesser.length ? `\n  ${f.lesser.join("\n  ")}` : ""}`);
  console.log(`axe-core, screen by screen:\n${lines.join("\n")}`);
});

/** No serious or critical violation on the page as it is now. */
async function accessible(page: Page, where: string): Promise<void> {
  const all = await axe(page);
  const bad = severe(all);
  found.set(where, { severe: bad.length, lesser: summary(all.filter((v) => !bad.includes(v))) });
  expect(bad, where).toEqual([]);
}

async function tab(page: Page, id: string): Promise<void> {
  await page.locator(`#tab-${id}`).click();
  await page.locator(`#tab-${id}[aria-selected=true]`).waitFor();
}

const seq = (page: Page) => page.evaluate(() => (window as unknown as { plenipo: { session: { model: { view: { seq: number } } } } }).plenipo.session.model.view.seq);

/** Waits for the room to move on by `n` actions (each one re-renders the panels). */
async function roomMoves(page: Page, n: number): Promise<void> {
  const at = await seq(page);
  await expect.poll(() => seq(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(at + n);
}

/** The control the keyboard is on: its tag, id and words. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return { tag: a?.tagName.toLowerCase() ?? "", id: a?.id ?? "", text: (a?.textContent ?? "").trim().slice(0, 60), inPanel: !!a?.closest(".tab-body") };
  });

/**
 * The hall's text alternative against the model: for each seat the row says who it is and, while a ballot is
 * open or after one, what the model says it voted (never how, in a secret ballot).
 */
const hallTextAgainstModel = (page: Page) =>
  page.evaluate(() => {
    type Ballot = { id: string; method: string; voters: string[]; voted: string[]; choices: Record<string, string> };
    const m = (window as unknown as { plenipo: { session: { model: { me: { seat: string }; scenario: { delegations: { id: string; name: string }[] }; view: { ballot: Ballot | null; ballots: Ballot[] } } } } }).plenipo.session.model;
    const table = document.querySelector(".hall-text table");
    const heads = [...(table?.querySelectorAll("thead th") ?? [])].map((th) => th.textContent);
    const rows = new Map([...(table?.querySelectorAll("tbody tr") ?? [])].map((tr) => [tr.querySelector("th")?.textContent ?? "", [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")]));
    const ballot = m.view.ballot ?? m.view.ballots[m.view.ballots.length - 1] ?? null;
    const words: Record<string, string> = { yes: "yes", no: "no", abstain: "abstains" };
    const wrong: string[] = [];
    for (const d of m.scenario.delegations) {
      const name = d.id === m.me.seat ? `${d.name} (you)` : d.name;
      const cells = rows.get(name);
      if (!cells) {
        wrong.push(`no row for ${name}`);
        continue;
      }
      if (!ballot) continue;
      const said = cells[heads.indexOf("Vote") - 1];
      const choice = ballot.choices[d.id];
      const expected = choice ? words[choice] : ballot.method === "secret" && ballot.voted.includes(d.id) ? (m.view.ballot ? "has voted" : "voted") : undefined;
      if (expected && said !== expected) wrong.push(`${name}: the table says "${said}", the model ${expected}`);
    }
    const mine = rows.get(m.scenario.delegations.find((d) => d.id === m.me.seat)?.name + " (you)");
    return { rows: rows.size, heads, caption: table?.querySelector("caption")?.textContent ?? "", wrong, method: ballot?.method ?? "", myVote: heads.includes("Vote") ? mine?.[heads.indexOf("Vote") - 1] : undefined };
  });

describe("accessibility: axe-core on every screen, the keyboard's place, the hall in words", () => {
  it("home, solo setup, host setup and a solo game on every tab, a vote open, and the keyboard's place kept as the room moves", async () => {
    const page = await open();
    await page.goto(baseUrl());
    await page.locator("#go-solo").waitFor();
    await accessible(page, "home");
    await page.goto(`${baseUrl()}/#/host`);
    await page.locator("input[name=chair][value=me]").waitFor();
    await accessible(page, "host setup");
    await page.goto(`${baseUrl()}/#/solo`);
    await page.locator("#pick-GHA").click();
    await page.locator(".briefing-preview h4", { hasText: "You sponsor" }).waitFor();
    await accessible(page, "solo setup with the delegation chosen");
    await page.locator("input[name=rule][value=majority]").check();
    await page.locator("#start").click();
    await readBriefingAndStart(page, (p) => accessible(p, "the solo lobby, with the briefing"));
    await page.locator(".game .hall canvas").waitFor({ timeout: 20_000 });

    // The hall in words: a table a screen reader finds by its name, a row per seat.
    await expect(page.getByRole("table", { name: /seats of the hall/ }).count()).resolves.toBe(1);
    await expect.poll(() => hallTextAgainstModel(page)).toMatchObject({ rows: 8, wrong: [] });
    const ghana = page.locator(".hall-text tr", { hasText: "Ghana (you)" });
    await expect(ghana.locator("td").nth(1).textContent()).resolves.toBe("you");
    await expect(page.locator(".hall-text tr", { hasText: "China" }).locator("td").nth(1).textContent()).resolves.toBe("a bot");

    // The tab list: arrows, Home and End move along it, and the keyboard stays on the tab as panels re-render.
    await page.locator("#tab-debrief").focus();
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowRight");
    await expect(focused(page)).resolves.toMatchObject({ id: "tab-texts" });
    await expect(page.locator("#tab-texts").getAttribute("aria-selected")).resolves.toBe("true");
    await roomMoves(page, 3);
    await expect(focused(page)).resolves.toMatchObject({ id: "tab-texts" });
    await page.keyboard.press("End");
    await expect(focused(page)).resolves.toMatchObject({ id: "tab-debrief" });
    await page.keyboard.press("Home");
    await expect(focused(page)).resolves.toMatchObject({ id: "tab-act" });

    // A button in the Act panel: the panel is rebuilt with every action, and the keyboard stays on it.
    const point = page.locator(".actions button", { hasText: "Point of order" });
    await point.waitFor();
    await point.focus();
    await roomMoves(page, 5);
    await expect(focused(page)).resolves.toMatchObject({ tag: "button", text: "Point of order", inPanel: true });

    for (const id of ["act", "texts", "deals", "briefing", "record", "debrief"]) {
      await tab(page, id);
      await accessible(page, `the game, ${id} tab`);
    }

    // A vote: axe with the ballot open; the table says how each delegation votes as the hall lights it.
    await tab(page, "act");
    await page.locator(".actions button.vote-yes").waitFor({ timeout: 120_000 });
    await accessible(page, "the game, act tab with a vote open");
    await expect.poll(() => hallTextAgainstModel(page)).toMatchObject({ heads: expect.arrayContaining(["Vote"]), wrong: [] });
    // Voting by keyboard takes the ballot's buttons away: the keyboard lands on the panel's next control, not
    // back at the top of the page.
    await page.locator(".actions button.vote-yes").first().focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.querySelector(".actions .group.vote") === null), { timeout: 30_000 }).toBe(true);
    await expect(focused(page)).resolves.toMatchObject({ inPanel: true });
    await expect.poll(async () => {
      const t = await hallTextAgainstModel(page);
      return { ...t, myVote: t.method === "secret" ? (t.myVote?.includes("voted") ? "hidden" : t.myVote) : t.myVote };
    }).toMatchObject({ caption: expect.stringMatching(/vote/), wrong: [], myVote: expect.stringMatching(/^(yes|hidden)$/) });
    expect(errors).toEqual([]);
  }, 240_000);

  it("a class: the chair's console on every tab, and the join page's seat list", async () => {
    const teacher = await open();
    await teacher.goto(`${baseUrl()}/#/host`);
    await teacher.locator("input[name=chair][value=me]").check();
    await teacher.locator("#start").click();
    const code = ((await teacher.locator(".lobby .join-code").textContent({ timeout: 20_000 })) ?? "").trim();
    for (const id of ["chair", "texts", "record", "debrief"]) {
      await tab(teacher, id);
      await accessible(teacher, `the chair's console, ${id} tab`);
    }
    const student = await open();
    await student.goto(`${baseUrl()}/#/join/${code}`);
    await student.locator("#take-USA").waitFor();
    await accessible(student, "join, with the seat list");
    await student.locator("#join-name").fill("Ana");
    await student.locator("#take-USA").click();
    await student.locator(".topbar .chip.me", { hasText: "United States" }).waitFor({ timeout: 20_000 });
    // The teacher's hall says who took the seat.
    await tab(teacher, "chair");
    await teacher.locator(".hall-text tr", { hasText: "United States" }).locator("td", { hasText: "Ana" }).waitFor();
    await accessible(teacher, "the chair's console with a student seated");
    expect(errors).toEqual([]);
  });

  it("the debrief at the close, on a desktop and on a phone, and the replay viewer", async () => {
    const base = baseUrl();
    for (const [page, where] of [[await open(), "desktop"], [await openPhone(), "phone"]] as const) {
      // At the instant pace the clock runs out at once: the conference closes within seconds of the join.
      const created = (await (await fetch(`${base}/api/games`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario: "classroom-quick", rule: "majority", pace: "instant", chair: "bot" }) })).json()) as { code: string };
      await page.goto(`${base}/#/join/${created.code}`);
      await page.locator("#join-name").fill(`Student on a ${where}`);
      await page.locator("#take-BRA").click();
      await page.locator(".topbar .phase", { hasText: "Closed" }).waitFor({ timeout: 60_000 });
      await page.locator(".debrief table.scores").waitFor();
      await accessible(page, `the debrief (${where})`);
      if (where === "phone") {
        for (const id of ["act", "texts", "deals", "briefing", "record"]) {
          await tab(page, id);
          await accessible(page, `the game at the close, ${id} tab (phone)`);
        }
      }
      // After the last vote the hall's table still says how each delegation voted in it.
      await expect.poll(() => hallTextAgainstModel(page)).toMatchObject({ caption: expect.stringMatching(/the last vote/), wrong: [] });
    }

    const log = join(mkdtempSync(join(tmpdir(), "plenipo-e2e-a11y-")), "game.jsonl");
    plenipo("simulate", "classroom-quick", "--rule", "majority", "--seed", "7", "--out", log);
    const page = await open();
    await page.goto(`${base}/#/replay`);
    await page.locator("#replay-file").waitFor();
    await accessible(page, "the replay viewer, empty");
    await page.locator("#replay-file").setInputFiles(log);
    await page.locator("#replay-verified", { hasText: "checkpoints verified" }).waitFor({ timeout: 20_000 });
    for (const id of ["texts", "record", "debrief"]) {
      await tab(page, id);
      await accessible(page, `the replay viewer, ${id} tab`);
    }
    expect(errors).toEqual([]);
  });
});
