import type { Action, Pledge } from "../engine/actions.ts";
import type { Moves } from "../engine/legal.ts";
import type { Offer } from "../engine/state.ts";
import { pledgeTarget, pledgeText } from "../engine/pledges.ts";
import { procedureHolds, sign, type Outlook } from "./outlook.ts";
import { brokersAmong } from "./bloc.ts";
import type { BotContext, Decision } from "./types.ts";

/**
 * Negotiation for bots (DESIGN §8): what a pledge is worth, answering offers by utility, making offers to
 * the delegations that block a text we want, keeping the pledges we accepted, and remembering who broke one
 * with us. A bot knows only its own view: its offers, its pledges as the engine judges them, the public record.
 */

const OPEN = new Set(["draft", "tabled", "moved"]);
/** An offer must leave us at least this much better off to be accepted. */
const ACCEPT_MARGIN = 0.005;
/** Offers a bot has open at most, and makes in a whole conference; at most one per counterpart and text. */
const MAX_OPEN = 2;
export const MAX_MADE = 4;

/**
 * What one pledge, kept by whoever makes it, is worth to us: our utility gain from its text times how much
 * such a pledge decides. Under consensus an objection decides, a vote rarely happens; under one country, one
 * vote the ballots decide.
 */
export function pledgeValue(o: Outlook, p: Pledge): number {
  const consensus = o.view.rule === "consensus";
  const delta = o.assess(pledgeTarget(p)).delta;
  if ("vote" in p) return (consensus ? 0.3 : 1) * (p.vote.choice === "yes" ? delta : p.vote.choice === "no" ? -delta : 0);
  if ("no_objection" in p) return (consensus ? 1 : 0.2) * delta;
  if ("withdraw" in p) return -(consensus ? 1 : 0.5) * delta;
  return 0.2 * delta;
}

/** Delegations that broke a pledge made to us: we take no more offers from them and make them none. */
export function breakers(o: Outlook): Set<string> {
  return new Set((o.view.private?.pledges ?? []).filter((p) => p.to === o.me.id && p.status === "broken").map((p) => p.by));
}

/** Our own pledges still to be kept. */
export function owed(o: Outlook): Pledge[] {
  return (o.view.private?.pledges ?? []).filter((p) => p.by === o.me.id && p.status === "pending").map((p) => p.pledge);
}

/** The offer's worth to us, as the party answering it: what they give us plus what we give them. */
function offerWorth(o: Offer, me: Outlook): { net: number; because: string } {
  const theirs = (o.give ?? []).map((p) => ({ p, v: pledgeValue(me, p) }));
  const ours = (o.ask ?? []).map((p) => ({ p, v: pledgeValue(me, p) }));
  const net = [...theirs, ...ours].reduce((s, x) => s + x.v, 0);
  const parts = [...theirs.map((x) => `they ${pledgeText(x.p)} (${sign(x.v)})`), ...ours.map((x) => `we ${pledgeText(x.p)} (${sign(x.v)})`)];
  return { net, because: `${parts.join(", ")}: net ${sign(net)}` };
}

/** Accepts or declines the first offer awaiting our answer. */
export function answerOffers(o: Outlook, moves: Moves, ctx: BotContext): Decision | null {
  const mine = o.view.private?.offers ?? [];
  // An offer made to us wakes us by itself (the conductor); one we cannot answer yet waits for the meeting.
  if (mine.length > 0) ctx.watch("offers");
  const broke = breakers(o);
  const waiting = mine.filter((x) => x.status === "open" && x.to === o.me.id).length;
  // The only offer awaiting our answer: once answered, we wait for what we waited for before it came.
  const then = (d: Decision): Decision => (waiting === 1 ? { ...d, after: "resume" } : d);
  for (const offer of mine) {
    if (offer.status !== "open" || offer.to !== o.me.id) continue;
    const accept = moves.of("accept_offer").find((a) => a.offer === offer.id);
    const decline = moves.of("decline_offer").find((a) => a.offer === offer.id);
    if (!accept && !decline) {
      if (procedureHolds(o.view)) ctx.watch("gate");
      continue;
    }
    if (broke.has(offer.from)) {
      if (decline) return then({ action: decline, why: `decline ${offer.id}: ${offer.from} broke a pledge to us before` });
      continue;
    }
    const { net, because } = offerWorth(offer, o);
    const crosses = (offer.ask ?? []).some((p) => ("vote" in p ? p.vote.choice === "yes" : "no_objection" in p || "second" in p || "cosponsor" in p) && o.assess(pledgeTarget(p)).crosses.length > 0);
    // Accepting binds us to pledges: we look again at once (there may be one to keep now).
    if (!crosses && net > ACCEPT_MARGIN && accept) return { action: accept, why: `accept ${offer.id} from ${offer.from}: ${because}` };
    if (decline) return then({ action: decline, why: `decline ${offer.id} from ${offer.from}: ${crosses ? "it asks us to help a text that crosses our red line" : because}` });
  }
  return null;
}

/**
 * Under consensus, a text we want blocked by someone's objection: offer that delegation our support for a
 * text it backs in public, if that costs us little, in exchange for lifting its objection. Under one
 * country, one vote: offer a sponsor of another text a swap of yes votes. One offer per counterpart and text.
 */
