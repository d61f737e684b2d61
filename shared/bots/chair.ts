import type { Action } from "../engine/actions.ts";
import type { Moves } from "../engine/legal.ts";
import type { View } from "../engine/view.ts";
import type { Rng } from "../util/rng.ts";
import type { Bot, Decision } from "./types.ts";

function pick<T extends Action["type"]>(legal: Moves, type: T): Extract<Action, { type: T }> | undefined {
  return legal.of(type)[0];
}

/** Attending delegations that can still sign or decline. */
function signingDone(view: View): boolean {
  return view.scenario.delegations.filter((d) => d.present && d.maySign).every((d) => view.signatures[d.id] !== undefined);
}

/**
 * The chair bot (DESIGN §8): runs any scenario from opening to closing. It acts when the room is quiet (the
 * simulator asks it after the delegations; the server after a pause), gives the floor in turn, takes the
 * questions in the order the rules set, and lets the clock decide what nobody settles. Its style comes from
 * the scenario: "consensus" sends a blocked text to informal consultations and never overrules;
 * "temperature" sounds the room and, with a clear majority of placards, declares adoption over the
 * objections (as at WCIT-12); "procedural" calls votes when asked.
 */
export const chairBot: Bot = {
  id: "bot:chair@2",
  decide(view: View, legal: Moves, _rng: Rng): Decision | null {
    const style = view.scenario.chair.style;
    const rule = pick(legal, "rule");
    if (rule) {
      const point = view.points.find((p) => p.id === rule.point);
      return { action: { type: "rule", point: rule.point, decision: "upheld" }, why: `rule at once on ${rule.point}: the chair takes note of ${point?.by ?? "the delegation"}'s point` };
    }
    const resume = pick(legal, "resume");
    if (resume) return { action: resume, why: "the consultations have gone quiet: resume the meeting" };

    const motionVote = legal.of("call_vote").find((a) => view.motions.some((m) => m.id === a.target));
    if (motionVote) return { action: motionVote, why: "a procedural motion takes precedence: put it to the vote" };

    const ballot = view.ballot;
    if (ballot) {
      const everyone = ballot.voted.length >= ballot.voters.length || (ballot.method === "roll_call" && ballot.called === null);
      const close = pick(legal, "close_vote");
      return everyone && close ? { action: close, why: `all ${ballot.voters.length} entitled delegations have voted: close the vote` } : null;
    }
    if (view.floor.holder !== null) return null;
    const give = pick(legal, "give_floor");
    if (give) return { action: give, why: `${give.to} is next on the list of speakers` };

    switch (view.phase) {
      case "opening": {
        const open = pick(legal, "open_item");
        return open ? { action: open, why: `opening statements are done: open item ${open.item}` } : null;
      }
      case "debate":
      case "decision":
        return takeQuestions(view, legal, style);
      case "final_acts": {
        const close = pick(legal, "close_conference");
        return close && signingDone(view) ? { action: close, why: "every delegation has signed or declined: close the conference" } : null;
      }
      default:
        return null;
    }
  },
};

function takeQuestions(view: View, legal: Moves, style: string): Decision | null {
  const call = view.consensus;
  if (call) {
    const objectors = Object.keys(view.targets[call.target]?.objections ?? {});
    if (objectors.length === 0) {
      return { action: { type: "declare_consensus", target: call.target }, why: `no objection stands on ${call.target}: declare consensus` };
    }
    if (style === "temperature") {
      const temp = view.temperature;
      if (!temp || temp.target !== call.target) {
        const take = legal.of("take_temperature").find((a) => a.target === call.target);
        if (take && view.lastTemperature?.target !== call.target) return { action: take, why: `${objectors.join(", ")} object: take the feel of the room on ${call.target}` };
      } else {
        const values = Object.values(temp.placards);
        const yes = values.filter((p) => p === "for").length;
        const no = values.filter((p) => p === "against").length;
        // A clear majority of placards — three to two — is the WCIT chair's reading of the room.
        if (yes * 2 >= no * 3 && yes > 0) {
          return {
            action: { type: "declare_consensus", target: call.target, overrule: true },
            why: `placards ${yes} for, ${no} against, a clear majority with ${call.target}, adopt it over ${objectors.join(", ")}'s objection`,
          };
        }
        return null;
      }
    }
    // Consensus style: send the text to informal consultations once (a suspension, in which delegations
    // trade pledges into a package), then wait for objections to be withdrawn; the clock ends the call
    // otherwise. The chair never overrules.
    if (style === "consensus" && !call.consulted) {
      const suspend = pick(legal, "suspend");
      if (suspend) return { action: suspend, why: `${objectors.join(", ")} object to ${call.target}: suspend for informal consultations on a package` };
    }
    return null;
  }
  if (view.concluded) {
    const open = pick(legal, "open_item");
    if (open) return { action: open, why: `item concluded: open item ${open.item}` };
    const signing = pick(legal, "open_signing");
    return signing ? { action: signing, why: "the agenda is exhausted: open the Final Acts for signature" } : null;
  }
  const vote = pick(legal, "call_vote");
  if (vote) {
    const why = view.rule === "majority" ? `one country, one vote: put ${vote.target} to the vote` : `the meeting asked for a vote on ${vote.target}: call it`;
    return { action: vote, why };
  }
  const consensus = pick(legal, "call_consensus");
  if (consensus) return { action: consensus, why: `debate is quiet: call for consensus on ${consensus.target}` };
  if (view.phase === "debate") {
    const closeList = pick(legal, "close_speakers_list");
    if (closeList) return { action: closeList, why: "nothing seconded and nobody waiting to speak: close the list of speakers" };
  }
  return null;
}
