import { drawInt } from "../util/rng.ts";
import type { Method } from "./actions.ts";
import { nameOf, newStep, nextNumber, note, titleOf, type Ctx } from "./context.ts";
import { edit } from "./draft.ts";
import type { MajorityRule } from "./rules/majority.ts";
import { electorate } from "./rules/presence.ts";
import type { Ballot, Cast, QuestionKind, State, Tally } from "./state.ts";
import { since } from "./version.ts";

/** A roll-call turn's length in scenario minutes; the server times turns by the pace instead (pace.ts). */
export const TURN_MINUTES = 0.5;

export function countBallots(cast: readonly Cast[]): Tally {
  const t = { yes: 0, no: 0, abstain: 0 };
  for (const { choice } of cast) if (choice !== null) t[choice] += 1;
  return t;
}

/** Whether (and how, when known) a principal voted: undefined when it has cast no ballot. */
export function castOf(cast: readonly Cast[], voter: string): Cast | undefined {
  for (const c of cast) if (c.voter === voter) return c;
  return undefined;
}

/** The delegation whose turn it is in a roll-call, or null when every voter has been called. */
export function calledVoter(b: Ballot): string | null {
  if (b.method !== "roll_call") return null;
  if (b.cursor < b.voters.length) return b.voters[b.cursor] ?? null;
  return b.recalled?.[b.cursor - b.voters.length] ?? null;
}

/** A roll-call run in turns (engine 0.2.0): each voter called has a step of its own, and the vote closes itself. */
export function hasTurns(b: Ballot): boolean {
  return b.method === "roll_call" && b.recalled !== undefined;
}

/**
 * The called delegation let its turn pass (the clock ran out on it). Passed the first time, it is called
 * again once every other voter has been; passed again, it counts as present and not voting.
 */
export function passTurn(c: Ctx): void {
  if (!c.s.ballot) return;
  const b = edit(c, "ballot");
  const called = calledVoter(b);
  if (called === null) return;
  const first = b.cursor < b.voters.length;
  if (first) b.recalled = [...(b.recalled ?? []), called];
  b.cursor += 1;
  note(c, "turn_passed", b.target, `${nameOf(c.ix, called)} does not answer the roll-call${first ? ": it will be called again at the end" : " a second time: present and not voting"}`);
  c.flow.turnOver = true;
}

/**
 * Opens a ballot. A substantive question replaces the decision step; a procedural one (a vote request, an
 * appeal, a motion) is decided "at once": its step sits on top of whatever it interrupts.
 */
export function openBallot(
  c: Ctx,
  q: {
    target: string;
    question: QuestionKind;
    method: Method;
    threshold?: "simple" | "two_thirds";
    basis?: "present_voting" | "accredited";
    revote?: boolean;
    /** Why this method, when delegations asked for another (the record says so). */
    methodWhy?: string;
  },
): void {
  const { voters, proxies } = electorate(c.s, c.ix);
  let order = voters;
  if (q.method === "roll_call" && voters.length > 0) {
    // Called in French alphabetical order, starting at a delegation drawn by lot.
    const inRollOrder = c.ix.rollOrder.filter((id) => voters.includes(id));
    const [start, rng] = drawInt(c.s.rng, inRollOrder.length);
    c.s.rng = rng;
    order = [...inRollOrder.slice(start), ...inRollOrder.slice(0, start)];
  }
  const step = newStep(c, "ballot", c.scenario.timing.ballotMinutes);
  if (q.question === "substantive") {
    c.s.steps = [step];
    c.s.phase = "decision";
  } else {
    c.s.steps = [...c.s.steps, step];
  }
  c.s.ballot = {
    id: `B${nextNumber(c, "ballot")}`,
    step: step.id,
    target: q.target,
    question: q.question,
    method: q.method,
    threshold: q.threshold ?? "simple",
    basis: q.basis ?? "present_voting",
    revote: q.revote ?? false,
    voters: order,
    proxies,
    cast: [],
    cursor: 0,
    openedSeq: c.seq,
  };
  const first = order[0];
  const how = q.method === "roll_call" ? `roll-call, starting by lot with ${first ? nameOf(c.ix, first) : "nobody"}` : q.method === "secret" ? "secret ballot" : "show of hands";
  const why = q.methodWhy ? `: ${q.methodWhy}` : "";
  note(c, "ballot_opened", q.target, `Vote on ${questionLabel(c, q.question, q.target)} (${how}${why}; ${voters.length} entitled to vote)`);
  if (q.method === "roll_call" && order.length > 0 && since(c.s, "rollCallTurns")) {
    // Each delegation called has a turn of its own, above the ballot's step (whose clock then stands still).
    c.s.ballot.recalled = [];
    c.s.steps = [...c.s.steps, newStep(c, "turn", TURN_MINUTES)];
  }
}

/** The voting rule that decides a ballot (the view shows it in words before anyone votes). */
export function majorityRuleOf(ix: Ctx["ix"], b: Ballot): MajorityRule {
  const meta = ix.target.get(b.target);
  return {
    question: b.question,
    threshold: b.threshold,
    basis: b.basis,
    revote: b.revote,
    substantive: b.question === "substantive" && (meta?.kind === "amendment" || meta?.proposal.substantive === true),
    accredited: ix.accredited.length,
  };
}

export function questionLabel(c: { ix: Ctx["ix"]; s: State }, question: QuestionKind, target: string): string {
  if (question === "substantive") return titleOf(c.ix, target);
  if (question === "request_vote") {
    const vr = c.s.voteRequests.find((r) => r.id === target);
    return `the request ${target} to put ${vr?.target ?? "?"} to a formal vote`;
  }
  if (question === "appeal") return `the appeal against ruling ${target}`;
  const motion = c.s.motions.find((m) => m.id === target);
  return `the motion ${target} to ${motion?.kind.replace("_", " the ") ?? "?"}`;
}
