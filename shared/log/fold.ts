import type { AnyAction } from "../engine/actions.ts";
import { parseAction } from "../engine/apply.ts";
import { countBallots } from "../engine/ballots.ts";
import type { GameEvent } from "../engine/context.ts";
import { hash } from "../engine/hash.ts";
import { applyEntry } from "../engine/redacted.ts";
import type { State } from "../engine/state.ts";
import { isCheckpoint, type Checkpoint, type LogEntry, type LogLine } from "./format.ts";

/**
 * Which checkpoints a fold checks the hash of (docs/log-format.md, "Replay"). Where a checkpoint stands is
 * always checked; its hash:
 * - "every": each one — any log from outside (the command line, the browser's viewer, an upload);
 * - "last": only the last one the fold reaches — a log this server wrote itself, after applying each entry;
 * - "none": none — steps over entries already verified in this process (the viewer's seek), or a record
 *   that carries no checkpoint (the live client's mirror).
 */
export type CheckpointPolicy = "every" | "last" | "none";

/** Called after each entry applies, with the action as the engine parsed it. */
export type EntryHook = (entry: LogEntry, before: State, after: State, events: GameEvent[], action: AnyAction) => void;

export interface FoldFailure {
  ok: false;
  /** Where the log diverged (null: not at an entry). */
  seq: number | null;
  code: string;
  message: string;
  /** The state before the line that failed. */
  state: State;
}

/**
 * The replay fold, the one every reader of a log uses (replay, the public export, the browser's viewer and
 * the live client's mirror): it checks that seq goes on without a gap, applies each entry with the apply of
 * the state's mode (a public record's answers without author included), checks a public record's published
 * results, places and verifies checkpoints, and tells `onEntry` each step. Bots are never run.
 */
export class LogFold {
  state: State;
  /** Checkpoints whose hash was verified. */
  checkpoints = 0;
  /** Published results checked against the visible ballots (public records). */
  resultsVerified = 0;
  /** The seq of the last verified checkpoint: an altered entry is after it. */
  private verifiedUpTo = 0;

  constructor(
    start: State,
    private readonly onEntry?: EntryHook,
  ) {
    this.state = start;
  }

  private fail(seq: number | null, code: string, message: string): FoldFailure {
    return { ok: false, seq, code, message, state: this.state };
  }

  /**
   * Applies one entry; null when it applies. `parsed` is its action already parsed by this engine for this
   * state's mode (the viewer keeps them from its verifying pass); otherwise the action is parsed here — the
   * one zod pass a log line gets.
   */
  entry(line: LogEntry, parsed?: AnyAction): FoldFailure | null {
    const state = this.state;
    if (line.seq !== state.seq + 1) return this.fail(line.seq, "log/seq-gap", `Expected seq ${state.seq + 1}, found seq ${line.seq}.`);
    if (line.by === null && state.mode !== "public") return this.fail(line.seq, "log/anonymous-entry", `seq ${line.seq}: only a public export leaves out who acted.`);
    let action = parsed;
    if (action === undefined) {
      const p = parseAction(state, line.action);
      if (!p.ok) return this.fail(line.seq, p.error.code, `seq ${line.seq}: ${p.error.message}`);
      action = p.action;
    }
    const result = applyEntry(state, line.by, action);
    if (!result.ok) return this.fail(line.seq, result.error.code, `seq ${line.seq} no longer applies: ${result.error.message}`);
    if (state.mode === "public" && "result" in action && action.result) {
      const wrong = this.checkResult(line.seq, action.result, state, result.state);
      if (wrong) return wrong;
    }
    this.onEntry?.(line, state, result.state, result.events, action);
    this.state = result.state;
    return null;
  }

  /**
   * The ballot this entry closed (with its own vote, when it is a roll-call's last): where its choices are
   * visible they must add up to the published result, and what the tally decides must be what was published.
   */
  private checkResult(seq: number, r: { yes: number; no: number; abstain: number; status: string }, before: State, after: State): FoldFailure | null {
    const closed = after.ballots.length > before.ballots.length ? after.ballots[after.ballots.length - 1] : undefined;
    if (closed && !closed.cast.some((c) => c.choice === null)) {
      const t = countBallots(closed.cast);
      if (t.yes !== r.yes || t.no !== r.no || t.abstain !== r.abstain) {
        return this.fail(seq, "log/result-mismatch", `seq ${seq}: the published result (${r.yes}-${r.no}-${r.abstain}) does not match the public ballots (${t.yes}-${t.no}-${t.abstain}).`);
      }
      this.resultsVerified += 1;
    }
    if (closed && closed.result.status !== r.status) {
      return this.fail(seq, "log/result-mismatch", `seq ${seq}: the published result says ${r.status}, but ${closed.result.yes}-${closed.result.no}-${closed.result.abstain} is ${closed.result.status} under this engine's rules.`);
    }
    return null;
  }

  /** A checkpoint line: it must stand right after its seq; its hash is compared with the state's when `verify`. */
  checkpoint(line: Checkpoint, verify: boolean): FoldFailure | null {
    if (line.checkpoint !== this.state.seq) return this.fail(line.checkpoint, "log/checkpoint-misplaced", `Checkpoint ${line.checkpoint} stands after seq ${this.state.seq}.`);
    if (!verify) return null;
    if (hash(this.state) !== line.hash) {
      return this.fail(
        line.checkpoint,
        "log/checkpoint-mismatch",
        `The state at seq ${line.checkpoint} differs from its checkpoint: an entry after seq ${this.verifiedUpTo} and up to seq ${line.checkpoint} was altered, or this engine applies it differently.`,
      );
    }
    this.checkpoints += 1;
    this.verifiedUpTo = line.checkpoint;
    return null;
  }
}

export interface FoldOptions {
  /** Up to and including this seq (default: all). */
  to?: number;
  checkpoints: CheckpointPolicy;
  onEntry?: EntryHook;
}

export type FoldResult = { ok: true; state: State; checkpoints: number; resultsVerified: number } | FoldFailure;

/** Folds the lines of a log (entries and checkpoints) over `start`, up to `to`, under a checkpoint policy. */
export function foldLines(start: State, lines: readonly LogLine[], options: FoldOptions): FoldResult {
  const to = options.to ?? Infinity;
  const seqOf = (l: LogLine) => (isCheckpoint(l) ? l.checkpoint : l.seq);
  let last = -1;
  if (options.checkpoints === "last") {
    for (let i = lines.length - 1; i >= 0 && last < 0; i--) {
      const l = lines[i] as LogLine;
      if (isCheckpoint(l) && l.checkpoint <= to) last = i;
    }
  }
  const fold = new LogFold(start, options.onEntry);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as LogLine;
    if (seqOf(line) > to) break;
    const failed = isCheckpoint(line) ? fold.checkpoint(line, options.checkpoints === "every" || i === last) : fold.entry(line);
    if (failed) return failed;
  }
  return { ok: true, state: fold.state, checkpoints: fold.checkpoints, resultsVerified: fold.resultsVerified };
}
