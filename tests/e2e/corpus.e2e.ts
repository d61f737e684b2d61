import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/scenario/limits.ts";
import { baseUrl, shot, useBrowser } from "./browser.ts";
import { plenipo } from "./replaying.ts";

/**
 * The replay viewer meets broken logs (the browser's door of tests/scenarios/corpus.test.ts): a real log whose
 * header embeds a scenario nested a thousand deep, a list of 130,000 items, a 5 MB text or a "__proto__" key,
 * a file that is not JSON, a log without its header. Each time the page says why the log cannot be replayed,
 * naming the place, within seconds; the tab stays usable (the next file opens) and no error escapes the page.
 */

const dir = mkdtempSync(join(tmpdir(), "plenipo-e2e-corpus-"));
const { open, errors } = useBrowser();
const PLACEHOLDER = "@@PLACEHOLDER@@";

let good = "";
let lines: string[] = [];

/** The real log, its header's scenario changed by `change`; `spliced` is JSON text put in place of PLACEHOLDER. */
function withScenario(name: string, change: (s: any) => void, spliced?: string): string {
  const header = JSON.parse(lines[0] as string);
  change(header.scenario);
  let first = JSON.stringify(header);
  if (spliced !== undefined) first = first.replace(`"${PLACEHOLDER}"`, () => spliced);
  return write(name, [first, ...lines.slice(1)].join("\n"));
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Opens a file in the viewer and waits for its verdict, no longer than a person would wait. */
async function drop(page: Page, file: string, expected: string): Promise<string> {
  const started = Date.now();
  await page.locator("#replay-file").setInputFiles(file);
  const error = page.locator(".replay-stage .error", { hasText: expected });
  await error.waitFor({ timeout: 15_000 });
  const text = (await error.textContent()) ?? "";
  // The page still answers at once: nothing is left running in it.
  await page.evaluate(() => document.title);
  expect(Date.now() - started).toBeLessThan(15_000);
  return text;
}

async function opensGood(page: Page): Promise<void> {
  await page.locator("#replay-file").setInputFiles(good);
  await page.locator("#replay-verified", { hasText: "checkpoints verified" }).waitFor({ timeout: 20_000 });
}

beforeAll(() => {
  good = join(dir, "good.jsonl");
  plenipo("simulate", "classroom-quick", "--seed", "3", "--out", good);
  lines = readFileSync(good, "utf8").trimEnd().split("\n");
});

describe("the replay viewer and broken logs", () => {
  it("says why each cannot be replayed, naming the place, and opens the next file", async () => {
    const cases: [file: string, expected: string][] = [
      [
        withScenario("deep.jsonl", (s) => (s.delegations[0].redLines = [PLACEHOLDER]), `${'{"not":'.repeat(1000)}{"adopted":"P1"}${"}".repeat(1000)}`),
        `The scenario embedded in the log is invalid: delegations.0.redLines.0.${Array.from({ length: LIMITS.depth - 4 }, () => "not").join(".")}: nested too deeply`,
      ],
      [withScenario("huge-list.jsonl", (s) => (s.delegations[0].blocs = new Array(130_000).fill(1))), "delegations.0.blocs: this list has 130,000 items"],
      [withScenario("long-text.jsonl", (s) => (s.delegations[0].briefing = "x".repeat(5_000_000))), "delegations.0.briefing: this text has 5,000,000 characters"],
      [
        withScenario("proto.jsonl", (s) => Object.defineProperty(s.delegations[2].stance, "__proto__", { value: 0.5, enumerable: true, writable: true, configurable: true })),
        'delegations.2.stance.__proto__: unknown dimension "__proto__"',
      ],
      [write("not-json.jsonl", "{ nope\n"), "line 1: not valid JSON"],
      [write("headless.jsonl", lines.slice(1).join("\n")), "line 1:"],
    ];

    const page = await open();
    await page.goto(`${baseUrl()}/#/replay`);
    for (const [i, [file, expected]] of cases.entries()) {
      const text = await drop(page, file, expected);
      expect(text).toMatch(/^This log cannot be replayed: /);
      if (i === 0) await shot(page, "replay-broken-log");
      // Halfway, a good log opens after the broken ones, and broken ones still fail after it.
      if (i === 2) await opensGood(page);
    }
    await opensGood(page);
    expect(errors).toEqual([]);
  });
});
