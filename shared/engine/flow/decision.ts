import type { BallotResult } from "../actions.ts";
import { countBallots, majorityRuleOf, openBallot, questionLabel, TURN_MINUTES, calledVoter, castOf } from "../ballots.ts";
import { emit, enterStep, newStep, note, titleOf, type Ctx } from "../context.ts";
import { edit, editById } from "../draft.ts";
import { decide, postpone } from "../questions.ts";
import { decideVote } from "../rules/majority.ts";
import { methodReason, votingMethod } from "../rules/method.ts";
import { noQuorumReason, quorum } from "../rules/presence.ts";
import type { Ruling } from "../state.ts";
import { since } from "../version.ts";
import type { Outcome, Put } from "./advance.ts";
import { adjournDebate } from "./debate.ts";

/**
 * The decision phase: questions are put one by one (a call for consensus or a ballot), ballots close and
 * their results are carried out, and once the queue is empty the item is concluded.
 */

/** After any question is settled: wait for the chair to take the next one, or conclude the item. */
export function nextQuestion(c: Ctx): void {
  c.s.consensus = null;
  if (c.s.queue.length > 0) enterStep(c, "decision", c.scenario.timing.decisionMinutes);
  else conclude(c);
}

function conclude(c: Ctx): void {
  const itemId = c.s.item;
  if (itemId === null) return;
  if (c.s.items[itemId]?.status === "open") edit(c, "items", itemId).status = c.s.postponedItems.includes(itemId) ? "postponed" : "done";
  c.s.concluded = true;
  enterStep(c, "decision", c.scenario.timing.decisionMinutes);
  note(c, "item_concluded", itemId, `Agenda item concluded: ${c.ix.item.get(itemId)?.title ?? itemId}`);
}

/** The chair puts a question, once any debate before it has ended: a call for consensus, or a vote. */
export function putQuestion(c: Ctx, put: Put): void {
  if (put.kind === "consensus") {
    const step = newStep(c, "consensus", c.scenario.timing.consensusMinutes);
    c.s.steps = [step];
    c.s.consensus = { target: put.target, step: step.id, consulted: false };
    const standing = Object.keys(c.s.targets[put.target]?.objections ?? {});
    note(c, "consensus_called", put.target, `The chair calls for consensus on ${titleOf(c.ix, put.target)}${standing.length ? ` (standing objections: ${standing.join(", ")})` : ""}`);
    return;
  }
  const t = c.s.targets[put.target];
  const meta = c.ix.target.get(put.target);
  if (!t || !meta) return;
  if (!quorum(c.s, c.ix).met) {
    postpone(c, put.target, `${noQuorumReason(c.s, c.ix)}: postponed`, false);
    c.flow.settled = true;
    return;
  }
  const isProposal = meta.kind === "proposal";
  const requests = Object.values(t.methodRequests);
  const method = votingMethod(requests, put.method);
  const why = methodReason(requests, method);
  if (why) {
    // Those who asked for another method are told why it was not theirs (the record says it to everyone).
    const askers = Object.entries(t.methodRequests).filter(([, m]) => m !== method).map(([d]) => d);
    const how = method === "roll_call" ? "by roll-call" : method === "secret" ? "by secret ballot" : "by show of hands";
    if (askers.length) emit(c, "method", put.target, `The vote on ${put.target} is taken ${how}, not as you asked: ${why}.`, askers);
  }
  openBallot(c, {
    target: put.target,
    question: "substantive",
    method,
    methodWhy: why ?? undefined,
    threshold: isProposal ? meta.proposal.threshold : "simple",
    basis: isProposal ? meta.proposal.basis : "present_voting",
    revote: t.revote,
  });
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
    c.flow.ballotCloses = { complete: "every delegation has been called" };
    return;
  }
  c.s.steps = [...steps, newStep(c, "turn", TURN_MINUTES)];
}

/**
 * Closes the open ballot and applies the voting rules; the result is carried out next (carryOut). In a public
 * replay a secret ballot's choices are unknown: its tally comes from the `result` the export wrote on close_vote.
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
  c.flow.outcome = { ballot: b, status: decision.status, reason, tally };
}

/** What a closed ballot decided, done: a text decided or postponed, a request, an appeal or a motion settled. */
export function carryOut(c: Ctx, { ballot: b, status, reason, tally }: Outcome): void {
  if (b.question === "substantive") {
    if (status === "postponed") postpone(c, b.target, reason, true);
    else decide(c, b.target, { status, by: "vote", reason, tally });
    c.flow.settled = true;
    return;
  }
  // The procedural ballot's step (and a roll-call's last turn) give way to what they interrupted.
  c.s.steps = c.s.steps.filter((s) => s.id !== b.step && s.kind !== "turn");
  const adopted = status === "adopted";
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
    else if (motion.kind === "close_debate") c.flow.debateEnds = `motion ${motion.id} to close the debate adopted`;
    else adjournDebate(c);
  }
}

/**
 * An appeal overturned a ruling. A ruling on a point of order flips; an overrule is undone: the question is
 * no longer adopted and returns to debate on its item (DESIGN §3).
 */
export function revertOverrule(c: Ctx, ruling: Ruling): void {
  const chair = edit(c, "chair");
  chair.legitimacy = Math.max(0, chair.legitimacy - 10);
  if (ruling.kind === "point") {
    ruling.decision = ruling.decision === "upheld" ? "rejected" : "upheld";
    const point = editById(c, "points", ruling.subject);
    if (point) point.status = ruling.decision === "upheld" ? "upheld" : "rejected";
    note(c, "ruling_overturned", ruling.id, `Ruling ${ruling.id} overturned on appeal: the point of order ${ruling.subject} is now ${ruling.decision}`);
    return;
  }
  const undo = ruling.undo;
  if (!undo) return;
  for (const [id, status] of Object.entries(undo.statuses)) {
    if (!c.s.targets[id]) continue;
    const t = edit(c, "targets", id);
    t.status = status;
    t.decision = undo.decisions[id] ?? null;
  }
  for (const [id, amendedBy] of Object.entries(undo.amendedBy)) {
    if (c.s.targets[id]) edit(c, "targets", id).amendedBy = amendedBy;
  }
  if (c.s.items[undo.item]) edit(c, "items", undo.item).status = "open";
  c.s.postponedItems = c.s.postponedItems.filter((i) => i !== undo.item);
  c.s.item = undo.item;
  c.s.phase = "debate";
  c.s.queue = [];
  c.s.concluded = false;
  c.s.consensus = null;
  c.s.floor = { holder: null, speakers: [], closed: false, spoken: [] };
  const minutes = c.ix.item.get(undo.item)?.minutes ?? c.scenario.timing.decisionMinutes;
  enterStep(c, "debate", Math.max(1, minutes / 2));
  note(c, "ruling_overturned", ruling.id, `Ruling ${ruling.id} overturned on appeal: ${titleOf(c.ix, ruling.subject)} is not adopted and returns to debate`);
}
