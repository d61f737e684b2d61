import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, shot, useBrowser } from "./browser.ts";

const { open, errors } = useBrowser();

const where = (page: Page) =>
  page.evaluate(() => {
    const m = (window as unknown as { plenipo?: { session: { model: { me: { seat: string | null; name: string }; view: { seq: number }; legal: { actions: unknown[] } | null } | null } } }).plenipo?.session.model;
    return { seat: m?.me.seat ?? null, name: m?.me.name ?? "", seq: m?.view.seq ?? -1, legal: m?.legal?.actions.length ?? 0 };
  });

describe("keeping the seat", () => {
  it("a page reload in the middle of a game comes back to the same seat, and a dropped connection resyncs", async () => {
    const base = baseUrl();
    const created = (await (await fetch(`${base}/api/games`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario: "classroom-quick", rule: "consensus", pace: "fast", chair: "bot" }) })).json()) as { code: string; chairKey: string };
    const page = await open();
    await page.goto(`${base}/#/join/${created.code}`);
    await page.locator("#join-name").fill("Chloé");
    await page.locator("#take-BRA").click();
    await page.locator(".topbar .chip.me", { hasText: "Brazil" }).waitFor({ timeout: 20_000 });
    // The game moves on (bots and the chair bot at the fast pace).
    await page.waitForFunction(() => ((window as unknown as { plenipo?: { session: { model: { view: { seq: number } } | null } } }).plenipo?.session.model?.view.seq ?? 0) >= 2, null, { timeout: 60_000 });
    const before = await where(page);
    expect(before.seat).toBe("BRA");

    await page.reload();
    await page.locator(".topbar .chip.me", { hasText: "Brazil" }).waitFor({ timeout: 20_000 });
    const after = await where(page);
    expect(after.seat).toBe("BRA");
    expect(after.name).toBe("Chloé");
    expect(after.seq).toBeGreaterThanOrEqual(before.seq);
    expect(after.legal).toBeGreaterThan(0);
    // Still one holder: the reload took the same seat back, it did not join a second time.
    const info = (await (await fetch(`${base}/api/games/${created.code}`, { headers: { "x-chair-key": created.chairKey } })).json()) as { seats: { delegations: { id: string; holders: string[] }[] } };
    expect(info.seats.delegations.find((d) => d.id === "BRA")?.holders).toEqual(["Chloé"]);

    // The network drops under the page: the banner says so, the SDK reconnects, the page is whole again.
    await page.evaluate(() => (window as unknown as { plenipo: { session: { room: { connection: { transport: { ws: WebSocket } } } } } }).plenipo.session.room.connection.transport.ws.close(4010));
    await page.locator(".banner.reconnected", { hasText: "Reconnected" }).waitFor({ timeout: 20_000 });
    await shot(page, "15-reconnected");
    const resynced = await where(page);
    expect(resynced.seat).toBe("BRA");
    expect(resynced.seq).toBeGreaterThanOrEqual(after.seq);
    expect(errors).toEqual([]);
  });
});
