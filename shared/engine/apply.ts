import { copyRoot, freezeIfTesting } from "./draft.ts";
import { ActionSchema, PublicActionSchema, type ActionType, type AnyAction } from "./actions.ts";
import { reject, type Ctx, type GameEvent, type Query } from "./context.ts";
import { advance, newFlow } from "./flow/advance.ts";
import { gate } from "./gate.ts";
import { closeAppealWindows } from "./rulings.ts";
import { indexOf } from "./scenarioIndex.ts";
import { closeTemperature } from "./specs/consensus.ts";
import { SPECS } from "./specs/index.ts";
import type { Spec } from "./specs/spec.ts";
import { CHAIR, type Rejection, type Seat, type State } from "./state.ts";

export interface ApplyInput {
  /** A delegation id, "chair" or "system"; the server sets it from the seat, never from the message. */
  by: Seat;
  action: unknown;
  /** Milliseconds: metadata only, no rule reads it. */
  at?: number;
}

export type ApplyResult = { ok: true; state: State; events: GameEvent[] } | { ok: false; error: Rejection };

export function query(state: State): Query {
  return { s: state, scenario: state.scenario, ix: indexOf(state.scenario) };
}

/** Parses an action against the schema of the state's mode (a public replay accepts redacted fields). */
export function parseAction(state: State, action: unknown): { ok: true; action: AnyAction } | { ok: false; error: Rejection } {
  const parsed = (state.mode === "public" ? PublicActionSchema : ActionSchema).safeParse(action);
  if (parsed.success) return { ok: true, action: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return { ok: false, error: reject("action/malformed", `The action is malformed (${where}${issue?.message ?? "invalid"}).`) };
}

/** The read-only check apply() makes, for legalActions, the UI and the bots: null when the action is in order. */
export function check(state: State, by: Seat, action: AnyAction): Rejection | null {
  const q = query(state);
  const spec = SPECS[action.type] as Spec<ActionType>;
  return gate(q, spec, action.type, by) ?? spec.check(q, action as never, by);
}

/**
 * Applies one action. Pure: everything it reads is in the state or the input, and the input state is left
 * untouched. Never throws on bad input: a malformed action, an unknown seat or a rule violation comes back
 * as {ok: false, error: {code, message}}.
 */
export function apply(state: State, input: ApplyInput): ApplyResult {
  if (typeof input !== "object" || input === null || typeof input.by !== "string") {
    return { ok: false, error: reject("action/malformed", "An action needs the seat that takes it (by).") };
  }
  const parsed = parseAction(state, input.action);
  if (!parsed.ok) return parsed;
  return applyParsed(state, input.by, parsed.action);
}

/** apply() for an action already parsed with parseAction (the log reader parses each line once). */
export function applyParsed(state: State, by: Seat, action: AnyAction): ApplyResult {
  const r = applyParsed0(state, by, action);
  (globalThis as { __flowpassDump?: (...x: unknown[]) => void }).__flowpassDump?.(state, by, action, r); // FLOWPASS-TEMP
  return r;
}
function applyParsed0(state: State, by: Seat, action: AnyAction): ApplyResult {
  try {
    const refusal = check(state, by, action);
    if (refusal) return { ok: false, error: refusal };
    const spec = SPECS[action.type] as Spec<ActionType>;
    const ix = indexOf(state.scenario);
    const events: GameEvent[] = [];
    freezeIfTesting(state);
    const next = copyRoot(state);
    next.seq += 1;
    const c: Ctx = { s: next, fresh: new Set(), scenario: state.scenario, ix, by, seq: next.seq, events, flow: newFlow() };
    if (by === CHAIR) {
      // The chair's next action ends a temperature and the window for appealing its earlier rulings.
      closeTemperature(c);
      closeAppealWindows(c);
    }
    spec.reduce(c, action as never, by);
    // Then the transitions that follow from it: the debate ends, the ballot closes, the item concludes…
    advance(c);
    return { ok: true, state: freezeIfTesting(next), events };
  } catch (error) {
    return { ok: false, error: reject("engine/internal-error", `The engine failed on this action: ${(error as Error).message}`) };
  }
}
