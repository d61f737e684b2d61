import type { Action } from "../engine/actions.ts";
import { describe, holds } from "../engine/world.ts";
import { isSupported } from "../engine/rules/order.ts";
import type { Predicate } from "../scenario/predicate.ts";
import type { Moves } from "../engine/legal.ts";
import type { Rng } from "../util/rng.ts";
import { Outlook, fmt, sign } from "./outlook.ts";
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
 */
function wantsToSpeak(o: Outlook, rng: Rng): boolean {
  return rng.next() < 0.5 * o.me.personality.talk;
}

/**
 * The first delegation bot (DESIGN §8): decides from its stance, weights, red lines and concession curve.
 * It votes, speaks, tables and seconds what helps it, moves its amendments, objects to what crosses a red
 * line or costs more than it will swallow, raises placards, asks for a vote when a text it wants is
 * blocked, and signs or declines. Every choice carries a reason traced to its numbers.
 */
export const delegateBot: Bot = {
  id: "bot:delegate@1",
  decide(view, legal, rng: Rng): Decision | null {
    if (!view.private) return null;
    const o = new Outlook(view);
    return vote(o, legal, rng) ?? speech(o, legal, rng) ?? signing(o, legal) ?? placard(o, legal) ?? debate(o, legal, rng) ?? null;
  },
};

function vote(o: Outlook, legal: Moves, rng: Rng): Decision | null {
  const b = o.view.ballot;
  if (!b) return null;
  const options = legal.of("vote");
  if (options.length === 0) return null;
  const principal = options[0]?.for;
  const { choice, why } = b.question === "substantive" ? substantiveChoice(o, b.target, rng) : proceduralChoice(o, b.question, b.target);
  const action = options.find((a) => a.choice === choice && a.for === principal) ?? options[0];
  return action ? { action, why: principal ? `(proxy for ${principal}) ${why}` : why } : null;
}

function substantiveChoice(o: Outlook, target: string, rng: Rng): { choice: "yes" | "no" | "abstain"; why: string } {
  const a = o.assess(target);
  if (a.crosses.length > 0) return { choice: "no", why: `no: ${a.because}` };
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
    const a = o.assess(target);
    if (a.crosses.length > 0 || a.delta < -INDIFFERENT) return { choice: "no", why: `no to a vote on ${target}: consensus protects us (${a.because})` };
    // The consensus norm: a delegation with little appetite for procedure needs a large gain to break it.
    const bar = 0.05 + 0.15 * (1 - o.me.personality.procedure);
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
  const a = o.assess(t.target);
  const position = a.crosses.length > 0 || a.delta < 0 ? "against" : "for";
  const action = legal.of("placard").find((p) => p.position === position);
  return action ? { action, why: `placard ${position}: ${a.because}` } : null;
}

function debate(o: Outlook, legal: Moves, rng: Rng): Decision | null {
  const me = o.me.id;
  const v = o.view;
  // Withdraw objections that no longer hold (an amendment changed the text), before anything new.
  for (const [target, t] of Object.entries(v.targets)) {
    if (t.objections[me] === undefined) continue;
    const a = o.assess(target);
    const action = legal.of("withdraw_objection").find((x) => x.target === target);
    if (action && a.crosses.length === 0 && a.delta >= 0) return { action, why: `withdraw our objection: ${a.because}` };
  }
  for (const action of legal.of("table")) {
    const a = o.assess(action.target);
    if (a.delta > 0 && a.crosses.length === 0) return { action, why: `table our proposal: ${a.because}` };
  }
  for (const action of legal.of("move_amendment")) {
    const a = o.assess(action.amendment);
    if (a.delta > 0 && a.crosses.length === 0) return { action, why: `move our amendment: ${a.because}` };
  }
  // Objections and seconds: everything that qualifies, then one of them at random (who speaks up first in
  // a room is not decided by alphabetical order).
  const options: Decision[] = [];
  const limit = o.tolerance() * (0.75 + 0.5 * rng.next());
  for (const action of legal.of("second")) {
    if (isSupported(v.targets[action.target], sponsorsOf(o, action.target))) continue;
    const a = o.assess(action.target);
    if (a.delta > WORTH_SECONDING && a.crosses.length === 0) options.push({ action, why: `second: ${a.because}` });
  }
  for (const action of legal.of("object")) {
    const a = o.assess(action.target);
    if (a.crosses.length > 0) options.push({ action: { ...action, reason: a.because }, why: `object: ${a.because}` });
    else if (a.delta < -limit) options.push({ action: { ...action, reason: a.because }, why: `object: ${a.because}, beyond the −${fmt(limit)} we accept now` });
  }
  if (options.length > 0) return rng.pick(options);
  // A text we want, blocked by someone else's objection: delegations with an appetite for procedure ask for a vote.
  if (v.rule === "consensus" && o.me.personality.procedure >= 0.6) {
    for (const action of legal.of("request_vote")) {
      if (action.method !== (o.me.personality.procedure >= 0.85 ? "roll_call" : "show_of_hands")) continue;
      const t = v.targets[action.target];
      const blockers = Object.keys(t?.objections ?? {}).filter((d) => d !== me);
      if (blockers.length === 0 || t?.voteRequested) continue;
      const a = o.assess(action.target);
      if (a.delta > WORTH_SECONDING && a.crosses.length === 0) {
        return { action, why: `request a vote on ${action.target}: ${blockers.join(", ")} block a text worth ${sign(a.delta)} to us (procedure ${fmt(o.me.personality.procedure)})` };
      }
    }
  }
  return null;
}
