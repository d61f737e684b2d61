import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { grouped, LIMITS } from "../../shared/scenario/limits.ts";
import { loadScenarioText, type LoadResult } from "../../shared/scenario/load.ts";

/** The repository's root, whatever directory the command runs from. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SCENARIO_DIR = join(ROOT, "scenarios");

/** Output channels, injectable so tests can run commands in-process and read what they print. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars go there only then). */
  errIsTty: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTty: Boolean(process.stderr.isTTY),
};

/** A scenario named by id (scenarios/<id>.json) or by path. */
export function scenarioPath(arg: string): string {
  if (existsSync(arg)) return arg;
  const shipped = join(SCENARIO_DIR, `${arg}.json`);
  if (existsSync(shipped)) return shipped;
  throw new CliError(`no scenario "${arg}": not a file, and not an id in ${SCENARIO_DIR}`);
}

/** A file this large cannot be under the loader's bound in characters (a character is at most 4 bytes of UTF-8). */
const TOO_MANY_BYTES = LIMITS.fileCharacters * 4;

export function loadScenarioFile(path: string): LoadResult {
  let text: string;
  try {
    const bytes = statSync(path).size;
    if (bytes > TOO_MANY_BYTES) {
      return { ok: false, issues: [{ path: "", message: `the file has ${grouped(bytes)} bytes; a scenario file has at most ${grouped(LIMITS.fileCharacters)} characters` }] };
    }
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { ok: false, issues: [{ path: "", message: `cannot read the file: ${(error as Error).message}` }] };
  }
  return loadScenarioText(text);
}

/** A usage or input error: printed as one line, exit code 1, no stack trace. */
export class CliError extends Error {}

export function parseInteger(value: string, name: string, min = Number.MIN_SAFE_INTEGER): number {
  if (!/^-?\d+$/.test(value)) throw new CliError(`${name} must be an integer, got "${value}"`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new CliError(`${name} must be an integer ≥ ${min}, got ${value}`);
  return n;
}
