import type { Scenario } from "../scenario/schema.ts";
import type { ScenarioIndex } from "./scenarioIndex.ts";
import { edit } from "./draft.ts";
import type { Flow } from "./flow/advance.ts";
import type { Rejection, Seat, State, Step, StepKind } from "./state.ts";

/** Something the UI can animate or list: what an accepted action changed, in words. */
export interface GameEvent {
  type: string;
  subject: string | null;
  text: string;
  /** Set when only these delegations may see the event (an offer between two parties); absent = public. */
  to?: string[];
  /** A decision or a step of procedure, as opposed to chatter: what a record of the conference keeps. */
  major?: true;
}

/** What a reducer works with: the draft of the next state and the immutable scenario beside it. */
export interface Ctx {
  /** The next state: a fresh root; nested nodes are the previous state's until edit() copies them. */
  s: State;
  fresh: Set<object>;
  scenario: Scenario;
  ix: ScenarioIndex;
  by: Seat;
  /** The seq of the action being applied. */
  seq: number;
  events: GameEvent[];
  /** What this action did that the flow of procedure must follow up (flow/advance.ts runs after the reducer). */
  flow: Flow;
}

/** What a check reads: the current state, never a draft. */
export interface Query {
  s: State;
  scenario: Scenario;
  ix: ScenarioIndex;
}

export function reject(code: string, message: string): Rejection {
  return { code, message };
}

/** The next number for one of the engine's counters (steps, ballots, offers, rulings…). */
export function nextNumber(c: Ctx, counter: keyof State["counters"]): number {
  const counters = edit(c, "counters");
  counters[counter] += 1;
  return counters[counter];
}

export function newStep(c: Ctx, kind: StepKind, minutes: number): Step {
  return { id: `S${nextNumber(c, "step")}`, kind, minutes };
}

/** Replaces the step stack with one new step of this kind. */
export function enterStep(c: Ctx, kind: StepKind, minutes: number): void {
  c.s.steps = [newStep(c, kind, minutes)];
}

/**
 * Reports a decision or a step of procedure. The state keeps no running record (it would grow with every
 * action); whoever needs one (the server, the replay viewer) collects these events as actions apply.
 */
export function note(c: Ctx, type: string, subject: string | null, text: string): void {
  c.events.push({ type, subject, text, major: true });
}

/** Reports an event without recording it (speeches, seconds: the log already has them). */
export function emit(c: Ctx, type: string, subject: string | null, text: string, to?: string[]): void {
  c.events.push(to ? { type, subject, text, to } : { type, subject, text });
}

export function currentStep(s: State): Step | undefined {
  return s.steps[s.steps.length - 1];
}

/** A delegation's name, "the chair" or "the secretariat", for messages students read. */
export function nameOf(ix: ScenarioIndex, seat: Seat): string {
  if (seat === "chair") return "The chair";
  if (seat === "system") return "The secretariat";
  return ix.delegation.get(seat)?.name ?? seat;
}

/** "P1 (ITU leading role…)" for messages. */
export function titleOf(ix: ScenarioIndex, target: string): string {
  const meta = ix.target.get(target);
  return meta ? `${target} (${meta.title})` : target;
}
