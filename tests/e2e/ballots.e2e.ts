import type { Action } from "../../shared/engine/actions.ts";
import { describe, expect, it } from "vitest";
import { shot, tryClick, useBrowser } from "./browser.ts";
import { host, joinAs, modelOf, read, sdkStudent, waitModel, type SdkStudent } from "./people.ts";

const { open, errors } = useBrowser();

const legal = (s: SdkStudent, type: Action["type"]) => s.latest()?.legal?.actions.filter((l) => l.action.type === type).map((l) => l.action) ?? [];

describe("ballots people ask for", () => {
  it("five delegations (SDK clients) request a secret ballot; the bot chair holds one, and the students vote through their pages", async () => {
    const teacher = await open();
    const code = await host(teacher, { rule: "majority", pace: "fast", chair: "bot" });
    const ana = await open();
    const ben = await open();
    await joinAs(ana, code, "Ana", "USA");
    await joinAs(ben, code, "Ben", "GHA");
    const five = await Promise.all(["DEU", "CHN", "IND", "BRA", "SAU"].map((seat) => sdkStudent(code, seat, `Student ${seat}`)));
    await read(teacher);
    await teacher.locator("#start-conference").click();
    // As soon as a text is open for a vote request, the five ask for a secret ballot on it.
    let target = "";
    for (let end = Date.now() + 60_000; !target && Date.now() < end; ) {
      const request = legal(five[0] as SdkStudent, "request_vote").find((a) => (a as { method: string }).method === "secret") as { target: string } | undefined;
      if (request) target = request.target;
      else await teacher.waitForTimeout(100);
    }
    expect(target).not.toBe("");
    const answers = await Promise.all(five.map((s) => s.room.request("act", { type: "request_vote", target, method: "secret" })));
    expect(answers.every((a) => (a as { ok: boolean }).ok)).toBe(true);
    // The students vote through their pages; the five SDK students too, when their buttons come.
    const voted = { USA: false, GHA: false };
    for (let end = Date.now() + 90_000; Date.now() < end; ) {
      const m = await modelOf(teacher);
      if (m?.decisions[target]) break;
      if (m?.ballot?.target === target) {
        expect(m.ballot.method).toBe("secret");
        for (const s of five) {
          const vote = legal(s, "vote")[0] as Extract<Action, { type: "vote" }> | undefined;
          if (vote?.target === target) void s.room.request("act", { action: { ...vote, choice: "yes" }, seen: { ballot: s.latest()?.ballot } });
        }
        for (const [page, seat] of [[ana, "USA"], [ben, "GHA"]] as const) {
          if (voted[seat] || !(await page.locator(".actions .group.vote button.vote-no").count())) continue;
          await page.locator(".actions .group.vote .hint", { hasText: "nobody else will see your choice" }).waitFor();
          if (seat === "USA") await shot(page, "19-secret-ballot-student");
          await read(page);
          voted[seat] = await tryClick(page.locator(".actions .group.vote button.vote-no"));
        }
      }
      await teacher.waitForTimeout(200);
    }
    expect(voted).toEqual({ USA: true, GHA: true });
    const closed = await waitModel(ana, (x) => !!x.decisions[target]?.tally, 30_000, "the secret ballot's result");
    const tally = closed.decisions[target]?.tally;
    expect((tally?.yes ?? 0) + (tally?.no ?? 0) + (tally?.abstain ?? 0)).toBe(8);
    // Nobody's secret choice reached any page: the record has each vote, its choice is null.
    const votes = closed.votes.filter((v) => v.target === target);
    expect(votes.length).toBe(8);
    expect(votes.every((v) => v.choice === null)).toBe(true);
    for (const s of five) await s.room.leave();
    expect(errors).toEqual([]);
  }, 240_000);

  it("a click drawn for a ballot that has closed is refused with its reason, and nothing is recorded", async () => {
    const teacher = await open();
    const code = await host(teacher, { rule: "majority", pace: "fast", chair: "me" });
    const ana = await open();
    await joinAs(ana, code, "Ana", "USA");
    await read(teacher);
    await teacher.locator("#start-conference").click();
    const chair = teacher.locator(".chair .column");
    await tryClick(chair.getByRole("button", { name: "Open the item" }));
    const call = chair.getByRole("button", { name: /^Call a vote on / });
    for (let end = Date.now() + 60_000; !(await call.count()) && Date.now() < end; ) {
      await tryClick(chair.getByRole("button", { name: /^Give the floor to/ }));
      await teacher.waitForTimeout(200);
    }
    await call.first().click();
    const first = await waitModel(ana, (m) => m.ballot !== null, 10_000, "the first vote");
    await ana.locator(".actions .group.vote button.vote-yes").waitFor();
    // Ana's page stops following the room (as a slow phone does) while the vote closes and the next opens.
    await ana.evaluate(() => {
      const s = (window as unknown as { plenipo: { session: { rebuild: () => void } } }).plenipo.session;
      s.rebuild = () => undefined;
    });
    await teacher.locator("#tab-chair").click();
    await chair.getByRole("button", { name: /^Close the vote/ }).click();
    await waitModel(teacher, (m) => !!m.decisions[first.ballot?.target ?? ""], 10_000, "the first vote to close");
    for (let end = Date.now() + 30_000; Date.now() < end && !(await modelOf(teacher))?.ballot; ) {
      await tryClick(call);
      await teacher.waitForTimeout(200);
    }
    const second = await waitModel(teacher, (m) => m.ballot !== null && m.ballot.id !== first.ballot?.id, 20_000, "the second vote");
    // Ana clicks "Yes" under the first question: the server refuses it, and says why.
    await ana.locator(".actions .group.vote button.vote-yes").click();
    await ana.locator("#toasts", { hasText: `The vote this button was for (${first.ballot?.id}) is over` }).waitFor({ timeout: 10_000 });
    await shot(ana, "20-stale-click");
    const now = await modelOf(teacher);
    expect(now?.votes.filter((v) => v.by === "USA" && v.target === second.ballot?.target)).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);
});
