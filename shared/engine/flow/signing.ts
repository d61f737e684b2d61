import { enterStep, note, type Ctx } from "../context.ts";
import { edit } from "../draft.ts";
import { decide, isUndecided, nextItem } from "../questions.ts";
import { lapseMotions, resetFloor, startItem } from "./debate.ts";

/** The end of the agenda: the next item or the Final Acts, the signing, and the close of the conference. */

/** The clock moves on from the opening or a concluded item: the next item, or the signing once none is left. */
export function moveOn(c: Ctx): void {
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

/** The conference closes: whoever attends, may sign and has not signed counts as declined; open offers lapse. */
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
