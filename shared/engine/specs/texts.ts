import { emit, nextNumber, note, reject, titleOf, type Ctx } from "../context.ts";
import { edit } from "../draft.ts";
import { decide, isUndecided } from "../questions.ts";
import type { Spec } from "./spec.ts";
import { delegationName, inCurrentItem, isSponsor, openQuestion, openQuestions, supports, targetsOfItem } from "./guards.ts";

export const table: Spec<"table"> = {
  seat: "delegation",
  phases: ["debate"],
  check(q, a, by) {
    const where = inCurrentItem(q, a.target);
    if (where) return where;
    const meta = q.ix.target.get(a.target);
    if (meta?.kind !== "proposal") return reject("target/not-a-proposal", `${a.target} is an amendment: its sponsor moves it with move_amendment.`);
    if (q.s.targets[a.target]?.status !== "draft") return reject("table/already", `${titleOf(q.ix, a.target)} is already before the meeting.`);
    if (!isSponsor(q, a.target, by)) return reject("table/not-sponsor", `Only a sponsor of ${a.target} (${meta.sponsors.join(", ")}) can table it.`);
    return null;
  },
  reduce(c, a, by) {
    const t = edit(c, "targets", a.target);
    t.status = "tabled";
    t.order = nextNumber(c, "order");
    note(c, "tabled", a.target, `${delegationName(c, by)} tables ${titleOf(c.ix, a.target)}`);
  },
  candidates: (q) => targetsOfItem(q, q.s.item).filter((id) => q.ix.target.get(id)?.kind === "proposal").map((target) => ({ type: "table" as const, target })),
  none: () => reject("table/nothing", "There is no proposal on this item to table."),
};

export const second: Spec<"second"> = {
  seat: "delegation",
  phases: ["debate"],
  check(q, a, by) {
    const open = openQuestion(q, a.target);
    if (open) return open;
    if (supports(q, a.target, by)) return reject("second/own-text", `${delegationName(q, by)} sponsors ${a.target}; another delegation must second it.`);
    if (q.s.targets[a.target]?.seconders.includes(by)) return reject("second/already", `${delegationName(q, by)} has already seconded ${a.target}.`);
    return null;
  },
  reduce(c, a, by) {
    edit(c, "targets", a.target, "seconders").push(by);
    emit(c, "seconded", a.target, `${delegationName(c, by)} seconds ${a.target}`);
  },
  candidates: (q) => openQuestions(q).map((target) => ({ type: "second" as const, target })),
  none: () => reject("second/nothing", "Nothing is before the meeting to second."),
};

export const cosponsor: Spec<"cosponsor"> = {
  seat: "delegation",
  phases: ["debate"],
  check(q, a, by) {
    const open = openQuestion(q, a.target);
    if (open) return open;
    if (supports(q, a.target, by)) return reject("cosponsor/already", `${delegationName(q, by)} already sponsors ${a.target}.`);
    return null;
  },
  reduce(c, a, by) {
    edit(c, "targets", a.target, "cosponsors").push(by);
    note(c, "cosponsored", a.target, `${delegationName(c, by)} co-sponsors ${titleOf(c.ix, a.target)}`);
  },
  candidates: (q) => openQuestions(q).map((target) => ({ type: "cosponsor" as const, target })),
  none: () => reject("cosponsor/nothing", "Nothing is before the meeting to co-sponsor."),
};

