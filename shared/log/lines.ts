import type { Checkpoint, LogEntry } from "./format.ts";

/**
 * Hand-written checks of a log line as parsed JSON, for parseLog's common case: each says true only where the
 * line's schema (format.ts: EntrySchema, CheckpointSchema) accepts the value as it is, so a line they pass
 * needs no zod (tests/log/lines.test.ts holds them to the schemas). Whatever they do not pass goes to the
 * schema, whose verdict and message stand.
 */

const ENTRY_KEYS = new Set(["seq", "by", "action", "at", "why", "whyPublic"]);
const CHECKPOINT_KEYS = new Set(["checkpoint", "hash"]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Own keys all among `allowed` (a strict object's); an own "__proto__" is never allowed. */
function onlyKeys(o: Record<string, unknown>, allowed: Set<string>): boolean {
  for (const key of Object.keys(o)) if (!allowed.has(key)) return false;
  return Object.getPrototypeOf(o) === Object.prototype;
}

const positiveInteger = (v: unknown): boolean => typeof v === "number" && Number.isSafeInteger(v) && v >= 1;

/** An entry whose fields are all well-formed: the action is an object (its own schema is the fold's). */
export function isPlainEntry(json: unknown): json is LogEntry {
  if (!isObject(json) || !onlyKeys(json, ENTRY_KEYS)) return false;
  const { seq, by, action, at, why, whyPublic } = json;
  return (
    positiveInteger(seq) &&
    (by === null || (typeof by === "string" && by.length > 0)) &&
    isObject(action) &&
    Object.getPrototypeOf(action) === Object.prototype &&
    !Object.hasOwn(action, "__proto__") &&
    typeof at === "number" &&
    Number.isFinite(at) &&
    (why === undefined || why === null || typeof why === "string") &&
    (whyPublic === undefined || typeof whyPublic === "string")
  );
}

/** A checkpoint: its seq and a "sha256:" hash, nothing else. */
export function isPlainCheckpoint(json: unknown): json is Checkpoint {
  if (!isObject(json) || !onlyKeys(json, CHECKPOINT_KEYS)) return false;
  return positiveInteger(json.checkpoint) && typeof json.hash === "string" && json.hash.startsWith("sha256:");
}
