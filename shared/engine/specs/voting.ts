import type { Choice, Method } from "../actions.ts";
import { calledVoter, castOf, hasTurns, openBallot } from "../ballots.ts";
import { emit, nextNumber, note, reject, titleOf, type Ctx, type Query } from "../context.ts";
import { edit, editById } from "../draft.ts";
import { ROLL_CALL_REQUESTS, SECRET_REQUESTS } from "../rules/method.ts";
import { noQuorumReason, quorum } from "../rules/presence.ts";
import type { Motion } from "../state.ts";
import { own } from "../../util/own.ts";
import { chairQuestionCheck, headQuestion } from "./consensus.ts";
import { delegationName, openQuestion, openQuestions } from "./guards.ts";
import type { Spec } from "./spec.ts";

const MOTION_PRECEDENCE = ["suspend", "adjourn", "adjourn_debate", "close_debate"] as const;

/** Pending motions are decided highest precedence first: suspend, adjourn, adjourn the debate, close it. */
export function nextMotion(q: Query): Motion | undefined {
  const pending = q.s.motions.filter((m) => m.status === "pending");
  return pending.sort((a, b) => MOTION_PRECEDENCE.indexOf(a.kind) - MOTION_PRECEDENCE.indexOf(b.kind) || a.seq - b.seq)[0];
}

/** " (a roll-call needs 2 requests; 1 made so far)": how far a request for a method has got. */
function requestsSoFar(method: Method, requests: readonly Method[]): string {
  if (method === "show_of_hands") return "";
  const made = requests.filter((m) => m === method || (method === "roll_call" && m === "secret")).length;
  const needed = method === "secret" ? SECRET_REQUESTS : ROLL_CALL_REQUESTS;
  const what = method === "secret" ? "a secret ballot" : "a roll-call";
  return made >= needed ? ` (${what}: ${made} requests, ${needed} needed)` : ` (${what} needs ${needed} requests; ${made} made so far)`;
}

export const call_vote: Spec<"call_vote"> = {
  seat: "chair",
  phases: ["debate", "decision"],
  beforeMotion: true,
  check(q, a) {
    const motion = q.s.motions.find((m) => m.id === a.target);
    if (motion) {
      if (motion.status !== "pending") return reject("motion/not-pending", `Motion ${motion.id} has already been decided.`);
      const first = nextMotion(q);
      if (first && first.id !== motion.id) return reject("motion/precedence", `Motion ${first.id} (${first.kind.replace("_", " ")}) takes precedence: put it first.`);
      return null;
    }
    const pending = nextMotion(q);
    if (pending) return reject("motion/pending", `Motion ${pending.id} (${pending.kind.replace("_", " ")}) is pending: put it to the vote first.`);
    if (q.s.rule === "consensus" && !q.s.targets[a.target]?.voteRequested) {
      return reject("vote/not-requested", `Under consensus, ${a.target} goes to a formal vote only after the meeting adopts a request for one (request_vote).`);
    }
    return chairQuestionCheck(q, a.target);
  },
  reduce(c, a) {
    const motion = editById(c, "motions", a.target);
    if (motion) {
      motion.status = "voting";
      if (!quorum(c.s, c.ix).met) {
        motion.status = "rejected";
        note(c, "motion_failed", motion.id, `Motion ${motion.id} fails: ${noQuorumReason(c.s, c.ix)}`);
        return;
      }
      openBallot(c, { target: motion.id, question: "motion", method: "show_of_hands" });
      return;
    }
    // A vote on a text ends the debate first, if one is running; the advance pass then opens the ballot
    // (or postpones the question without quorum: flow/decision.ts).
    if (c.s.phase === "debate") c.flow.debateEnds = "the chair called a vote";
    c.flow.put = { kind: "vote", target: a.target, method: a.method };
  },
  candidates: (q) => {
    const motion = nextMotion(q);
    if (motion) return [{ type: "call_vote" as const, target: motion.id }];
    const head = headQuestion(q);
    return head ? [{ type: "call_vote" as const, target: head }] : [];
  },
  none: () => reject("vote/nothing-ready", "No seconded question is ready for a vote."),
};

/** The principal a delegation would vote for: itself, or the delegation whose proxy it holds. */
function principalsOf(q: Query, by: string): string[] {
  const b = q.s.ballot;
  if (!b) return [];
  const out: string[] = [];
  if (b.voters.includes(by) && b.proxies[by] === undefined) out.push(by);
  for (const [principal, holder] of Object.entries(b.proxies)) if (holder === by) out.push(principal);
  return out;
}

