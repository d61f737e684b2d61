import type { ScenarioIndex } from "../scenarioIndex.ts";
import type { DelegationId, State } from "../state.ts";

/** At the conference (scenario) and in the room (has not walked out). */
export function inRoom(s: State, ix: ScenarioIndex, id: DelegationId): boolean {
  return ix.delegation.get(id)?.present === true && s.walkedOut[id] === undefined;
}

export interface Electorate {
  /** Principals whose ballot can be cast now, in id order. */
  voters: DelegationId[];
  /** Principal → delegation that casts its ballot, for proxies. */
  proxies: Record<DelegationId, DelegationId>;
}

/**
 * Who may vote now: a voting right, and either in the room or represented by a proxy holder who is
 * (DESIGN §3). A proxy holder casts its principal's ballot with `vote {…, for}`.
 */
export function electorate(s: State, ix: ScenarioIndex): Electorate {
  const voters: DelegationId[] = [];
  const proxies: Record<DelegationId, DelegationId> = {};
  for (const id of ix.accredited) {
    const holder = ix.proxyHolder.get(id);
    if (inRoom(s, ix, id)) voters.push(id);
    else if (holder !== undefined && inRoom(s, ix, holder)) {
      voters.push(id);
      proxies[id] = holder;
    }
  }
  return { voters, proxies };
}

/**
 * Quorum (CV No. 385): more than half of the delegations accredited with a voting right are present or
 * represented. Checked when a vote is called.
 */
export function quorum(s: State, ix: ScenarioIndex): { met: boolean; present: number; needed: number; of: number } {
  const present = electorate(s, ix).voters.length;
  const of = ix.accredited.length;
  const needed = Math.floor(of / 2) + 1;
  return { met: present >= needed, present, needed, of };
}

/** Why there is no vote, in words: "no quorum (2 of 5 present or represented, 3 needed)". */
export function noQuorumReason(s: State, ix: ScenarioIndex): string {
  const qu = quorum(s, ix);
  return `no quorum (${qu.present} of ${qu.of} present or represented, ${qu.needed} needed)`;
}
