import { emit, note, reject, titleOf, type Ctx, type Query } from "../context.ts";
import { edit } from "../draft.ts";
import { decide } from "../questions.ts";
import { decisionPlan, isSeconded } from "../rules/order.ts";
import { newRuling } from "../rulings.ts";
import type { Spec } from "./spec.ts";
import { consensusOnly, delegationName, nextQuestionError, openQuestion, openQuestions } from "./guards.ts";

/** Being the only one to block costs a little standing (the isolation cost in the score). */
export function countSoleObjection(c: Ctx, objectors: readonly string[]): void {
  const only = objectors.length === 1 ? objectors[0] : undefined;
  if (only !== undefined) edit(c, "soleObjections")[only] = (c.s.soleObjections[only] ?? 0) + 1;
}

/** The question the chair may take now: the queue's head in decision, the decision plan's head in debate. */
const headCache = new WeakMap<object, string | null>();

export function headQuestion(q: Query): string | undefined {
  if (q.s.phase === "decision") return q.s.concluded ? undefined : q.s.queue[0];
  if (q.s.phase !== "debate" || q.s.item === null) return undefined;
  // Cached per state (checks and candidates only run on finished states, never on a draft).
  let head = headCache.get(q.s);
  if (head === undefined) {
    head = decisionPlan(q.s, q.ix, q.s.item).queue[0] ?? null;
    headCache.set(q.s, head);
  }
  return head ?? undefined;
}

/** Shared by call_consensus, call_vote and take_temperature: the chair takes the question in its turn. */
export function chairQuestionCheck(q: Query, target: string) {
  const open = openQuestion(q, target);
  if (open) return open;
  if (q.s.consensus) return reject("consensus/already-open", `The chair's call for consensus on ${q.s.consensus.target} is still open.`);
  if (q.s.phase === "debate" && !isSeconded(q.s, q.ix, target)) {
    return reject("second/missing", `${titleOf(q.ix, target)} has not been seconded, so it cannot be decided.`);
  }
  return nextQuestionError(q, target, headQuestion(q));
}

export const object: Spec<"object"> = {
  seat: "delegation",
  phases: ["debate", "decision"],
  check(q, a, by) {
    const rule = consensusOnly(q.s, "objections do not block a decision; vote no instead");
    if (rule) return rule;
    const open = openQuestion(q, a.target);
    if (open) return open;
    if (q.s.targets[a.target]?.objections[by] !== undefined) return reject("object/already", `${delegationName(q, by)} already objects to ${a.target}.`);
    return null;
  },
  reduce(c, a, by) {
    edit(c, "targets", a.target, "objections")[by] = a.reason ?? null;
    note(c, "objection", a.target, `${delegationName(c, by)} objects to ${a.target}${a.reason ? `: ${a.reason}` : ""}`);
  },
  candidates: (q) => openQuestions(q).map((target) => ({ type: "object" as const, target })),
  none: () => reject("object/nothing", "Nothing is open to object to."),
};

export const withdraw_objection: Spec<"withdraw_objection"> = {
  seat: "delegation",
  phases: ["debate", "decision"],
  check(q, a, by) {
    if (q.s.targets[a.target]?.objections[by] === undefined) {
      return reject("object/none-standing", `${delegationName(q, by)} has no standing objection to ${a.target}.`);
    }
    return openQuestion(q, a.target);
  },
  reduce(c, a, by) {
    delete edit(c, "targets", a.target, "objections")[by];
    note(c, "objection_withdrawn", a.target, `${delegationName(c, by)} withdraws its objection to ${a.target}`);
  },
  candidates: (q, by) =>
    Object.entries(q.s.targets)
      .filter(([, t]) => t.objections[by] !== undefined)
      .map(([target]) => ({ type: "withdraw_objection" as const, target })),
  none: () => reject("object/none-standing", "You have no standing objection."),
};

export const call_consensus: Spec<"call_consensus"> = {
  seat: "chair",
  phases: ["debate", "decision"],
  check(q, a) {
    const rule = consensusOnly(q.s, "the chair cannot call for consensus");
    if (rule) return rule;
    if (q.s.targets[a.target]?.voteRequested) {
      return reject("consensus/vote-requested", `The meeting decided to vote on ${a.target}: call the vote.`);
    }
    return chairQuestionCheck(q, a.target);
  },
  reduce(c, a) {
    // The call ends the debate first, if one is running; the advance pass then opens it (flow/decision.ts).
    if (c.s.phase === "debate") c.flow.debateEnds = "the chair called for consensus";
    c.flow.put = { kind: "consensus", target: a.target };
  },
  candidates: (q) => {
    const head = headQuestion(q);
    return head ? [{ type: "call_consensus" as const, target: head }] : [];
  },
  none: () => reject("consensus/nothing-ready", "No seconded question is ready for a decision."),
};