export const vote: Spec<"vote"> = {
  seat: "delegation",
  phases: ["debate", "decision"],
  inBallot: true,
  check(q, a, by) {
    const b = q.s.ballot;
    if (!b) return reject("vote/no-ballot", "No vote is open.");
    if (b.target !== a.target) return reject("vote/wrong-question", `The vote open now is on ${b.target}, not ${a.target}.`);
    const principal = a.for ?? by;
    if (a.for !== undefined && b.proxies[a.for] !== by) {
      return reject("vote/not-proxy", `${delegationName(q, by)} does not hold the proxy of ${delegationName(q, a.for)}.`);
    }
    if (!b.voters.includes(principal) || (a.for === undefined && b.proxies[by] !== undefined)) {
      const d = q.ix.delegation.get(principal);
      const why = !d?.votingRight ? "has no right to vote at this conference" : "was not in the room when the vote began";
      return reject("vote/not-eligible", `${delegationName(q, principal)} ${why}.`);
    }
    if (castOf(b.cast, principal)) return reject("vote/already-cast", `${delegationName(q, principal)} has already voted on ${b.target}.`);
    const called = calledVoter(b);
    if (b.method === "roll_call" && called !== principal) {
      return reject("vote/not-your-turn", `The roll-call has reached ${called ? delegationName(q, called) : "its end"}; ${delegationName(q, principal)} votes when called.`);
    }
    return null;
  },
  reduce(c, a, by) {
    if (!c.s.ballot) return;
    const b = edit(c, "ballot");
    const principal = a.for ?? by;
    b.cast = [...b.cast, { voter: principal, choice: a.choice as Choice | null }];
    const shown = b.method === "secret" || a.choice === null ? "" : `: ${a.choice}`;
    emit(c, "vote", b.target, `${delegationName(c, principal)} votes${a.for ? ` (by proxy, ${delegationName(c, by)})` : ""}${shown}`);
    if (hasTurns(b)) {
      b.cursor += 1;
      c.flow.turnOver = true;
    } else if (b.method === "roll_call") {
      while (b.cursor < b.voters.length && castOf(b.cast, b.voters[b.cursor] ?? "")) b.cursor += 1;
    }
  },
  candidates: (q, by) => {
    const b = q.s.ballot;
    if (!b) return [];
    const out = [];
    for (const principal of principalsOf(q, by)) {
      for (const choice of ["yes", "no", "abstain"] as const) {
        out.push(principal === by ? { type: "vote" as const, target: b.target, choice } : { type: "vote" as const, target: b.target, choice, for: principal });
      }
    }
    return out;
  },
  none: (q, by) => (q.s.ballot ? reject("vote/not-eligible", `${delegationName(q, by)} has no ballot in this vote.`) : reject("vote/no-ballot", "No vote is open.")),
};

export const close_vote: Spec<"close_vote"> = {
  seat: "chair",
  phases: ["debate", "decision"],
  inBallot: true,
  beforeMotion: true,
  check(q) {
    const b = q.s.ballot;
    if (!b) return reject("vote/no-ballot", "No vote is open.");
    if (hasTurns(b)) {
      const called = calledVoter(b);
      return reject(
        "vote/roll-call-running",
        `The roll-call has reached ${called ? delegationName(q, called) : "its end"} (${b.cast.length} of ${b.voters.length} have voted): it closes by itself once every delegation has been called.`,
      );
    }
    return null;
  },
  reduce(c: Ctx, a) {
    c.flow.ballotCloses = { published: "result" in a ? a.result : undefined };
  },
  candidates: () => [{ type: "close_vote" }],
};

export const request_vote: Spec<"request_vote"> = {
  seat: "delegation",
  phases: ["debate", "decision"],
  check(q, a, by) {
    const open = openQuestion(q, a.target);
    if (open) return open;
    if (q.s.targets[a.target]?.methodRequests[by] !== undefined) {
      return reject("request/already", `${delegationName(q, by)} has already asked for a vote on ${a.target}.`);
    }
    return null;
  },
  reduce(c, a, by) {
    const t = edit(c, "targets", a.target);
    edit(c, "targets", a.target, "methodRequests")[by] = a.method;
    const id = `VR${nextNumber(c, "request")}`;
    // Under majority every question is voted anyway, and once a vote is decided on, a request only
    // asks for a method; otherwise the request itself is put to the meeting at once (show of hands).
    const noted = c.s.rule === "majority" || t.voteRequested || c.s.voteRequests.some((r) => r.target === a.target && r.status === "voting");
    c.s.voteRequests = [...c.s.voteRequests, { id, by, target: a.target, method: a.method, status: noted ? "noted" : "voting", seq: c.seq }];
    const how = a.method.replace(/_/g, " ");
    if (noted) {
      note(c, "vote_requested", a.target, `${delegationName(c, by)} asks for a ${how} vote on ${a.target}${requestsSoFar(a.method, Object.values(c.s.targets[a.target]?.methodRequests ?? {}))}`);
      return;
    }
    note(c, "vote_requested", a.target, `${delegationName(c, by)} requests a formal vote (${how}) on ${titleOf(c.ix, a.target)}: the request is put to the meeting`);
    if (!quorum(c.s, c.ix).met) {
      const vr = editById(c, "voteRequests", id);
      if (vr) vr.status = "rejected";
      note(c, "request_failed", id, `Request ${id} fails: ${noQuorumReason(c.s, c.ix)}`);
      return;
    }
    openBallot(c, { target: id, question: "request_vote", method: "show_of_hands" });
  },
  candidates: (q) =>
    openQuestions(q).flatMap((target) => (["show_of_hands", "roll_call", "secret"] as const).map((method) => ({ type: "request_vote" as const, target, method }))),
  none: () => reject("request/nothing", "Nothing is open to request a vote on."),
};

export const explain_vote: Spec<"explain_vote"> = {
  seat: "delegation",
  phases: ["debate", "decision", "final_acts"],
  free: ["text"],
  check(q, a, by) {
    const voted = q.s.ballots.some((b) => b.question === "substantive" && b.target === a.target && castOf(b.cast, by));
    if (!voted) return reject("explain/no-vote", `${delegationName(q, by)} did not vote on ${a.target}.`);
    if (own(q.s.explained, a.target)?.includes(by)) return reject("explain/already", `${delegationName(q, by)} has already explained its vote on ${a.target}.`);
    return null;
  },
  reduce(c, a, by) {
    edit(c, "explained")[a.target] = [...(own(c.s.explained, a.target) ?? []), by];
    emit(c, "explanation", a.target, `${delegationName(c, by)} explains its vote on ${a.target}: ${a.text}`);
  },
  candidates: (q, by) =>
    [...new Set(q.s.ballots.filter((b) => b.question === "substantive" && castOf(b.cast, by)).map((b) => b.target))].map((target) => ({
      type: "explain_vote" as const,
      target,
      text: "",
    })),
  none: () => reject("explain/no-vote", "You have not voted on anything yet."),
};

