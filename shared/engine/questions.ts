import { emit, note, titleOf, type Ctx } from "./context.ts";
import { edit } from "./draft.ts";
import { pledgeTarget } from "./pledges.ts";
import type { DecidedBy, FinalStatus, State, Tally } from "./state.ts";
import { since } from "./version.ts";

/**
 * What becomes of one question (a proposal or an amendment): decided, postponed, or still open. Reducers and
 * the flow of procedure (flow/) both settle questions through these; neither moves the conference on here:
 * that is the advance pass's work (flow/advance.ts).
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
