import type { BallotResult, Method } from "../actions.ts";
import type { Ctx } from "../context.ts";
import type { Ballot, Tally } from "../state.ts";
import type { VoteStatus } from "../rules/majority.ts";
import { endDebate, listExhausted, startItem } from "./debate.ts";
import { carryOut, closeBallot, nextQuestion, nextTurn, putQuestion } from "./decision.ts";
import { closeConference, moveOn, openSigning } from "./signing.ts";

/**
 * How the conference moves on (DESIGN §2: "reduce, then advance the flow"). A reducer does what its action
 * does and records here what happened that the procedure must follow up: the debate is to end, a question is
 * settled, a ballot is to close, the clock moved the meeting on. After the reducer, `advance` looks at these
 * facts and at the state and performs the transitions that now follow, one at a time, until nothing more does:
 * a last vote closes a roll-call, whose result settles the question, which concludes the item.
 *
 * The facts live in the action's Ctx, never in the state: they are what this action did, and are all spent
 * when apply() returns.
 */
export interface Flow {
  /** A speech, a yield or the closing of the list: a closed list of speakers may have run dry. */
  floorFreed: boolean;
  /** The debate ends now, for this reason (the chair put a question, a closure motion passed, time ran out). */
  debateEnds: string | null;
  /** The question before the meeting was settled: the chair takes the next one, or the item is concluded. */
  settled: boolean;
  /** The chair put a question (after the debate, if one is running, has ended). */
  put: Put | null;
  /** The delegation called in a roll-call has answered, or let its turn pass: the roll-call moves on. */
  turnOver: boolean;
  /** The open ballot closes: by the chair or the clock (with a public export's result), or the roll-call is complete. */
  ballotCloses: { published?: BallotResult; complete?: string } | null;
  /** A ballot has closed with this outcome, which is now carried out. */
  outcome: Outcome | null;
  /** The chair opens this agenda item. */
  open: string | null;
  /** The clock moves the meeting on from the opening or a concluded item: the next item, or the signing. */
  moveOn: boolean;
  /** The Final Acts open for signature, for this reason. */
  signing: string | null;
  /** The conference closes, for this reason. */
  close: string | null;
}

export type Put = { kind: "consensus"; target: string } | { kind: "vote"; target: string; method: Method | undefined };

/** What a closed ballot decided, for the transition that carries it out. */
export interface Outcome {
  ballot: Ballot;
  status: VoteStatus;
  reason: string;
  tally: Tally;
}

export function newFlow(): Flow {
  return { floorFreed: false, debateEnds: null, settled: false, put: null, turnOver: false, ballotCloses: null, outcome: null, open: null, moveOn: false, signing: null, close: null };
}

/**
 * One transition: whether it follows now, and what it does. `take` spends the fact that triggered it and
 * performs the transition (which may record new facts for the transitions after it).
 */
export interface Transition {
  name: string;
  due(c: Ctx): boolean;
  take(c: Ctx): void;
}

/**
 * The transitions, in the order they are taken when several are due: a ballot is finished before its result
 * is carried out; a debate ends before the question after it is taken up; an item concludes before the
 * conference moves on. Each pass takes the first one due, then looks again from the top.
 */
export const TRANSITIONS: readonly Transition[] = [
  on("next roll-call turn", "turnOver", (c) => nextTurn(c)),
  on("ballot closes", "ballotCloses", (c, how) => closeBallot(c, how.published, how.complete)),
  on("ballot result carried out", "outcome", carryOut),
  on("closed list of speakers exhausted", "floorFreed", (c) => {
    if (listExhausted(c.s)) endDebate(c, "the closed list of speakers is exhausted");
  }),
  on("debate ends", "debateEnds", endDebate),
  on("next question or conclusion", "settled", (c) => nextQuestion(c)),
  on("question put", "put", putQuestion),
  on("item opens", "open", startItem),
  on("next item or signing", "moveOn", (c) => moveOn(c)),
  on("signing opens", "signing", openSigning),
  on("conference closes", "close", closeConference),
];

/**
 * The transition that follows a fact: due while the fact is recorded (true, or not null); taking it spends
 * the fact (back to its value in newFlow) before acting on it, so what the action records anew is seen.
 */
function on<K extends keyof Flow>(name: string, fact: K, act: (c: Ctx, value: Exclude<Flow[K], null | false>) => void): Transition {
  const spent = newFlow()[fact];
  return {
    name,
    due: (c) => c.flow[fact] !== spent,
    take(c) {
      const value = c.flow[fact] as Exclude<Flow[K], null | false>;
      c.flow[fact] = spent;
      act(c, value);
    },
  };
}

/**
 * More transitions than any one action can cause (the longest real cascade — a last roll-call vote that
 * closes the ballot, decides the last question and concludes the item — takes four): past this, the flow is
 * going round in circles, a bug, and apply() fails with an engine error rather than hanging.
 */
export const MAX_TRANSITIONS = 32;

export class FlowLoopError extends Error {
  constructor(readonly transition: string, readonly trail: readonly string[]) {
    super(`the flow of procedure does not settle: "${transition}" is due again after ${trail.length} transitions (${trail.slice(-6).join(" → ")})`);
    this.name = "FlowLoopError";
  }
}

/** Performs every transition that follows from what the reducer did, until none is due (loop-guarded). */
export function advance(c: Ctx, transitions: readonly Transition[] = TRANSITIONS): void {
  const trail: string[] = [];
  for (;;) {
    let next: Transition | undefined;
    for (const t of transitions) {
      if (t.due(c)) {
        next = t;
        break;
      }
    }
    if (next === undefined) return;
    if (trail.length >= MAX_TRANSITIONS) throw new FlowLoopError(next.name, trail);
    trail.push(next.name);
    next.take(c);
  }
}
