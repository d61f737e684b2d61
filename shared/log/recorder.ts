import type { Action } from "../engine/actions.ts";
import { hash } from "../engine/hash.ts";
import type { Seat, State } from "../engine/state.ts";
import { CHECKPOINT_EVERY, LOG_FORMAT, type Checkpoint, type LogEntry, type LogHeader, type LogLine } from "./format.ts";

export function makeHeader(state: State, seats: Record<string, string>, createdAt: string): LogHeader {
  return {
    format: LOG_FORMAT,
    // The version whose rules the game follows: a game resumed after an upgrade keeps its own.
    engine: state.engine,
    scenario: state.scenario,
    scenarioHash: state.scenarioHash,
    rule: state.rule,
    seed: state.seed,
    seats,
    createdAt,
  };
}

/**
 * The entry for an action just accepted, whose resulting state is `after` (its seq is after.seq). `whyPublic`
 * is a bot's reason as the public record gives it, when its `why` names a deal.
 */
export function makeEntry(after: State, by: Seat, action: Action, at: number, why?: string, whyPublic?: string): LogEntry {
  const entry: LogEntry = { seq: after.seq, by, action: action as unknown as Record<string, unknown>, at };
  if (why !== undefined) entry.why = why;
  if (whyPublic !== undefined && whyPublic !== why) entry.whyPublic = whyPublic;
  return entry;
}

/** The lines an accepted action adds to a log: its entry, and a checkpoint every 100 actions and at the close. */
export function linesFor(after: State, entry: LogEntry): LogLine[] {
  const out: LogLine[] = [entry];
  if (after.seq % CHECKPOINT_EVERY === 0 || after.phase === "closed") out.push({ checkpoint: after.seq, hash: hash(after) } satisfies Checkpoint);
  return out;
}
