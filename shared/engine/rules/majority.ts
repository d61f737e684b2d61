import type { QuestionKind, Tally } from "../state.ts";

export interface MajorityRule {
  question: QuestionKind;
  threshold: "simple" | "two_thirds";
  basis: "present_voting" | "accredited";
  /** A substantive question back after abstentions postponed it: abstentions no longer count. */
  revote: boolean;
  /** Substantive questions are subject to the abstentions-over-half rule; procedural ones are not. */
  substantive: boolean;
  /** Delegations accredited with a voting right (the "accredited" basis). */
  accredited: number;
}

export type VoteStatus = "adopted" | "rejected" | "postponed" | "not_decided";

/**
 * The voting rules of DESIGN §3 (ITU General Rules, with the [M] caveats of docs/procedure.md), as one pure
 * function so the tables in tests/engine can pin every boundary. Integer arithmetic only: two-thirds is
 * 3·yes ≥ 2·base, never a float comparison.
 */
export function decideVote(t: Tally, rule: MajorityRule): { status: VoteStatus; reason: string } {
  const cast = t.yes + t.no + t.abstain;
  const voting = t.yes + t.no;
  if (rule.substantive && !rule.revote && 2 * t.abstain > cast) {
    return { status: "postponed", reason: `abstentions over half (${t.abstain} of ${cast}): postponed` };
  }
  if (rule.revote && voting === 0) {
    return { status: "not_decided", reason: "no yes or no votes at the re-vote: not decided" };
  }
  if (rule.threshold === "two_thirds") {
    if (rule.basis === "accredited") {
      const ok = 3 * t.yes >= 2 * rule.accredited;
      return {
        status: ok ? "adopted" : "rejected",
        reason: `${ok ? "two-thirds" : "under two-thirds"} of the ${rule.accredited} delegations accredited with a vote (${t.yes} yes): ${ok ? "adopted" : "rejected"}`,
      };
    }
    const ok = voting > 0 && 3 * t.yes >= 2 * voting;
    return {
      status: ok ? "adopted" : "rejected",
      reason: `${ok ? "two-thirds" : "under two-thirds"} of those present and voting (${t.yes} to ${t.no}): ${ok ? "adopted" : "rejected"}`,
    };
  }
  if (t.yes === t.no) return { status: "rejected", reason: `tie (${t.yes} to ${t.no}${t.abstain ? `, ${t.abstain} abstaining` : ""}): rejected` };
  const ok = t.yes > t.no;
  return {
    status: ok ? "adopted" : "rejected",
    reason: `${ok ? "majority" : "no majority"} of those present and voting (${t.yes} to ${t.no}${t.abstain ? `, ${t.abstain} abstaining` : ""}): ${ok ? "adopted" : "rejected"}`,
  };
}

/** What a question needs to pass, in words: the rule decideVote applies, as a voter reads it before voting. */
export function describeThreshold(rule: MajorityRule): string {
  const abstaining = rule.substantive && !rule.revote ? "; if more than half abstain, the question is postponed" : "";
  if (rule.threshold === "two_thirds" && rule.basis === "accredited") {
    return `Needed: yes from two-thirds of the ${rule.accredited} delegations accredited with a vote${abstaining}`;
  }
  if (rule.threshold === "two_thirds") return `Needed: yes at least two-thirds of yes + no (abstentions do not count${abstaining})`;
  return `Needed: more yes than no among those voting (abstentions do not count; a tie rejects${abstaining})`;
}
