import type { Scenario, Rule } from "../scenario/schema.ts";
import type { RngState } from "../util/rng.ts";
import type { BallotResult, Choice, Method, MotionKind, Pledge } from "./actions.ts";

/**
 * The engine's state: plain JSON (no classes, no undefined, no Maps), so it survives a JSON round trip and
 * hashes canonically. The scenario is shared by reference between successive states and never copied.
 */

export type DelegationId = string;
/** A delegation id, "chair" or "system". */
export type Seat = string;
export const CHAIR = "chair";
export const SYSTEM = "system";

export type Phase = "opening" | "debate" | "decision" | "final_acts" | "closed";
export type StepKind = "opening" | "debate" | "decision" | "consensus" | "ballot" | "turn" | "final_acts";

/**
 * A period the server may time out with `deadline {step}`. Minutes are scenario minutes, before pace; a roll-call
 * "turn" (one voter's time to answer) is timed by the pace instead (docs/procedure.md).
 */
export interface Step {
  id: string;
  kind: StepKind;
  minutes: number;
}

export type TargetStatus =
  | "draft"
  | "tabled"
  | "moved"
  | "adopted"
  | "rejected"
  | "postponed"
  | "withdrawn"
  | "not_decided";
export type DecidedBy = "consensus" | "vote" | "chair_overrule" | "sponsor" | "none";
export type FinalStatus = "adopted" | "rejected" | "postponed" | "withdrawn" | "not_decided";

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
}

export interface Decision {
  status: FinalStatus;
  by: DecidedBy;
  tally: Tally | null;
  seq: number;
  /** The rule that decided it, in words: "tie: rejected", "abstentions over half: postponed". */
  reason: string;
  /** Delegations whose objection stood when it was decided (consensus). */
  objectors: DelegationId[];
}

/** The live status of one proposal or amendment. */
export interface TargetState {
  status: TargetStatus;
  /** Order in which it was tabled or moved (0 until then); ties in amendment order break on it. */
  order: number;
  seconders: DelegationId[];
  cosponsors: DelegationId[];
  /** Standing objections: author → reason (null when none given). */
  objections: Record<DelegationId, string | null>;
  /** Under consensus: the meeting adopted a request to put it to a formal vote. */
  voteRequested: boolean;
  /** Methods asked for by delegations' vote requests, author → method. */
  methodRequests: Record<DelegationId, Method>;
  postponements: number;
  /** Postponed for abstentions: at its re-vote abstentions no longer count. */
  revote: boolean;
  /** Proposals only: the amendment whose effects now stand for the proposal's, or null. */
  amendedBy: string | null;
  decision: Decision | null;
}

export type QuestionKind = "substantive" | "request_vote" | "appeal" | "motion";

/**
 * One ballot, in the order cast. A list rather than a voter-keyed object: a vote appends to it, and copying a
 * 193-entry list costs a fraction of copying a 193-key object (measured in the engine benchmark).
 */
export interface Cast {
  voter: DelegationId;
  /** null only in a public replay, where a secret choice is unknown. */
  choice: Choice | null;
}

export interface Ballot {
  id: string;
  step: string;
  /** A proposal or amendment id, or the VR/R/M id of a procedural question. */
  target: string;
  question: QuestionKind;
  method: Method;
  threshold: "simple" | "two_thirds";
  basis: "present_voting" | "accredited";
  revote: boolean;
  /** Principals entitled to a ballot, in calling order (roll-call) or id order. */
  voters: DelegationId[];
  /** Principal → the delegation that casts its ballot (proxies). */
  proxies: Record<DelegationId, DelegationId>;
  /** Ballots cast so far, by principal. */
  cast: Cast[];
  /** Roll-call: the index, in `voters` followed by `recalled`, of the delegation called now. */
  cursor: number;
  /**
   * Roll-call with turns (engine 0.2.0): voters who let their turn pass, called once more at the end, in the
   * order they were passed. Absent from older games' ballots.
   */
  recalled?: DelegationId[];
  openedSeq: number;
}

export interface ClosedBallot {
  id: string;
  target: string;
  question: QuestionKind;
  method: Method;
  cast: Cast[];
  result: BallotResult;
  seq: number;
}

