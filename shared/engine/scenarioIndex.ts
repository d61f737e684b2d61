import type { AgendaItem, Amendment, Proposal, ResolvedDelegation, Scenario } from "../scenario/schema.ts";

/**
 * Lookups over an immutable scenario, built once per scenario object and cached. A cache, not state: it is
 * derived from the scenario alone, so it never affects a hash or a replay.
 */
export interface TargetMeta {
  id: string;
  kind: "proposal" | "amendment";
  proposal: Proposal;
  amendment: Amendment | null;
  item: AgendaItem;
  title: string;
  sponsors: string[];
}

export interface ScenarioIndex {
  delegation: Map<string, ResolvedDelegation>;
  /** Delegations at the conference (scenario `present`), in id order. */
  attending: string[];
  /** Delegations counted for quorum and for the "accredited" basis: a voting right, and present or represented. */
  accredited: string[];
  /** Principal → holder of its proxy. */
  proxyHolder: Map<string, string>;
  /** Holder → the principal whose proxy it holds. */
  proxyPrincipal: Map<string, string>;
  /** All delegations by sortKey (French name folded to ASCII), the roll-call order before the lot. */
  rollOrder: string[];
  target: Map<string, TargetMeta>;
  item: Map<string, AgendaItem>;
  dimensions: string[];
}

const cache = new WeakMap<Scenario, ScenarioIndex>();

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function indexOf(scenario: Scenario): ScenarioIndex {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const delegation = new Map(scenario.delegations.map((d) => [d.id, d]));
  const proxyHolder = new Map<string, string>();
  const proxyPrincipal = new Map<string, string>();
  for (const d of scenario.delegations) {
    if (d.proxyTo !== undefined) {
      proxyHolder.set(d.id, d.proxyTo);
      proxyPrincipal.set(d.proxyTo, d.id);
    }
  }
  const item = new Map(scenario.agenda.map((a) => [a.id, a]));
  const target = new Map<string, TargetMeta>();
  for (const a of scenario.agenda) {
    for (const pid of a.proposals) {
      const proposal = scenario.proposals.find((p) => p.id === pid);
      if (!proposal) continue;
      target.set(proposal.id, { id: proposal.id, kind: "proposal", proposal, amendment: null, item: a, title: proposal.title, sponsors: proposal.sponsors });
      for (const amendment of proposal.amendments) {
        target.set(amendment.id, { id: amendment.id, kind: "amendment", proposal, amendment, item: a, title: amendment.title, sponsors: amendment.sponsors });
      }
    }
  }
  const ids = scenario.delegations.map((d) => d.id).sort(byCodeUnits);
  const index: ScenarioIndex = {
    delegation,
    attending: ids.filter((id) => delegation.get(id)?.present),
    accredited: ids.filter((id) => {
      const d = delegation.get(id);
      return d !== undefined && d.votingRight && (d.present || d.proxyTo !== undefined);
    }),
    proxyHolder,
    proxyPrincipal,
    rollOrder: [...scenario.delegations]
      .sort((a, b) => byCodeUnits(a.sortKey.toUpperCase(), b.sortKey.toUpperCase()) || byCodeUnits(a.id, b.id))
      .map((d) => d.id),
    target,
    item,
    dimensions: scenario.dimensions.map((d) => d.id),
  };
  cache.set(scenario, index);
  return index;
}

export { byCodeUnits };
