import type { Action } from "../engine/actions.ts";
import { describe, holds } from "../engine/world.ts";
import { isSupported } from "../engine/rules/order.ts";
import type { Predicate } from "../scenario/predicate.ts";
import type { Moves } from "../engine/legal.ts";
import type { Rng } from "../util/rng.ts";
import { delegationOf, leaderSignal, LEADER_PULL } from "./bloc.ts";
import { withTemperament } from "./temperament.ts";
import { answerOffers, keepPledges, makeOffer, MAX_MADE, pledgedNoObjection, pledgedVote } from "./deals.ts";
import { Outlook, fmt, procedureHolds, sign, type Assessment } from "./outlook.ts";
import { itemStatement, openingStatement } from "./speech.ts";
import { dependenceOf, reachOf } from "./reach.ts";
import { worthPrint } from "./wake.ts";
import type { Bot, BotContext, Decision } from "./types.ts";

/** Below this gain or loss a text is "indifferent": the bot abstains rather than pretend to care. */
const INDIFFERENT = 0.005;
/** A text must be worth this much before a bot spends its support seconding it. */
const WORTH_SECONDING = 0.02;

function sponsorsOf(o: Outlook, target: string): string[] {
  const p = o.proposalOf(target);
  return (p?.id === target ? p.sponsors : p?.amendments.find((a) => a.id === target)?.sponsors) ?? [];
}


/**
 * Whether this delegation speaks on an item (or in the opening statements): decided once per item and return
 * of it, from the bot's own draw, so a talkative delegation speaks on most items and the quiet majority of a
 * 193-seat plenary mostly listens. The chance is that of asking at least once in 8 looks at 0.5·talk² each
 * (the rule of the first bots, which drew at every look).
 */
function wantsToSpeak(o: Outlook, ctx: BotContext, where: string): boolean {
  const talk = o.me.personality.talk;
  const returns = o.view.items[where]?.returns ?? 0;
  return ctx.draw(`speak:${placeOf(o, where)}:${returns}`) < 1 - (1 - 0.5 * talk * talk) ** 8;
}

/**
 * A draw's key names a text or an item by its place in the scenario, not by its id: a scenario whose ids are
 * renamed (tests/scenarios/inheritedIds.test.ts) draws the same numbers and plays the same game.
 */
function placeOf(o: Outlook, id: string): string {
  const sc = o.view.scenario;
  const item = sc.agenda.findIndex((a) => a.id === id);
  if (item >= 0) return `i${item}`;
  for (const [i, p] of sc.proposals.entries()) {
    if (p.id === id) return `p${i}`;
    const j = p.amendments.findIndex((a) => a.id === id);
    if (j >= 0) return `p${i}a${j}`;
  }
  return id;
}

/** For callers without a conductor (tests, tools): draws from the ask's own stream, and nothing is watched. */
function contextOf(rng: Rng): BotContext {
  return { draw: () => rng.next(), watch: () => undefined, at: () => undefined };
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
  watches: true,
  decide(view, legal, rng: Rng, context?: BotContext): Decision | null {
    if (!view.private) return null;
    const ctx = context ?? contextOf(rng);
    const o = new Outlook(withTemperament(view, ctx), ctx.scope ?? {});
    // Each step names, when it passes, what would make it act (wake.ts): the conductor asks again only then.
    return (
      vote(o, legal, rng, ctx) ??
      presence(o, legal, ctx) ??
      keepPledges(o, legal, ctx) ??
      speech(o, legal, ctx) ??
      signing(o, legal, ctx) ??
      placard(o, legal, ctx) ??
      answerOffers(o, legal, ctx) ??
      debate(o, legal, rng, ctx) ??
      makeOffer(o, legal, ctx) ??
      requestVote(o, legal, ctx) ??
      null
    );
  },
};

