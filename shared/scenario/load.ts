import { digest } from "../util/digest.ts";
import { own } from "../util/own.ts";
import { crossCheck, prototypeKeyIssues } from "./crossChecks.ts";
import { grouped, LIMITS, scanRaw, type RawIssue } from "./limits.ts";
import { resolveScenario } from "./resolve.ts";
import { ScenarioShape, type Scenario } from "./schema.ts";

/** The full validator: field rules, then cross-field rules. Its JSON Schema is the field part. */
export const ScenarioSchema = ScenarioShape.superRefine(crossCheck);

export interface ScenarioIssue {
  /** Zod path joined by dots, e.g. "delegations.3.stance.IG"; "" for the whole file. */
  path: string;
  message: string;
}

/** Problems listed one by one; past these, only their number (a broken file can have thousands). */
export const LISTED_PROBLEMS = 50;

export type LoadResult =
  | { ok: true; scenario: Scenario; hash: string }
  | {
      ok: false;
      /** The first LISTED_PROBLEMS problems, in the order found. */
      issues: ScenarioIssue[];
      /** How many more problems there are beyond `issues` (0 or absent: none). */
      more?: number;
    };

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/**
 * One line of plain text: a message or a path quotes the file (a key, a JSON snippet), which may hold line
 * breaks or control characters, and a problem is printed as one line.
 */
function oneLine(text: string, max: number): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

const ARTICLE: Record<string, string> = { array: "a list", string: "a string", number: "a number", boolean: "true or false", null: "null" };

/** Zod says "Invalid input: expected string, received undefined"; an author needs to hear the field is missing. */
function friendly(message: string, path: readonly PropertyKey[]): string {
  const notObject = path.length === 0 ? /^Invalid input: expected object, received (\w+)$/.exec(message) : null;
  if (notObject) return `a scenario is one JSON object, { … }; this file holds ${own(ARTICLE, notObject[1] as string) ?? notObject[1]}`;
  const missing = /^Invalid input: expected (\w+), received undefined$/.exec(message);
  if (missing) return `required (${missing[1]})`;
  return message;
}

function failed(found: readonly { path: readonly PropertyKey[]; message: string }[]): LoadResult {
  const issues = found.slice(0, LISTED_PROBLEMS).map((i) => ({ path: oneLine(formatPath(i.path), Infinity), message: oneLine(i.message, 400) }));
  return { ok: false, issues, more: found.length - issues.length };
}

/**
 * Validates parsed JSON as a scenario and resolves its templates. Never throws on bad input, whatever its
 * shape: the size and nesting bounds (limits.ts) are checked first, so that the schema only ever sees what it
 * can answer.
 */
export function loadScenario(json: unknown): LoadResult {
  const scan = scanRaw(json);
  if (scan.limits.length > 0) return failed(scan.limits);
  const protoIssues: RawIssue[] = prototypeKeyIssues(scan.protoKeys, json);
  const parsed = ScenarioSchema.safeParse(json);
  if (!parsed.success) {
    return failed([...protoIssues, ...parsed.error.issues.map((issue) => ({ path: issue.path, message: friendly(issue.message, issue.path) }))]);
  }
  if (protoIssues.length > 0) return failed(protoIssues);
  const scenario = resolveScenario(parsed.data);
  return { ok: true, scenario, hash: scenarioHash(scenario) };
}

/**
 * The size and nesting bounds alone, null when the JSON is within them: for code that goes through a raw
 * scenario before it loads it, and should not set out on one with a million delegations.
 */
export function checkBounds(json: unknown): LoadResult | null {
  const scan = scanRaw(json);
  return scan.limits.length > 0 ? failed(scan.limits) : null;
}

/** "at position 812" in a JSON error, as the line and column an editor shows. */
function where(text: string, message: string): string {
  const at = /at position (\d+)/.exec(message);
  if (!at || /line \d+/.test(message)) return "";
  const position = Math.min(Number(at[1]), text.length);
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  return ` (line ${line}, column ${position - before.lastIndexOf("\n")})`;
}

/**
 * Validates scenario text (a file's contents), reporting a JSON syntax error as an issue too. A byte-order
 * mark at the start (some editors write one) is not part of the JSON.
 */
export function loadScenarioText(text: string): LoadResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length > LIMITS.fileCharacters) {
    return failed([{ path: [], message: `the file has ${grouped(body.length)} characters; a scenario file has at most ${grouped(LIMITS.fileCharacters)}` }]);
  }
  if (body.trim() === "") return failed([{ path: [], message: "the file is empty: a scenario is one JSON object, { … }" }]);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    return failed([{ path: [], message: `not valid JSON: ${message}${where(body, message)}` }]);
  }
  return loadScenario(json);
}

/** The canonical hash of a resolved scenario: what a log's header and a game's state carry. */
export function scenarioHash(scenario: Scenario): string {
  return digest(scenario);
}
