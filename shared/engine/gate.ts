import type { ActionType } from "./actions.ts";
import { nameOf, reject, type Query } from "./context.ts";
import { ACTION_LABELS, PHASE_LABELS } from "./labels.ts";
import type { Spec } from "./specs/spec.ts";
import { nextMotion } from "./specs/voting.ts";
import { CHAIR, SYSTEM, type Rejection, type Seat } from "./state.ts";

/**
 * The checks every action passes before its own: the conference is open, the seat may take this kind of
 * action, the meeting is not suspended, the phase allows it, no vote is running, and the chair deals with
 * points of order and motions before other business (precedence, DESIGN §3).
 *
 * gateCode is the cheap part (no strings), run for every action type on every legalActions call; the
 * sentence a student reads is only built when a refusal is reported.
 */
export function gateCode(q: Query, spec: Spec<ActionType>, type: ActionType, by: Seat): string | null {
  if (q.s.phase === "closed") return "conference/closed";
  if (spec.seat === "system") {
    if (by !== SYSTEM) return "seat/system-only";
  } else if (spec.seat === "chair") {
    if (by !== CHAIR) return "seat/chair-only";
  } else {
    if (by === CHAIR || by === SYSTEM) return "seat/delegations-only";
    const d = q.ix.delegation.get(by);
    if (!d) return "seat/unknown";
    if (!d.present) return "seat/absent";
    if (q.s.walkedOut[by] !== undefined && !spec.whenOut) return "seat/walked-out";
  }
  if (q.s.suspended && !spec.inSuspension) return "conference/suspended";
  if (!spec.phases.includes(q.s.phase)) return "phase/not-now";
  if (q.s.ballot && !spec.inBallot) return "ballot/in-progress";
  if (by === CHAIR) {
    if (type !== "rule" && q.s.points.some((p) => p.status === "pending")) return "point/pending";
    if (!spec.beforeMotion && q.s.motions.some((m) => m.status === "pending")) return "motion/pending";
  }
  return null;
}

export function gateMessage(code: string, q: Query, type: ActionType, by: Seat): string {
  const label = ACTION_LABELS[type];
  switch (code) {
    case "conference/closed":
      return "The conference is closed.";
    case "seat/system-only":
      return `${label} comes from the secretariat's clock, not from a seat.`;
    case "seat/chair-only":
      return `${label} is for the chair alone.`;
    case "seat/delegations-only":
      return `${label} is for delegations, not for ${nameOf(q.ix, by).toLowerCase()}.`;
    case "seat/unknown":
      return `There is no delegation "${by}" in this scenario.`;
    case "seat/absent":
      return `${nameOf(q.ix, by)} is not attending this conference.`;
    case "seat/walked-out":
      return `${nameOf(q.ix, by)} has walked out; it must return to the room first.`;
    case "conference/suspended":
      return "The meeting is suspended; only the chair can resume it (informal talks and offers go on).";
    case "phase/not-now":
      return `${label} is not in order during ${PHASE_LABELS[q.s.phase]}.`;
    case "ballot/in-progress":
      return `A vote is under way on ${q.s.ballot?.target}; until it closes only voting and points of order on its conduct are in order.`;
    case "point/pending": {
      const point = q.s.points.find((p) => p.status === "pending");
      return `${nameOf(q.ix, point?.by ?? "")} has raised point of order ${point?.id}; the chair rules on it first.`;
    }
    case "motion/pending": {
      const motion = nextMotion(q);
      return `Motion ${motion?.id} (${motion?.kind.replace("_", " ")}) takes precedence: the chair puts it to the vote first.`;
    }
    default:
      return code;
  }
}

export function gate(q: Query, spec: Spec<ActionType>, type: ActionType, by: Seat): Rejection | null {
  const code = gateCode(q, spec, type, by);
  return code === null ? null : reject(code, gateMessage(code, q, type, by));
}
