import type { Pledge } from "../actions.ts";
import { emit, nextNumber, reject, type Query } from "../context.ts";
import { editById } from "../draft.ts";
import { pledgeTarget } from "../pledges.ts";
import type { Rejection, Seat } from "../state.ts";
import { delegationName, isSponsor } from "./guards.ts";
import type { Spec } from "./spec.ts";

const DEALS = ["opening", "debate", "decision", "final_acts"] as const;
export const MAX_OPEN_OFFERS = 10;

function checkPledges(q: Query, pledges: readonly Pledge[], pledger: Seat): Rejection | null {
  for (const p of pledges) {
    const target = pledgeTarget(p);
    if (!q.ix.target.has(target)) return reject("offer/unknown-target", `A pledge names "${target}", which is not a proposal or amendment here.`);
    if ("withdraw" in p && !isSponsor(q, target, pledger)) {
      return reject("offer/cannot-withdraw", `${delegationName(q, pledger)} does not sponsor ${target}, so it cannot pledge to withdraw it.`);
    }
  }
  return null;
}

/** The parties of an offer; everyone else is told only that no such offer is open to them. */
function offerFor(q: Query, id: string, by: Seat, role: "to" | "from") {
  const offer = q.s.offers.find((o) => o.id === id);
  const party = offer && (role === "to" ? offer.to === by || (offer.to === null && q.s.mode === "public") : offer.from === by);
  if (!offer || !party) return { error: reject("offer/unknown", `There is no offer ${id} ${role === "to" ? "made to" : "made by"} ${delegationName(q, by)}.`) };
  if (offer.status !== "open") return { error: reject("offer/not-open", `Offer ${id} is no longer open (${offer.status}).`) };
  return { offer };
}

function partiesCheck(q: Query, to: string | null, by: Seat): Rejection | null {
  if (to !== null) {
    if (to === by) return reject("offer/self", "A delegation cannot make an offer to itself.");
    if (!q.ix.delegation.get(to)?.present) return reject("offer/unknown-party", `${to} is not a delegation at this conference.`);
  }
  // In a public replay the answers to offers are anonymous, so which of a maker's offers are still open is
  // unknown: the limit was checked when the game was played, and is not counted again.
  if (q.s.mode === "public") return null;
  const open = q.s.offers.filter((o) => o.from === by && o.status === "open").length;
  if (open >= MAX_OPEN_OFFERS) return reject("offer/too-many", `${delegationName(q, by)} already has ${open} open offers; retract one first.`);
  return null;
}

export const offer: Spec<"offer"> = {
  seat: "delegation",
  phases: DEALS,
  inSuspension: true,
  whenOut: true,
  free: ["give", "ask"],
  check(q, a, by) {
    const parties = partiesCheck(q, a.to, by);
    if (parties) return parties;
    if (a.give === null || a.ask === null || a.to === null) return null; // a public export's redacted offer
    if (a.give.length + a.ask.length === 0) return reject("offer/empty", "An offer pledges or asks for at least one thing.");
    return checkPledges(q, a.give, by) ?? checkPledges(q, a.ask, a.to);
  },
  template: (q, a, by) => partiesCheck(q, a.to, by),
  reduce(c, a, by) {
    const id = `O${nextNumber(c, "offer")}`;
    c.s.offers = [...c.s.offers, { id, from: by, to: a.to, give: a.give, ask: a.ask, status: "open", seq: c.seq, settledSeq: null }];
    emit(c, "offer", id, `${delegationName(c, by)} makes offer ${id}`, a.to === null ? [by] : [by, a.to]);
  },
  candidates: (q, by) => q.ix.attending.filter((to) => to !== by).map((to) => ({ type: "offer" as const, to, give: [], ask: [] })),
};

function settle(status: "accepted" | "declined" | "retracted", role: "to" | "from"): Spec<"accept_offer" | "decline_offer" | "retract_offer"> {
  return {
    seat: "delegation",
    phases: DEALS,
    inSuspension: true,
    whenOut: true,
    check: (q, a, by) =>
      // A public record hides which offer was answered only together with who answered (redacted.ts).
      a.offer === null ? reject("offer/unknown", "An answer to an offer names the offer.") : (offerFor(q, a.offer, by, role).error ?? null),
    reduce(c, a, by) {
      if (a.offer === null) return;
      const o = editById(c, "offers", a.offer);
      if (!o) return;
      o.status = status;
      o.settledSeq = c.seq;
      emit(c, "offer_" + status, a.offer, `${delegationName(c, by)}: offer ${a.offer} ${status}`, o.to === null ? [o.from] : [o.from, o.to]);
    },
    candidates: (q, by) =>
      q.s.offers
        .filter((o) => o.status === "open" && (role === "to" ? o.to === by : o.from === by))
        .map((o) => ({ type: (status === "accepted" ? "accept_offer" : status === "declined" ? "decline_offer" : "retract_offer") as never, offer: o.id })),
    none: () => reject("offer/none-open", role === "to" ? "No open offer awaits your answer." : "You have no open offer to retract."),
  };
}

export const accept_offer = settle("accepted", "to") as Spec<"accept_offer">;
export const decline_offer = settle("declined", "to") as Spec<"decline_offer">;
export const retract_offer = settle("retracted", "from") as Spec<"retract_offer">;
