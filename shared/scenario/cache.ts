import { sha256Hex } from "../util/digest.ts";
import { loadScenario, loadScenarioText, type LoadResult } from "./load.ts";

/** A way of loading parsed JSON: its name keys the cache, so two loaders never share an entry. */
export interface JsonLoader {
  name: string;
  load(json: unknown): LoadResult;
}

const PLAIN: JsonLoader = { name: "scenario", load: loadScenario };

interface Entry {
  key: string;
  /** The bytes the entry was loaded from: a hit must match them exactly, not only their hash. */
  text: string;
  loaded: LoadResult;
}

/** How many loaded scenarios a cache keeps: a server runs a handful of scenarios, a class one or two. */
export const CACHED_SCENARIOS = 4;
/** A text longer than this is loaded but not kept (busan-2014 embedded in a log: about 120,000 characters). */
export const CACHED_TEXT_CHARACTERS = 2_000_000;

/**
 * Loaded scenarios by the hash of the text they were loaded from, least recently used first out: replaying
 * many logs of one scenario, or opening a second room of it, does not validate its 120 kB again. The key is
 * the content, never a name: other bytes are another entry, and a hit is checked against the very text it was
 * loaded from, so the cache can never return a scenario for different bytes. A file that does not load is
 * kept too, with its problems (the same bytes always give the same answer). A scenario it returns is
 * deep-frozen: every caller shares the object, and nobody may change it.
 */
export class ScenarioCache {
  private readonly entries: Entry[] = [];
  /** Loads done and loads saved, for tests and the benchmark. */
  readonly stats = { loads: 0, hits: 0 };

  constructor(private readonly size = CACHED_SCENARIOS) {}

  /** A scenario file's contents (loadScenarioText), keyed by those bytes. */
  loadText(text: string): LoadResult {
    return this.through("text\n" + text, () => loadScenarioText(text));
  }

  /**
   * Parsed JSON (loadScenario, or `how.load`), keyed by its JSON text as JSON.stringify writes it: two values
   * with the same text are the same scenario (a log's header, parsed, is the same value whichever process
   * wrote it). `how.name` names the loader, and is part of the key.
   */
  loadJson(json: unknown, how: JsonLoader = PLAIN): LoadResult {
    let text: string | undefined;
    try {
      text = JSON.stringify(json);
    } catch {
      text = undefined; // a cycle or a BigInt: not JSON, and the loader says so
    }
    if (typeof text !== "string") return how.load(json);
    return this.through(`json:${how.name}\n${text}`, () => how.load(json));
  }

  private through(text: string, load: () => LoadResult): LoadResult {
    const key = sha256Hex(text);
    const at = this.entries.findIndex((e) => e.key === key && e.text === text);
    if (at >= 0) {
      const [hit] = this.entries.splice(at, 1) as [Entry];
      this.entries.push(hit);
      this.stats.hits += 1;
      return hit.loaded;
    }
    this.stats.loads += 1;
    const loaded = load();
    const kept: LoadResult = loaded.ok ? { ok: true, scenario: deepFreeze(loaded.scenario), hash: loaded.hash } : loaded;
    if (text.length > CACHED_TEXT_CHARACTERS) return kept;
    this.entries.push({ key, text, loaded: kept });
    if (this.entries.length > this.size) this.entries.shift();
    return kept;
  }

  clear(): void {
    this.entries.length = 0;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

/** The process's cache of embedded scenarios: replay (the CLI, the browser, the server's rooms) goes through it. */
export const scenarios = new ScenarioCache();
