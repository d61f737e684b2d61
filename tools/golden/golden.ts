import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hash } from "../../shared/engine/hash.ts";
import { compareVersions } from "../../shared/engine/version.ts";
import { formatLog, isCheckpoint, parseLog, type GameLog } from "../../shared/log/format.ts";
import { replay } from "../../shared/log/replay.ts";
import type { Io } from "../../server/cli/io.ts";
import { ROOT } from "../../server/cli/io.ts";
import { main } from "../../server/cli/main.ts";

/**
 * The golden logs (DESIGN §5, docs/log-format.md): logs written by each engine version, kept in
 * tests/fixtures/golden/<version>/ with what `plenipo replay --json` printed for them when they were written.
 * They prove that a log written today replays, byte for byte, after every later change.
 *
 * Per log: <name>.jsonl (the log), <name>.result.json (the replay's --json output, exactly), <name>.trace (the
 * first 16 hex digits of the state's hash after every seq, so a divergence can be named to the seq), and a
 * line in the version's manifest.json.
 */
export const GOLDEN_DIR = join(ROOT, "tests/fixtures/golden");

export interface ManifestEntry {
  name: string;
  made: string;
  about: string;
  seq: number;
  finalHash: string;
}

export interface Manifest {
  engine: string;
  logs: ManifestEntry[];
}

export interface GoldenLog extends ManifestEntry {
  version: string;
  dir: string;
}

export const filesOf = (dir: string, name: string) => ({
  log: join(dir, `${name}.jsonl`),
  result: join(dir, `${name}.result.json`),
  trace: join(dir, `${name}.trace`),
});

export function readManifest(dir: string): Manifest | null {
  const path = join(dir, "manifest.json");
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Manifest) : null;
}

/** The engine versions that have golden logs, oldest first. */
export function goldenVersions(root = GOLDEN_DIR): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort(compareVersions);
}

/** Every golden log of every version, as its manifest lists it. */
export function listGolden(root = GOLDEN_DIR): GoldenLog[] {
  return goldenVersions(root).flatMap((version) => {
    const dir = join(root, version);
    return (readManifest(dir)?.logs ?? []).map((entry) => ({ ...entry, version, dir }));
  });
}

/** Files in a version's folder that its manifest does not account for, and manifest lines missing a file. */
export function strayFiles(version: string, root = GOLDEN_DIR): string[] {
  const dir = join(root, version);
  const manifest = readManifest(dir);
  if (!manifest) return [`${version}: no manifest.json`];
  const problems: string[] = [];
  if (manifest.engine !== version) problems.push(`${version}/manifest.json says engine ${manifest.engine}`);
  const expected = new Set(["manifest.json"]);
  for (const entry of manifest.logs) {
    for (const file of Object.values(filesOf(dir, entry.name))) {
      expected.add(file.slice(dir.length + 1));
      if (!existsSync(file)) problems.push(`${version}/${entry.name}: ${file.slice(dir.length + 1)} is missing`);
    }
  }
  for (const file of readdirSync(dir)) if (!expected.has(file)) problems.push(`${version}/${file} is not in the manifest`);
  return problems;
}

/** `plenipo replay <file> --json`, run in-process: exit code, stdout and stderr. */
export async function replayCommand(file: string): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTty: false };
  const code = await main(["replay", file, "--json"], io);
  return { code, out, err };
}

/** The trace of a log: the short hash of the state after each seq (line k is seq k). */
export function traceOf(log: GameLog): string {
  const lines: string[] = [];
  const r = replay(log, { onEntry: (entry, _before, after) => lines.push(`${entry.seq} ${shortHash(hash(after))}`) });
  if (!r.ok) throw new Error(`the log does not replay: seq ${r.seq}: ${r.message}`);
  return lines.join("\n") + "\n";
}

const shortHash = (h: string) => h.slice("sha256:".length, "sha256:".length + 16);

/**
 * Checks one golden log: it replays, through the command line, to the exact --json result recorded when it
 * was written, and to its manifest's final hash. Returns null when it does, else a message that names the
 * log and the first seq where today's engine leaves the recorded path.
 */
export async function checkGolden(g: GoldenLog): Promise<string | null> {
  const files = filesOf(g.dir, g.name);
  const where = `golden log ${g.version}/${g.name}`;
  for (const file of Object.values(files)) if (!existsSync(file)) return `${where}: ${file} is missing`;
  const expected = readFileSync(files.result, "utf8");
  const run = await replayCommand(files.log);
  if (run.code === 0 && run.out === expected) {
    const finalHash = (JSON.parse(run.out) as { finalHash: string }).finalHash;
    return finalHash === g.finalHash ? null : `${where}: replays to ${finalHash}, but its manifest records ${g.finalHash}`;
  }
  return `${where}: ${divergence(readFileSync(files.log, "utf8"), readFileSync(files.trace, "utf8"), run, expected)}`;
}

