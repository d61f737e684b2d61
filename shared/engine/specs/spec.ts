import type { ActionOf, ActionType, AnyAction } from "../actions.ts";
import type { Ctx, Query } from "../context.ts";
import type { Phase, Rejection, Seat } from "../state.ts";

/** Public-mode actions carry null where a public export redacted a secret; specs must accept either form. */
export type ActionIn<T extends ActionType> = Extract<AnyAction, { type: T }>;

/**
 * One action type: who may take it, where it is in order, the read-only check (shared by apply, legalActions,
 * the UI and the bots) and the reducer that carries it out on a draft.
 */
export interface Spec<T extends ActionType> {
  seat: "chair" | "delegation" | "system";
  phases: readonly Phase[];
  /** In order while a ballot is open. */
  inBallot?: boolean;
  /** In order while the meeting is suspended (informal consultations go on). */
  inSuspension?: boolean;
  /** In order for a delegation that has walked out. */
  whenOut?: boolean;
  /** A chair action allowed while a motion awaits its vote. */
  beforeMotion?: boolean;
  check(q: Query, a: ActionIn<T>, by: Seat): Rejection | null;
  reduce(c: Ctx, a: ActionIn<T>, by: Seat): void;
  /** Concrete instances worth offering now (free-text fields left empty), for legalActions. */
  candidates(q: Query, by: Seat): ActionOf<T>[];
  /** Fields of a candidate the actor fills in itself (a speech's text, an offer's pledges). */
  free?: readonly string[];
  /** Check for a candidate whose free fields are still empty; defaults to check. */
  template?(q: Query, a: ActionIn<T>, by: Seat): Rejection | null;
  /** Why there is nothing to offer when candidates() is empty. */
  none?(q: Query, by: Seat): Rejection;
}

export type SpecTable = { [T in ActionType]: Spec<T> };
