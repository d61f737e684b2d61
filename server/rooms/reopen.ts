import type { GameEvent } from "../../shared/engine/context.ts";
import type { State } from "../../shared/engine/state.ts";
import type { GameLog, LogEntry } from "../../shared/log/format.ts";
import { publicEventTexts, redactEntry } from "../../shared/log/publicExport.ts";
import { replay } from "../../shared/log/replay.ts";
import type { RecordLine } from "../../shared/protocol/messages.ts";

/** The public record line of an accepted action: the entry as the public export has it, and its public events. */
export function recordLine(entry: LogEntry, before: State, after: State, events: GameEvent[]): RecordLine {
  return { entry: redactEntry(entry, before, after), events: publicEventTexts(events) };
}

export type Reopened = { ok: true; state: State; record: RecordLine[] } | { ok: false; seq: number | null; message: string };

/**
 * A game this server wrote, rebuilt from its store when a room opens (after a restart, or when someone comes
 * back to it): the log replayed with its public record, the embedded scenario through the process's cache
 * (a second room of the same scenario does not validate it again). The server wrote each row after applying
 * it, so only the last checkpoint's hash is verified (docs/log-format.md, "Replay"): it still catches a
 * tampered or corrupted row before it (and a checked pass then names the first checkpoint that differs), and
 * an engine that would now rebuild the game differently. Every entry is still parsed and applied.
 */
export function reopenGame(log: GameLog): Reopened {
  const record: RecordLine[] = [];
  const r = replay(log, { checkpoints: "last", onEntry: (entry, before, after, events) => record.push(recordLine(entry, before, after, events)) });
  return r.ok ? { ok: true, state: r.state, record } : { ok: false, seq: r.seq, message: r.message };
}
