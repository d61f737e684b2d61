import type { Action } from "../engine/actions.ts";
import { describe, holds } from "../engine/world.ts";
import { isSupported } from "../engine/rules/order.ts";
import type { Predicate } from "../scenario/predicate.ts";
import type { Moves } from "../engine/legal.ts";
import type { Rng } from "../util/rng.ts";
import { delegationOf, leaderOf, leaderSignal, LEADER_PULL } from "./bloc.ts";
import { answerOffers, keepPledges, makeOffer, pledgedNoObjection, pledgedVote } from "./deals.ts";
import { Outlook, fmt, sign, type Assessment } from "./outlook.ts";
import { itemStatement, openingStatement } from "./speech.ts";
import type { Bot, Decision } from "./types.ts";

/** Below this gain or loss a text is "indifferent": the bot abstains rather than pretend to care. */
const INDIFFERENT = 0.005;
/** A text must be worth this much before a bot spends its support seconding it. */
const WORTH_SECONDING = 0.02;

function sponsorsOf(o: Outlook, target: string): string[] {
  const p = o.proposalOf(target);
  return (p?.id === target ? p.sponsors : p?.amendments.find((a) => a.id === target)?.sponsors) ?? [];
}


/**
 * Whether to ask for the floor on this look. Each look is a fresh draw from the bot's own stream, so a
 * talkative delegation asks sooner and more often; one that has spoken on the item does not ask again.
 * The chance of asking on one look grows with the square of `talk`.
 */
function wantsToSpeak(o: Outlook, rng: Rng): boolean {
  // Squared, so the quiet majority of a 193-seat plenary mostly listens while the talkative ask at once.
  const talk = o.me.personality.talk;
  return rng.next() < 0.5 * talk * talk;
}

/**
 * The delegation bot (DESIGN §8), second version. It decides from its stance, weights, red lines and
 * concession curve, and now also from its bloc: it follows what its leader does in public, as far as its
 * loyalty goes and its own numbers allow (defecting when they say so), and signs on to its leader's texts.
 * It negotiates: answers offers by their worth to it, offers its support to those who block a text it wants,
 * keeps the pledges it accepted and remembers who broke one. Every choice carries a reason traced to its
 * numbers.
 */
export const delegateBot: Bot = {
  id: "bot:delegate@2",
  decide(view, legal, rng: Rng): Decision | null {
    if (!view.private) return null;
    const o = new Outlook(view);
    return (
      vote(o, legal, rng) ??
      presence(o, legal) ??
      keepPledges(o, legal) ??
      speech(o, legal, rng) ??
      signing(o, legal) ??
      placard(o, legal) ??
      answerOffers(o, legal) ??
      debate(o, legal, rng) ??
      makeOffer(o, legal) ??
      requestVote(o, legal) ??
      null
    );
  },
};

/**
 * Our judgement of a text: our own gain, plus the pull of our bloc leader's public position weighted by our
 * loyalty. Red lines are never traded for loyalty.
 */
interface Judgement extends Assessment {
  own: number;
}

function judge(o: Outlook, target: string): Judgement {
  const a = o.assess(target);
  const leader = leaderOf(o.view, o.me.id, o.me.template);
  const loyalty = o.me.personality.loyalty;
  if (!leader || loyalty === 0) return { target, own: a.delta, delta: a.delta, crosses: a.crosses, get because() { return a.because; } };
  const signal = leaderSignal(o.view, leader.id, target);
  const pull = signal.sign * loyalty * LEADER_PULL;
  const delta = a.delta + pull;
  const note = signal.sign === 0 ? "" : `; ${signal.how} (loyalty ${fmt(loyalty)}: ${sign(pull)})`;
  return {
    target,
    own: a.delta,
    delta,
    crosses: a.crosses,
    get because() {
      return `${a.because}${note}`;
    },
  };
}

