import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

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

/**
 * One Chromium for a test file: launched before its tests and closed after them. `open()` gives a fresh page
 * whose uncaught errors land in `errors` (every test ends by expecting none).
 */
export function useBrowser(): { open: () => Promise<Page>; errors: string[] } {
  let browser: Browser | undefined;
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return { errors, open: () => openPage(browser as Browser, errors) };
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
