import { enterStep, note, type Ctx } from "../context.ts";
import { edit } from "../draft.ts";
import { decide, isUndecided } from "../questions.ts";
import { decisionPlan } from "../rules/order.ts";
import type { State } from "../state.ts";

/** The debate on an item: it opens, it ends (and its texts are queued for decision), or it is adjourned. */

export function resetFloor(c: Ctx): void {
  c.s.floor = { holder: null, speakers: [], closed: false, spoken: [] };
  c.s.temperature = null;
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

/** A closed list that has run dry (GR: the chair then declares the discussion closed). */
export function listExhausted(s: State): boolean {
  const f = s.floor;
  return s.phase === "debate" && f.closed && f.speakers.length === 0 && f.holder === null;
}

/** Debate ends: unseconded texts lapse, the rest is queued in the order of decision; then the next question. */
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
  c.flow.settled = true;
}

/** A motion to adjourn the debate: the item goes after the last one, once, with its texts as they stand. */
export function adjournDebate(c: Ctx): void {
  const itemId = c.s.item;
  if (itemId === null || !c.s.items[itemId]) return;
  lapseMotions(c, "the debate is adjourned");
  const item = edit(c, "items", itemId);
  item.adjourned = true;
  item.status = "postponed";
  if (!c.s.postponedItems.includes(itemId)) c.s.postponedItems = [...c.s.postponedItems, itemId];
  c.s.phase = "decision";
  c.s.queue = [];
  c.s.concluded = true;
  resetFloor(c);
  enterStep(c, "decision", c.scenario.timing.decisionMinutes);
  note(c, "adjourned", itemId, `Debate on ${c.ix.item.get(itemId)?.title ?? itemId} adjourned until after the last item`);
}
