import { closeness } from "../shared/engine/outcome.ts";
import { describe, holds, positionAfter, type World } from "../shared/engine/world.ts";
import type { GameModel } from "./model.ts";

export interface ScoreEstimate {
  score: number;
  closeness: number;
  position: Record<string, number>;
  redLines: { text: string; crossed: boolean }[];
  objectives: { id: string; text: string; bonus: number; met: boolean }[];
}

/**
 * The live estimate of this delegation's score: the score formula applied to the conference as it stands
 * (adopted texts and our own adopted amendments; the signing and pledges count at the end). Uses the engine's own functions.
 */
export function estimate(model: GameModel): ScoreEstimate | null {
  const me = model.private?.delegation;
  if (!me) return null;
  const { view, scenario } = model;
  const adopted = new Set(Object.entries(view.targets).filter(([, t]) => t.status === "adopted").map(([id]) => id));
  const effects = scenario.proposals
    .filter((p) => adopted.has(p.id))
    .map((p) => {
      const by = view.targets[p.id]?.amendedBy;
      return (by ? p.amendments.find((a) => a.id === by)?.effects : undefined) ?? p.effects;
    });
  const position = positionAfter(scenario, effects);
  const voted = new Set<string>();
  for (const b of view.ballots) {
    if (b.question !== "substantive") continue;
    const item = scenario.agenda.find((a) => a.proposals.some((pid) => pid === b.target || scenario.proposals.find((p) => p.id === pid)?.amendments.some((x) => x.id === b.target)));
    if (item) voted.add(item.id);
  }
  const world: World = {
    adopted,
    byConsensus: new Set(Object.entries(view.targets).filter(([, t]) => t.status === "adopted" && t.decision?.by === "consensus").map(([id]) => id)),
    dimensions: position,
    votedItems: voted,
    signed: new Set(Object.entries(view.signatures).filter(([, s]) => s.signed).map(([id]) => id)),
    pledgeBreakers: new Set(),
  };
  const near = closeness(me.stance, me.weights, position);
  const redLines = me.redLines.map((p) => ({ text: describe(p), crossed: !holds(p, world, me.id) }));
  const objectives = me.objectives.map((o) => ({ id: o.id, text: o.text, bonus: o.bonus, met: holds(o.when, world, me.id) }));
  const ownAmendments = scenario.proposals.flatMap((p) => p.amendments).filter((a) => a.sponsors.includes(me.id) && adopted.has(a.id));
  const s = scenario.scoring;
  const score =
    near -
    s.redLinePenalty * redLines.filter((r) => r.crossed).length +
    objectives.filter((o) => o.met).reduce((a, o) => a + o.bonus, 0) -
    s.soleObjectorPenalty * (view.soleObjections[me.id] ?? 0) +
    s.amendmentBonus * ownAmendments.length;
  return { score, closeness: near, position, redLines, objectives };
}