/** What a judgement of a text reads: its part of the world (reach.ts), and our leader's public signal. */
function watchJudgement(o: Outlook, ctx: BotContext, target: string): void {
  const d = dependenceOf(o, target);
  ctx.watch(`worth:${d.spec}`);
  if (d.votes) ctx.watch("votes");
  if (d.signed) ctx.watch("signed");
  const leader = o.leader;
  if (leader && o.me.personality.loyalty > 0) ctx.watch(`signal:${leader.id}:${target}`);
}

/**
 * Our judgement of a text: our own gain, plus the pull of our bloc leader's public position weighted by our
 * loyalty. Red lines are never traded for loyalty.
 */
interface Judgement extends Assessment {
  own: number;
}

function judge(o: Outlook, target: string): Judgement {
  const a = o.assess(target);
  const leader = o.leader;
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

function vote(o: Outlook, legal: Moves, rng: Rng, ctx: BotContext): Decision | null {
  ctx.watch("ballot");
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
  const decision: Decision = publicWhy !== undefined && b.method !== "secret" ? { action, why: proxy(why), publicWhy: proxy(publicWhy) } : { action, why: proxy(why) };
  // The last vote we hold in this ballot: afterwards we wait for what we waited for before it opened.
  if (options.every((x) => x.for === action.for)) decision.after = "resume";
  return decision;
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

function speech(o: Outlook, legal: Moves, ctx: BotContext): Decision | null {
  const v = o.view;
  const speak = legal.of("speak")[0];
  if (speak) {
    const text = v.phase === "opening" || v.item === null ? openingStatement(o) : itemStatement(o, v.item);
    return { action: { type: "speak", text }, why: "we have the floor: state our position", after: "resume" };
  }
  const where = v.item ?? v.phase;
  const talking = v.phase === "opening" || v.phase === "debate";
  if (talking && !v.floor.spoken.includes(o.me.id) && wantsToSpeak(o, ctx, where)) {
    const ask = legal.of("request_floor")[0];
    if (ask) return { action: ask, why: `talkative delegation (talk ${fmt(o.me.personality.talk)}): ask to speak on ${where}`, after: "resume" };
    // Not now (a vote, a suspension): when the meeting moves on. Already on the list: the floor comes to us.
    if (!v.floor.closed && !v.floor.speakers.includes(o.me.id) && (v.ballot !== null || v.suspended !== null)) ctx.watch("gate");
  }
  // The items still to come on which we mean to speak: their debates' opening is what we wait for.
  for (const item of v.scenario.agenda) {
    const st = v.items[item.id];
    if (!st || st.status === "done") continue;
    if ((item.id !== v.item || v.phase !== "debate") && wantsToSpeak(o, ctx, item.id)) ctx.watch(`debate:${item.id}`);
  }
  // An item postponed that comes back is a new debate: we decide afresh whether to speak on it.
  ctx.watch("returns");
  return null;
}

function signing(o: Outlook, legal: Moves, ctx: BotContext): Decision | null {
  if (o.me.maySign) ctx.watch("in:final_acts");
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
      after: "resume",
    };
  }
  if (!canDecline) return null;
  return {
    action: canDecline,
    why: crossed.length > 0 ? `decline: the Final Acts cross our red line (${describe(crossed[0] as Predicate)})` : `decline: the Final Acts leave us at ${fmt(result)}, below ${fmt(statusQuo)} without them`,
    after: "resume",
  };
}

/** What an adopted proposal is worth to us: utility with it minus without it. */
function contribution(o: Outlook, id: string): number {
  const now = o.adoptedNow();
  const without = new Map(now);
  without.delete(id);
  return o.utility(o.world(now)) - o.utility(o.world(without));
}

function placard(o: Outlook, legal: Moves, ctx: BotContext): Decision | null {
  ctx.watch("temperature");
  const t = o.view.temperature;
  if (!t) return null;
  const a = judge(o, t.target);
  const position = a.crosses.length > 0 || a.delta < 0 ? "against" : "for";
  const action = legal.of("placard").find((p) => p.position === position);
  return action ? { action, why: `placard ${position}: ${a.because}`, after: "resume" } : null;
}