export function makeOffer(o: Outlook, moves: Moves, ctx: BotContext): Decision | null {
  const v = o.view;
  const me = o.me.id;
  const offers = v.private?.offers ?? [];
  const made = offers.filter((x) => x.from === me);
  if (o.me.influence < 5 || made.length >= MAX_MADE) return null; // small delegations follow; larger ones broker
  ctx.watch("offers");
  if (made.filter((x) => x.status === "open").length >= MAX_OPEN) return null;
  // Who could be a partner, and for what, is read from the public record of every text.
  ctx.watch("world");
  if (procedureHolds(v)) ctx.watch("gate");
  for (const p of v.scenario.proposals) for (const t of [p, ...p.amendments]) ctx.watch(v.rule === "consensus" ? `brokers:${t.id}:${me}` : `status:${t.id}`);
  const broke = breakers(o);
  const asked = new Set(offers.filter((x) => x.from === me).flatMap((x) => (x.ask ?? []).map((p) => `${x.to}:${pledgeTarget(p)}`)));
  const consensus = v.rule === "consensus";
  for (const [target, t] of Object.entries(v.targets)) {
    if (!OPEN.has(t.status) || t.status === "draft") continue;
    const want = o.assess(target);
    if (want.delta <= 0.03 || want.crosses.length > 0) continue;
    // Deals are made with those who can deliver: under consensus the weightiest objectors (a bloc's leader
    // lifting its objection brings its followers along), under one country, one vote other texts' sponsors.
    const counterparts = consensus ? brokersAmong(v, Object.keys(t.objections).filter((d) => d !== me)) : sponsorsOfOthers(o, target);
    for (const z of counterparts) {
      ctx.watch(`backing:${z}`);
      if (broke.has(z) || asked.has(`${z}:${target}`)) continue;
      const sweetener = bestSweetener(o, z, target);
      const ask: Pledge[] = [consensus ? { no_objection: target } : { vote: { target, choice: "yes" } }];
      const give: Pledge[] = sweetener ? [consensus ? { no_objection: sweetener.id } : { vote: { target: sweetener.id, choice: "yes" } }] : [];
      if (give.length === 0) continue;
      const action: Action = { type: "offer", to: z, give, ask };
      if (!moves.allows(action)) continue;
      return {
        action,
        why: `offer ${z}: we ${pledgeText(give[0] as Pledge)} (${sign(sweetener?.value ?? 0)} for us) if they ${pledgeText(ask[0] as Pledge)} (worth ${sign(want.delta)} to us)`,
      };
    }
  }
  return null;
}

/** For a majority game: delegations sponsoring other open texts, the natural partners for a vote swap. */
function sponsorsOfOthers(o: Outlook, target: string): string[] {
  const out: string[] = [];
  for (const p of o.view.scenario.proposals) {
    for (const t of [p, ...p.amendments]) {
      if (t.id === target || !OPEN.has(o.view.targets[t.id]?.status ?? "draft")) continue;
      for (const s of t.sponsors) if (s !== o.me.id && !out.includes(s)) out.push(s);
    }
  }
  return out.slice(0, 3);
}

/** The text `z` backs in public that costs us least to support (nothing that crosses a red line). */
function bestSweetener(o: Outlook, z: string, target: string): { id: string; value: number } | null {
  let best: { id: string; value: number } | null = null;
  for (const p of o.view.scenario.proposals) {
    for (const t of [p, ...p.amendments]) {
      if (t.id === target || !OPEN.has(o.view.targets[t.id]?.status ?? "draft")) continue;
      const backs = t.sponsors.includes(z) || o.view.targets[t.id]?.cosponsors.includes(z) || o.view.targets[t.id]?.seconders.includes(z);
      if (!backs) continue;
      const a = o.assess(t.id);
      if (a.crosses.length > 0 || a.delta < -0.02) continue;
      if (!best || a.delta > best.value) best = { id: t.id, value: a.delta };
    }
  }
  return best;
}

/** Keeps what we promised when the moment comes: seconds, co-sponsorships, withdrawals, lifted objections. */
export function keepPledges(o: Outlook, moves: Moves, ctx: BotContext): Decision | null {
  const due = owed(o);
  // A pledge is kept when its moment comes: the text before the meeting, in the phase that allows the move.
  if (due.length > 0) ctx.watch("offers");
  if (due.length > 0 && procedureHolds(o.view)) ctx.watch("gate");
  for (const p of due) {
    ctx.watch(`status:${pledgeTarget(p)}`);
    ctx.watch(`objectors:${pledgeTarget(p)}`);
    // The public record gives each the kind of reason a delegation gives without a deal (publicWhy).
    const because = () => o.assess(pledgeTarget(p)).because;
    if ("no_objection" in p) {
      const lift = moves.of("withdraw_objection").find((a) => a.target === p.no_objection);
      if (lift) return { action: lift, why: `withdraw our objection to ${p.no_objection}: we pledged not to object`, publicWhy: `withdraw our objection: ${because()}` };
    } else if ("second" in p) {
      const a = moves.of("second").find((x) => x.target === p.second);
      if (a) return { action: a, why: `second ${p.second}, as we pledged`, publicWhy: `second: ${because()}` };
    } else if ("cosponsor" in p) {
      const a = moves.of("cosponsor").find((x) => x.target === p.cosponsor);
      if (a) return { action: a, why: `co-sponsor ${p.cosponsor}, as we pledged`, publicWhy: `co-sponsor ${p.cosponsor}: ${because()}` };
    } else if ("withdraw" in p) {
      const a = moves.of("withdraw").find((x) => x.target === p.withdraw);
      if (a) return { action: a, why: `withdraw ${p.withdraw}, as we pledged`, publicWhy: `withdraw ${p.withdraw}: ${because()}` };
    }
  }
  return null;
}

/** The choice we pledged on this ballot's text, if any. */
export function pledgedVote(o: Outlook, target: string): "yes" | "no" | "abstain" | null {
  for (const p of owed(o)) if ("vote" in p && p.vote.target === target) return p.vote.choice;
  return null;
}

/** Whether we promised not to object to this text. */
export function pledgedNoObjection(o: Outlook, target: string): boolean {
  return owed(o).some((p) => "no_objection" in p && p.no_objection === target);
}