function vote(o: Outlook, legal: Moves, rng: Rng): Decision | null {
  const b = o.view.ballot;
  if (!b) return null;
  const options = legal.of("vote");
  if (options.length === 0) return null;
  const principal = options[0]?.for;
  const { choice, why, publicWhy }: { choice: "yes" | "no" | "abstain"; why: string; publicWhy?: string } = b.question === "substantive" ? substantiveChoice(o, b.target, rng) : proceduralChoice(o, b.question, b.target);
  const action = options.find((a) => a.choice === choice && a.for === principal) ?? options[0];
  const proxy = (text: string) => (principal ? `(proxy for ${principal}) ${text}` : text);
  if (!action) return null;
  // A secret ballot's reason never reaches the public record at all; an open one's without the pledge.
  return publicWhy !== undefined && b.method !== "secret" ? { action, why: proxy(why), publicWhy: proxy(publicWhy) } : { action, why: proxy(why) };
}

function substantiveChoice(o: Outlook, target: string, rng: Rng): { choice: "yes" | "no" | "abstain"; why: string; publicWhy?: string } {
  const a = judge(o, target);
  const pledged = pledgedVote(o, target);
  if (pledged && (a.crosses.length === 0 || pledged === "no")) return { choice: pledged, why: `${pledged}: as we pledged (${a.because})`, publicWhy: `${pledged}: ${a.because}` };
  if (a.crosses.length > 0) return pledged ? { choice: "no", why: `no: ${a.because}; we break our pledge to vote ${pledged}: a red line comes first`, publicWhy: `no: ${a.because}` } : { choice: "no", why: `no: ${a.because}` };
  // How small a stake counts as indifference varies a little from one vote to the next (instructions from
  // capital, the mood in the room): between half and four times the base band.
  const band = INDIFFERENT * (0.5 + 3.5 * rng.next());
  if (a.delta > band) return { choice: "yes", why: `yes: ${a.because}` };
  if (a.delta < -band) return { choice: "no", why: `no: ${a.because}` };
  return { choice: "abstain", why: `abstain: ${a.because}, within our indifference band (±${fmt(band)})` };
}

function proceduralChoice(o: Outlook, question: string, id: string): { choice: "yes" | "no" | "abstain"; why: string } {
  if (question === "request_vote") {
    const target = o.view.voteRequests.find((r) => r.id === id)?.target ?? "";
    const a = judge(o, target);
    if (a.crosses.length > 0 || a.delta < -INDIFFERENT) return { choice: "no", why: `no to a vote on ${target}: consensus protects us (${a.because})` };
    // The consensus norm: a delegation with little appetite for procedure needs a large gain to break it;
    // one with a taste for procedure sides with a vote whenever the text helps it.
    const bar = 0.02 + 0.15 * (1 - o.me.personality.procedure) ** 2;
    if (a.delta > bar) return { choice: "yes", why: `yes to a vote on ${target}: worth ${sign(a.delta)} to us, above our bar of ${fmt(bar)} for breaking consensus` };
    return { choice: "abstain", why: `abstain on a vote on ${target}: ${sign(a.delta)} is not worth breaking consensus (bar ${fmt(bar)})` };
  }
  if (question === "appeal") {
    const ruling = o.view.rulings.find((r) => r.id === id);
    if (ruling?.kind !== "overrule") return { choice: "abstain", why: `abstain on appeal ${id}: a point of procedure, not of substance for us` };
    const target = ruling.subject;
    const objected = o.view.targets[target]?.decision?.objectors.includes(o.me.id);
    const a = o.assess(target);
    if (objected || a.delta < -INDIFFERENT) return { choice: "yes", why: `overturn ${id}: ${target} was forced through over objections we share` };
    return { choice: "no", why: `sustain ${id}: ${target} suits us (utility ${sign(a.delta)})` };
  }
  const motion = o.view.motions.find((m) => m.id === id);
  return { choice: motion?.kind === "close_debate" ? "abstain" : "no", why: `${motion?.kind === "close_debate" ? "abstain on" : "no to"} motion ${id}: we prefer to keep talking` };
}

