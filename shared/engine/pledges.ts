import type { Pledge } from "./actions.ts";
import { castOf } from "./ballots.ts";
import type { Offer, State } from "./state.ts";

/** The text a pledge is about. */
export function pledgeTarget(p: Pledge): string {
  if ("vote" in p) return p.vote.target;
  if ("second" in p) return p.second;
  if ("no_objection" in p) return p.no_objection;
  if ("withdraw" in p) return p.withdraw;
  return p.cosponsor;
}

/** A pledge in words, after "we" or "they": "vote yes on P1", "not object to A2". */
export function pledgeText(p: Pledge): string {
  if ("vote" in p) return `vote ${p.vote.choice} on ${p.vote.target}`;
  if ("second" in p) return `second ${p.second}`;
  if ("no_objection" in p) return `not object to ${p.no_objection}`;
  if ("withdraw" in p) return `withdraw ${p.withdraw}`;
  return `co-sponsor ${p.cosponsor}`;
}

export type PledgeStatus = "kept" | "broken" | "pending" | "moot";

export interface PledgeJudgement {
  offer: string;
  /** Who promised. */
  by: string;
  /** To whom. */
  to: string;
  pledge: Pledge;
  status: PledgeStatus;
  /** A pledge about a secret ballot is judged, and shown, to its two parties only. */
  secret: boolean;
}

const DECIDED = new Set(["adopted", "rejected", "withdrawn", "not_decided"]);

/**
 * Whether a promise was kept, judged from the state (DESIGN §4): "pending" while it can still be kept or
 * broken, "moot" when its occasion never came (no vote held, the text never tabled).
 */
export function judgePledge(s: State, pledger: string, p: Pledge, since: number): { status: PledgeStatus; secret: boolean } {
  const closed = s.phase === "closed";
  if ("vote" in p) {
    let ballot: State["ballots"][number] | undefined;
    for (let i = s.ballots.length - 1; i >= 0 && !ballot; i--) {
      const b = s.ballots[i];
      if (b && b.question === "substantive" && b.target === p.vote.target && b.seq > since) ballot = b;
    }
    const secret = ballot?.method === "secret" || (s.ballot?.target === p.vote.target && s.ballot.method === "secret");
    if (!ballot) {
      const t = s.targets[p.vote.target];
      const over = closed || (t !== undefined && DECIDED.has(t.status));
      return { status: over ? "moot" : "pending", secret };
    }
    const cast = castOf(ballot.cast, pledger);
    if (cast?.choice === null) return { status: "pending", secret }; // unknown: a public replay
    return { status: cast?.choice === p.vote.choice ? "kept" : "broken", secret };
  }
  const target = pledgeTarget(p);
  const t = s.targets[target];
  if (!t) return { status: "moot", secret: false };
  const decided = DECIDED.has(t.status);
  const over = decided || closed;
  if ("second" in p) {
    if (t.seconders.includes(pledger)) return { status: "kept", secret: false };
    if (t.status === "draft") return { status: over ? "moot" : "pending", secret: false };
    return { status: over ? "broken" : "pending", secret: false };
  }
  if ("cosponsor" in p) {
    if (t.cosponsors.includes(pledger)) return { status: "kept", secret: false };
    if (t.status === "draft") return { status: over ? "moot" : "pending", secret: false };
    return { status: over ? "broken" : "pending", secret: false };
  }
  if ("withdraw" in p) {
    if (t.status === "withdrawn") return { status: "kept", secret: false };
    if (t.status === "draft") return { status: closed ? "moot" : "pending", secret: false };
    return { status: over ? "broken" : "pending", secret: false };
  }
  // no_objection: broken if the pledger's objection stood when the question was decided (or at the close).
  if (decided) return { status: t.decision?.objectors.includes(pledger) ? "broken" : "kept", secret: false };
  if (closed) return { status: t.objections[pledger] !== undefined ? "broken" : "kept", secret: false };
  return { status: "pending", secret: false };
}

const judged = new WeakMap<State, PledgeJudgement[]>();

/**
 * Every pledge of every accepted offer, judged. Offers unknown in a public replay are skipped. States are
 * immutable, so the judgement is made once per state however many seats' views ask for it.
 */
export function judgeAll(s: State): PledgeJudgement[] {
  let out = judged.get(s);
  if (!out) {
    out = judgeNow(s);
    judged.set(s, out);
  }
  return out;
}

/**
 * The pledges of these offers (a seat's own, for its private view), judged: what judgeAll gives for them,
 * in the same order, without judging every other pair's pledges on every state a view is built for.
 */
export function judgeOffers(s: State, offers: readonly Offer[]): PledgeJudgement[] {
  return judgeNow(s, offers);
}

function judgeNow(s: State, offers: readonly Offer[] = s.offers): PledgeJudgement[] {
  const out: PledgeJudgement[] = [];
  const accepted = offers.filter((o): o is Offer & { to: string } => o.status === "accepted" && o.to !== null);
  for (const o of accepted) {
    const since = o.settledSeq ?? o.seq;
    for (const pledge of o.give ?? []) out.push({ offer: o.id, by: o.from, to: o.to, pledge, ...judgePledge(s, o.from, pledge, since) });
    for (const pledge of o.ask ?? []) out.push({ offer: o.id, by: o.to, to: o.from, pledge, ...judgePledge(s, o.to, pledge, since) });
  }
  return out;
}
