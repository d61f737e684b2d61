import { own } from "../util/own.ts";
import { judgeAll, type PledgeJudgement } from "./pledges.ts";
import { indexOf } from "./scenarioIndex.ts";
import type { DecidedBy, FinalStatus, State, Tally } from "./state.ts";
import { since } from "./version.ts";
import { describe, holds, worldOf, type World } from "./world.ts";

export interface OutcomeDecision {
  target: string;
  kind: "proposal" | "amendment";
  title: string;
  status: FinalStatus | "pending";
  by: DecidedBy;
  tally: Tally | null;
  seq: number;
  /** The rule that decided it, in words ("tie: rejected"). */
  reason: string;
}

export interface ScoreDetail {
  /** Weighted closeness of the result to the delegation's stance, in [0, 1]. */
  closeness: number;
  redLinesCrossed: string[];
  objectivesMet: string[];
  soleObjections: number;
  pledgesKept: number;
  pledgesBroken: number;
  amendmentsAdopted: string[];
  score: number;
}

export interface Outcome {
  closed: boolean;
  dimensions: Record<string, number>;
  decisions: OutcomeDecision[];
  signed: string[];
  declined: string[];
  scores: Record<string, number>;
  details: Record<string, ScoreDetail>;
  pledges: PledgeJudgement[];
  chairLegitimacy: number;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Weighted closeness of a position to a stance: Σ w·(1 − |s − o|/2) / Σ w. */
export function closeness(stance: Record<string, number>, weights: Record<string, number>, position: Record<string, number>): number {
  let total = 0;
  let sum = 0;
  for (const [dim, w] of Object.entries(weights)) {
    total += w * (1 - Math.abs((own(stance, dim) ?? 0) - (own(position, dim) ?? 0)) / 2);
    sum += w;
  }
  return sum > 0 ? total / sum : 0;
}

/**
 * The result of a game (DESIGN §2): where each dimension ended, every decision with the rule that decided
 * it, signatures, scores, and pledges kept or broken. Works mid-game too (a provisional result).
 */
export function outcome(state: State): Outcome {
  const ix = indexOf(state.scenario);
  const scoring = state.scenario.scoring;
  const pledges = judgeAll(state);
  // From engine 0.3.0 a pledge about a secret ballot counts for nothing public: neither the score nor a
  // "kept its pledges" objective may reveal that it was broken.
  const unscored = since(state, "secretPledgesUnscored");
  const breakers = new Set(pledges.filter((p) => p.status === "broken" && !(p.secret && unscored)).map((p) => p.by));
  const world: World = worldOf(state, breakers);

  const decisions: OutcomeDecision[] = Object.entries(state.targets)
    .filter(([, t]) => t.status !== "draft")
    .sort(([, a], [, b]) => a.order - b.order)
    .map(([id, t]) => {
      const meta = ix.target.get(id);
      const final = t.decision !== null && t.status !== "tabled" && t.status !== "moved";
      return {
        target: id,
        kind: meta?.kind ?? "proposal",
        title: meta?.title ?? id,
        status: final ? (t.status as FinalStatus) : "pending",
        by: final ? (t.decision?.by ?? "none") : "none",
        tally: final ? (t.decision?.tally ?? null) : null,
        seq: final ? (t.decision?.seq ?? 0) : 0,
        reason: final ? (t.decision?.reason ?? "") : "not decided yet",
      };
    });

  const scores: Record<string, number> = {};
  const details: Record<string, ScoreDetail> = {};
  for (const d of state.scenario.delegations) {
    const near = closeness(d.stance, d.weights, world.dimensions);
    const crossed = d.redLines.filter((p) => !holds(p, world, d.id)).map(describe);
    const met = d.objectives.filter((o) => holds(o.when, world, d.id));
    const mine = pledges.filter((p) => p.by === d.id);
    const amendments = state.scenario.proposals.flatMap((p) => p.amendments).filter((a) => a.sponsors.includes(d.id) && world.adopted.has(a.id)).map((a) => a.id);
    const sole = state.soleObjections[d.id] ?? 0;
    const broken = mine.filter((p) => p.status === "broken" && !(p.secret && unscored)).length;
    const score =
      near -
      scoring.redLinePenalty * crossed.length +
      met.reduce((sum, o) => sum + o.bonus, 0) -
      scoring.soleObjectorPenalty * sole -
      scoring.brokenPledgePenalty * broken +
      scoring.amendmentBonus * amendments.length;
    scores[d.id] = round(score);
    details[d.id] = {
      closeness: round(near),
      redLinesCrossed: crossed,
      objectivesMet: met.map((o) => o.id),
      soleObjections: sole,
      pledgesKept: mine.filter((p) => p.status === "kept").length,
      pledgesBroken: broken,
      amendmentsAdopted: amendments,
      score: round(score),
    };
  }

  const signed = Object.keys(state.signatures).filter((id) => state.signatures[id]?.signed).sort();
  const declined = Object.keys(state.signatures).filter((id) => state.signatures[id]?.signed === false).sort();
  const dimensions: Record<string, number> = {};
  for (const [k, v] of Object.entries(world.dimensions)) dimensions[k] = round(v);
  return {
    closed: state.phase === "closed",
    dimensions,
    decisions,
    signed,
    declined,
    scores,
    details,
    pledges,
    chairLegitimacy: state.chair.legitimacy / 100,
  };
}

/**
 * The outcome everyone may see at the debrief: every delegation's score and what made it, but pledges only
 * as counts, and without those about secret ballots (judged, and shown, to their two parties only).
 */
export type PublicOutcome = Omit<Outcome, "pledges">;

export function publicOutcome(state: State): PublicOutcome {
  const { pledges, details, ...rest } = outcome(state);
  const open = pledges.filter((p) => !p.secret);
  const counted: Record<string, ScoreDetail> = {};
  for (const [id, d] of Object.entries(details)) {
    counted[id] = {
      ...d,
      pledgesKept: open.filter((p) => p.by === id && p.status === "kept").length,
      pledgesBroken: open.filter((p) => p.by === id && p.status === "broken").length,
    };
  }
  return { ...rest, details: counted };
}
