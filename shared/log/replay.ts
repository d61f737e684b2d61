import { parseAction } from "../engine/apply.ts";
import { applyEntry } from "../engine/redacted.ts";
import { countBallots } from "../engine/ballots.ts";
import { createGame } from "../engine/create.ts";
import { hash } from "../engine/hash.ts";
import type { State } from "../engine/state.ts";
import { unknownVersionMessage } from "../engine/version.ts";
import { checkBounds, loadScenario } from "../scenario/load.ts";
import type { GameEvent } from "../engine/context.ts";
import { isCheckpoint, type GameLog, type LogEntry } from "./format.ts";
import { withNeutralCards } from "./publicScenario.ts";

export interface ReplayOptions {
  /** Rebuild up to and including this seq (default: all). */
  to?: number;
  /** Called after each entry applies (the server rebuilds its public record this way). */
  onEntry?: (entry: LogEntry, before: State, after: State, events: GameEvent[]) => void;
}

export type ReplayResult =
  /** `cards`: the log holds the delegations' cards (false for a public export without them: no scores). */
  | { ok: true; state: State; public: boolean; cards: boolean; checkpoints: number; resultsVerified: number }
  | { ok: false; seq: number | null; code: string; message: string; state: State | null };

/**
 * Rebuilds a game by folding apply() over its log from createGame (DESIGN §5); bots are never re-run. Every
 * checkpoint is verified; an entry that no longer applies, a gap in seq or a checkpoint that differs stops
 * the replay with the seq where it diverged. A public export replays in public mode: secret choices stay
 * unknown, tallies come from the results written on close_vote, and they are checked wherever the choices
 * are known.
 */
export function replay(log: GameLog, options: ReplayOptions = {}): ReplayResult {
  const h = log.header;
  const fail = (seq: number | null, code: string, message: string, state: State | null = null): ReplayResult => ({ ok: false, seq, code, message, state });
  const unknown = unknownVersionMessage(h.engine);
  if (unknown) return fail(null, "log/engine-version", unknown);
  const isPublic = h.public === true;
  // A public export may carry the public scenario only: its cards were left out, and neutral ones stand in.
  const cards = !(isPublic && h.scenarioPublic === true);
  // The bounds first: neutral cards are built over every delegation and dimension the header claims.
  const loaded = (!cards && checkBounds(h.scenario)) || loadScenario(cards ? h.scenario : withNeutralCards(h.scenario));
  if (!loaded.ok) {
    const first = loaded.issues[0];
    return fail(null, "log/scenario-invalid", `The scenario embedded in the log is invalid: ${first?.path || "(root)"}: ${first?.message}`);
  }
  // The hash is of the whole scenario, cards and all: it can be checked only where the cards are.
  if (cards && loaded.hash !== h.scenarioHash) {
    return fail(null, "log/scenario-hash", `The scenario embedded in the log does not match its hash (${h.scenarioHash}).`);
  }
  let state = createGame(loaded.scenario, { rule: h.rule, seed: h.seed, mode: isPublic ? "public" : "full", scenarioHash: cards ? loaded.hash : h.scenarioHash, engine: h.engine });
  let checkpoints = 0;
  let resultsVerified = 0;
  let lastCheckpoint = 0;
  for (const line of log.lines) {
    if (isCheckpoint(line)) {
      if (options.to !== undefined && line.checkpoint > options.to) break;
      if (line.checkpoint !== state.seq) {
        return fail(line.checkpoint, "log/checkpoint-misplaced", `Checkpoint ${line.checkpoint} stands after seq ${state.seq}.`, state);
      }
      if (hash(state) !== line.hash) {
        return fail(
          line.checkpoint,
          "log/checkpoint-mismatch",
          `The state at seq ${line.checkpoint} differs from its checkpoint: an entry after seq ${lastCheckpoint} and up to seq ${line.checkpoint} was altered, or this engine applies it differently.`,
          state,
        );
      }
      checkpoints += 1;
      lastCheckpoint = line.checkpoint;
      continue;
    }
    if (options.to !== undefined && line.seq > options.to) break;
    if (line.seq !== state.seq + 1) return fail(line.seq, "log/seq-gap", `Expected seq ${state.seq + 1}, found seq ${line.seq}.`, state);
    if (line.by === null && !isPublic) return fail(line.seq, "log/anonymous-entry", `seq ${line.seq}: only a public export leaves out who acted.`, state);
    const parsed = parseAction(state, line.action);
    if (!parsed.ok) return fail(line.seq, parsed.error.code, `seq ${line.seq}: ${parsed.error.message}`, state);
    const action = parsed.action;
    const result = applyEntry(state, line.by, action);
    if (!result.ok) return fail(line.seq, result.error.code, `seq ${line.seq} no longer applies: ${result.error.message}`, state);
    if (isPublic && "result" in action && action.result) {
      // The ballot this entry closed (with its own vote, when it is a roll-call's last): where its choices are
      // visible they must add up to the published result, and what the tally decides must be what was published.
      const closed = result.state.ballots.length > state.ballots.length ? result.state.ballots[result.state.ballots.length - 1] : undefined;
      const r = action.result;
      if (closed && !closed.cast.some((c) => c.choice === null)) {
        const t = countBallots(closed.cast);
        if (t.yes !== r.yes || t.no !== r.no || t.abstain !== r.abstain) {
          return fail(line.seq, "log/result-mismatch", `seq ${line.seq}: the published result (${r.yes}-${r.no}-${r.abstain}) does not match the public ballots (${t.yes}-${t.no}-${t.abstain}).`, state);
        }
        resultsVerified += 1;
      }
      if (closed && closed.result.status !== r.status) {
        return fail(line.seq, "log/result-mismatch", `seq ${line.seq}: the published result says ${r.status}, but ${closed.result.yes}-${closed.result.no}-${closed.result.abstain} is ${closed.result.status} under this engine's rules.`, state);
      }
    }
    options.onEntry?.(line, state, result.state, result.events);
    state = result.state;
  }
  return { ok: true, state, public: isPublic, cards, checkpoints, resultsVerified };
}
