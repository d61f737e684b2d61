import { nameOf, reject, titleOf, type Query } from "../context.ts";
import { isUndecided } from "../questions.ts";
import type { Rejection, Seat, State } from "../state.ts";

/** Small read-only checks that several action types share. */

export function isSponsor(q: Query, target: string, by: Seat): boolean {
  return q.ix.target.get(target)?.sponsors.includes(by) ?? false;
}

/** Sponsor by the scenario or by co-sponsoring it since. */
export function supports(q: Query, target: string, by: Seat): boolean {
  return isSponsor(q, target, by) || (q.s.targets[target]?.cosponsors.includes(by) ?? false);
}

export function knownTarget(q: Query, target: string): Rejection | null {
  return q.ix.target.has(target) ? null : reject("target/unknown", `There is no proposal or amendment "${target}" in this scenario.`);
}

/** The target is on the item now before the meeting. */
export function inCurrentItem(q: Query, target: string): Rejection | null {
  const unknown = knownTarget(q, target);
  if (unknown) return unknown;
  const item = q.ix.target.get(target)?.item;
  if (q.s.item === null || item?.id !== q.s.item) {
    return reject("target/other-item", `${titleOf(q.ix, target)} belongs to the item "${item?.title}", which is not before the meeting now.`);
  }
  return null;
}

const STATUS_WORDS: Record<string, string> = {
  draft: "has not been put before the meeting",
  adopted: "has already been adopted",
  rejected: "has already been rejected",
  withdrawn: "has been withdrawn",
  not_decided: "is closed without a decision",
  postponed: "has been postponed",
};

/** Tabled or moved, not yet decided, and on the current item. */
export function openQuestion(q: Query, target: string): Rejection | null {
  const where = inCurrentItem(q, target);
  if (where) return where;
  const status = q.s.targets[target]?.status ?? "draft";
  if (!isUndecided(q.s, target) || status === "postponed") {
    return reject("target/not-open", `${titleOf(q.ix, target)} ${STATUS_WORDS[status] ?? "is not open"}.`);
  }
  return null;
}

export function targetsOfItem(q: Query, item: string | null): string[] {
  if (item === null) return [];
  const agendaItem = q.ix.item.get(item);
  if (!agendaItem) return [];
  const out: string[] = [];
  for (const pid of agendaItem.proposals) {
    out.push(pid);
    for (const a of q.ix.target.get(pid)?.proposal.amendments ?? []) out.push(a.id);
  }
  return out;
}

const openCache = new WeakMap<State, string[]>();

/**
 * Texts open on the item before the meeting. Cached per state: legalActions asks it for every seat and
 * several action types. Only ever called on a finished state (checks and candidates), never on a draft.
 */
export function openQuestions(q: Query): string[] {
  let out = openCache.get(q.s);
  if (!out) {
    out = targetsOfItem(q, q.s.item).filter((id) => openQuestion(q, id) === null);
    openCache.set(q.s, out);
  }
  return out;
}

export function delegationName(q: Query, id: Seat): string {
  return nameOf(q.ix, id);
}

export function consensusOnly(s: State, what: string): Rejection | null {
  return s.rule === "consensus"
    ? null
    : reject("rule/majority", `Under one country, one vote, ${what}: every question is decided by a vote.`);
}

/** The question the chair must take next: the queue's head in decision, the plan's head in debate. */
export function nextQuestionError(q: Query, target: string, head: string | undefined): Rejection | null {
  if (head === target) return null;
  if (head === undefined) {
    return reject("order/nothing-ready", `${titleOf(q.ix, target)} cannot be decided now: it is not tabled and seconded on this item.`);
  }
  const headMeta = q.ix.target.get(head);
  const why = headMeta?.kind === "amendment" ? " (amendments come first, the one furthest from the original text first)" : "";
  if (!q.s.queue.includes(target) && q.s.phase === "decision") {
    return reject("order/not-queued", `${titleOf(q.ix, target)} is not among the questions left to decide on this item.`);
  }
  return reject("order/not-next", `The next question is ${titleOf(q.ix, head)}${why}; it is decided before ${target}.`);
}
