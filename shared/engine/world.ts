import type { Predicate } from "../scenario/predicate.ts";
import { own } from "../util/own.ts";
import { currentEffects } from "./rules/order.ts";
import { indexOf } from "./scenarioIndex.ts";
import type { State } from "./state.ts";

/**
 * What predicates are judged against: a game's result, or a bot's "what if P1 were adopted" variant of it.
 * Plain data, so bots can build hypothetical worlds without touching the state.
 */
export interface World {
  adopted: ReadonlySet<string>;
  byConsensus: ReadonlySet<string>;
  dimensions: Record<string, number>;
  /** Agenda items on which a formal (substantive) vote was held. */
  votedItems: ReadonlySet<string>;
  signed: ReadonlySet<string>;
  /** Delegations that broke at least one pledge. */
  pledgeBreakers: ReadonlySet<string>;
}

export function clip(x: number): number {
  return x < -1 ? -1 : x > 1 ? 1 : x;
}

/** Status quo plus the effects of each adopted proposal (as amended), clipped to [-1, 1]. */
export function positionAfter(
  scenario: { dimensions: readonly { id: string; statusQuo: number }[] },
  effectsOfAdopted: readonly Record<string, number>[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of scenario.dimensions) {
    let x = d.statusQuo;
    for (const e of effectsOfAdopted) x += own(e, d.id) ?? 0;
    out[d.id] = clip(Math.round(x * 1e9) / 1e9);
  }
  return out;
}

/** The final (or, mid-game, the current) position on every dimension. */
export function positionOf(state: State): Record<string, number> {
  const ix = indexOf(state.scenario);
  const effects: Record<string, number>[] = [];
  for (const p of state.scenario.proposals) {
    if (state.targets[p.id]?.status === "adopted") effects.push(currentEffects(state.scenario, ix, state, p.id));
  }
  return positionAfter(state.scenario, effects);
}

export function worldOf(state: State, pledgeBreakers: ReadonlySet<string> = new Set()): World {
  const ix = indexOf(state.scenario);
  const adopted = new Set<string>();
  const byConsensus = new Set<string>();
  for (const [id, t] of Object.entries(state.targets)) {
    if (t.status === "adopted") adopted.add(id);
    if (t.status === "adopted" && t.decision?.by === "consensus") byConsensus.add(id);
  }
  const votedItems = new Set<string>();
  for (const b of state.ballots) {
    const item = b.question === "substantive" ? ix.target.get(b.target)?.item.id : undefined;
    if (item) votedItems.add(item);
  }
  const signed = new Set(Object.entries(state.signatures).filter(([, s]) => s.signed).map(([id]) => id));
  return { adopted, byConsensus, dimensions: positionOf(state), votedItems, signed, pledgeBreakers };
}

/** Whether a predicate holds in a world, judged for delegation `self` (whose pledges "kept" refers to). */
export function holds(p: Predicate, w: World, self: string): boolean {
  if ("adopted" in p) return w.adopted.has(p.adopted);
  if ("not_adopted" in p) return !w.adopted.has(p.not_adopted);
  if ("byConsensus" in p) return w.byConsensus.has(p.byConsensus);
  if ("dimension" in p) {
    const x = own(w.dimensions, p.dimension) ?? 0;
    return (p.atMost === undefined || x <= p.atMost + 1e-9) && (p.atLeast === undefined || x >= p.atLeast - 1e-9);
  }
  if ("noVote" in p) return !w.votedItems.has(p.noVote);
  if ("signedAtLeast" in p) return w.signed.size >= p.signedAtLeast;
  if ("signedAtMost" in p) return w.signed.size <= p.signedAtMost;
  if ("signed" in p) return w.signed.has(p.signed);
  if ("kept" in p) return !w.pledgeBreakers.has(self);
  if ("all" in p) return p.all.every((q) => holds(q, w, self));
  if ("any" in p) return p.any.some((q) => holds(q, w, self));
  return !holds(p.not, w, self);
}

/** A predicate in words, for briefings and bot reasons ("CYB at most +0.4"). */
export function describe(p: Predicate): string {
  const signedNum = (x: number) => (x > 0 ? `+${x}` : `${x}`);
  if ("adopted" in p) return `${p.adopted} adopted`;
  if ("not_adopted" in p) return `${p.not_adopted} not adopted`;
  if ("byConsensus" in p) return `${p.byConsensus} adopted by consensus`;
  if ("dimension" in p) {
    const parts = [];
    if (p.atLeast !== undefined) parts.push(`at least ${signedNum(p.atLeast)}`);
    if (p.atMost !== undefined) parts.push(`at most ${signedNum(p.atMost)}`);
    return `${p.dimension} ${parts.join(" and ")}`;
  }
  if ("noVote" in p) return `no vote on item ${p.noVote}`;
  if ("signedAtLeast" in p) return `at least ${p.signedAtLeast} signatures`;
  if ("signedAtMost" in p) return `at most ${p.signedAtMost} signatures`;
  if ("signed" in p) return `${p.signed} signs`;
  if ("kept" in p) return "every pledge kept";
  if ("all" in p) return p.all.map(describe).join(" and ");
  if ("any" in p) return p.any.map(describe).join(" or ");
  return `not (${describe(p.not)})`;
}
