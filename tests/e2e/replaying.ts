import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { Page } from "playwright-core";

/** A decision as `plenipo replay --json` reports it. */
export interface Decision {
  target: string;
  status: string;
  seq: number;
  tally?: { yes: number; no: number; abstain: number };
}

/** The command line, exactly as a user runs it. */
export const plenipo = (...args: string[]) => execFileSync(process.execPath, [join(process.cwd(), "bin/plenipo.mjs"), ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** Jumps to a decision with the replay viewer's menu and reads the tally box. */
export async function jumpTo(page: Page, d: Decision): Promise<string> {
  await page.locator("#replay-jump").selectOption(String(d.seq));
  await page.locator("#replay-at", { hasText: `seq ${d.seq} of` }).waitFor();
  const box = page.locator(".tally", { hasText: `Last decision: ${d.target}` });
  await box.waitFor();
  return (await box.textContent()) ?? "";
}

/** How the tally box words a tally. */
export const tallyLine = (t: NonNullable<Decision["tally"]>) => `${t.yes} yes · ${t.no} no · ${t.abstain} abstaining`;
