import { emit, enterStep, note, titleOf, type Ctx } from "./context.ts";
import { edit } from "./draft.ts";
import { pledgeTarget } from "./pledges.ts";
import { decisionPlan } from "./rules/order.ts";
import type { DecidedBy, FinalStatus, State, Tally } from "./state.ts";
import { since } from "./version.ts";

/**
 * How the conference moves: items open, debate ends, questions are decided one by one, postponed items come
 * back after the last one, then the Final Acts. Every transition here runs inside apply(), on the draft.
 */

const UNDECIDED = new Set(["tabled", "moved", "postponed"]);

export function isUndecided(s: State, id: string): boolean {
  const status = s.targets[id]?.status;
  return status !== undefined && UNDECIDED.has(status);
}

/** Records the final (or latest) decision on a proposal or amendment and takes it off the queue. */
export function decide(
  c: Ctx,
  id: string,
  d: { status: FinalStatus; by: DecidedBy; reason: string; tally?: Tally | null },
): void {
  if (!c.s.targets[id]) return;
  const t = edit(c, "targets", id);
  const meta = c.ix.target.get(id);
  let reason = d.reason;
  if (d.status === "adopted" && meta?.kind === "proposal" && t.amendedBy !== null && since(c.s, "decisionWording")) {
    reason = reason.endsWith("adopted") ? `${reason} as amended by ${t.amendedBy}` : `${reason}, as amended by ${t.amendedBy}`;
  }
  t.status = d.status;
  t.decision = {
    status: d.status,
    by: d.by,
    tally: d.tally ?? null,
    seq: c.seq,
    reason,
    objectors: Object.keys(t.objections).sort(),
  };
  c.s.queue = c.s.queue.filter((q) => q !== id);
  note(c, "decided", id, `${titleOf(c.ix, id)}: ${reason}`);
  if (since(c.s, "offersLapse")) lapseOffersOn(c, id, d.status);
  if (d.status === "adopted" && meta?.kind === "amendment") {
    if (c.s.targets[meta.proposal.id]) edit(c, "targets", meta.proposal.id).amendedBy = id;
    // The first amendment adopted ends the amendment round [M]; the others lapse.
    for (const other of meta.proposal.amendments) {
      if (other.id !== id && c.s.queue.includes(other.id)) {
        decide(c, other.id, { status: "not_decided", by: "none", reason: `lapsed: amendment ${id} was adopted first` });
      }
    }
  }
}

const STATUS_WORDS: Record<FinalStatus, string> = {
  adopted: "has been adopted",
  rejected: "has been rejected",
  postponed: "has been postponed",
  withdrawn: "has been withdrawn",
  not_decided: "has been closed without a decision",
};

/**
 * Open offers that name a text just decided lapse: their terms can no longer be kept, and accepting one would
 * pledge a delegation to something moot. Only the two parties are told. (In a public replay an offer's
 * contents are unknown, so nothing lapses there: the public view never shows offers.)
 */
function lapseOffersOn(c: Ctx, target: string, status: FinalStatus): void {
  c.s.offers.forEach((o, i) => {
    if (o.status !== "open" || o.give === null || o.ask === null) return;
    if (![...o.give, ...o.ask].some((p) => pledgeTarget(p) === target)) return;
    const lapsed = edit(c, "offers", i);
    lapsed.status = "lapsed";
    lapsed.settledSeq = c.seq;
    emit(c, "offer_lapsed", o.id, `Offer ${o.id} lapses: ${target} ${STATUS_WORDS[status]}, so its terms can no longer be kept`, o.to === null ? [o.from] : [o.from, o.to]);
  });
}

/**
 * Postpones a question to after the last agenda item. An amendment takes its proposal (and the proposal's
 * other pending amendments) with it: deciding the proposal without it would make the amendment moot. A
 * question postponed a second time ends not decided, so nothing can come back forever.
 */
export function postpone(c: Ctx, id: string, reason: string, revote: boolean): void {
  const meta = c.ix.target.get(id);
  if (!meta) return;
  const group = c.s.queue.filter((q) => c.ix.target.get(q)?.proposal.id === meta.proposal.id);
  if (!group.includes(id)) group.unshift(id);
  for (const g of group) {
    if (!c.s.targets[g]) continue;
    const t = edit(c, "targets", g);
    t.postponements += 1;
    if (t.postponements >= 2) {
      decide(c, g, { status: "not_decided", by: "none", reason: `${reason}, a second time: not decided` });
      continue;
    }
    t.status = "postponed";
    if (g === id && revote) t.revote = true;
    t.decision = { status: "postponed", by: "none", tally: null, seq: c.seq, reason, objectors: [] };
    c.s.queue = c.s.queue.filter((q) => q !== g);
    note(c, "postponed", g, `${titleOf(c.ix, g)}: ${reason}`);
  }
  if (!c.s.postponedItems.includes(meta.item.id) && group.some((g) => c.s.targets[g]?.status === "postponed")) {
    c.s.postponedItems = [...c.s.postponedItems, meta.item.id];
  }
}

/** Motions belong to a debate: when it ends they lapse, so nothing is left to block the chair. */
export function lapseMotions(c: Ctx, why: string): void {
  for (const pending of c.s.motions) {
    if (pending.status === "pending") {
      const m = edit(c, "motions", c.s.motions.indexOf(pending));
      m.status = "rejected";
      note(c, "motion_lapsed", m.id, `Motion ${m.id} lapses: ${why}`);
    }
  }
}

export function resetFloor(c: Ctx): void {
  c.s.floor = { holder: null, speakers: [], closed: false, spoken: [] };
  c.s.temperature = null;
}