function speech(o: Outlook, legal: Moves, rng: Rng): Decision | null {
  const speak = legal.of("speak")[0];
  if (speak) {
    const text = o.view.phase === "opening" || o.view.item === null ? openingStatement(o) : itemStatement(o, o.view.item);
    return { action: { type: "speak", text }, why: "we have the floor: state our position" };
  }
  const ask = legal.of("request_floor")[0];
  const where = o.view.item ?? o.view.phase;
  if (ask && !o.view.floor.spoken.includes(o.me.id) && (o.view.phase === "opening" || o.view.phase === "debate") && wantsToSpeak(o, rng)) {
    return { action: ask, why: `talkative delegation (talk ${fmt(o.me.personality.talk)}): ask to speak on ${where}` };
  }
  return null;
}

function signing(o: Outlook, legal: Moves): Decision | null {
  const canSign = legal.of("sign")[0];
  const canDecline = legal.of("decline_to_sign")[0];
  if (!canSign && !canDecline) return null;
  const now = o.adoptedNow();
  const final = o.world(now);
  const result = o.utility(final);
  const statusQuo = o.utility(o.world(new Map()));
  // Signature counts are unknown until the signing ends: red lines about them are not judged here.
  const crossed = o.me.redLines.filter((p) => !("signedAtLeast" in p || "signedAtMost" in p || "signed" in p) && !holds(p, final, o.me.id));
  if (crossed.length === 0 && result >= statusQuo - o.tolerance() && canSign) {
    const hurtful = [...now.keys()].filter((id) => contribution(o, id) < -0.02);
    return {
      action: hurtful.length > 0 ? { type: "sign", reservations: hurtful } : { type: "sign" },
      why: `sign: the Final Acts leave us at ${fmt(result)} against ${fmt(statusQuo)} without them${hurtful.length ? `; reservations on ${hurtful.join(", ")}` : ""}`,
    };
  }
  if (!canDecline) return null;
  return {
    action: canDecline,
    why: crossed.length > 0 ? `decline: the Final Acts cross our red line (${describe(crossed[0] as Predicate)})` : `decline: the Final Acts leave us at ${fmt(result)}, below ${fmt(statusQuo)} without them`,
  };
}

/** What an adopted proposal is worth to us: utility with it minus without it. */
function contribution(o: Outlook, id: string): number {
  const now = o.adoptedNow();
  const without = new Map(now);
  without.delete(id);
  return o.utility(o.world(now)) - o.utility(o.world(without));
}

function placard(o: Outlook, legal: Moves): Decision | null {
  const t = o.view.temperature;
  if (!t) return null;
  const a = judge(o, t.target);
  const position = a.crosses.length > 0 || a.delta < 0 ? "against" : "for";
  const action = legal.of("placard").find((p) => p.position === position);
  return action ? { action, why: `placard ${position}: ${a.because}` } : null;
}

function debate(o: Outlook, legal: Moves, rng: Rng): Decision | null {
  const me = o.me.id;
  const v = o.view;
  // Withdraw objections that no longer hold (an amendment changed the text), before anything new.
  for (const action of legal.of("withdraw_objection")) {
    const a = judge(o, action.target);
    if (a.crosses.length === 0 && a.delta >= 0) return { action, why: `withdraw our objection: ${a.because}` };
  }
  for (const action of legal.of("table")) {
    const a = o.assess(action.target);
    if (a.delta > 0 && a.crosses.length === 0) return { action, why: `table our proposal: ${a.because}` };
  }
  for (const action of legal.of("move_amendment")) {
    const a = o.assess(action.amendment);
    if (a.delta > 0 && a.crosses.length === 0) return { action, why: `move our amendment: ${a.because}` };
  }
  // Objections, seconds and sign-ons: everything that qualifies, then one of them at random (who speaks up
  // first in a room is not decided by alphabetical order).
  const options: Decision[] = [];
  const limit = o.tolerance() * (0.75 + 0.5 * rng.next());
  for (const action of legal.of("second")) {
    if (isSupported(v.targets[action.target], sponsorsOf(o, action.target))) continue;
    const a = judge(o, action.target);
    if (a.delta > WORTH_SECONDING && a.crosses.length === 0) options.push({ action, why: `second: ${a.because}` });
  }
  // Blocs as sign-on coalitions: the leader tables a common position, members co-sponsor it one by one —
  // unless their own numbers say otherwise.
  const leader = leaderOf(v, me, o.me.template);
  if (leader && o.me.personality.loyalty > 0) {
    for (const action of legal.of("cosponsor")) {
      if (!sponsorsOf(o, action.target).includes(leader.id)) continue;
      const a = judge(o, action.target);
      if (a.delta > WORTH_SECONDING && a.own > -o.tolerance() && a.crosses.length === 0) options.push({ action, why: `co-sponsor ${leader.id}'s text for the ${leader.bloc} bloc: ${a.because}` });
    }
  }
  for (const action of legal.of("object")) {
    if (pledgedNoObjection(o, action.target)) continue;
    // One standing objection blocks: a delegation lets an objection from its own side speak for it, unless
    // it weighs enough to want its own name on record. When that objection is lifted, it looks again.
    const standing = Object.keys(v.targets[action.target]?.objections ?? {});
    if (standing.length > 0 && o.me.influence < 6 && standing.some((d) => sameSide(o, d))) continue;
    const a = judge(o, action.target);
    if (a.crosses.length > 0) options.push({ action: { ...action, reason: a.because }, why: `object: ${a.because}` });
    else if (a.delta < -limit) options.push({ action: { ...action, reason: a.because }, why: `object: ${a.because}, beyond the −${fmt(limit)} we accept now` });
  }
  return options.length > 0 ? rng.pick(options) : null;
}

