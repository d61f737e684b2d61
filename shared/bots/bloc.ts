import type { View } from "../engine/view.ts";

/**
 * Blocs as sign-on coalitions (DESIGN §8): a bloc's leader shows its hand in public — it sponsors, co-sponsors
 * or seconds a text, objects to it, or votes in an open ballot — and its members weigh that signal by their
 * loyalty. Read from the public view only: a bot never learns a leader's stance, just what it did.
 */

/** How much a fully loyal member's judgement moves towards its leader's (in utility units). */
export const LEADER_PULL = 0.04;

export interface Leader {
  id: string;
  bloc: string;
}

type PublicDelegation = View["scenario"]["delegations"][number];
const indexes = new WeakMap<object, { delegations: Map<string, PublicDelegation>; leaders: Map<string, Leader | null>; blocLeaders: Set<string> }>();

/** The public scenario's delegations by id, built once per scenario (a 193-seat plenary asks often). */
function indexOf(view: Pick<View, "scenario">) {
  let ix = indexes.get(view.scenario);
  if (!ix) {
    ix = { delegations: new Map(view.scenario.delegations.map((d) => [d.id, d])), leaders: new Map(), blocLeaders: new Set(view.scenario.blocs.map((b) => b.leader).filter((l): l is string => Boolean(l))) };
    indexes.set(view.scenario, ix);
  }
  return ix;
}

function leadersOf(view: Pick<View, "scenario">): Set<string> {
  return indexOf(view).blocLeaders;
}

export function delegationOf(view: Pick<View, "scenario">, id: string): PublicDelegation | undefined {
  return indexOf(view).delegations.get(id);
}

/** The leader this delegation follows: its template bloc's, else the first of its blocs that has one. */
export function leaderOf(view: View, me: string, template: string | undefined): Leader | null {
  const ix = indexOf(view);
  const key = `${me}:${template ?? ""}`;
  if (!ix.leaders.has(key)) ix.leaders.set(key, findLeader(view, me, template));
  return ix.leaders.get(key) ?? null;
}

function findLeader(view: View, me: string, template: string | undefined): Leader | null {
  const mine = delegationOf(view, me)?.blocs ?? [];
  const order = template ? [template, ...mine.filter((b) => b !== template)] : mine;
  for (const id of order) {
    const bloc = view.scenario.blocs.find((b) => b.id === id);
    if (bloc?.leader && bloc.leader !== me) return { id: bloc.leader, bloc: bloc.id };
  }
  return null;
}

export interface Signal {
  /** +1 the leader backs the text, −1 it opposes it, 0 nothing public yet. */
  sign: -1 | 0 | 1;
  how: string;
}

/** What a signal is read from: the public view, or (for the conductor's wake keys) the same parts of a state. */
export interface SignalSource {
  targets: View["targets"];
  scenario: { proposals: View["scenario"]["proposals"] };
  voteRequests: View["voteRequests"];
  /** The open ballot's question and target, with a delegation's choice as the room sees it (none if secret). */
  ballot: { question: string; target: string } | null;
  choiceOf(delegation: string): string | undefined;
}

/** The public view as a signal source. */
export function viewSignals(view: View): SignalSource {
  return { targets: view.targets, scenario: view.scenario, voteRequests: view.voteRequests, ballot: view.ballot, choiceOf: (d) => view.ballot?.choices[d] };
}

/** What the leader has done in public about `target`, the latest and clearest signal first. */
export function leaderSignal(view: View, leader: string, target: string): Signal {
  return signalFrom(viewSignals(view), leader, target);
}

export function signalFrom(src: SignalSource, leader: string, target: string): Signal {
  const ballot = src.ballot;
  if (ballot && ballot.question === "substantive" && ballot.target === target) {
    const choice = src.choiceOf(leader);
    if (choice === "yes") return { sign: 1, how: `${leader} voted yes` };
    if (choice === "no") return { sign: -1, how: `${leader} voted no` };
  }
  const t = src.targets[target];
  if (t?.objections[leader] !== undefined) return { sign: -1, how: `${leader} objects` };
  const p = src.scenario.proposals.find((x) => x.id === target || x.amendments.some((a) => a.id === target));
  const sponsors = (p?.id === target ? p.sponsors : p?.amendments.find((a) => a.id === target)?.sponsors) ?? [];
  if (sponsors.includes(leader)) return { sign: 1, how: `${leader} sponsors it` };
  if (t?.cosponsors.includes(leader)) return { sign: 1, how: `${leader} co-sponsors it` };
  if (t?.seconders.includes(leader)) return { sign: 1, how: `${leader} seconded it` };
  if (src.voteRequests.some((r) => r.by === leader && r.target === target)) return { sign: 1, how: `${leader} asked for a vote on it` };
  // An amendment of a text the leader sponsors rewrites the leader's text: read as opposition unless the
  // leader has said otherwise.
  if (p && p.id !== target && p.sponsors.includes(leader)) return { sign: -1, how: `it rewrites ${leader}'s text` };
  return { sign: 0, how: "" };
}

/**
 * Of these objectors, the bloc leaders and the heavyweights (influence 6 or more), at most three, weightiest
 * first: those who can deliver when a deal lifts an objection (a leader's lifting brings its followers along).
 */
export function brokersAmong(view: Pick<View, "scenario">, objectors: readonly string[], most = 3): string[] {
  const leaders = leadersOf(view);
  const weight = (d: string) => (leaders.has(d) ? 10 : (delegationOf(view, d)?.influence ?? 0));
  return objectors.filter((d) => weight(d) >= 6).sort((a, b) => weight(b) - weight(a)).slice(0, most);
}
