import type { Action } from "../shared/engine/actions.ts";
import type { Phase } from "../shared/engine/state.ts";
import type { PublicScenario } from "../shared/engine/view.ts";

/** Words for what the engine names with codes: phases, statuses, methods, actions. */

export const PHASES: Record<Phase, string> = {
  opening: "Opening",
  debate: "Debate",
  decision: "Decision",
  final_acts: "Final Acts",
  closed: "Closed",
};

export const STATUS: Record<string, string> = {
  draft: "not tabled",
  tabled: "before the meeting",
  moved: "moved",
  adopted: "adopted",
  rejected: "rejected",
  postponed: "postponed",
  withdrawn: "withdrawn",
  not_decided: "not decided",
};

export const METHODS: Record<string, string> = { show_of_hands: "show of hands", roll_call: "roll-call", secret: "secret ballot" };

export const BY: Record<string, string> = { consensus: "by consensus", vote: "by vote", chair_overrule: "by the chair's ruling", sponsor: "accepted by the sponsor", none: "" };

export const RULES: Record<string, string> = { consensus: "Consensus", majority: "One country, one vote" };

export function nameOf(scenario: PublicScenario, id: string | null | undefined): string {
  if (!id) return "";
  if (id === "chair") return "The chair";
  if (id === "system") return "The clock";
  return scenario.delegations.find((d) => d.id === id)?.name ?? id;
}

export function titleOf(scenario: PublicScenario, id: string): string {
  for (const p of scenario.proposals) {
    if (p.id === id) return p.title;
    const a = p.amendments.find((x) => x.id === id);
    if (a) return a.title;
  }
  return id;
}

export function signed(x: number): string {
  const r = Math.round(x * 100) / 100;
  return r > 0 ? `+${r.toFixed(2)}` : r.toFixed(2);
}

/** One action in words, for the record and for buttons. */
export function describe(scenario: PublicScenario, action: Action | Record<string, unknown>): string {
  const a = action as Record<string, unknown> & { type: string };
  const t = (id: unknown) => (typeof id === "string" ? `${id} (${titleOf(scenario, id)})` : "");
  switch (a.type) {
    case "deadline":
      return "time runs out";
    case "open_item":
      return `opens the item “${scenario.agenda.find((i) => i.id === a.item)?.title ?? a.item}”`;
    case "give_floor":
      return `gives the floor to ${nameOf(scenario, a.to as string)}`;
    case "close_speakers_list":
      return "closes the list of speakers";
    case "call_consensus":
      return `calls for consensus on ${t(a.target)}`;
    case "declare_consensus":
      return a.overrule ? `declares ${t(a.target)} adopted over the objections` : `declares consensus on ${t(a.target)}`;
    case "take_temperature":
      return `takes the temperature of the room on ${t(a.target)}`;
    case "call_vote":
      return `calls a vote on ${a.target}${a.method ? ` (${METHODS[a.method as string] ?? a.method})` : ""}`;
    case "close_vote":
      return "closes the vote";
    case "rule":
      return `rules on ${a.point}: ${a.decision}`;
    case "suspend":
      return "suspends the meeting";
    case "resume":
      return "resumes the meeting";
    case "open_signing":
      return "opens the Final Acts for signature";
    case "close_conference":
      return "closes the conference";
    case "request_floor":
      return "asks for the floor";
    case "speak":
      return `speaks: “${a.text}”`;
    case "yield_floor":
      return "yields the floor";
    case "table":
      return `tables ${t(a.target)}`;
    case "second":
      return `seconds ${t(a.target)}`;
    case "cosponsor":
      return `co-sponsors ${t(a.target)}`;
    case "withdraw":
      return `withdraws ${t(a.target)}`;
    case "move_amendment":
      return `moves ${t(a.amendment)}`;
    case "accept_amendment":
      return `accepts ${t(a.amendment)}`;
    case "object":
      return `objects to ${a.target}${a.reason ? `: ${a.reason}` : ""}`;
    case "withdraw_objection":
      return `withdraws its objection to ${a.target}`;
    case "placard":
      return `raises its placard ${a.position} ${a.target}`;
    case "request_vote":
      return `requests a ${METHODS[a.method as string] ?? "formal"} vote on ${a.target}`;
    case "vote":
      return a.choice === null ? `votes on ${a.target} (secret)` : `votes ${a.choice} on ${a.target}${a.for ? ` for ${nameOf(scenario, a.for as string)}` : ""}`;
    case "explain_vote":
      return `explains its vote on ${a.target}: “${a.text}”`;
    case "point_of_order":
      return `raises a point of order: “${a.text}”`;
    case "appeal":
      return `appeals against ruling ${a.ruling}`;
    case "motion":
      return `moves to ${String(a.kind).replace("_", " the ")}`;
    case "offer":
      return a.to ? `makes an offer to ${nameOf(scenario, a.to as string)}` : "makes a private offer";
    case "accept_offer":
      return `accepts offer ${a.offer}`;
    case "decline_offer":
      return `declines offer ${a.offer}`;
    case "retract_offer":
      return `retracts offer ${a.offer}`;
    case "walk_out":
      return "walks out";
    case "return":
      return "returns to the room";
    case "sign":
      return Array.isArray(a.reservations) && a.reservations.length ? `signs with reservations on ${(a.reservations as string[]).join(", ")}` : "signs the Final Acts";
    case "decline_to_sign":
      return "declines to sign";
    default:
      return a.type;
  }
}

export function clockText(deadlineAt: number, now: number): string {
  if (!deadlineAt) return "";
  const left = Math.max(0, Math.round((deadlineAt - now) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
}
