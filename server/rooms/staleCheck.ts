import type { AnyAction } from "../../shared/engine/actions.ts";
import type { State } from "../../shared/engine/state.ts";
import type { Answer, Seen } from "../../shared/protocol/messages.ts";

/**
 * The stale check of `act` (docs/protocol.md, "What the control was drawn from"). A client sends, beside an
 * action, what the control it used was drawn from: its view's seq, the ballot open then, the step, the text
 * the control named. The server refuses the action when one of those referents is no longer what the person
 * saw — never merely because the seq moved (in a 193-seat room at the fast pace it moves every 60–180 ms).
 *
 *   seen.ballot  vote, close_vote       the ballot open now must be that one
 *   seen.target  any action naming one  the action must be about the text (ruling, point, offer, item,
 *                                       delegation) the control named
 *   seen.step    the chair's steps      open_item, close_vote, declare_consensus, call_consensus, call_vote,
 *                                       take_temperature, close_speakers_list, open_signing,
 *                                       close_conference: the step must be the same
 */

const BALLOT_BOUND = new Set(["vote", "close_vote"]);
const STEP_BOUND = new Set(["open_item", "close_vote", "declare_consensus", "call_consensus", "call_vote", "take_temperature", "close_speakers_list", "open_signing", "close_conference"]);

/** What an action is about: its text, ruling, point, offer, item or delegation (null when none). */
export function referentOf(action: AnyAction): string | null {
  const a = action as Record<string, unknown>;
  for (const key of ["target", "amendment", "ruling", "point", "offer", "item", "to"] as const) {
    if (typeof a[key] === "string") return a[key];
  }
  return null;
}

export function staleRefusal(state: State, action: AnyAction, seen: Seen | undefined): Answer | null {
  if (!seen) return null;
  const refuse = (code: string, message: string): Answer => ({ ok: false, code, message });
  if (seen.ballot !== undefined && BALLOT_BOUND.has(action.type)) {
    const open = state.ballot;
    if (open?.id !== seen.ballot) {
      const now = open ? `the vote open now is on ${open.target}` : "no vote is open now";
      return refuse("stale/ballot", `The vote this button was for (${seen.ballot}) is over; ${now}. Nothing was recorded: look again before you vote.`);
    }
  }
  if (seen.target !== undefined) {
    const about = referentOf(action);
    if (about !== null && about !== seen.target) {
      return refuse("stale/target", `This control was drawn for ${seen.target}, but the action is about ${about}: the page had not caught up. Nothing was recorded: look again.`);
    }
  }
  if (seen.step !== undefined && STEP_BOUND.has(action.type)) {
    const step = state.steps[state.steps.length - 1]?.id ?? null;
    if (step !== seen.step) {
      return refuse("stale/step", `The meeting has moved on since this button was drawn (step ${seen.step} is over${step ? `; it is at ${step}` : ""}). Nothing was recorded: look again.`);
    }
  }
  return null;
}
