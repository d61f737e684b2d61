import { digest } from "../util/digest.ts";
import { crossCheck } from "./crossChecks.ts";
import { resolveScenario } from "./resolve.ts";
import { ScenarioShape, type Scenario } from "./schema.ts";

/** The full validator: field rules, then cross-field rules. Its JSON Schema is the field part. */
export const ScenarioSchema = ScenarioShape.superRefine(crossCheck);

export interface ScenarioIssue {
  /** Zod path joined by dots, e.g. "delegations.3.stance.IG"; "" for the whole file. */
  path: string;
  message: string;
}

export type LoadResult = { ok: true; scenario: Scenario; hash: string } | { ok: false; issues: ScenarioIssue[] };

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/** Zod says "Invalid input: expected string, received undefined"; an author needs to hear the field is missing. */
function friendly(message: string): string {
  const missing = /^Invalid input: expected (\w+), received undefined$/.exec(message);
  return missing ? `required (${missing[1]})` : message;
}

/** Validates parsed JSON as a scenario and resolves its templates. Never throws on bad input. */
export function loadScenario(json: unknown): LoadResult {
  const parsed = ScenarioSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: friendly(issue.message) })),
    };
  }
  const scenario = resolveScenario(parsed.data);
  return { ok: true, scenario, hash: scenarioHash(scenario) };
}

/** Validates scenario text (a file's contents), reporting a JSON syntax error as an issue too. */
export function loadScenarioText(text: string): LoadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: "", message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return loadScenario(json);
}

/** The canonical hash of a resolved scenario: what a log's header and a game's state carry. */
export function scenarioHash(scenario: Scenario): string {
  return digest(scenario);
}
