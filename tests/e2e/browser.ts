import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { freePort } from "../../server/node/freePort.ts";
import { serve } from "../../server/serve.ts";

let base = "";

/** The address of this test file's own server (started by useBrowser, stopped after the file). */
export function baseUrl(): string {
  if (!base) throw new Error("no server: call useBrowser() at the top of the test file");
  return base;
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs (stack.md §13). */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--use-gl=swiftshader", "--enable-unsafe-swiftshader"],
  });
}

const SHOTS = join(dirname(fileURLToPath(import.meta.url)), "screenshots");

/** Saves what the player sees, for people to look at (tests/e2e/screenshots/, ignored by git). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** A fresh page of 1280×800, failing the test on any uncaught error in the page. */
async function openPage(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  return page;
}

/** A phone: 390×844 CSS pixels (the common iPhone size), two device pixels to one, touch, a mobile viewport. */
export const PHONE = { width: 390, height: 844 };

async function openPhonePage(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  return page;
}

/**
 * One Chromium and one fresh server for a test file, started the way `npm start` starts it (the client was
 * built once, by globalSetup) on a free loopback port with a store of its own, and stopped after the file's
 * tests: no test meets another file's games or load. `open()` gives a fresh page (`openPhone()` a phone's)
 * whose uncaught errors land in `errors` (every test ends by expecting none).
 */
export function useBrowser(): { open: () => Promise<Page>; openPhone: () => Promise<Page>; errors: string[] } {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  const errors: string[] = [];
  beforeAll(async () => {
    const port = await freePort();
    server = await serve({ port, host: "127.0.0.1", db: join(mkdtempSync(join(tmpdir(), "plenipo-e2e-")), "games.db"), quiet: true, build: false });
    base = `http://127.0.0.1:${port}`;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    base = "";
  });
  // A test that times out never reaches its `expect(errors)`: say what the page threw, to find the cause.
  afterEach((ctx) => {
    if (ctx.task.result?.state === "fail" && errors.length) console.error(`errors in the page:\n${errors.join("\n")}`);
  });
  return { errors, open: () => openPage(browser as Browser, errors), openPhone: () => openPhonePage(browser as Browser, errors) };
}

/** How wide the page is against the screen, and what sticks out past the screen's right edge. */
export interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** The outermost elements drawn past the right edge, as "tag.class: words". */
  outside: string[];
}

/**
 * Measures horizontal overflow. On a mobile viewport Chromium widens the layout viewport to fit wide content
 * (the page is zoomed out), so `innerWidth` grows with the overflow: compare both widths with the screen's.
 * Something past the edge inside a box that scrolls sideways on purpose, or that clips it (a visually hidden
 * table), counts only as far as that box reaches.
 */
export function overflow(page: Page): Promise<Overflow> {
  const screen = page.viewportSize()?.width ?? 0;
  return page.evaluate((edge) => {
    const reach = (el: Element) => {
      let right = el.getBoundingClientRect().right;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== "visible") right = Math.min(right, p.getBoundingClientRect().right);
      }
      return right;
    };
    const past = new Set<Element>();
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && reach(el) > edge + 0.5) past.add(el);
    }
    const outside = [...past]
      .filter((el) => !el.parentElement || !past.has(el.parentElement))
      .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.trim().replace(/\s+/g, ".")}` : ""}: ${(el.textContent ?? "").trim().slice(0, 50)}`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, outside };
  }, screen);
}

/** Clicks when the button is there; the panels re-render as the room moves, so a miss is not a failure. */
export async function tryClick(target: Locator): Promise<boolean> {
  try {
    if (!(await target.count())) return false;
    await target.first().click({ timeout: 1500 });
    return true;
  } catch {
    return false;
  }
}