/** Opens an agenda item for debate; postponed questions of a returning item are back before the meeting. */
export function startItem(c: Ctx, itemId: string): void {
  const item = c.ix.item.get(itemId);
  if (!item || !c.s.items[itemId]) return;
  const state = edit(c, "items", itemId);
  if (state.status === "postponed") {
    state.returns += 1;
    c.s.postponedItems = c.s.postponedItems.filter((i) => i !== itemId);
  }
  state.status = "open";
  c.s.item = itemId;
  c.s.phase = "debate";
  c.s.queue = [];
  c.s.concluded = false;
  c.s.consensus = null;
  resetFloor(c);
  if (c.s.chains) c.s.chains = { item: itemId, by: {} };
  for (const pid of item.proposals) {
    const meta = c.ix.target.get(pid);
    for (const id of [pid, ...(meta?.proposal.amendments.map((a) => a.id) ?? [])]) {
      if (c.s.targets[id]?.status === "postponed") edit(c, "targets", id).status = id === pid ? "tabled" : "moved";
    }
  }
  enterStep(c, "debate", state.returns > 0 ? Math.max(1, item.minutes / 2) : item.minutes);
  note(c, "item", itemId, `Agenda item opened: ${item.title}${state.returns > 0 ? " (back after postponement)" : ""}`);
}

/** Debate ends: unseconded texts lapse, the rest is queued in the order of decision. */
export function endDebate(c: Ctx, why: string): void {
  const item = c.s.item;
  if (item === null) return;
  const plan = decisionPlan(c.s, c.ix, item);
  note(c, "debate_closed", item, `Debate closed: ${why}`);
  lapseMotions(c, "the debate is closed");
  for (const id of plan.unseconded) {
    if (isUndecided(c.s, id)) decide(c, id, { status: "not_decided", by: "none", reason: "no delegation seconded it: not decided" });
  }
  c.s.queue = plan.queue;
  c.s.phase = "decision";
  c.s.floor = { ...c.s.floor, holder: null };
  c.s.temperature = null;
  afterQuestion(c);
}

/** After any question is settled: wait for the chair to take the next one, or conclude the item. */
export function afterQuestion(c: Ctx): void {
  c.s.consensus = null;
  if (c.s.queue.length > 0) enterStep(c, "decision", c.scenario.timing.decisionMinutes);
  else conclude(c);
}

function conclude(c: Ctx): void {
  const itemId = c.s.item;
  if (itemId === null) return;
  if (c.s.items[itemId]?.status === "open") edit(c, "items", itemId).status = c.s.postponedItems.includes(itemId) ? "postponed" : "done";
  c.s.concluded = true;
  enterStep(c, "decision", c.scenario.timing.decisionMinutes);
  note(c, "item_concluded", itemId, `Agenda item concluded: ${c.ix.item.get(itemId)?.title ?? itemId}`);
}

/** The item the conference takes next: agenda order first, then postponed items in the order postponed. */
export function nextItem(s: State, agenda: readonly { id: string }[]): string | null {
  for (const a of agenda) if (s.items[a.id]?.status === "pending") return a.id;
  return s.postponedItems[0] ?? null;
}

/** Items the chair may open now: pending ones, or postponed ones once no pending one is left. */
export function openableItems(s: State, agenda: readonly { id: string }[]): string[] {
  const pending = agenda.filter((a) => s.items[a.id]?.status === "pending").map((a) => a.id);
  return pending.length > 0 ? pending : [...s.postponedItems];
}

export function advance(c: Ctx): void {
  const next = nextItem(c.s, c.scenario.agenda);
  if (next !== null) startItem(c, next);
  else openSigning(c, "the agenda is exhausted");
}

/** To the Final Acts: anything still undecided ends not decided (the chair may cut the agenda short). */
export function openSigning(c: Ctx, why: string): void {
  lapseMotions(c, "the agenda is closed");
  for (const id of Object.keys(c.s.targets)) {
    if (isUndecided(c.s, id)) {
      const postponed = c.s.targets[id]?.status === "postponed";
      decide(c, id, { status: "not_decided", by: "none", reason: postponed ? "postponed and not taken up again: not decided" : "not reached before the signing: not decided" });
    }
  }
  for (const [id, item] of Object.entries(c.s.items)) if (item.status !== "done") edit(c, "items", id).status = "done";
  c.s.postponedItems = [];
  c.s.phase = "final_acts";
  c.s.item = null;
  c.s.queue = [];
  c.s.concluded = false;
  c.s.consensus = null;
  resetFloor(c);
  if (c.s.chains) c.s.chains = { item: null, by: {} };
  enterStep(c, "final_acts", c.scenario.timing.signingMinutes);
  note(c, "signing", null, `Final Acts open for signature (${why})`);
}

export function closeConference(c: Ctx, why: string): void {
  for (const id of c.ix.attending) {
    if (c.ix.delegation.get(id)?.maySign && c.s.signatures[id] === undefined) edit(c, "signatures")[id] = { signed: false, seq: c.seq };
  }
  c.s.offers.forEach((offer, i) => {
    if (offer.status === "open") {
      const o = edit(c, "offers", i);
      o.status = "lapsed";
      o.settledSeq = c.seq;
    }
  });
  c.s.phase = "closed";
  c.s.steps = [];
  c.s.suspended = null;
  c.s.floor = { holder: null, speakers: [], closed: true, spoken: [] };
  const signed = Object.values(c.s.signatures).filter((sig) => sig.signed).length;
  note(c, "closed", null, `Conference closed (${why}): ${signed} signed the Final Acts`);
}
