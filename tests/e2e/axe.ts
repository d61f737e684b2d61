import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** One rule axe-core found broken, and where (a CSS path per element, then axe's summary of the failure). */
export interface Violation {
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (its default rules: WCAG 2.x A and AA, and best practices) over the page as it is now. The
 * script is injected once per document; a hash route change keeps it.
 */
export async function axe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const { axe: engine } = window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } };
    const results = await engine.run(document, { resultTypes: ["violations"] });
    return results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? "",
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${(n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 200)}`),
    }));
  });
}

/** The violations that stop people using the page: serious and critical. */
export const severe = (found: Violation[]) => found.filter((v) => v.impact === "serious" || v.impact === "critical");

/** A line per violation, for a report: "moderate region (3 elements): …". */
export const summary = (found: Violation[]) => found.map((v) => `${v.impact} ${v.rule} (${v.nodes.length} elements): ${v.help}`);