function debate(o: Outlook, legal: Moves, rng: Rng, ctx: BotContext): Decision | null {
  const me = o.me.id;
  const v = o.view;
  watchTexts(o, ctx);
  // Withdraw objections that no longer hold (an amendment changed the text), before anything new.
  for (const action of legal.of("withdraw_objection")) {
    const a = judge(o, action.target);
    watchJudgement(o, ctx, action.target);
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
  for (const action of legal.of("second")) {
    // Once supported, a text never needs our second again: nothing to watch.
    if (isSupported(v.targets[action.target], sponsorsOf(o, action.target))) continue;
    ctx.watch(`supported:${action.target}`);
    watchJudgement(o, ctx, action.target);
    const a = judge(o, action.target);
    if (a.delta > WORTH_SECONDING && a.crosses.length === 0) options.push({ action, why: `second: ${a.because}` });
  }
  // Blocs as sign-on coalitions: the leader tables a common position, members co-sponsor it one by one —
  // unless their own numbers say otherwise.
  const leader = o.leader;
  if (leader && o.me.personality.loyalty > 0) {
    for (const action of legal.of("cosponsor")) {
      if (!sponsorsOf(o, action.target).includes(leader.id)) continue;
      watchJudgement(o, ctx, action.target);
      const a = judge(o, action.target);
      // As the end nears we swallow more: a text our leader sponsors may yet be one we sign on to.
      if (a.own <= -o.tolerance()) ctx.watch("progress");
      if (a.delta > WORTH_SECONDING && a.own > -o.tolerance() && a.crosses.length === 0) options.push({ action, why: `co-sponsor ${leader.id}'s text for the ${leader.bloc} bloc: ${a.because}` });
    }
  }
  for (const action of legal.of("object")) {
    if (pledgedNoObjection(o, action.target)) {
      ctx.watch("offers");
      continue;
    }
    // One standing objection blocks: a delegation lets an objection from its own side speak for it, unless
    // it weighs enough to want its own name on record. When that objection is lifted, it looks again.
    const standing = Object.keys(v.targets[action.target]?.objections ?? {});
    const camp = o.me.template ?? o.me.blocs[0];
    if (o.me.influence < 6 && camp !== undefined) ctx.watch(`side:${action.target}:${camp}`);
    if (standing.length > 0 && o.me.influence < 6 && standing.some((d) => sameSide(o, d))) continue;
    // (A growing tolerance only ever removes an objection: the clock is not watched here.)
    watchJudgement(o, ctx, action.target);
    const a = judge(o, action.target);
    const limit = objectionLimit(o, ctx, action.target);
    if (a.crosses.length > 0) options.push({ action: { ...action, reason: a.because }, why: `object: ${a.because}` });
    else if (a.delta < -limit) options.push({ action: { ...action, reason: a.because }, why: `object: ${a.because}, beyond the −${fmt(limit)} we accept now` });
  }
  if (options.length === 0) return null;
  const chosen = rng.pick(options);
  // Our only move, and nothing after it in our order of business to think about: we wait for what we read.
  return options.length === 1 && !brokers(o) && !procedural(o) ? { ...chosen, after: "sleep" } : chosen;
}

/** Whether makeOffer could do anything for us now (it returns at once for small delegations, or when done). */
function brokers(o: Outlook): boolean {
  return o.me.influence >= 5 && (o.view.private?.offers ?? []).filter((x) => x.from === o.me.id).length < MAX_MADE;
}

/** Whether requestVote could do anything for us (consensus, and an appetite for procedure). */
function procedural(o: Outlook): boolean {
  return o.view.rule === "consensus" && o.me.personality.procedure >= 0.6;
}

/**
 * How much loss on this text we swallow before objecting now: our tolerance, give or take a quarter, drawn
 * once per text (instructions from capital differ from one text to the next).
 */
function objectionLimit(o: Outlook, ctx: BotContext, target: string): number {
  return o.tolerance() * (0.75 + 0.5 * ctx.draw(`object:${placeOf(o, target)}`));
}

/**
 * What we wait for before texts we could move on. Our own texts: their item's debate (to table) or their
 * proposal coming before the meeting (to move an amendment). Others' texts not yet before the meeting: their
 * coming, if in the world as it stands some move on them could follow; else their coming in another world
 * (stale:), since adoptions meanwhile could change our mind — and texts we could never care about (reach.ts)
 * not at all. Texts before the meeting are watched by the moves that judge them, below.
 */
function watchTexts(o: Outlook, ctx: BotContext): void {
  // The same texts in the same state, the same world and the same mood give the same keys: worked out once.
  const cacheKey = `${statusesOf(o.view)}|${o.worldId}|${o.tolerance()}`;
  let game = textKeys.get(o.scope);
  if (!game) textKeys.set(o.scope, (game = new Map()));
  let mine = game.get(o.me.id);
  if (!mine) game.set(o.me.id, (mine = new Map()));
  let keys = mine.get(cacheKey);
  if (!keys) {
    const found: string[] = [];
    textKeysNow(o, { ...ctx, watch: (k) => void found.push(k) });
    if (mine.size > 16) mine.clear();
    mine.set(cacheKey, (keys = found));
  }
  for (const k of keys) ctx.watch(k);
}

const textKeys = new WeakMap<object, Map<string, Map<string, string[]>>>();
const statusKeys = new WeakMap<object, string>();
/** Every text's status, once per list of texts (states share it until a text changes). */
function statusesOf(v: Outlook["view"]): string {
  let k = statusKeys.get(v.targets);
  if (k === undefined) {
    k = "";
    for (const t of Object.values(v.targets)) k += `${t.status[0]}${t.status[1]}`;
    statusKeys.set(v.targets, k);
  }
  return `${k}${v.phase === "debate" || v.phase === "decision" ? "" : v.phase}${v.ballot ? "B" : ""}${v.suspended ? "S" : ""}`;
}

function textKeysNow(o: Outlook, ctx: BotContext): void {
  const v = o.view;
  const pull = o.leader ? o.me.personality.loyalty * LEADER_PULL : 0;
  let anyOpen = false;
  for (const p of v.scenario.proposals) {
    for (const text of [p, ...p.amendments]) {
      const id = text.id;
      const status = v.targets[id]?.status ?? "draft";
      if (status === "tabled" || status === "moved") {
        anyOpen = true;
        continue;
      }
      if (status !== "draft" && status !== "postponed") continue;
      if (text.sponsors.includes(o.me.id)) {
        const item = v.scenario.agenda.find((a) => a.proposals.includes(p.id));
        if (item) ctx.watch(`debate:${item.id}`);
        if (text !== p) ctx.watch(`open:${p.id}`);
      }
      if (reachOf(o, id) + pull <= WORTH_SECONDING) continue;
      const keys = movesOn(o, ctx, id, pull, text.sponsors);
      if (keys.length > 0) for (const key of keys) ctx.watch(key);
      else {
        const d = dependenceOf(o, id);
        ctx.watch(`stale:${id}:${d.spec}:${worthPrint(v, d.spec)}`);
        if (d.votes) ctx.watch("votes");
        if (d.signed) ctx.watch("signed");
      }
    }
  }
  // A vote under way or a suspension holds every move in debate: we wait for it to end, not otherwise.
  if (anyOpen && procedureHolds(v)) ctx.watch("gate");
}

/**
 * The moves in debate this text could draw from us once before the meeting, in the world as it stands and
 * whatever our leader does, as the facts that would announce each: co-sponsoring our leader's text (its
 * coming), seconding one that needs it (its coming without support), objecting (its coming; for a small
 * delegation, with no objection from our side yet), asking for a vote (someone else objecting). Our
 * tolerance only grows, so today's limit is the strictest an objection will ever face.
 */
function movesOn(o: Outlook, ctx: BotContext, target: string, pull: number, sponsors: readonly string[]): string[] {
  const a = o.assess(target);
  const keys: string[] = [];
  const worth = a.delta + pull > WORTH_SECONDING && a.crosses.length === 0;
  const leader = o.leader;
  if (worth && leader && o.me.personality.loyalty > 0 && sponsors.includes(leader.id)) keys.push(`open:${target}`);
  if (worth && sponsors.length < 2) keys.push(`needy:${target}`);
  if (o.view.rule !== "consensus") return keys;
  if (a.crosses.length > 0 || a.delta - pull < -objectionLimit(o, ctx, target)) {
    const camp = o.me.template ?? o.me.blocs[0];
    keys.push(o.me.influence < 6 && camp !== undefined ? `unopposed:${target}:${camp}` : `open:${target}`);
  }
  if (worth && procedural(o)) keys.push(`objected:${target}:${o.me.id}`);
  return keys;
}

/**
 * Appetite for procedure at its sharpest: when the chair forces through, over our objection, a text that
 * breaks our red line, a delegation with procedure 0.8 or more leaves the room in protest — and gives up its
 * voice and its objections until it comes back to decide on the Final Acts.
 */
function presence(o: Outlook, legal: Moves, ctx: BotContext): Decision | null {
  const v = o.view;
  const me = o.me.id;
  if (v.walkedOut[me] !== undefined) {
    const back = v.phase === "final_acts" ? legal.of("return")[0] : undefined;
    if (!back) ctx.watch("in:final_acts");
    return back ? { action: back, why: "return to the room to decide on the Final Acts" } : null;
  }
  if (o.me.personality.procedure < 0.8 || v.phase === "final_acts" || v.phase === "closed") return null;
  ctx.watch("world");
  const forced = Object.entries(v.targets).find(([, t]) => t.status === "adopted" && t.decision?.by === "chair_overrule" && t.decision.objectors.includes(me));
  if (!forced) return null;
  const crossed = o.me.redLines.filter((p) => !holds(p, o.world(o.adoptedNow()), me));
  const leave = legal.of("walk_out")[0];
  if (!leave && procedureHolds(v)) ctx.watch("gate");
  if (!leave || crossed.length === 0) return null;
  return { action: leave, why: `walk out: ${forced[0]} was adopted over our objection and breaks our red line (${describe(crossed[0] as Predicate)}); procedure ${fmt(o.me.personality.procedure)}` };
}

/** Whether `other` shares our camp (our template bloc). */
function sameSide(o: Outlook, other: string): boolean {
  const camp = o.me.template ?? o.me.blocs[0];
  return camp !== undefined && (delegationOf(o.view, other)?.blocs.includes(camp) ?? false);
}

/** A text we want, blocked by someone else's objection: delegations with an appetite for procedure ask for a vote. */
function requestVote(o: Outlook, legal: Moves, ctx: BotContext): Decision | null {
  const v = o.view;
  if (v.rule !== "consensus" || o.me.personality.procedure < 0.6) return null;
  for (const action of legal.of("request_vote")) {
    if (action.method !== (o.me.personality.procedure >= 0.85 ? "roll_call" : "show_of_hands")) continue;
    const t = v.targets[action.target];
    ctx.watch(`objected:${action.target}:${o.me.id}`);
    ctx.watch(`requests:${action.target}`);
    const blockers = Object.keys(t?.objections ?? {}).filter((d) => d !== o.me.id);
    // The meeting is asked once per text: a refused request is not repeated by every ally in turn.
    if (blockers.length === 0 || t?.voteRequested || v.voteRequests.some((r) => r.target === action.target)) continue;
    watchJudgement(o, ctx, action.target);
    const a = judge(o, action.target);
    if (a.delta > WORTH_SECONDING && a.crosses.length === 0) {
      return { action, why: `request a vote on ${action.target}: ${blockers.join(", ")} block a text worth ${sign(a.delta)} to us (procedure ${fmt(o.me.personality.procedure)})` };
    }
  }
  return null;
}