/**
 * Appetite for procedure at its sharpest: when the chair forces through, over our objection, a text that
 * breaks our red line, a delegation with procedure 0.8 or more leaves the room in protest — and gives up its
 * voice and its objections until it comes back to decide on the Final Acts.
 */
function presence(o: Outlook, legal: Moves): Decision | null {
  const v = o.view;
  const me = o.me.id;
  if (v.walkedOut[me] !== undefined) {
    const back = v.phase === "final_acts" ? legal.of("return")[0] : undefined;
    return back ? { action: back, why: "return to the room to decide on the Final Acts" } : null;
  }
  if (o.me.personality.procedure < 0.8 || v.phase === "final_acts" || v.phase === "closed") return null;
  const forced = Object.entries(v.targets).find(([, t]) => t.status === "adopted" && t.decision?.by === "chair_overrule" && t.decision.objectors.includes(me));
  if (!forced) return null;
  const crossed = o.me.redLines.filter((p) => !holds(p, o.world(o.adoptedNow()), me));
  const leave = legal.of("walk_out")[0];
  if (!leave || crossed.length === 0) return null;
  return { action: leave, why: `walk out: ${forced[0]} was adopted over our objection and breaks our red line (${describe(crossed[0] as Predicate)}); procedure ${fmt(o.me.personality.procedure)}` };
}

/** Whether `other` shares our camp (our template bloc). */
function sameSide(o: Outlook, other: string): boolean {
  const camp = o.me.template ?? o.me.blocs[0];
  return camp !== undefined && (delegationOf(o.view, other)?.blocs.includes(camp) ?? false);
}

/** A text we want, blocked by someone else's objection: delegations with an appetite for procedure ask for a vote. */
function requestVote(o: Outlook, legal: Moves): Decision | null {
  const v = o.view;
  if (v.rule !== "consensus" || o.me.personality.procedure < 0.6) return null;
  for (const action of legal.of("request_vote")) {
    if (action.method !== (o.me.personality.procedure >= 0.85 ? "roll_call" : "show_of_hands")) continue;
    const t = v.targets[action.target];
    const blockers = Object.keys(t?.objections ?? {}).filter((d) => d !== o.me.id);
    // The meeting is asked once per text: a refused request is not repeated by every ally in turn.
    if (blockers.length === 0 || t?.voteRequested || v.voteRequests.some((r) => r.target === action.target)) continue;
    const a = judge(o, action.target);
    if (a.delta > WORTH_SECONDING && a.crosses.length === 0) {
      return { action, why: `request a vote on ${action.target}: ${blockers.join(", ")} block a text worth ${sign(a.delta)} to us (procedure ${fmt(o.me.personality.procedure)})` };
    }
  }
  return null;
}