/** Where a golden log leaves its recorded path: the first seq whose state differs, or what else changed. */
function divergence(text: string, traceText: string, run: { code: number; out: string; err: string }, expected: string): string {
  const parsed = parseLog(text);
  if (!parsed.ok) return `line ${parsed.line} no longer parses: ${parsed.message}`;
  const trace = new Map(traceText.trim().split("\n").map((line) => line.split(" ") as [string, string]));
  let first: { seq: number; what: string } | null = null;
  const r = replay(parsed.log, {
    onEntry: (entry, _before, after) => {
      if (first || trace.get(String(entry.seq)) === shortHash(hash(after))) return;
      first = { seq: entry.seq, what: `${entry.by} ${JSON.stringify(entry.action)}` };
    },
  });
  const found = first as { seq: number; what: string } | null;
  const failed = r.ok ? "" : `; the replay stops${r.seq !== null ? ` at seq ${r.seq}` : ""}: ${r.message}`;
  if (found) return `first diverging seq ${found.seq} (${found.what}): the state after it differs from the one recorded when the log was written${failed}`;
  if (!r.ok) return `first diverging seq ${r.seq ?? "(header)"}: ${r.message}`;
  const entries = parsed.log.lines.filter((l) => !isCheckpoint(l)).length;
  if (trace.size !== entries) return `the log has ${entries} entries, its trace ${trace.size}`;
  return `every state matches its trace, but \`plenipo replay --json\` prints something else: ${jsonDifference(expected, run.out)}`;
}

/** The first path at which two JSON texts differ, with both values. */
function jsonDifference(expectedText: string, actualText: string): string {
  let expected: unknown;
  let actual: unknown;
  try {
    expected = JSON.parse(expectedText);
    actual = JSON.parse(actualText);
  } catch {
    return `expected ${JSON.stringify(expectedText.slice(0, 200))}, got ${JSON.stringify(actualText.slice(0, 200))}`;
  }
  const walk = (a: unknown, b: unknown, path: string): string | null => {
    if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
      return JSON.stringify(a) === JSON.stringify(b) ? null : `${path || "(root)"}: recorded ${JSON.stringify(a)}, now ${JSON.stringify(b)}`;
    }
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const d = walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      if (d) return d;
    }
    return Object.keys(a).join() === Object.keys(b).join() ? null : `${path || "(root)"}: the keys are in another order`;
  };
  return walk(expected, actual, "") ?? "the same JSON written differently";
}

/** A golden log to record: its name, how it was made, and the maker (tools/golden/catalog.ts). */
export interface GoldenCase {
  name: string;
  made: string;
  about: string;
  make(): GameLog;
}

/**
 * Records the golden logs of `version` in root/<version>/, adding only: a log already there is kept as it
 * is, never rewritten. Returns one line per case saying which.
 */
export async function writeGolden(root: string, version: string, cases: readonly GoldenCase[]): Promise<string[]> {
  const dir = join(root, version);
  mkdirSync(dir, { recursive: true });
  const manifest: Manifest = readManifest(dir) ?? { engine: version, logs: [] };
  const report: string[] = [];
  for (const c of cases) {
    const files = filesOf(dir, c.name);
    if (Object.values(files).some((f) => existsSync(f)) || manifest.logs.some((l) => l.name === c.name)) {
      report.push(`kept     ${version}/${c.name} (golden logs are never rewritten)`);
      continue;
    }
    const log = c.make();
    if (log.header.engine !== version) throw new Error(`${c.name}: made by engine ${log.header.engine}, not ${version}`);
    writeFileSync(files.log, formatLog(log));
    const run = await replayCommand(files.log);
    if (run.code !== 0) {
      // Nothing half-written stays behind: a log that does not replay is not golden.
      rmSync(files.log);
      throw new Error(`${c.name}: the new log does not replay: ${run.err}`);
    }
    writeFileSync(files.result, run.out);
    writeFileSync(files.trace, traceOf(log));
    const result = JSON.parse(run.out) as { seq: number; finalHash: string };
    manifest.logs.push({ name: c.name, made: c.made, about: c.about, seq: result.seq, finalHash: result.finalHash });
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    report.push(`written  ${version}/${c.name} (seq ${result.seq}, ${result.finalHash})`);
  }
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  return report;
}
