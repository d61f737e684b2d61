import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axe, severe } from "./axe.ts";
import { shot, tryClick, useBrowser } from "./browser.ts";
import { controlShifts, host, joinAs, modelOf, read, waitModel, watchShifts, type PageModel } from "./people.ts";

const { open, errors } = useBrowser();

/** The teacher at the console puts the next question to the vote, by `method`, once one is ready. */
async function callVote(teacher: Page, method: "show_of_hands" | "roll_call"): Promise<string> {
  const console = teacher.locator(".chair .column");
  const call = console.getByRole("button", { name: /^Call a vote on / });
  const end = Date.now() + 90_000;
  while (Date.now() < end) {
    if (await call.count()) {
      await read(teacher, 600);
      await console.getByLabel("Voting method").first().selectOption(method).catch(() => undefined);
      const name = (await call.first().textContent().catch(() => "")) ?? "";
      if (await tryClick(call)) {
        const m = await waitModel(teacher, (x) => x.ballot !== null || !!x.decisions[name.replace("Call a vote on ", "")], 10_000, "the vote to open").catch(() => null);
        if (m?.ballot) return m.ballot.target;
      }
    }
    // Meanwhile the teacher runs the debate: the floor, then the list of speakers.
    (await tryClick(console.getByRole("button", { name: /^Give the floor to/ }))) || (await tryClick(console.getByRole("button", { name: "Open the item" })));
    await teacher.waitForTimeout(300);
  }
  throw new Error("no question came up for a vote");
}

/** A student votes through the page when the vote buttons are there for them, after reading the question. */
async function voteWhenAsked(page: Page, choice: "yes" | "no", target: string): Promise<boolean> {
  const button = page.locator(`.actions .group.vote button.vote-${choice}`);
  if (!(await button.count())) return false;
  const heading = (await page.locator(".actions .group.vote h3").first().textContent()) ?? "";
  if (!heading.includes(target)) return false;
  await read(page);
  return tryClick(button);
}

const tallyOf = (m: PageModel, target: string) => JSON.stringify(m.decisions[target]?.tally ?? null);