export const declare_consensus: Spec<"declare_consensus"> = {
  seat: "chair",
  phases: ["decision"],
  check(q, a) {
    if (q.s.consensus?.target !== a.target) return reject("consensus/not-called", `The chair has not called for consensus on ${a.target}.`);
    const objectors = Object.keys(q.s.targets[a.target]?.objections ?? {});
    if (objectors.length > 0 && a.overrule !== true) {
      return reject(
        "consensus/objection-standing",
        `${objectors.map((d) => delegationName(q, d)).join(", ")} ${objectors.length === 1 ? "objects" : "object"} to ${a.target}. Consensus cannot be declared over a standing objection unless the chair overrules it.`,
      );
    }
    return null;
  },
  reduce(c, a) {
    const t = c.s.targets[a.target];
    const objectors = Object.keys(t?.objections ?? {}).sort();
    if (objectors.length === 0) {
      decide(c, a.target, { status: "adopted", by: "consensus", reason: "no objection: adopted by consensus" });
      c.flow.settled = true;
      return;
    }
    // The chair rules that consensus exists anyway: a ruling the objectors may appeal until the chair moves on.
    const meta = c.ix.target.get(a.target);
    const family = meta ? [meta.proposal.id, ...meta.proposal.amendments.map((x) => x.id)] : [a.target];
    const statuses: Record<string, (typeof c.s.targets)[string]["status"]> = {};
    const decisions: Record<string, (typeof c.s.targets)[string]["decision"]> = {};
    for (const id of family) {
      const ft = c.s.targets[id];
      if (ft) {
        statuses[id] = ft.status;
        decisions[id] = ft.decision;
      }
    }
    const proposalId = meta?.proposal.id ?? a.target;
    const undo = { item: meta?.item.id ?? "", statuses, decisions, amendedBy: { [proposalId]: c.s.targets[proposalId]?.amendedBy ?? null } };
    const ruling = newRuling(c, { kind: "overrule", subject: a.target, decision: "adopted", undo });
    const chair = edit(c, "chair");
    chair.legitimacy = Math.max(0, chair.legitimacy - 20);
    chair.overrules += 1;
    countSoleObjection(c, objectors);
    decide(c, a.target, { status: "adopted", by: "chair_overrule", reason: `adopted by the chair over the objection of ${objectors.join(", ")} (ruling ${ruling.id})` });
    c.flow.settled = true;
  },
  candidates: (q) => (q.s.consensus ? [{ type: "declare_consensus" as const, target: q.s.consensus.target }] : []),
  none: () => reject("consensus/not-called", "No call for consensus is open."),
};

export const take_temperature: Spec<"take_temperature"> = {
  seat: "chair",
  phases: ["debate", "decision"],
  check(q, a) {
    const rule = consensusOnly(q.s, "the chair does not take the temperature");
    if (rule) return rule;
    return openQuestion(q, a.target);
  },
  reduce(c, a) {
    c.s.temperature = { target: a.target, placards: {} };
    note(c, "temperature", a.target, `The chair takes the temperature of the room on ${titleOf(c.ix, a.target)} (indicative only, not a vote)`);
  },
  candidates: (q) => openQuestions(q).map((target) => ({ type: "take_temperature" as const, target })),
  none: () => reject("temperature/nothing", "Nothing is open to sound the room on."),
};

export const placard: Spec<"placard"> = {
  seat: "delegation",
  phases: ["debate", "decision"],
  check(q, a, by) {
    if (q.s.temperature?.target !== a.target) return reject("placard/no-temperature", `The chair is not taking the temperature on ${a.target}.`);
    if (q.s.temperature.placards[by] !== undefined) return reject("placard/already", `${delegationName(q, by)} has already raised its placard.`);
    return null;
  },
  reduce(c, a, by) {
    if (c.s.temperature) edit(c, "temperature", "placards")[by] = a.position;
    emit(c, "placard", a.target, `${delegationName(c, by)} raises its placard ${a.position === "for" ? "for" : "against"} ${a.target}`);
  },
  candidates: (q) =>
    q.s.temperature
      ? (["for", "against"] as const).map((position) => ({ type: "placard" as const, target: q.s.temperature?.target ?? "", position }))
      : [],
  none: () => reject("placard/no-temperature", "The chair is not taking the temperature."),
};

/** The chair's next action ends a temperature: its count is recorded, and it decides nothing. */
export function closeTemperature(c: Ctx): void {
  const temp = c.s.temperature;
  if (!temp) return;
  const values = Object.values(temp.placards);
  const result = { target: temp.target, for: values.filter((v) => v === "for").length, against: values.filter((v) => v === "against").length, seq: c.seq };
  c.s.lastTemperature = result;
  c.s.temperature = null;
  note(c, "temperature_read", temp.target, `Temperature on ${temp.target}: ${result.for} placards for, ${result.against} against (indicative, not a decision)`);
}