export interface PointOfOrder {
  id: string;
  by: DelegationId;
  text: string;
  status: "pending" | "upheld" | "rejected";
  seq: number;
}

export interface Ruling {
  id: string;
  kind: "point" | "overrule";
  /** The point of order ruled on, or the question adopted over an objection. */
  subject: string;
  decision: "upheld" | "rejected" | "adopted";
  /** An appeal is in order until the chair's next action. */
  appealable: boolean;
  appeal: "none" | "pending" | "sustained" | "overturned";
  seq: number;
  /** Overrule only: what the adoption changed, so an overturned ruling can put it back. */
  undo: OverruleUndo | null;
}

export interface OverruleUndo {
  item: string;
  statuses: Record<string, TargetStatus>;
  decisions: Record<string, Decision | null>;
  amendedBy: Record<string, string | null>;
}

export interface Motion {
  id: string;
  by: DelegationId;
  kind: MotionKind;
  status: "pending" | "voting" | "adopted" | "rejected";
  /** Speakers given the floor against it while pending (at most two). */
  speakers: number;
  seq: number;
}

export interface VoteRequest {
  id: string;
  by: DelegationId;
  target: string;
  method: Method;
  /** "noted": counted for the method only (majority rule, or a vote already decided on). */
  status: "voting" | "adopted" | "rejected" | "noted";
  seq: number;
}

export interface Offer {
  id: string;
  from: DelegationId;
  /** null only in a public replay. */
  to: DelegationId | null;
  give: Pledge[] | null;
  ask: Pledge[] | null;
  status: "open" | "accepted" | "declined" | "retracted" | "lapsed";
  seq: number;
  /** When it was accepted, declined or retracted. */
  settledSeq: number | null;
}

export type Signature = { signed: true; reservations: string[]; seq: number } | { signed: false; seq: number };

export interface ItemState {
  status: "pending" | "open" | "postponed" | "done";
  /** Times it came back after being postponed or adjourned. */
  returns: number;
  adjourned: boolean;
}

export interface State {
  scenario: Scenario;
  scenarioHash: string;
  engine: string;
  rule: Rule;
  seed: number;
  /** "public": rebuilt from a public export; secret choices and offer contents are unknown (null). */
  mode: "full" | "public";
  rng: RngState;
  seq: number;
  counters: { step: number; ballot: number; offer: number; point: number; ruling: number; motion: number; request: number; order: number };

  phase: Phase;
  suspended: null | "suspend" | "adjourn";
  /** Innermost step last: a procedural ballot sits on top of the debate it interrupts. */
  steps: Step[];
  item: string | null;
  items: Record<string, ItemState>;
  /** Agenda items postponed, in the order they come back after the last one. */
  postponedItems: string[];
  /** Questions of the current item still to decide, in decision order. */
  queue: string[];
  /** The current item's questions are all decided; the chair opens the next item or the signing. */
  concluded: boolean;

  floor: { holder: DelegationId | null; speakers: DelegationId[]; closed: boolean; spoken: DelegationId[] };
  lastSpeech: { by: DelegationId; text: string; seq: number } | null;

  targets: Record<string, TargetState>;
  /** The open call for consensus; `consulted` once the chair has suspended the meeting for informals on it. */
  consensus: { target: string; step: string; consulted: boolean } | null;
  temperature: { target: string; placards: Record<DelegationId, "for" | "against"> } | null;
  lastTemperature: { target: string; for: number; against: number; seq: number } | null;
  ballot: Ballot | null;
  ballots: ClosedBallot[];
  explained: Record<string, DelegationId[]>;

  points: PointOfOrder[];
  rulings: Ruling[];
  motions: Motion[];
  voteRequests: VoteRequest[];
  offers: Offer[];

  walkedOut: Record<DelegationId, number>;
  signatures: Record<DelegationId, Signature>;
  soleObjections: Record<DelegationId, number>;
  chair: { legitimacy: number; overrules: number };
  /**
   * Procedural limits (engine 0.2.0): what each delegation has raised on the item before the meeting (`item`
   * null: the opening or the Final Acts). Absent from older games.
   */
  chains?: Chains;
}

export interface Chains {
  item: string | null;
  by: Record<DelegationId, { points: number; appeals: number; motions: number }>;
}

export type Rejection = { code: string; message: string };
