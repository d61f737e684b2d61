import { openBallot } from "../ballots.ts";
import { nextNumber, note, reject, type Ctx, type Query } from "../context.ts";
import { edit, editById } from "../draft.ts";
import { quorum } from "../rules/presence.ts";
import { newRuling } from "../rulings.ts";
import { delegationName } from "./guards.ts";
import type { Spec } from "./spec.ts";

const ALL_OPEN = ["opening", "debate", "decision", "final_acts"] as const;

/**
 * How many points of order, appeals and motions one delegation may raise on one agenda item (or in the
 * opening, or during the Final Acts), engine 0.2.0 on: enough to defend a position, too few to hold the
 * meeting hostage (docs/procedure.md).
 */
export const CHAIN_LIMITS = { points: 3, appeals: 2, motions: 2 } as const;
type Chain = keyof typeof CHAIN_LIMITS;
const CHAIN_WORDS: Record<Chain, [string, string]> = { points: ["point of order", "points of order"], appeals: ["appeal", "appeals"], motions: ["motion", "motions"] };

function chainLimit(q: Query, by: string, kind: Chain) {
  const chains = q.s.chains;
  if (!chains) return null;
  const used = chains.by[by]?.[kind] ?? 0;
  if (used < CHAIN_LIMITS[kind]) return null;
  const where = chains.item === null ? (q.s.phase === "opening" ? "in the opening" : "during the Final Acts") : `on "${q.ix.item.get(chains.item)?.title ?? chains.item}"`;
  return reject(`${kind === "points" ? "point" : kind === "appeals" ? "appeal" : "motion"}/limit`, `${delegationName(q, by)} has made ${used} ${CHAIN_WORDS[kind][used === 1 ? 0 : 1]} ${where}, the most one delegation may: the meeting moves on.`);
}

function countChain(c: Ctx, by: string, kind: Chain): void {
  if (!c.s.chains) return;
  const counts = edit(c, "chains", "by");
  const mine = counts[by] ?? { points: 0, appeals: 0, motions: 0 };
  counts[by] = { ...mine, [kind]: mine[kind] + 1 };
}

export const point_of_order: Spec<"point_of_order"> = {
  seat: "delegation",
  phases: ALL_OPEN,
  // The one interruption allowed during a vote: a point on how the vote is conducted.
  inBallot: true,
  free: ["text"],
  check(q, _a, by) {
    const mine = q.s.points.find((p) => p.by === by && p.status === "pending");
    if (mine) return reject("point/already-pending", `${delegationName(q, by)} already has point of order ${mine.id} awaiting the chair's ruling.`);
    return chainLimit(q, by, "points");
  },
  reduce(c, a, by) {
    countChain(c, by, "points");
    const id = `PO${nextNumber(c, "point")}`;
    c.s.points = [...c.s.points, { id, by, text: a.text, status: "pending", seq: c.seq }];
    note(c, "point_of_order", id, `Point of order ${id} (${delegationName(c, by)}): ${a.text}`);
  },
  candidates: () => [{ type: "point_of_order", text: "" }],
};

export const rule: Spec<"rule"> = {
  seat: "chair",
  phases: ALL_OPEN,
  inBallot: true,
  beforeMotion: true,
  check(q, a) {
    const point = q.s.points.find((p) => p.id === a.point);
    if (!point) return reject("point/unknown", `There is no point of order ${a.point}.`);
    if (point.status !== "pending") return reject("point/ruled", `The chair has already ruled on ${a.point}.`);
    return null;
  },
  reduce(c, a) {
    const point = editById(c, "points", a.point);
    if (!point) return;
    point.status = a.decision;
    const ruling = newRuling(c, { kind: "point", subject: a.point, decision: a.decision, undo: null });
    note(c, "ruling", ruling.id, `Ruling ${ruling.id}: the chair ${a.decision === "upheld" ? "upholds" : "rejects"} point of order ${a.point}`);
  },
  candidates: (q) =>
    q.s.points
      .filter((p) => p.status === "pending")
      .flatMap((p) => (["upheld", "rejected"] as const).map((decision) => ({ type: "rule" as const, point: p.id, decision }))),
  none: () => reject("point/none-pending", "No point of order awaits a ruling."),
};

export const appeal: Spec<"appeal"> = {
  seat: "delegation",
  phases: ALL_OPEN,
  check(q, a, by) {
    const ruling = q.s.rulings.find((r) => r.id === a.ruling);
    if (!ruling) return reject("appeal/unknown", `There is no ruling ${a.ruling}.`);
    if (ruling.appeal !== "none") return reject("appeal/already", `Ruling ${a.ruling} has already been appealed.`);
    if (!ruling.appealable) return reject("appeal/too-late", `Ruling ${a.ruling} can no longer be appealed: the chair has moved on.`);
    return chainLimit(q, by, "appeals");
  },
  reduce(c, a, by) {
    countChain(c, by, "appeals");
    const ruling = editById(c, "rulings", a.ruling);
    if (!ruling) return;
    ruling.appealable = false;
    ruling.appeal = "pending";
    note(c, "appeal", ruling.id, `${delegationName(c, by)} appeals against ruling ${ruling.id}: the meeting decides at once whether to overturn it`);
    if (!quorum(c.s, c.ix).met) {
      ruling.appeal = "sustained";
      note(c, "appeal_failed", ruling.id, `The appeal against ${ruling.id} fails: no quorum; the ruling stands`);
      return;
    }
    openBallot(c, { target: ruling.id, question: "appeal", method: "show_of_hands" });
  },
  candidates: (q) => q.s.rulings.filter((r) => r.appealable && r.appeal === "none").map((r) => ({ type: "appeal" as const, ruling: r.id })),
  none: () => reject("appeal/nothing", "No ruling can be appealed now."),
};

export const motion: Spec<"motion"> = {
  seat: "delegation",
  phases: ["debate"],
  check(q, a, by) {
    const same = q.s.motions.find((m) => m.kind === a.kind && (m.status === "pending" || m.status === "voting"));
    if (same) return reject("motion/already-pending", `A motion to ${a.kind.replace("_", " the ")} (${same.id}) is already pending.`);
    if (a.kind === "adjourn_debate" && q.s.item !== null && q.s.items[q.s.item]?.adjourned) {
      return reject("motion/already-adjourned", "The debate on this item has already been adjourned once.");
    }
    return chainLimit(q, by, "motions");
  },
  reduce(c, a, by) {
    countChain(c, by, "motions");
    const id = `M${nextNumber(c, "motion")}`;
    c.s.motions = [...c.s.motions, { id, by, kind: a.kind, status: "pending", speakers: 0, seq: c.seq }];
    note(c, "motion", id, `${delegationName(c, by)} moves to ${a.kind.replace("_", " the ")} (${id})`);
  },
  candidates: () => (["suspend", "adjourn", "adjourn_debate", "close_debate"] as const).map((kind) => ({ type: "motion" as const, kind })),
};
