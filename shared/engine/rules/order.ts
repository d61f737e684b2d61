import type { Scenario } from "../../scenario/schema.ts";
import { own } from "../../util/own.ts";
import type { ScenarioIndex } from "../scenarioIndex.ts";
import type { State } from "../state.ts";

/** L1 distance between two effect vectors over the scenario's dimensions (a missing dimension is 0). */
export function effectDistance(dimensions: readonly string[], a: Record<string, number>, b: Record<string, number>): number {
  let d = 0;
  for (const dim of dimensions) d += Math.abs((own(a, dim) ?? 0) - (own(b, dim) ?? 0));
  // Rounded so that 0.1 + 0.4 and 0.5 compare as the equal distances an author meant them to be.
  return Math.round(d * 1e6) / 1e6;
}

/** The effects a proposal stands for now: its own, or those of the amendment incorporated into it. */
export function currentEffects(scenario: Scenario, ix: ScenarioIndex, s: State, proposalId: string): Record<string, number> {
  const meta = ix.target.get(proposalId);
  if (!meta) return {};
  const by = s.targets[proposalId]?.amendedBy;
  const amendment = by ? ix.target.get(by)?.amendment : null;
  return amendment ? amendment.effects : meta.proposal.effects;
}

export interface DecisionPlan {
  /** Questions in the order they are decided. */
  queue: string[];
  /** Tabled or moved but never seconded: they lapse when debate ends. */
  unseconded: string[];
}

/**
 * Supported by at least one delegation besides its author (CV No. 382): a seconder, or a second sponsor. A
 * text two delegations put forward together already has the support the rule asks for.
 */
export function isSupported(t: { seconders: readonly string[]; cosponsors: readonly string[] } | undefined, sponsors: readonly string[]): boolean {
  if (!t) return false;
  return t.seconders.length > 0 || sponsors.length + t.cosponsors.length >= 2;
}

export function isSeconded(s: State, ix: ScenarioIndex, id: string): boolean {
  return isSupported(s.targets[id], ix.target.get(id)?.sponsors ?? []);
}

/**
 * The order of decision for an agenda item (DESIGN §3): proposals in the order tabled; before each, its
 * seconded amendments, the one furthest from the original first (L1 distance of effects; ties by the order
 * moved). Amendments are measured against the proposal's original text, as the rule says.
 */
export function decisionPlan(s: State, ix: ScenarioIndex, item: string): DecisionPlan {
  const agendaItem = ix.item.get(item);
  const queue: string[] = [];
  const unseconded: string[] = [];
  if (!agendaItem) return { queue, unseconded };
  const proposals = agendaItem.proposals
    .filter((id) => s.targets[id]?.status === "tabled")
    .sort((a, b) => (s.targets[a]?.order ?? 0) - (s.targets[b]?.order ?? 0));
  for (const pid of proposals) {
    const meta = ix.target.get(pid);
    if (!meta) continue;
    const moved = meta.proposal.amendments.filter((a) => s.targets[a.id]?.status === "moved");
    if (!isSeconded(s, ix, pid)) {
      unseconded.push(pid, ...moved.map((a) => a.id));
      continue;
    }
    const ready = moved.filter((a) => isSeconded(s, ix, a.id));
    unseconded.push(...moved.filter((a) => !isSeconded(s, ix, a.id)).map((a) => a.id));
    ready
      .map((a) => ({ id: a.id, distance: effectDistance(ix.dimensions, a.effects, meta.proposal.effects), order: s.targets[a.id]?.order ?? 0 }))
      .sort((x, y) => y.distance - x.distance || x.order - y.order)
      .forEach((a) => queue.push(a.id));
    queue.push(pid);
  }
  return { queue, unseconded };
}
