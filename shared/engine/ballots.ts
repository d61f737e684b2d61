import { drawInt } from "../util/rng.ts";
import type { BallotResult, Method } from "./actions.ts";
import { enterStep, nameOf, newStep, nextNumber, note, titleOf, type Ctx } from "./context.ts";
import { edit, editById } from "./draft.ts";
import { afterQuestion, decide, endDebate, lapseMotions, postpone, resetFloor } from "./flow.ts";
import { decideVote, type MajorityRule } from "./rules/majority.ts";
import { electorate } from "./rules/presence.ts";
import { revertOverrule } from "./rulings.ts";
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
 * Calls the next delegation of a roll-call run in turns, with a turn (a step) of its own; when every voter
 * has been called, the vote closes: the roll-call is complete.
 */
export function nextTurn(c: Ctx): void {
  if (!c.s.ballot) return;
  const b = edit(c, "ballot");
  const calls = b.voters.length + (b.recalled?.length ?? 0);
  while (b.cursor < calls && castOf(b.cast, calledVoter(b) ?? "")) b.cursor += 1;
  const steps = c.s.steps.filter((s) => s.kind !== "turn");
  if (b.cursor >= calls) {
    c.s.steps = steps;
    closeBallot(c, undefined, "every delegation has been called");
    return;
  }
  c.s.steps = [...steps, newStep(c, "turn", TURN_MINUTES)];
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
  nextTurn(c);
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

/**
 * Closes the open ballot, applies the voting rules and carries out the result. In a public replay a secret
 * ballot's choices are unknown: its tally comes from the `result` the export wrote on close_vote.
 */
export function closeBallot(c: Ctx, published?: BallotResult, complete?: string): void {
  const b = c.s.ballot;
  if (!b) return;
  const hidden = b.cast.some((v) => v.choice === null);
  const tally = hidden && published ? { yes: published.yes, no: published.no, abstain: published.abstain } : countBallots(b.cast);
  const decision = decideVote(tally, majorityRuleOf(c.ix, b));
  const setAside = b.revote && decision.status !== "not_decided" && since(c.s, "decisionWording");
  const reason = setAside ? `at the re-vote abstentions are set aside: ${decision.reason}` : decision.reason;
  const result = { ...tally, status: decision.status };
  c.s.ballots = [...c.s.ballots, { id: b.id, target: b.target, question: b.question, method: b.method, cast: b.cast, result, seq: c.seq }];
  c.s.ballot = null;
  const label = questionLabel(c, b.question, b.target);
  note(c, "ballot_closed", b.target, `${complete ? `The roll-call is complete (${complete}). ` : ""}Result on ${label}: ${tally.yes} yes, ${tally.no} no, ${tally.abstain} abstaining — ${reason}`);

  if (b.question === "substantive") {
    if (decision.status === "postponed") postpone(c, b.target, reason, true);
    else decide(c, b.target, { status: decision.status, by: "vote", reason, tally });
    afterQuestion(c);
    return;
  }
  // The procedural ballot's step (and a roll-call's last turn) give way to what they interrupted.
  c.s.steps = c.s.steps.filter((s) => s.id !== b.step && s.kind !== "turn");
  const adopted = decision.status === "adopted";
  if (b.question === "request_vote") {
    const vr = editById(c, "voteRequests", b.target);
    if (!vr) return;
    vr.status = adopted ? "adopted" : "rejected";
    if (adopted && c.s.targets[vr.target]) {
      edit(c, "targets", vr.target).voteRequested = true;
      if (c.s.consensus?.target === vr.target) {
        // The meeting chose a formal vote: the call for consensus gives way to it.
        c.s.consensus = null;
        enterStep(c, "decision", c.scenario.timing.decisionMinutes);
      }
    }
  } else if (b.question === "appeal") {
    const ruling = editById(c, "rulings", b.target);
    if (!ruling) return;
    ruling.appeal = adopted ? "overturned" : "sustained";
    if (adopted) revertOverrule(c, ruling);
  } else {
    const motion = editById(c, "motions", b.target);
    if (!motion) return;
    motion.status = adopted ? "adopted" : "rejected";
    if (!adopted) return;
    if (motion.kind === "suspend" || motion.kind === "adjourn") c.s.suspended = motion.kind;
    else if (motion.kind === "close_debate") endDebate(c, `motion ${motion.id} to close the debate adopted`);
    else adjournDebate(c);
  }
}

/** A motion to adjourn the debate: the item goes after the last one, once, with its texts as they stand. */
function adjournDebate(c: Ctx): void {
  const itemId = c.s.item;
  if (itemId === null || !c.s.items[itemId]) return;
  lapseMotions(c, "the debate is adjourned");
  const item = edit(c, "items", itemId);
  item.adjourned = true;
  item.status = "postponed";
  if (!c.s.postponedItems.includes(itemId)) c.s.postponedItems = [...c.s.postponedItems, itemId];
  c.s.phase = "decision";
  c.s.queue = [];
  c.s.concluded = true;
  resetFloor(c);
  enterStep(c, "decision", c.scenario.timing.decisionMinutes);
  note(c, "adjourned", itemId, `Debate on ${c.ix.item.get(itemId)?.title ?? itemId} adjourned until after the last item`);
}
