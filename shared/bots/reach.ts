import type { Predicate } from "../scenario/predicate.ts";
import { own } from "../util/own.ts";
import type { Outlook } from "./outlook.ts";

/**
 * The most a text could ever be worth to a delegation, for or against, whatever else is adopted (issue 12):
 * a bound, so that a bot need not watch the world for texts it could never care about. Closeness is
 * Σ w·(1 − |s − x|/2) / Σ w, so a text that moves dimension d by e changes it by at most w_d·|e|/2 / Σ w,
 * whatever x is; a red line or an objective that names the text, its proposal or a dimension it moves could
 * flip, and then there is no bound (Infinity).
 */
export function reachOf(o: Outlook, target: string): number {
  let byTarget = cache.get(o.me);
  if (!byTarget) cache.set(o.me, (byTarget = new Map()));
  let r = byTarget.get(target);
  if (r === undefined) byTarget.set(target, (r = compute(o, target)));
  return r;
}

const cache = new WeakMap<object, Map<string, number>>();

function compute(o: Outlook, target: string): number {
  const p = o.proposalOf(target);
  if (!p) return 0;
  const amendment = p.id === target ? undefined : p.amendments.find((a) => a.id === target);
  // An amendment replaces its proposal's effects: its worth is the difference (against the original text,
  // the only one in force while an amendment is still open).
  const change: Record<string, number> = {};
  for (const d of o.view.scenario.dimensions) {
    const e = amendment ? (own(amendment.effects, d.id) ?? 0) - (own(p.effects, d.id) ?? 0) : (own(p.effects, d.id) ?? 0);
    if (e !== 0) change[d.id] = e;
  }
  const ids = new Set([target, p.id, ...p.amendments.map((a) => a.id)]);
  const predicates = [...o.me.redLines, ...o.me.objectives.map((x) => x.when)];
  if (predicates.some((q) => touches(q, ids, change))) return Infinity;
  let total = 0;
  let sum = 0;
  for (const [dim, w] of Object.entries(o.me.weights)) {
    sum += w;
    total += (w * Math.abs(own(change, dim) ?? 0)) / 2;
  }
  return sum > 0 ? total / sum : 0;
}

function touches(q: Predicate, ids: Set<string>, change: Record<string, number>): boolean {
  if ("adopted" in q) return ids.has(q.adopted);
  if ("not_adopted" in q) return ids.has(q.not_adopted);
  if ("byConsensus" in q) return ids.has(q.byConsensus);
  if ("dimension" in q) return own(change, q.dimension) !== undefined;
  if ("all" in q) return q.all.some((x) => touches(x, ids, change));
  if ("any" in q) return q.any.some((x) => touches(x, ids, change));
  if ("not" in q) return touches(q.not, ids, change);
  // Votes held, signatures, pledges kept: adopting a text does not change them in a bot's what-if.
  return false;
}

/**
 * What a judgement of one text reads of the world (issue 12): the position on the dimensions it moves (and
 * on those of any red line or objective it could flip), and the adoption of the texts such a predicate names.
 * Everything else cancels out between "with the text" and "without it". `spec` names it for a worth: key.
 */
export interface Dependence {
  spec: string;
  votes: boolean;
  signed: boolean;
}

const dependences = new WeakMap<object, Map<string, Dependence>>();

export function dependenceOf(o: Outlook, target: string): Dependence {
  let byTarget = dependences.get(o.me);
  if (!byTarget) dependences.set(o.me, (byTarget = new Map()));
  let d = byTarget.get(target);
  if (!d) byTarget.set(target, (d = dependence(o, target)));
  return d;
}

function dependence(o: Outlook, target: string): Dependence {
  const p = o.proposalOf(target);
  const dims = new Set<string>();
  const ids = new Set<string>();
  const flags = { votes: false, signed: false };
  if (p) {
    const amendment = p.id === target ? undefined : p.amendments.find((a) => a.id === target);
    const change: Record<string, number> = {};
    for (const d of o.view.scenario.dimensions) {
      const e = amendment ? (own(amendment.effects, d.id) ?? 0) - (own(p.effects, d.id) ?? 0) : (own(p.effects, d.id) ?? 0);
      if (e !== 0) {
        change[d.id] = e;
        dims.add(d.id);
      }
    }
    const own_ = new Set([target, p.id, ...p.amendments.map((a) => a.id)]);
    for (const q of [...o.me.redLines, ...o.me.objectives.map((x) => x.when)]) if (touches(q, own_, change)) atoms(q, dims, ids, flags);
  }
  const spec = `${[...dims].sort().join(",")}|${[...ids].sort().join(",")}`;
  return { spec, ...flags };
}

function atoms(q: Predicate, dims: Set<string>, ids: Set<string>, flags: { votes: boolean; signed: boolean }): void {
  if ("adopted" in q) ids.add(q.adopted);
  else if ("not_adopted" in q) ids.add(q.not_adopted);
  else if ("byConsensus" in q) ids.add(q.byConsensus);
  else if ("dimension" in q) dims.add(q.dimension);
  else if ("noVote" in q) flags.votes = true;
  else if ("signedAtLeast" in q || "signedAtMost" in q || "signed" in q) flags.signed = true;
  else if ("all" in q) for (const x of q.all) atoms(x, dims, ids, flags);
  else if ("any" in q) for (const x of q.any) atoms(x, dims, ids, flags);
  else if ("not" in q) atoms(q.not, dims, ids, flags);
}
