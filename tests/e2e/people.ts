import { Client, type Room } from "@colyseus/sdk";
import type { Page } from "playwright-core";
import { WebSocket } from "ws";
import type { PrivateMessage } from "../../shared/protocol/messages.ts";
import { baseUrl, shot } from "./browser.ts";

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

/**
 * People in the seats they take in real use: a teacher at the console, students who read before they click,
 * and — where a test needs more delegations than it has pages — SDK clients standing in for more students.
 */

/** A person reads the screen before clicking: about a second, as a student does (never a bot's 60 ms). */
export const read = (page: Page, ms = 900) => page.waitForTimeout(ms);

/** What the page's session holds (window.plenipo, set by the play screen). */
export interface PageModel {
  seq: number;
  phase: string;
  lobby: boolean;
  ballot: { id: string; target: string; method: string; called: string | null; voted: string[]; voters: string[] } | null;
  decisions: Record<string, { status: string; by: string; tally: { yes: number; no: number; abstain: number } | null }>;
  votes: { seq: number; by: string; target: string; for?: string; choice: string | null }[];
  seat: string | null;
  role: string;
}

export function modelOf(page: Page): Promise<PageModel | null> {
  return page.evaluate(() => {
    type M = {
      view: { seq: number; phase: string; ballot: PageModel["ballot"]; targets: Record<string, { status: string; decision: { status: string; by: string; tally: PageModel["decisions"][string]["tally"] } | null }> };
      lobby: boolean;
      me: { seat: string | null; role: string };
      records: { entry: { seq: number; by: string; action: { type: string; target?: string; for?: string; choice?: string | null } } }[];
    };
    const m = (window as unknown as { plenipo?: { session: { model: M | null } } }).plenipo?.session.model;
    if (!m) return null;
    const decisions: PageModel["decisions"] = {};
    for (const [id, t] of Object.entries(m.view.targets)) if (t.decision && t.status !== "tabled" && t.status !== "moved") decisions[id] = { status: t.decision.status, by: t.decision.by, tally: t.decision.tally };
    return {
      seq: m.view.seq,
      phase: m.view.phase,
      lobby: m.lobby,
      ballot: m.view.ballot ? { id: m.view.ballot.id, target: m.view.ballot.target, method: m.view.ballot.method, called: m.view.ballot.called, voted: m.view.ballot.voted, voters: m.view.ballot.voters } : null,
      decisions,
      votes: m.records.filter((r) => r.entry.action.type === "vote").map((r) => ({ seq: r.entry.seq, by: r.entry.by, target: r.entry.action.target ?? "", for: r.entry.action.for, choice: r.entry.action.choice ?? null })),
      seat: m.me.seat,
      role: m.me.role,
    };
  });
}

/** Waits until the page's model satisfies `check` (polling; the page updates as the room moves). */
export async function waitModel(page: Page, check: (m: PageModel) => boolean, ms = 60_000, what = "the page"): Promise<PageModel> {
  const end = Date.now() + ms;
  for (;;) {
    const m = await modelOf(page);
    if (m && check(m)) return m;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (at seq ${m?.seq}, phase ${m?.phase})`);
    await page.waitForTimeout(150);
  }
}

/** A teacher hosts a class from the home page; returns the join code the console shows. */
export async function host(teacher: Page, o: { rule: "consensus" | "majority"; pace: "fast" | "classroom"; chair: "me" | "bot" }): Promise<string> {
  await teacher.goto(baseUrl());
  await teacher.locator("#go-host").click();
  await teacher.locator(`input[name=rule][value=${o.rule}]`).check();
  await teacher.locator(`input[name=pace][value=${o.pace}]`).check();
  await teacher.locator(`input[name=chair][value=${o.chair}]`).check();
  await teacher.locator("#start").click();
  const codeBox = teacher.locator(".lobby .join-code");
  await codeBox.waitFor({ timeout: 20_000 });
  return ((await codeBox.textContent()) ?? "").trim();
}

/** A student: the home page, "Join with a code", the code, a name, the seat. */
export async function joinAs(page: Page, code: string, name: string, seat: string, screenshot?: string): Promise<void> {
  await page.goto(baseUrl());
  await page.locator("#go-join").click();
  await page.locator("#join-code").fill(code);
  await page.locator("#join-name").fill(name);
  await page.locator("#join-look").click();
  await page.locator(`#take-${seat}`).waitFor();
  if (screenshot) await shot(page, screenshot);
  await page.locator(`#take-${seat}`).click();
  await page.locator(".game .hall canvas").waitFor({ timeout: 20_000 });
}

/**
 * Layout shifts of the Act panel's controls that the person did not cause (PerformanceObserver,
 * "layout-shift"): a button that moves under the pointer is how a click lands on another question. Install
 * before the page loads.
 */
export async function watchShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: string[] = [];
    (window as unknown as { controlShifts: string[] }).controlShifts = shifts;
    new PerformanceObserver((list) => {
      type Rect = { x: number; y: number; width: number; height: number };
      for (const e of list.getEntries() as unknown as { hadRecentInput: boolean; value: number; sources?: { node?: Node; previousRect: Rect; currentRect: Rect }[] }[]) {
        if (e.hadRecentInput) continue;
        for (const s of e.sources ?? []) {
          const node = s.node instanceof Element ? s.node : s.node?.parentElement;
          // The browser names the largest boxes that moved (a group, the panel): a box with controls in it moved them.
          const inside = node?.closest(".actions") ?? (node?.querySelector(".actions") ? node : null);
          const control = inside && node && (node.matches("button, input, select, textarea") ? node : node.querySelector("button, input, select, textarea"));
          const r = (x: Rect) => `${Math.round(x.x)},${Math.round(x.y)} ${Math.round(x.width)}×${Math.round(x.height)}`;
          // A countdown's digits redrawn in place is no move: a control whose box went somewhere else is.
          const moved = Math.abs(s.previousRect.x - s.currentRect.x) >= 1 || Math.abs(s.previousRect.y - s.currentRect.y) >= 1;
          if (control && moved) shifts.push(`${control.tagName.toLowerCase()} "${(control.textContent ?? "").trim().slice(0, 40)}" moved by ${e.value.toFixed(4)} (${r(s.previousRect)} → ${r(s.currentRect)})`);
        }
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

export const controlShifts = (page: Page) => page.evaluate(() => (window as unknown as { controlShifts?: string[] }).controlShifts ?? []);

/** A student played through the SDK (more delegations than the test has pages). */
export interface SdkStudent {
  room: Room;
  latest(): PrivateMessage | undefined;
}

export async function sdkStudent(code: string, seat: string, name: string): Promise<SdkStudent> {
  const client = new Client(baseUrl());
  const room = await client.joinOrCreate("plenary", { code, name, role: "delegation", seat });
  let latest: PrivateMessage | undefined;
  room.onMessage("*", (type, payload) => {
    if (type === "private") latest = payload as PrivateMessage;
  });
  return { room, latest: () => latest };
}

/**
 * A solo game waits in its lobby while the player reads their briefing (it is their own card: it opens only
 * with the game). Waits for the briefing's private objectives, then starts the conference as the player does.
 */
export async function readBriefingAndStart(page: Page, before?: (page: Page) => Promise<void>): Promise<void> {
  await page.locator(".briefing h3", { hasText: "Private objectives" }).waitFor({ timeout: 20_000 });
  await before?.(page);
  await read(page, 600);
  await page.locator("#start-solo").click();
  await waitModel(page, (m) => !m.lobby, 10_000, "the solo game to start");
}