export const withdraw: Spec<"withdraw"> = {
  seat: "delegation",
  phases: ["debate", "decision"],
  check(q, a, by) {
    const open = openQuestion(q, a.target);
    if (open) return open;
    if (!isSponsor(q, a.target, by)) return reject("withdraw/not-sponsor", `Only a sponsor of ${a.target} can withdraw it.`);
    return null;
  },
  reduce(c, a, by) {
    const wasCalled = c.s.consensus?.target === a.target;
    decide(c, a.target, { status: "withdrawn", by: "none", reason: `withdrawn by ${delegationName(c, by)}` });
    const meta = c.ix.target.get(a.target);
    if (meta?.kind === "proposal") {
      for (const amendment of meta.proposal.amendments) {
        if (isUndecided(c.s, amendment.id)) {
          decide(c, amendment.id, { status: "not_decided", by: "none", reason: `lapsed: ${a.target} was withdrawn` });
        }
      }
    }
    // Withdrawing the question before the meeting (or the last one) settles it: the chair takes the next.
    if (c.s.phase === "decision" && (wasCalled || c.s.queue.length === 0) && !c.s.concluded) c.flow.settled = true;
  },
  candidates: (q) => openQuestions(q).map((target) => ({ type: "withdraw" as const, target })),
  none: () => reject("withdraw/nothing", "Nothing of yours is open to withdraw."),
};

function amendmentCheck(q: Parameters<Spec<"move_amendment">["check"]>[0], id: string) {
  const where = inCurrentItem(q, id);
  if (where) return where;
  const meta = q.ix.target.get(id);
  if (meta?.kind !== "amendment") return reject("target/not-an-amendment", `${id} is a proposal, not an amendment.`);
  if (q.s.targets[meta.proposal.id]?.status !== "tabled") {
    return reject("amendment/proposal-not-open", `${titleOf(q.ix, meta.proposal.id)} is not before the meeting, so it cannot be amended.`);
  }
  return null;
}

export const move_amendment: Spec<"move_amendment"> = {
  seat: "delegation",
  phases: ["debate"],
  check(q, a, by) {
    const bad = amendmentCheck(q, a.amendment);
    if (bad) return bad;
    if (q.s.targets[a.amendment]?.status !== "draft") return reject("amendment/already-moved", `${titleOf(q.ix, a.amendment)} is already before the meeting.`);
    if (!isSponsor(q, a.amendment, by)) {
      return reject("amendment/not-sponsor", `Only its sponsors (${q.ix.target.get(a.amendment)?.sponsors.join(", ")}) can move ${a.amendment}.`);
    }
    return null;
  },
  reduce(c: Ctx, a, by) {
    const t = edit(c, "targets", a.amendment);
    t.status = "moved";
    t.order = nextNumber(c, "order");
    note(c, "moved", a.amendment, `${delegationName(c, by)} moves ${titleOf(c.ix, a.amendment)}`);
  },
  candidates: (q) =>
    targetsOfItem(q, q.s.item)
      .filter((id) => q.ix.target.get(id)?.kind === "amendment")
      .map((amendment) => ({ type: "move_amendment" as const, amendment })),
  none: () => reject("amendment/nothing", "There is no amendment on this item."),
};

export const accept_amendment: Spec<"accept_amendment"> = {
  seat: "delegation",
  phases: ["debate"],
  check(q, a, by) {
    const bad = amendmentCheck(q, a.amendment);
    if (bad) return bad;
    if (q.s.targets[a.amendment]?.status !== "moved") return reject("amendment/not-moved", `${titleOf(q.ix, a.amendment)} has not been moved.`);
    const proposal = q.ix.target.get(a.amendment)?.proposal;
    if (!proposal?.sponsors.includes(by)) {
      return reject("amendment/not-proposal-sponsor", `Only a sponsor of ${proposal?.id} can accept an amendment to it.`);
    }
    return null;
  },
  reduce(c, a, by) {
    const proposal = c.ix.target.get(a.amendment)?.proposal.id ?? "";
    decide(c, a.amendment, { status: "adopted", by: "sponsor", reason: `accepted by ${delegationName(c, by)}, sponsor of ${proposal}, and incorporated` });
  },
  candidates: (q) =>
    targetsOfItem(q, q.s.item)
      .filter((id) => q.s.targets[id]?.status === "moved")
      .map((amendment) => ({ type: "accept_amendment" as const, amendment })),
  none: () => reject("amendment/nothing-moved", "No amendment has been moved on this item."),
};