describe("a class, with the teacher in the chair", () => {
  it("a lobby with the code and its QR code; two students join; a show of hands and a roll-call in which each student votes when called; all three screens agree on every tally", async () => {
    const teacher = await open();
    const code = await host(teacher, { rule: "majority", pace: "fast", chair: "me" });
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    // The console keeps how students join: the address (never localhost), the code, and a QR code of the link.
    await teacher.locator(".lobby .qr svg").waitFor();
    expect(await teacher.locator(".lobby .join-url").textContent()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await teacher.locator(".lobby .qr").getAttribute("aria-label")).toContain(`#/join/${code}`);
    await shot(teacher, "13-lobby-qr");
    expect(severe(await axe(teacher)), "the lobby").toEqual([]);

    const ana = await open();
    const ben = await open();
    await watchShifts(ana);
    await watchShifts(ben);
    // Ben opens the seat list first; Ana then takes the United States: Ben's list shows it taken, live.
    await ben.goto(`${new URL(teacher.url()).origin}/#/join/${code}`);
    await ben.locator("#take-USA").waitFor();
    await joinAs(ana, code, "Ana", "USA", "08-join-seats");
    await ben.locator(".delegation-seat", { hasText: "United States" }).filter({ hasText: "taken" }).waitFor({ timeout: 5000 });
    // (Names stay in the room: the seat list says only that the seat is taken.)
    expect(await ben.locator(".seats-choice").textContent()).not.toContain("Ana");
    expect(await ben.locator("#take-USA").count()).toBe(0);
    await joinAs(ben, code, "Ben", "GHA");
    await teacher.locator(".lobby", { hasText: "2 of 8 delegations taken" }).waitFor();
    await shot(teacher, "09-host-lobby");
    // Nothing moves in the lobby: the students read their briefings.
    expect((await modelOf(ana))?.lobby).toBe(true);
    await ana.locator(".briefing", { hasText: "Read your briefing: the conference has not started yet" }).waitFor();
    expect(await ana.locator("#start-solo").count()).toBe(0);
    expect((await modelOf(teacher))?.seq).toBe(0);
    await read(teacher);
    await teacher.locator("#start-conference").click();
    await waitModel(teacher, (m) => !m.lobby, 5000, "the start");
    await tryClick(teacher.locator(".chair .column").getByRole("button", { name: "Open the item" }));

    // 1. A show of hands: both students vote through their pages, the teacher closes the vote.
    const hands = await callVote(teacher, "show_of_hands");
    let anaVoted = false;
    let benVoted = false;
    const closeHands = teacher.locator(".chair .column").getByRole("button", { name: /^Close the vote \((\d+) of \1 voted\)$/ });
    for (let end = Date.now() + 60_000; Date.now() < end; ) {
      anaVoted ||= await voteWhenAsked(ana, "yes", hands);
      benVoted ||= await voteWhenAsked(ben, "no", hands);
      if (anaVoted && benVoted && (await tryClick(closeHands))) break;
      if ((await modelOf(teacher))?.decisions[hands]) break;
      await teacher.waitForTimeout(200);
    }
    expect([anaVoted, benVoted]).toEqual([true, true]);
    const handsTally = await Promise.all([teacher, ana, ben].map((p) => waitModel(p, (m) => !!m.decisions[hands]?.tally, 20_000, "the show of hands' tally").then((m) => tallyOf(m, hands))));
    expect(new Set(handsTally).size).toBe(1);

    // 2. A roll-call: each student gets the vote buttons when called, and only then.
    const roll = await callVote(teacher, "roll_call");
    expect((await modelOf(teacher))?.ballot?.method).toBe("roll_call");
    const called: Record<string, boolean> = { USA: false, GHA: false };
    for (let end = Date.now() + 120_000; Date.now() < end; ) {
      const m = await modelOf(teacher);
      if (!m?.ballot) break;
      for (const [page, seat, choice] of [[ana, "USA", "no"], [ben, "GHA", "yes"]] as const) {
        const buttons = await page.locator(".actions .group.vote button.vote-yes").count();
        if (m.ballot.called !== seat && buttons > 0 && (await modelOf(page))?.ballot?.called !== seat) throw new Error(`${seat} has vote buttons out of its turn`);
        if (buttons > 0 && !called[seat]) {
          await page.locator(".actions .group.vote .turn", { hasText: "Your delegation is called" }).waitFor();
          if (seat === "USA") {
            await shot(page, "14-roll-call-called");
            await shot(teacher, "15-roll-call-chair");
            expect(severe(await axe(page)), "a student called in the roll-call").toEqual([]);
          }
          called[seat] = await voteWhenAsked(page, choice, roll);
        }
      }
      await teacher.waitForTimeout(200);
    }
    expect(called).toEqual({ USA: true, GHA: true });
    const models = await Promise.all([teacher, ana, ben].map((p) => waitModel(p, (x) => !!x.decisions[roll]?.tally, 20_000, "the roll-call's tally")));
    expect(new Set(models.map((m) => tallyOf(m, roll))).size).toBe(1);
    // Every voter was called once, in the calling order, and the students' ballots are in it.
    const votes = models[0]?.votes.filter((v) => v.target === roll) ?? [];
    const tally = models[0]?.decisions[roll]?.tally;
    expect(votes.length).toBe((tally?.yes ?? 0) + (tally?.no ?? 0) + (tally?.abstain ?? 0));
    expect(votes.length).toBe(8);
    expect(votes.map((v) => `${v.by}:${v.choice}`)).toEqual(expect.arrayContaining(["USA:no", "GHA:yes"]));
    // On the hall's tally box too, the same words on all three screens.
    const boxes = await Promise.all([teacher, ana, ben].map(async (p) => ((await p.locator(".tally", { hasText: `Last decision: ${roll}` }).textContent({ timeout: 10_000 })) ?? "")));
    expect(new Set(boxes).size).toBe(1);
    await shot(ben, "12-student-tally");
    // No control of the students' Act panels moved under their pointers while the room moved on.
    expect(await controlShifts(ana)).toEqual([]);
    expect(await controlShifts(ben)).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);
});
