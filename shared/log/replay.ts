import type { State } from "../engine/state.ts";
import { foldLines, type CheckpointPolicy, type EntryHook } from "./fold.ts";
import type { GameLog } from "./format.ts";
import { startOf } from "./start.ts";

export interface ReplayOptions {
  /** Rebuild up to and including this seq (default: all). */
  to?: number;
  /** Called after each entry applies (the server rebuilds its public record this way). */
  onEntry?: EntryHook;
  /**
   * Which checkpoints' hashes are verified (fold.ts): "every" (the default) for any log from outside; "last"
   * for a log this server wrote itself (docs/log-format.md, "Replay").
   */
  checkpoints?: CheckpointPolicy;
}

export type ReplayResult =
  /** `cards`: the log holds the delegations' cards (false for a public export without them: no scores). */
  | { ok: true; state: State; public: boolean; cards: boolean; checkpoints: number; resultsVerified: number }
  | { ok: false; seq: number | null; code: string; message: string; state: State | null };

/**
 * Rebuilds a game by folding apply() over its log from createGame (DESIGN §5); bots are never re-run. An entry
 * that no longer applies, a gap in seq or a checkpoint that differs stops the replay with the seq where it
 * diverged. A public export replays in public mode: secret choices stay unknown, tallies come from the results
 * written on close_vote, and they are checked wherever the choices are known.
 */
export function replay(log: GameLog, options: ReplayOptions = {}): ReplayResult {
  const start = startOf(log.header);
  if (!start.ok) return { ok: false, seq: null, code: start.code, message: start.message, state: null };
  const policy = options.checkpoints ?? "every";
  const r = foldLines(start.state, log.lines, { to: options.to, checkpoints: policy, onEntry: options.onEntry });
  if (r.ok) return { ok: true, state: r.state, public: start.public, cards: start.cards, checkpoints: r.checkpoints, resultsVerified: r.resultsVerified };
  if (r.code === "log/checkpoint-mismatch" && policy !== "every") {
    // A checkpoint left unchecked cannot say which range was altered: a second pass, checking each one (and
    // telling nobody of its entries), names the first that differs, as a replay from outside would.
    const again = foldLines(start.state, log.lines, { to: options.to, checkpoints: "every" });
    if (!again.ok) return again;
  }
  return r;
}
